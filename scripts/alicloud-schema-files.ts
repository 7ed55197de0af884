/**
 * The pinned aliyun/alicloud schema files in schemas/alicloud, read the same way by the
 * bindings generator and by the tests' schema oracle.
 */
import * as fs from 'fs';
import * as path from 'path';
import { annotateSchema, ProviderSchemasJson, RemovedArguments, ValueValidations } from '../src/domain/terraform-schema-check';

export const SCHEMA_DIR = path.resolve(__dirname, '..', 'schemas', 'alicloud');
export const ALICLOUD_SOURCE = 'registry.terraform.io/aliyun/alicloud';
const PINNED_FILE = /^aliyun-alicloud-(\d+\.\d+\.\d+)\.schema\.json$/;

/** The pinned schema file and the provider version encoded in its name. */
export function pinnedSchema(): { file: string; version: string } {
  const files = fs.readdirSync(SCHEMA_DIR).filter((f) => PINNED_FILE.test(f));
  if (files.length !== 1) throw new Error(`expected exactly one aliyun-alicloud-<version>.schema.json in ${SCHEMA_DIR}, found ${files.length}`);
  return { file: path.join(SCHEMA_DIR, files[0]), version: PINNED_FILE.exec(files[0])![1] };
}

/** The provider's removed arguments (schemas/alicloud/removed-arguments.json). */
export function removedArguments(): RemovedArguments {
  return JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'removed-arguments.json'), 'utf-8')) as RemovedArguments;
}

/**
 * The pinned schema with `provider_versions` set from the file name, and the removed
 * arguments and value validations of schemas/alicloud added.
 */
export function annotatedPinnedSchema(): ProviderSchemasJson {
  const { file, version } = pinnedSchema();
  const schema = JSON.parse(fs.readFileSync(file, 'utf-8')) as ProviderSchemasJson;
  const versioned = { ...schema, provider_versions: { ...schema.provider_versions, [ALICLOUD_SOURCE]: version } };
  const validations = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'value-validations.json'), 'utf-8')) as ValueValidations;
  return annotateSchema(versioned, ALICLOUD_SOURCE, removedArguments(), validations);
}

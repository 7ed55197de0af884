/**
 * The tests' schema oracle: the pinned aliyun/alicloud schema (schemas/alicloud), with the
 * provider's removed arguments and value validations added, and the checker the library
 * ships (src/domain/terraform-schema-check.ts; see there for what is checked). It finds what
 * `terraform validate` would reject without needing the Terraform CLI or the provider binary.
 */
import { annotatedPinnedSchema, pinnedSchema } from '../../scripts/alicloud-schema-files';
import { conformanceErrors as check, ProviderSchemasJson } from '../../src/domain/terraform-schema-check';

export type {
  AttributeSchema, BlockSchema, BlockTypeSchema, CtyType, ProviderSchema, ProviderSchemasJson, SchemaRepresentation,
} from '../../src/domain/terraform-schema-check';
export { terraformTypesIn } from '../../src/domain/terraform-schema-check';

let pinned: ProviderSchemasJson | undefined;

/**
 * The pinned aliyun/alicloud schema (schemas/alicloud/aliyun-alicloud-<version>.schema.json) with
 * `provider_versions` set, and the removed arguments and value validations added. Loaded once.
 */
export function loadPinnedSchema(): ProviderSchemasJson {
  pinned ??= annotatedPinnedSchema();
  return pinned;
}

/** Path and provider version of the pinned schema file. */
export function pinnedSchemaFile(): { path: string; version: string } {
  const { file, version } = pinnedSchema();
  return { path: file, version };
}

/**
 * Checks synthesized Terraform JSON against provider schemas (by default the annotated pinned
 * one); returns one message per problem (empty when it conforms).
 */
export function conformanceErrors(synthesizedJson: object | string, schema: ProviderSchemasJson = loadPinnedSchema()): string[] {
  return check(synthesizedJson, schema);
}

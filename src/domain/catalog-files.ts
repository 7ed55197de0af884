import { error, warning } from './catalog-helpers';
import { DOC_TERRAFORM_OUTPUTS, providerSource, TERRAFORM_SCHEMA_JSON } from './sources';

const PROVIDER_GO = providerSource('alicloud/provider.go');
const RESOURCES_GO = `${providerSource('alicloud')} resource_alicloud_*.go`;

/**
 * Rules about what the library writes: Terraform output names, credentials in output, and
 * conformance of alicloud resources to the pinned provider schema.
 */
export const FILES_RULES = {
  OUTPUT_NAME_COLLISION: error('TW-OUT-001',
    'Terraform output names written by the library must be unique in their stack and must not take a name a TerwayCluster reserves for its outputs',
    `${DOC_TERRAFORM_OUTPUTS} (an output name is unique within a module; cdktf merges outputs with the same logical ID)`),
  SCHEMA_UNKNOWN_ARGUMENT: error('TW-SCHEMA-001',
    'An alicloud resource, data source or provider block must use only arguments and blocks the pinned provider schema has',
    `${TERRAFORM_SCHEMA_JSON}; ${PROVIDER_GO} (ResourcesMap) and ${RESOURCES_GO} (Schema maps)`),
  SCHEMA_REMOVED_ARGUMENT: error('TW-SCHEMA-002',
    'Arguments the provider has removed (Go Removed:) must not be set; Terraform rejects them',
    `${RESOURCES_GO} (Removed: messages, e.g. worker_number, rollout_policy, spec)`),
  SCHEMA_REQUIRED_ARGUMENT: error('TW-SCHEMA-003',
    'Required arguments and blocks of an alicloud resource must be set',
    `${TERRAFORM_SCHEMA_JSON} (required, min_items); ${RESOURCES_GO}`),
  SCHEMA_VALUE: error('TW-SCHEMA-004',
    'Literal values must be ones the provider\'s validation accepts (allowed values, ranges, lengths, patterns)',
    `${RESOURCES_GO} (ValidateFunc: StringInSlice, IntBetween, StringLenBetween, …)`),
  SCHEMA_SHAPE: error('TW-SCHEMA-005',
    'Values must have the schema\'s type and block shape; computed-only attributes cannot be set; the provider version must be the pinned one',
    `${TERRAFORM_SCHEMA_JSON} (attribute types, nesting_mode, min_items/max_items, computed)`),
  SCHEMA_DEPRECATED_ARGUMENT: warning('TW-SCHEMA-006',
    'A deprecated argument is set; Terraform warns and a later provider version removes it',
    `${RESOURCES_GO} (Deprecated: messages)`),
} as const;

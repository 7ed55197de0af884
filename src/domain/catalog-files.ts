import { error } from './catalog-helpers';
import { DOC_TERRAFORM_OUTPUTS } from './sources';

/**
 * Rules about what the library writes: Terraform output names, credentials in output, and
 * conformance of alicloud resources to the pinned provider schema.
 */
export const FILES_RULES = {
  OUTPUT_NAME_COLLISION: error('TW-OUT-001',
    'Terraform output names written by the library must be unique in their stack and must not take a name a TerwayCluster reserves for its outputs',
    `${DOC_TERRAFORM_OUTPUTS} (an output name is unique within a module; cdktf merges outputs with the same logical ID)`),
} as const;

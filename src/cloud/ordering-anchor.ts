import { ITerraformDependable, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/**
 * An attribute-less `terraform_data` resource (Terraform ≥ 1.4, OpenTofu ≥ 1.6) that only orders:
 * it `depends_on` a set of resources, and others depend on it, so N dependents and M
 * prerequisites cost N + M `depends_on` entries instead of N × M. Not cdktf's `DataResource`,
 * which runs `terraform version` at synth for every instance (see NetworkModeRecord).
 * @see https://developer.hashicorp.com/terraform/language/resources/terraform-data
 */
export class OrderingAnchor extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'terraform_data';

  constructor(scope: Construct, id: string, dependsOn: ITerraformDependable[]) {
    super(scope, id, { terraformResourceType: OrderingAnchor.tfResourceType, terraformGeneratorMetadata: { providerName: 'terraform' }, dependsOn });
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return {};
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return {};
  }
}

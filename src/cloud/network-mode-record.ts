import { hashMapper, hashMapperHcl, stringToHclTerraform, stringToTerraform, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/**
 * A Terraform `terraform_data` resource (built into Terraform ≥ 1.4 and OpenTofu ≥ 1.6) whose
 * `triggers_replace` holds a node pool's network mode; the pool names it in
 * `lifecycle.replace_triggered_by`, so a change of mode recreates the pool.
 *
 * cdktf's own `DataResource` attaches a validation to every instance that runs
 * `terraform version` in a child process at synth: about 0.1 s per node pool, and a failed
 * synth wherever no `terraform` binary is on the PATH (OpenTofu-only machines, synth-only CI
 * images). This resource writes the same JSON without that validation; the Terraform version
 * requirement is stated in the docs instead.
 *
 * @see https://developer.hashicorp.com/terraform/language/resources/terraform-data
 * @see https://opentofu.org/docs/language/resources/tf-data/
 */
export class NetworkModeRecord extends TerraformResource {
  /** The Terraform resource type. */
  public static readonly tfResourceType = 'terraform_data';

  private readonly triggers: { [key: string]: string };

  constructor(scope: Construct, id: string, triggersReplace: { [key: string]: string }) {
    super(scope, id, { terraformResourceType: NetworkModeRecord.tfResourceType, terraformGeneratorMetadata: { providerName: 'terraform' } });
    this.triggers = { ...triggersReplace };
  }

  /** The address Terraform expects in `lifecycle.replace_triggered_by` (a plain address, not `${…}`). */
  public get address(): string {
    return `${NetworkModeRecord.tfResourceType}.${this.friendlyUniqueId}`;
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    return { triggers_replace: hashMapper(stringToTerraform)(this.triggers) };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    return { triggers_replace: { value: hashMapperHcl(stringToHclTerraform)(this.triggers), isBlock: false, type: 'map', storageClassType: 'stringMap' } };
  }
}

import { ITerraformDependable } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Kubernetes objects delivered through Terraform (`kubernetes_manifest` resources): a
 * `KubernetesManifests`. Node pools depend on this contract, not on the class, whose declaration
 * refers to cdk8s: so `FixedVSwitchNodePool` is on the cdktf-only entry point
 * (`ack-terway-network/cdktf`) and loads neither cdk8s nor the Kubernetes provider.
 * @see https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/manifest
 */
export interface IKubernetesManifests extends IConstruct {
  /** @internal */
  _manifestOf(kind: string, namespace: string | undefined, name: string): ITerraformDependable | undefined;
  /** @internal */
  _delivers(kind: string, namespace: string | undefined, name: string): boolean;
}


import { DefaultTokenResolver, StringConcat, TerraformProvider, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { RULES } from '../domain/catalog';
import { violation } from '../domain/finding';
import { Finding } from '../domain/rules';

/** Resource types whose address in a provider configuration means "this stack's cluster". */
const CLUSTER_ADDRESS = /(?<![\w.])(?:data\.alicloud_cs_cluster_credential|alicloud_cs_managed_kubernetes|alicloud_cs_kubernetes_node_pool)\.[\w-]+/;
/** Resources that need the Kubernetes API while Terraform plans. */
const PLAN_TIME_API_TYPES = new Set(['kubernetes_manifest', 'helm_release']);
const PROVIDER_TYPES = new Set(['kubernetes', 'helm']);

/**
 * Rule TW-DEPLOY-001 for the stack of `cluster`: what cannot plan before the cluster exists.
 * A `kubernetes_manifest` (or `helm_release`) in the stack that creates the cluster, and a
 * Kubernetes/Helm provider configured from that stack's cluster, node pool or cluster
 * credential. One walk over the stack.
 */
export function sameStackDeliveryFindings(cluster: IConstruct): Finding[] {
  const stack = TerraformStack.of(cluster);
  const holders = new Set<string>();
  const providers: TerraformProvider[] = [];
  for (const c of stack.node.findAll()) {
    if (c instanceof TerraformResource && PLAN_TIME_API_TYPES.has(c.terraformResourceType)) {
      holders.add(`${c.node.scope?.node.path ?? c.node.path} (${c.terraformResourceType})`);
    } else if (c instanceof TerraformProvider && PROVIDER_TYPES.has(c.terraformResourceType)) {
      providers.push(c);
    }
  }
  const findings: Finding[] = [];
  const fix = 'Create the TerwayCluster in one stack and the cluster objects in a ClusterObjectsStack that takes it (cdktf deploy \'*\' applies the cluster\'s stack first). '
    + 'An existing deployment moves its kubernetes_manifest/helm_release state with terraform state mv into the new stack\'s state, or lets the new stack re-create them (see docs/one-deploy.md)';
  if (holders.size > 0) {
    findings.push(violation(RULES.DEPLOY_SAME_STACK,
      `Stack ${stack.node.path} creates cluster ${cluster.node.path} and also holds ${[...holders].sort().join(', ')}; Terraform cannot plan them before the cluster exists.`, fix));
  }
  for (const p of providers) {
    const resolver = new DefaultTokenResolver(new StringConcat());
    const config = JSON.stringify(Tokenization.resolve(p.toTerraform(), { scope: stack, resolver, preparing: false }));
    const address = CLUSTER_ADDRESS.exec(config);
    if (address) {
      findings.push(violation(RULES.DEPLOY_SAME_STACK,
        `The ${p.terraformResourceType} provider ${p.node.path} is configured from ${address[0]} of its own stack ${stack.node.path}; it has no value while that stack plans.`, fix));
    }
  }
  return findings;
}

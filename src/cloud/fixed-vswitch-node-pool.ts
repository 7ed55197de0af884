import { dependable } from 'cdktf';
import { Construct } from 'constructs';
import { IKubernetesManifests } from './manifests-contract';
import { NodeTaint, TaintEffect, TerwayNodePool, TerwayNodePoolProps } from './node-pool';
import { libraryOutput } from './output-names';
import { runBeforeFirstWrite } from './synth-gate';
import { FixedVSwitchPoolInfo } from '../core/cluster-info';
import { registerRuleCheck } from '../core/validation';
import { RULES } from '../domain/catalog';
import { violation } from '../domain/finding';
import { checkDedicatedVSwitchAddresses, FixedPoolPlan, fixedConfigNameFindings } from '../domain/fixed-vswitch';
import { ResourceIdKind } from '../domain/ids';
import { checkInputs, describeValue, propsStructOf } from '../domain/input';
import { NodePoolFact, VSwitchFact } from '../domain/network-plan/facts';
import { TERWAY_CONFIG_LABEL } from '../domain/node-pool';
import { Finding } from '../domain/rules';
import { Vswitch } from '../generated/alicloud/vswitch';

/** A dedicated vSwitch of a fixed-vSwitch node pool: created from `cidrBlock`, or existing (`vswitchId`). */
export interface FixedVSwitchSpec {
  /** Zone of the vSwitch; one of the pool's zones. */
  readonly zoneId: string;
  /** CIDR block: of the vSwitch to create, or of the existing one. It is the allowlist entry. */
  readonly cidrBlock: string;
  /**
   * ID of an existing vSwitch in the cluster's VPC (`vsw-…`); nothing is created.
   * @default - a vSwitch is created (`alicloud_vswitch`)
   */
  readonly vswitchId?: string;
}

/** Properties of a {@link FixedVSwitchNodePool}. */
export interface FixedVSwitchNodePoolProps extends TerwayNodePoolProps {
  /**
   * Name of the per-node ConfigMap in kube-system (e.g. `eni-config-fixed`); the pool's nodes
   * get the label `terway-config: <configName>`.
   */
  readonly configName: string;
  /** The dedicated vSwitches pods of this pool take IPs from, at least one per pool zone. */
  readonly vSwitches: FixedVSwitchSpec[];
  /**
   * Security groups for the pods' ENIs (written by FixedVSwitchConfig into `security_groups`).
   * @default - the nodes' primary-ENI security groups
   */
  readonly securityGroupIds?: string[];
  /**
   * The taint that keeps other pods off the pool. Added to `taints`.
   * @default - key `terway-config`, value configName, effect NoSchedule
   */
  readonly fixedTaint?: NodeTaint;
  /** Give every created or existing dedicated vSwitch an SNAT entry on the cluster's NAT gateway. @default true */
  readonly internetEgress?: boolean;
  /**
   * One-deploy path: the KubernetesManifests (e.g. `ClusterObjectsStack.manifests`) that deliver the FixedVSwitchConfig. The pool then
   * `depends_on` the ConfigMap's `kubernetes_manifest`, so nodes start after it exists.
   * @default - GitOps path: apply the ConfigMap before this pool creates nodes (TW-FIXED-009 warns)
   */
  readonly configMapManifests?: IKubernetesManifests;
}

/** The fixed-vSwitch pools of each cluster, in construction order. */
const FIXED_POOLS = new WeakMap<object, FixedPoolPlan[]>();

/**
 * The cloud side of the container-network FAQ's allowlisting recipe: dedicated vSwitches in
 * the cluster's VPC (created, or existing IDs) with SNAT for Internet egress, and a node pool
 * labelled `terway-config: <configName>` and tainted, whose pods take IPs only from those
 * vSwitches once `FixedVSwitchConfig` (cluster side) writes the ConfigMap. The allowlist CIDR
 * blocks are a typed property and the Terraform output `<configName>_allowlist_cidrs`.
 *
 * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/faq-about-container-networks
 */
export class FixedVSwitchNodePool extends TerwayNodePool {
  /** ConfigMap name / `terway-config` label value. */
  public readonly configName: string;
  /** The CIDR blocks of the dedicated vSwitches: put these in external allowlists. */
  public readonly allowlistCidrs: string[];
  /** Dedicated vSwitch IDs per zone. */
  public readonly vSwitchIds: { [zoneId: string]: string[] };
  /** What FixedVSwitchConfig needs (pass it as `pool`). */
  public readonly schedulingInfo: FixedVSwitchPoolInfo;
  private readonly planVSwitches: VSwitchFact[] = [];

  constructor(scope: Construct, id: string, props: FixedVSwitchNodePoolProps) {
    const check = checkInputs(`${scope.node.path}/${id}`);
    // Before the props are spread into the base class's: unknown names are refused against this class's props.
    check.object('props', props, { struct: propsStructOf(new.target) });
    const configName = check.string('configName', props.configName, { minLength: 1 });
    const specs = check.array('vSwitches', props.vSwitches, { minLength: 1 }).map((v, i) => {
      const c = check.at(`vSwitches[${i}]`);
      const spec = check.object(`vSwitches[${i}]`, v) as unknown as FixedVSwitchSpec;
      return {
        zoneId: c.string('zoneId', spec.zoneId, { minLength: 1 }),
        cidrBlock: c.string('cidrBlock', spec.cidrBlock, { minLength: 1 }),
        vswitchId: c.resourceId('vswitchId', spec.vswitchId, ResourceIdKind.VSWITCH, { optional: true }),
      };
    });
    const securityGroupIds = check.resourceIdArray('securityGroupIds', props.securityGroupIds, ResourceIdKind.SECURITY_GROUP, { optional: true, minLength: 1, maxLength: 10 });
    const internetEgress = check.boolean('internetEgress', props.internetEgress, { optional: true }) ?? true;
    const manifests = props.configMapManifests;
    if (manifests !== undefined && !isKubernetesManifests(manifests)) check.fail('configMapManifests', `must be a KubernetesManifests, got ${describeValue(manifests)}.`);
    const labels = check.stringMap('labels', props.labels, { optional: true }) ?? {};
    const taint = (check.object('fixedTaint', props.fixedTaint, { optional: true }) as unknown as NodeTaint | undefined)
      ?? { key: TERWAY_CONFIG_LABEL, value: configName, effect: TaintEffect.NO_SCHEDULE };
    const zoneIds = check.stringArray('zoneIds', props.zoneIds, { optional: true, minLength: 1 }, { minLength: 1 }) ?? [...new Set(specs.map((s) => s.zoneId))];
    super(scope, id, {
      ...props,
      zoneIds,
      labels: { [TERWAY_CONFIG_LABEL]: configName, ...labels },
      taints: [...(check.array('taints', props.taints, { optional: true }) as NodeTaint[] | undefined ?? []), taint],
    });
    this.configName = configName;
    const cluster = props.cluster;
    const findings: Finding[] = [...fixedConfigNameFindings(configName)];
    if (this.nodeLabels[TERWAY_CONFIG_LABEL] !== configName) {
      findings.push(violation(RULES.FIXED_POOL_LABEL, `Node pool ${this.nodePoolName} sets ${TERWAY_CONFIG_LABEL}: ${this.nodeLabels[TERWAY_CONFIG_LABEL]}, but its ConfigMap is ${configName}.`,
        `Remove ${TERWAY_CONFIG_LABEL} from labels; the pool sets it to configName.`));
    }
    const outsideCluster = specs.filter((s) => !cluster.zoneIds.includes(s.zoneId));
    const outsidePool = specs.filter((s) => !zoneIds.includes(s.zoneId));
    const uncovered = zoneIds.filter((z) => !specs.some((s) => s.zoneId === z));
    if (outsideCluster.length > 0 || outsidePool.length > 0 || uncovered.length > 0) {
      findings.push(violation(RULES.FIXED_VSWITCH_ZONE,
        `Dedicated vSwitches of ${configName} are in ${specs.map((s) => s.zoneId).join(', ')}; the pool's zones are ${zoneIds.join(', ')} (cluster zones: ${cluster.zoneIds.join(', ')}).`,
        'Give every zone of the pool at least one dedicated vSwitch, and only in the pool\'s zones (pods on nodes of a zone without one get IPs outside the allowlisted block).'));
    }

    const dedicated = specs.map((s, i) => ({ label: `dedicated vSwitch #${i + 1} in ${s.zoneId}`, zoneId: s.zoneId, cidr: s.cidrBlock, vswitchId: s.vswitchId }));
    // Earlier fixed pools of the same cluster: their vSwitches count as taken, and a shared ConfigMap name needs the same vSwitches.
    const earlier = [...(FIXED_POOLS.get(cluster) ?? [])];
    FIXED_POOLS.set(cluster, [...earlier, { configName, path: this.node.path, dedicated }]);
    // An existing vSwitch an earlier pool of the same ConfigMap uses has its SNAT entry already.
    const snatted = new Set(earlier.filter((p) => p.configName === configName).flatMap((p) => p.dedicated.map((d) => d.vswitchId)));
    const vswitchIds: { [zoneId: string]: string[] } = {};
    specs.forEach((spec, i) => {
      const label = `dedicated vSwitch #${i + 1} in ${spec.zoneId}`;
      this.planVSwitches.push({ role: 'fixed', zoneId: spec.zoneId, label, cidr: spec.cidrBlock, vswitchId: spec.vswitchId });
      const vswitchId = spec.vswitchId ?? new Vswitch(this, `VSwitch-${spec.zoneId}-${i + 1}`, {
        vpcId: cluster.vpcId,
        zoneId: spec.zoneId,
        cidrBlock: spec.cidrBlock,
        vswitchName: `${configName}-${spec.zoneId}-${i + 1}`,
      }).id;
      (vswitchIds[spec.zoneId] ??= []).push(vswitchId);
      if (internetEgress && !(spec.vswitchId !== undefined && snatted.has(spec.vswitchId)) && !cluster._addSnatEntry(this, `Snat-${spec.zoneId}-${i + 1}`, vswitchId)) {
        findings.push(violation(RULES.POD_VSWITCH_NO_SNAT, `${label} of ${configName} gets no SNAT entry because the cluster has no NAT gateway.`,
          'Enable the cluster\'s natGateway, add SNAT for this vSwitch yourself, or set internetEgress: false; then acknowledge.'));
      }
    });
    this.vSwitchIds = vswitchIds;
    this.allowlistCidrs = specs.map((s) => s.cidrBlock);
    this.schedulingInfo = {
      configName,
      nodePoolName: this.nodePoolName,
      zoneIds: [...zoneIds],
      vSwitchIds: vswitchIds,
      securityGroupIds,
      taints: this.nodeTaints.map((t) => ({ ...t })),
      allowlistCidrs: [...this.allowlistCidrs],
    };
    cluster._registerFixedVSwitchPoolInfo(this.schedulingInfo, this);
    // Pools sharing a ConfigMap share its vSwitches (TW-FIXED-010), so the first one writes the output.
    if (!earlier.some((p) => p.configName === configName)) {
      const outputName = configName.replace(/[^A-Za-z0-9_]/g, '_');
      libraryOutput(this, 'AllowlistCidrs', `${outputName}_allowlist_cidrs`,
        { value: this.allowlistCidrs, description: `CIDR blocks of the pods of node pool ${this.nodePoolName} (ConfigMap ${configName}), for external allowlists` });
    }

    if (manifests) {
      // Once, before the first stack is prepared (the synth gate), or when this pool's stack
      // is synthesized on its own: the ConfigMap's resource exists then.
      let linked = false;
      runBeforeFirstWrite(this, () => {
        if (linked) return [];
        linked = true;
        const configMap = manifests._manifestOf('ConfigMap', 'kube-system', configName);
        if (configMap) this.nodePool.dependsOn = [...(this.nodePool.dependsOn ?? []), dependable(configMap)];
        return [];
      });
    }
    const existing = props.existingInstanceIds?.length ?? 0;
    registerRuleCheck(this, [
      RULES.FIXED_CONFIG_NAME, RULES.FIXED_POOL_LABEL, RULES.FIXED_VSWITCH_ZONE, RULES.FIXED_VSWITCH_VPC, RULES.CIDR_SYNTAX,
      RULES.POD_VSWITCH_NO_SNAT, RULES.FIXED_EXISTING_NODES, RULES.FIXED_CONFIG_ORDER, RULES.CIDR_MASK_RANGE, RULES.FIXED_SHARED_CONFIG,
    ], () => [
      ...findings,
      ...checkDedicatedVSwitchAddresses(configName, dedicated, cluster._addressPlan().vpcCidrs, cluster._addressPlan().vswitches, earlier),
      ...(existing > 0 ? [violation(RULES.FIXED_EXISTING_NODES,
        `Node pool ${this.nodePoolName} adds ${existing} existing ECS instance(s); ENIs already attached keep their old vSwitch, so their pods get IPs outside the allowlisted block.`,
        'Detach the secondary ENIs of these instances before adding them (or rotate the nodes), then acknowledge.')] : []),
      ...this.orderFindings(manifests),
    ]);
  }

  private orderFindings(manifests: IKubernetesManifests | undefined): Finding[] {
    if (manifests === undefined) {
      return [violation(RULES.FIXED_CONFIG_ORDER,
        `Node pool ${this.nodePoolName} reads ConfigMap kube-system/${this.configName}, which this stack does not create.`,
        'GitOps: apply the FixedVSwitchConfig ConfigMap before this pool creates nodes (or restart the Terway pods on them afterwards), then acknowledge. One deploy: pass configMapManifests.')];
    }
    // The rendered resources or the app-wide index, never a render of every chart per pool.
    const delivered = manifests._delivers('ConfigMap', 'kube-system', this.configName);
    return delivered ? [] : [violation(RULES.FIXED_POOL_LABEL,
      `configMapManifests (${manifests.node.path}) deliver no ConfigMap kube-system/${this.configName} for node pool ${this.nodePoolName}.`,
      `Add a FixedVSwitchConfig named ${this.configName} to the cdk8s app of those manifests.`)];
  }

  /** @internal */
  public _planFact(): NodePoolFact {
    return { ...super._planFact(), fixedConfigName: this.configName, vSwitches: [...this.planVSwitches] };
  }
}

/** Whether `x` is a KubernetesManifests, by shape (so this module need not load it, nor cdk8s). */
function isKubernetesManifests(x: unknown): x is IKubernetesManifests {
  const m = x as { _manifestOf?: unknown; _delivers?: unknown } | null | undefined;
  return typeof m === 'object' && m !== null && typeof m._manifestOf === 'function' && typeof m._delivers === 'function';
}

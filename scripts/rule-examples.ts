/**
 * For docs/rules.md: one example violation and its fix per rule (input shapes as a user
 * writes them). Every rule in the catalogue needs an entry; test/docs.test.ts checks it.
 * Add one here when you add a rule.
 */
import { PLAN_RULE_EXAMPLES } from './rule-examples-plan';

export interface RuleExample {
  /** What a user writes that breaks the rule. */
  readonly violation: string;
  /** What to write instead. */
  readonly fix: string;
}

export const RULE_EXAMPLES: Record<string, RuleExample> = {
  ...PLAN_RULE_EXAMPLES,
  'TW-SKIP-001': {
    violation: '`new PodNetworkingPlane(chart, \'Db\', { name: \'db\', podSelector, vSwitches, securityGroupIds })` without `cluster`.',
    fix: 'Pass `cluster: TerwayClusterOutputs.fromFile(\'outputs.json\').clusterInfo` (or a TerwayClusterDescription), or acknowledge TW-SKIP-001 with a reason.',
  },
  'TW-CLUSTER-001': {
    violation: 'An existing cluster described by `aliyun cs GET /clusters` whose `parameters.Network` is `Flannel`, or a cluster without pod vSwitches.',
    fix: 'Create the cluster with `TerwayCluster`, which always sets add-on `terway-eniip` and `pod_vswitch_ids`.',
  },
  'TW-CLUSTER-002': {
    violation: 'Setting `pod_cidr` (Flannel\'s container CIDR) on a Terway cluster through an escape hatch.',
    fix: 'Remove `pod_cidr`; give each zone `podVSwitches` instead.',
  },
  'TW-CLUSTER-003': {
    violation: "`kubernetesVersion: '1.33'`",
    fix: "Use the full ACK version string, e.g. `kubernetesVersion: '1.33.1-aliyun.1'`.",
  },
  'TW-CLUSTER-004': {
    violation: "`clusterDomain: 'Bad_Domain'`",
    fix: "Use lowercase DNS labels, e.g. `clusterDomain: 'cluster.local'`.",
  },
  'TW-CLUSTER-005': {
    violation: "`clusterDomain: 'corp.example'` (a custom domain; warning)",
    fix: "Keep `cluster.local`, or acknowledge: `Acknowledgements.of(cluster).add('TW-CLUSTER-005', 'corp.example is not resolved elsewhere')`.",
  },
  'TW-ID-001': {
    violation: "`vpc: { vpcId: 'vpc-', cidrBlock: '192.168.0.0/16' }`, or a vSwitch ID passed as `securityGroupId`.",
    fix: "Pass the real ID with its prefix and suffix, e.g. `vpcId: 'vpc-bp1abcdefghij0123456'`.",
  },
  'TW-NET-001': {
    violation: "`nodeVSwitches: [{ cidrBlock: '192.168.0.1/24' }]` (host bits set)",
    fix: "Use the network address: `cidrBlock: '192.168.0.0/24'`.",
  },
  'TW-NET-002': {
    violation: "`serviceCidr: '100.64.0.0/20'` or `serviceCidr: '172.21.0.0/25'`",
    fix: "Pick a /16 to /24 block in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, e.g. `serviceCidr: '172.21.0.0/20'`.",
  },
  'TW-NET-003': {
    violation: "`vpc: { cidrBlock: '192.168.0.0/16' }` with `serviceCidr: '192.168.192.0/20'`",
    fix: "Pick a Service CIDR outside the VPC, e.g. `serviceCidr: '172.21.0.0/20'`.",
  },
  'TW-NET-004': {
    violation: "`vpc: { cidrBlock: '192.168.0.0/16' }` with a vSwitch `cidrBlock: '10.0.0.0/24'`",
    fix: 'Carve every vSwitch out of the VPC CIDR, e.g. `192.168.1.0/24`.',
  },
  'TW-NET-005': {
    violation: 'Node vSwitch `192.168.0.0/24` and pod vSwitch `192.168.0.0/19` (the pod block contains the node block).',
    fix: 'Give node and pod vSwitches disjoint blocks, e.g. node `192.168.0.0/24`, pod `192.168.32.0/19`.',
  },
  'TW-NET-006': {
    violation: 'A zone `cn-hangzhou-j` with `podVSwitches` but no `nodeVSwitches`.',
    fix: 'Add a node vSwitch in that zone, or move the pod vSwitch to a zone that has nodes.',
  },
  'TW-NET-007': {
    violation: 'A zone with `nodeVSwitches` and no `podVSwitches` (warning).',
    fix: "Add a pod vSwitch in every node zone, e.g. `podVSwitches: [{ cidrBlock: '192.168.64.0/19' }]`.",
  },
  'TW-NET-008': {
    violation: 'The same `zoneId` listed twice in `zones`, or one vSwitch ID used as two pod vSwitches.',
    fix: 'Declare each zone once and list all its vSwitches there.',
  },
  'TW-NET-009': {
    violation: "`podVSwitches: [{ vswitchId: 'vsw-…' }]` naming the zone's node vSwitch (warning).",
    fix: 'Use a separate pod vSwitch so pod IPs cannot exhaust the node subnet.',
  },
  'TW-NET-010': {
    violation: '`expectedPodCount: 6000` with one `/24` pod vSwitch (252 usable addresses).',
    fix: 'Add pod vSwitches or use larger blocks (a /19 holds 8,188 pods).',
  },
  'TW-NET-011': {
    violation: "`podVSwitches: [{ cidrBlock: '192.168.32.0/26' }]`",
    fix: 'Use a /25 or larger block; /19 is recommended.',
  },
  'TW-NET-012': {
    violation: "`podVSwitches: [{ cidrBlock: '192.168.32.0/24' }]` (warning)",
    fix: "Use a /19 or larger block, e.g. `cidrBlock: '192.168.32.0/19'`.",
  },
  'TW-NET-013': {
    violation: "`vpc: { cidrBlock: '10.0.0.0/7' }` or a vSwitch `cidrBlock: '192.168.0.0/30'`",
    fix: 'Keep VPC prefixes between /8 and /28 and vSwitch prefixes between /16 and /29.',
  },
  'TW-NET-014': {
    violation: "`vpc: { cidrBlock: '192.168.0.0/16' }` (a VPC this stack creates) with `podVSwitches: [{ vswitchId: 'vsw-bp1pod0000001' }]`",
    fix: "Give the vSwitch a `cidrBlock` so it is created in the new VPC, or use the VPC that holds it: `vpc: { vpcId: 'vpc-bp1…', cidrBlock: … }`.",
  },
  'TW-NET-015': {
    violation: "`new AlicloudProvider(stack, 'alicloud', { region: 'cn-shanghai' })` with `zones: [{ zoneId: 'cn-hangzhou-h', … }]`",
    fix: "Use zones of the provider's region (e.g. `cn-shanghai-b`), or set the provider's `region: 'cn-hangzhou'`.",
  },
  'TW-DUAL-001': {
    violation: "`ipStack: IpStack.DUAL` with `kubernetesVersion: '1.20.11-aliyun.1'`",
    fix: 'Use Kubernetes 1.22 or later for dual stack.',
  },
  'TW-DUAL-002': {
    violation: '`ipStack: IpStack.DUAL` on an existing VPC or vSwitches without IPv6.',
    fix: 'Enable IPv6 on the VPC and its vSwitches, or let `TerwayCluster` create them.',
  },
  'TW-DUAL-003': {
    violation: 'A dual-stack node pool with an instance type that has fewer IPv6 than IPv4 addresses per ENI (warning).',
    fix: 'Choose an instance type with equal IPv4 and IPv6 counts per ENI.',
  },
  'TW-ACCEL-001': {
    violation: '`acceleration: NetworkAcceleration.DATAPATH_V2` on a cluster with an exclusive ENI node pool.',
    fix: 'Drop the acceleration, or keep exclusive ENI workloads in a cluster without it.',
  },
  'TW-ACCEL-002': {
    violation: '`acceleration: NetworkAcceleration.IPVLAN` (warning).',
    fix: 'Use `NetworkAcceleration.DATAPATH_V2`, which clusters created with Terway v1.8.0 or later get anyway.',
  },
  'TW-TRUNK-001': {
    violation: "`trunkEni: false` with `kubernetesVersion: '1.33.1-aliyun.1'`",
    fix: 'Leave Trunk ENI on (the default) for Kubernetes 1.31 and later.',
  },
  'TW-TRUNK-002': {
    violation: 'Trunk ENI on without the `terway-controlplane` add-on.',
    fix: 'Let `TerwayCluster` add `terway-controlplane` (it does whenever Trunk ENI is on).',
  },
  'TW-NAT-001': {
    violation: '`natGateway: { enabled: false }` with pod vSwitches that have no SNAT entry (warning).',
    fix: "Keep the NAT gateway (one SNAT entry per vSwitch), or acknowledge: `Acknowledgements.of(cluster).add('TW-NAT-001', 'egress goes through the transit VPC')`.",
  },
  'TW-SEC-001': {
    violation: "`new alicloud.provider.AlicloudProvider(stack, 'alicloud', { accessKey: '…', secretKey: '…' })`",
    fix: 'Remove the keys; use ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY, a profile, an ECS RAM role or RRSA.',
  },
  'TW-SEC-002': {
    violation: '`enableRrsa: false` (warning).',
    fix: 'Leave RRSA on (the default) so add-ons assume RAM roles.',
  },
  'TW-NODEPOOL-001': {
    violation: "`instanceTypes: ['ecs.g6.large']` ((2 − 1) ENIs × 6 IPs = 6 pod IPs, not more than 11).",
    fix: 'Choose an instance type with more ENIs or IPs per ENI, e.g. `ecs.g7.xlarge`.',
  },
  'TW-NODEPOOL-002': {
    violation: "`instanceTypes: ['ecs.g7.xlarg']` (a typo the bundled ENI capacity table does not know; warning).",
    fix: "Fix the name, e.g. `ecs.g7.xlarge`; if it is right, acknowledge: `Acknowledgements.of(pool).add('TW-NODEPOOL-002', 'checked at plan time')`.",
  },
  'TW-PN-001': {
    violation: '`allocationType: AllocationType.FIXED` on a plane whose selector matches a Deployment.',
    fix: 'Use Fixed only for StatefulSets (or owner-less pods); give Deployments an Elastic plane.',
  },
  'TW-PN-002': {
    violation: '`allocationType: AllocationType.ELASTIC` with `releaseStrategy: ReleaseStrategy.TTL`',
    fix: 'Drop `releaseStrategy`/`releaseAfter`, or use `AllocationType.FIXED`.',
  },
  'TW-PN-003': {
    violation: "`releaseStrategy: ReleaseStrategy.NEVER` with `releaseAfter: '1h'`",
    fix: 'Drop `releaseAfter`, or use `ReleaseStrategy.TTL`.',
  },
  'TW-PN-004': {
    violation: "`releaseStrategy: ReleaseStrategy.TTL` with `releaseAfter: '1 hour'`",
    fix: "Use a Go duration: `releaseAfter: '1h'`.",
  },
  'TW-PN-005': {
    violation: "`releaseAfter: '2m'`",
    fix: "Use at least five minutes: `releaseAfter: '5m'`.",
  },
  'TW-PN-006': {
    violation: '`securityGroupIds: []`, or six security groups.',
    fix: 'Pass one to five security group IDs.',
  },
  'TW-PN-007': {
    violation: '`vSwitches: []`',
    fix: "Pass at least one vSwitch: `vSwitches: [{ vswitchId: 'vsw-…', zoneId: 'cn-hangzhou-h' }]`.",
  },
  'TW-PN-008': {
    violation: "A plane vSwitch in `cn-hangzhou-k` when the cluster's node zones are h and i.",
    fix: "Use vSwitches in the cluster's node zones, or add a node vSwitch in that zone.",
  },
  'TW-PN-009': {
    violation: 'A plane with vSwitches in one zone of a three-zone cluster (warning).',
    fix: 'Give the plane a vSwitch in every node zone, or acknowledge that its pods stay in those zones.',
  },
  'TW-PN-010': {
    violation: 'Two planes whose selectors both match the pod template of one workload.',
    fix: 'Make the selectors disjoint, e.g. one label key with a distinct value per plane.',
  },
  'TW-PN-011': {
    violation: 'Plane A selects `app: web`, plane B selects `tier: frontend`; a pod could carry both labels (warning).',
    fix: 'Select on one label key with distinct values, or acknowledge the overlap with the reason no pod has both.',
  },
  'TW-PN-012': {
    violation: 'A plane with neither `podSelector` nor `namespaceSelector` (warning).',
    fix: 'Add a selector, or rely on pods naming the plane in the `k8s.aliyun.com/pod-networks-request` annotation and acknowledge.',
  },
  'TW-PN-013': {
    violation: '`eniType: EniType.TRUNK` with `cluster: { trunkEniEnabled: false }`',
    fix: 'Turn Trunk ENI on (`TerwayCluster` `trunkEni`, or `EniConfig` `enableTrunking` for GitOps).',
  },
  'TW-PN-014': {
    violation: "`eniType: EniType.TRUNK` (eniOptions) with `cluster: { terwayVersion: 'v1.10.0' }`",
    fix: 'Upgrade Terway to v1.11.0 or later, or drop eniType and vSwitchSelectionPolicy.',
  },
  'TW-PN-015': {
    violation: 'Any plane: its security groups do not filter traffic between pods on the same node (warning).',
    fix: "Add NetworkPolicies for same-node isolation, then `Acknowledgements.of(chart).add('TW-PN-015', 'isolated by NetworkPolicy')`.",
  },
  'TW-PN-016': {
    violation: '`cluster: { createdBeforeJune2020: true }` or `dedicatedCluster: true` (warning).',
    fix: 'Follow the extra Trunk ENI steps for such clusters, then acknowledge.',
  },
  'TW-PN-017': {
    violation: "`name: 'DB_Plane'` or `podSelector: { matchLabels: { 'bad key!': 'x' } }`",
    fix: "Use DNS-1123 names and valid label syntax, e.g. `name: 'db-plane'`.",
  },
  'TW-PN-018': {
    violation: '`allocationType: AllocationType.FIXED` without `releaseStrategy` (warning).',
    fix: "Set `releaseStrategy: ReleaseStrategy.TTL, releaseAfter: '1h'`, or `ReleaseStrategy.NEVER` on purpose.",
  },
  'TW-PN-019': {
    violation: "A selector-less plane with `cluster: { terwayVersion: 'v1.13.6' }`",
    fix: 'Add a selector, or upgrade Terway (v1.16.1 or later for non-Default eniType).',
  },
  'TW-PN-020': {
    violation: 'Plane A selects `app: web`; plane B selects `app: web, tier: frontend` (every pod B selects, A selects too).',
    fix: 'Make the selectors disjoint, e.g. `network.example.com/plane: a` and `…: b`.',
  },
  'TW-ENICONF-001': {
    violation: '`EniConfig` with `enableTrunking: true` and an existing `credential_path` other than `/var/addon/token-config` (warning).',
    fix: 'Use `credential_path: /var/addon/token-config` on ACK managed clusters.',
  },
  'TW-ENICONF-002': {
    violation: '`EniConfig` with `enableTrunking: false` over existing data where `enable_eni_trunking` is true.',
    fix: 'Keep Trunk ENI on; it cannot be turned off once enabled.',
  },
  'TW-ENICONF-003': {
    violation: '`existingData.eni_conf` with eleven entries in `security_groups`.',
    fix: 'List at most ten security groups (`security_group` and `security_groups` together).',
  },
  'TW-ENICONF-004': {
    violation: '`disable_network_policy` inside the `eni_conf` JSON (warning).',
    fix: 'Move it to its own data key of kube-system/eni-config (and `eniip_virtual_type` to `10-terway.conf`).',
  },
  'TW-ENICONF-005': {
    violation: "`existingData: { eni_conf: 'version: 1' }` (YAML, not JSON)",
    fix: 'Pass `eni_conf` as a JSON object string, e.g. `JSON.stringify({ version: \'1\', … })`.',
  },
  'TW-ENICONF-006': {
    violation: '`EniConfig` whose `eni_conf` has no `vswitches` map (warning).',
    fix: "Pass the cluster's current eni-config as `existingData`, including `vswitches` per zone.",
  },
  'TW-ENICONF-007': {
    violation: "`EniConfig` (or `FixedVSwitchConfig`) with `eniConfOverrides: { max_pool_size: '5' }`",
    fix: 'Give the JSON type Terway declares: `max_pool_size: 5` (a number, not a string).',
  },
  'TW-ENICONF-008': {
    violation: "`eniConfOverrides: { ip_stack: 'ipv6' }` or `eniConfOverrides: { max_pool_size: -1 }`",
    fix: "Use allowed values: `ip_stack: 'ipv4'` or `'dual'`, counts of 0 or more, Go durations such as `'2m'`.",
  },
  'TW-ENICONF-009': {
    violation: "`eniConfOverrides: { hot_plug: 'true' }` or `{ disable_security_group_check: true }` (keys Terway no longer reads; warning).",
    fix: 'Remove the key; current Terway versions ignore it.',
  },
  'TW-EIP-001': {
    violation: '`new PodEipWorkloads(chart, \'Eips\', {})` (ack-extend-network-controller) in an app whose `EniConfig` sets `enableEipPool: true`, or two `PodEipPolicy` with different `implementation`s in one stack.',
    fix: 'Choose one implementation per cluster: turn Terway\'s EIP off (`EniConfig` `enableEipPool: false`) and migrate legacy EIPs to ack-extend-network-controller.',
  },
  'TW-EIP-002': {
    violation: "`implementation: PodEipImplementation.LEGACY_TERWAY` with `clusterInfo: { terwayVersion: 'v1.8.0', … }`, or without `terwayVersion`.",
    fix: "Use ack-extend-network-controller, or declare the cluster's Terway version, v1.0.10 to before v1.7.0 (e.g. `terwayVersion: 'v1.6.4'`).",
  },
  'TW-EIP-003': {
    violation: '`PodEipWorkloads` with `implementation: PodEipImplementation.LEGACY_TERWAY` in an app with a `PodNetworkingPlane` that sets `eniType: EniType.TRUNK`.',
    fix: 'Use ack-extend-network-controller for EIPs, or drop `eniType` and `vSwitchSelectionPolicy` while the cluster stays before Terway v1.7.0.',
  },
  'TW-EIP-004': {
    violation: "Legacy Terway EIPs with `eips.addWorkload(web, { name: 'web-eip', tags: { team: 'a' } })`, `releaseStrategy: '10m'` or `readinessGate: true`.",
    fix: 'Remove these options, or switch to ack-extend-network-controller (the default `implementation`).',
  },
  'TW-EIP-005': {
    violation: '`implementation: PodEipImplementation.LEGACY_TERWAY, annotationPrefix: EipAnnotationPrefix.NETWORK_ALIBABACLOUD`',
    fix: 'Leave `annotationPrefix` out (legacy Terway defaults to `EipAnnotationPrefix.K8S_ALIYUN`).',
  },
  'TW-EIP-006': {
    violation: "Legacy Terway with `cluster: { terwayVersion: 'v1.1.0' }` and `eips.addWorkload(web, { isp: EipIsp.BGP })`",
    fix: 'Upgrade Terway to v1.2.3 or later (but before v1.7.0), or leave out `isp`, `commonBandwidthPackageId` and `publicIpAddressPoolId`.',
  },
  'TW-EIP-007': {
    violation: "`eips.addWorkload(deployment, { releaseStrategy: 'Never' })` (Deployment pods get new names).",
    fix: 'Use a StatefulSet (or add the kind to the controller\'s `customStatefulWorkloadKinds`), or leave `releaseStrategy` at `Follow`.',
  },
  'TW-EIP-008': {
    violation: "`eips.addWorkload(deployment, { existingEipId: 'eip-bp1abc0001' })`, or a StatefulSet with `replicas: 3`.",
    fix: 'Give an existing EIP only to a StatefulSet with one replica or a bare pod; for more pods, allocate EIPs with a `releaseStrategy`.',
  },
  'TW-EIP-009': {
    violation: "`{ existingEipId: 'eip-bp1abc0001', bandwidth: 5 }`",
    fix: 'Drop `bandwidth` (the existing EIP keeps its own configuration), or drop `existingEipId` to allocate a new EIP with these options.',
  },
  'TW-EIP-010': {
    violation: "Two bare pods added with the same `existingEipId: 'eip-bp1abc0001'`.",
    fix: 'Give each workload its own EIP instance ID.',
  },
  'TW-EIP-011': {
    violation: '`{ bandwidth: 0 }` or `{ bandwidth: 2.5 }`',
    fix: 'Give whole Mbit/s, at least 1, e.g. `bandwidth: 5`.',
  },
  'TW-EIP-012': {
    violation: "`{ internetChargeType: 'PayByHour' }` (from JavaScript or a cast)",
    fix: 'Use `EipInternetChargeType.PAY_BY_TRAFFIC` or `EipInternetChargeType.PAY_BY_BANDWIDTH`.',
  },
  'TW-EIP-013': {
    violation: "`{ instanceChargeType: 'PrePaid' }` (from JavaScript or a cast)",
    fix: 'Use `EipInstanceChargeType.POST_PAID`, or leave it out.',
  },
  'TW-EIP-014': {
    violation: "`{ isp: 'BGP_Gold' }` (from JavaScript or a cast)",
    fix: 'Use an `EipIsp` member, e.g. `isp: EipIsp.BGP` or `EipIsp.BGP_PRO`.',
  },
  'TW-EIP-015': {
    violation: "`{ tags: { '': 'x' } }` or `{ tags: { team: 5 } }`",
    fix: "Give non-empty keys with string values, e.g. `tags: { team: 'games' }`.",
  },
  'TW-EIP-016': {
    violation: "`{ releaseStrategy: '1d' }` (Go durations have no days) or `{ releaseStrategy: '-5m' }`",
    fix: "Use `Follow`, `Never` or a positive Go duration such as `'24h'` or `'5m30s'`.",
  },
  'TW-EIP-017': {
    violation: 'An EIP workload whose pods carry label `alibabacloud.com/eci: "true"` or tolerate `virtual-kubelet.io/provider` (warning).',
    fix: 'Keep the pods on ECS nodes, or turn on the controller\'s `enableVirtualNode` and pass its `controllerValues` to `PodEipWorkloads`.',
  },
  'TW-EIP-018': {
    violation: "`controller: { chartVersion: 'v0.9.0', regionId: 'cn-hangzhou' }` with `rrsa: { roleName: 'eip-controller' }`, or `kubeClientQps: 50` with `chartVersion: 'v0.12.1'`.",
    fix: "Install a chart version with the feature (`chartVersion: 'v0.12.2'`), or leave the setting out.",
  },
  'TW-EIP-019': {
    violation: "`controller: { …, additionalValues: { credential: { accessKey: 'LTAI…', accessSecret: '…' } } }`",
    fix: "Remove them; the policy goes to the worker RAM role, or use `rrsa: { roleName: 'eip-controller' }` (chart v0.10.0+).",
  },
  'TW-EIP-020': {
    violation: '`PodEipWorkloads` with `implementation: PodEipImplementation.LEGACY_TERWAY` and no `EniConfig` with `enableEipPool: true` in the app (warning).',
    fix: "Add `new EniConfig(chart, 'EniConfig', { existingData, enableEipPool: true })`, or acknowledge if the cluster's eni-config already sets it.",
  },
  'TW-EIP-021': {
    violation: '`PodEipPolicy` without `businessPorts`, or with `openBusinessPorts: false` (warning).',
    fix: "List the ports, e.g. `businessPorts: [{ protocol: BusinessPortProtocol.TCP, portRange: '7777', sourceCidrIp: '0.0.0.0/0' }]`, with a known node security group.",
  },
  'TW-EIP-022': {
    violation: "`{ existingEipId: 'eipbp1' }` or `{ commonBandwidthPackageId: 'bwp-1' }`",
    fix: 'Copy the IDs from the console or API: `eip-…`, `cbwp-…`, `pippool-…`, `rg-…`.',
  },
  'TW-EIP-023': {
    violation: "`new PodEipPolicy(stack, 'PodEip', { cluster, rrsa: { roleName: 'eip-controller' }, … })` where the `TerwayCluster` has `enableRrsa: false`.",
    fix: 'Keep RRSA on the cluster (`enableRrsa` defaults to true), or leave `rrsa` out so the policy goes to the worker RAM role.',
  },
  'TW-EIP-024': {
    violation: "`eips.addWorkload(game, { tags: { team: 'games' } })` with `EipControllerValues` `chartVersion: 'v0.10.0'` (eip-tags needs v0.11.0).",
    fix: 'Install a newer ack-extend-network-controller (the message names the version), or leave the option out.',
  },
  'TW-EIP-025': {
    violation: "`new PodEipPolicy(stack, 'PodEip', { cluster, rrsa: { roleName: 'eip-controller' }, … })` without `rrsa.kubeSystemInjectionLabel: true`.",
    fix: 'Label kube-system (`kubectl label namespace kube-system pod-identity.alibabacloud.com/injection=on`), then set `rrsa.kubeSystemInjectionLabel: true`; keep `rrsa.installPodIdentityWebhook` on (the default) or install the add-on yourself.',
  },
  'TW-EIP-026': {
    violation: "Two `PodEipPolicy` constructs (or a `PodEipPolicy` and your own `RamPolicy`) in one app with `policyName: 'pod-eip'`.",
    fix: 'Give each policy its own `policyName`, or leave it out (the default name includes the construct address).',
  },
  'TW-DEPLOY-001': {
    violation: '`KubernetesManifests` (or a `helm_release`) in the stack that creates the `TerwayCluster`, or a Kubernetes provider configured from that stack\'s cluster: it cannot plan before the cluster exists.',
    fix: 'Create a `ClusterObjectsStack` with `{ cluster }` and add the charts to its `cdk8sApp`; move existing state with `terraform state mv` (docs/one-deploy.md).',
  },
  'TW-DEPLOY-002': {
    violation: 'A `ClusterObjectsStack` for a cluster without `endpointPublicAccess` (warning): its providers use the private API server endpoint.',
    fix: 'Run `cdktf deploy` from inside the VPC and acknowledge, or set `endpointPublicAccess: true`.',
  },
  'TW-DEPLOY-003': {
    violation: "The cluster's stack has `new LocalBackend(stack, { path: 'terraform.cloud.tfstate' })`: the objects stack's cross-stack references would read `cdktf.out/stacks/<objects>/terraform.cloud.tfstate`.",
    fix: "Use `path: '../cloud/terraform.cloud.tfstate'` (the same file from every stack's directory), an absolute path, or a remote backend.",
  },
  'TW-DEPLOY-004': {
    violation: '`new EniConfig(chart, \'EniConfig\', { enableTrunking: true })` in the cdk8s app of a `ClusterObjectsStack` (or `KubernetesManifests`): kube-system/eni-config already exists, so its kubernetes_manifest cannot be created.',
    fix: 'Set Trunk ENI and the add-on options on TerwayCluster, or deliver EniConfig through GitOpsOutput or kubectl; to keep it in Terraform, import the object first.',
  },
  'TW-OUT-001': {
    violation: "Two `TerwayCluster`s in one stack without `outputPrefix`, or `PodNetworkingPlaneResources` with `planeName: 'pod'` (its `pod_vswitch_ids` output is the cluster's).",
    fix: "Give each cluster its own `outputPrefix: 'second_'`, and planes names such as `planeName: 'db'`.",
  },
  'TW-SCHEMA-001': {
    violation: "With `AlicloudSchemaValidation.enable(app)`: `vpc.addOverride('cidr_blok', '10.0.0.0/8')`",
    fix: 'Spell the argument as the provider documents it (`cidr_block`), or remove it.',
  },
  'TW-SCHEMA-002': {
    violation: "`new alicloud.natGateway.NatGateway(stack, 'Nat', { vpcId, spec: 'Small' })`, or `worker_number` on the cluster.",
    fix: 'Remove the argument and use its replacement from the message (`specification` for `spec`; node pools for `worker_number`).',
  },
  'TW-SCHEMA-003': {
    violation: "`new alicloud.securityGroupRule.SecurityGroupRule(…).addOverride('security_group_id', null)`",
    fix: 'Set every required argument and block of the resource.',
  },
  'TW-SCHEMA-004': {
    violation: "`SecurityGroupRule` with `ipProtocol: 'TCP'` or `priority: 101`, or `CsManagedKubernetes` with `clusterSpec: 'ack.pro'`",
    fix: "Use values the provider accepts: `ipProtocol: 'tcp'`, `priority` 1 to 100, `clusterSpec: 'ack.pro.small'`.",
  },
  'TW-SCHEMA-005': {
    violation: "`vpc.addOverride('cidr_block', 5)`, setting computed-only `router_table_id`, or `terraform.required_providers.alicloud.version` `'1.200.0'`",
    fix: 'Pass values of the documented type, leave computed attributes unset, and keep the pinned provider version (1.289.0).',
  },
  'TW-SCHEMA-006': {
    violation: "`new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', name: 'main' })` (`name` is deprecated; warning).",
    fix: "Use the replacement argument, e.g. `vpcName: 'main'`, or acknowledge with a reason.",
  },
  'TW-TF-001': {
    violation: "`clusterName: 'x'.repeat(64)` or `clusterName: ''`",
    fix: "Use a name of 1 to 63 characters, e.g. `clusterName: 'prod-terway'`.",
  },
  'TW-TF-002': {
    violation: "`cluster.addNodePool('Pool', { …, systemDiskCategory: 'ssd' })` or `'CLOUD_ESSD'`",
    fix: "Use a category the provider accepts (case-sensitive), e.g. `systemDiskCategory: 'cloud_essd'`.",
  },
  'TW-TF-003': {
    violation: "`taints: [{ key: 'dedicated', effect: 'NoScheduled' }]` or `taints: [{ key: 'bad key', effect: 'NoSchedule' }]`",
    fix: "Use a label-style key and a valid effect, e.g. `{ key: 'dedicated', value: 'db', effect: TaintEffect.NO_SCHEDULE }`.",
  },
  'TW-TF-004': {
    violation: "`labels: { 'bad key!': 'x' }` or `labels: { team: 'a b' }`",
    fix: "Use qualified names and values of up to 63 letters, digits, `-`, `_`, `.`, e.g. `labels: { team: 'payments' }`.",
  },
  'TW-TF-005': {
    violation: "`natGateway: { natGatewayId: 'ngw-bp1…', snatTableId: 'stb-bp1…', snatIp: 'eip-bp1abcd1234' }`",
    fix: "Pass the public IP of an EIP bound to the NAT gateway: `snatIp: '47.96.1.10'`.",
  },
  'TW-TF-006': {
    violation: "`natGateway: { natGatewayId: 'ngw-bp1…', snatTableId: 'table-1', snatIp: '47.96.1.10' }`",
    fix: "Pass the gateway's SNAT table ID, e.g. `snatTableId: 'stb-bp1abcd1234'`.",
  },
  'TW-TF-007': {
    violation: "`terwayVersion: 'latest'`, or a plane's `cluster: { terwayVersion: 'v1.x' }`",
    fix: "Use a Terway release version, e.g. `terwayVersion: 'v1.16.7'`.",
  },
  'TW-SG-001': {
    violation: "`ingressRules: [{ protocol: 'TCP', portRange: '5432/5432', sourceCidr: '192.168.0.0/16' }]` or `protocol: 'http'`",
    fix: "Use lowercase `tcp`, `udp`, `icmp`, `icmpv6`, `gre` or `all`: `protocol: 'tcp'`.",
  },
  'TW-SG-002': {
    violation: "`{ protocol: 'tcp', sourceCidr: '192.168.0.0/16' }` without `portRange`, `portRange: '443/80'`, or `{ protocol: 'icmp', portRange: '1/1' }`",
    fix: "Give tcp and udp a range such as `portRange: '5432/5432'`; leave it out (or `-1/-1`) for icmp, icmpv6, gre and all.",
  },
  'TW-SG-003': {
    violation: "`{ protocol: 'tcp', portRange: '5432/5432' }` with no source, with both sources, or with `sourceCidr: '10.0.0.0/33'`",
    fix: "Give exactly one source: `sourceCidr: '192.168.0.0/16'` or `sourceSecurityGroupId: 'sg-bp1…'`.",
  },
  'TW-SG-004': {
    violation: "`ingressRules: [{ protocol: 'tcp', portRange: '22/22', sourceCidr: '0.0.0.0/0' }]` (warning)",
    fix: 'Restrict the source to the VPC CIDR or a bastion security group, or acknowledge with the reason.',
  },
  'TW-SG-005': {
    violation: '`PodNetworkingPlaneResources` with `ingressRules: []`, or without `ingressRules` on a cluster in an existing VPC (warning).',
    fix: "Add an ingress rule, e.g. `ingressRules: [{ protocol: 'all', sourceCidr: '192.168.0.0/16' }]`, or acknowledge if the pods take no inbound traffic.",
  },
  'TW-EXCL-001': {
    violation: "`new ExclusiveEniNodePool(stack, 'Excl', { cluster, instanceTypes: ['ecs.g7.xlarge'], … })` (4 ENIs)",
    fix: 'Choose instance types with more than six ENIs, e.g. `ecs.g7.4xlarge` (8 ENIs, 7 pods per node).',
  },
  'TW-EXCL-002': {
    violation: "An `ExclusiveEniNodePool` on a `TerwayCluster` with `terwayVersion: 'v1.10.0'` (or below v1.14.3 with `lingjun`).",
    fix: "Pin `terwayVersion: 'v1.11.0'` or later (v1.14.3 for Lingjun pools), or leave the version to ACK's default.",
  },
  'TW-EXCL-003': {
    violation: "`ExclusiveEniNodePool` with `instanceTypes: ['ecs.ebmre7p.32xlarge']` (15 IPv4, 1 IPv6 per ENI) in a cluster with `ipStack: IpStack.DUAL`",
    fix: 'Choose instance types with equal IPv4 and IPv6 counts per ENI, e.g. `ecs.g8i.4xlarge`.',
  },
  'TW-EXCL-004': {
    violation: 'A node pool with `lingjun: { clusterId, groupId }` in a cluster with `ipStack: IpStack.DUAL`',
    fix: 'Run Lingjun node pools in an IPv4 cluster, or use ECS instance types.',
  },
  'TW-EXCL-005': {
    violation: 'A NetworkPolicy (e.g. deny-all with an empty `podSelector`) in the namespace of a workload added with `ExclusiveEniScheduling.addWorkload` or selected by an `eniType: ENI` plane.',
    fix: "Isolate these pods with the plane's `securityGroupIds`, narrow the NetworkPolicy's `podSelector`, or run the workload in shared ENI mode.",
  },
  'TW-EXCL-006': {
    violation: "`ExclusiveEniNodePool` with `existingInstanceIds: ['i-bp1abc']` (warning).",
    fix: 'Let the pool create its nodes (`desiredSize` or `autoScaling`); acknowledge only for fresh instances without secondary ENIs.',
  },
  'TW-EXCL-007': {
    violation: '`EniConfig` whose `existingData` has a `10-terway.conflist` (a custom CNI chain), with `cluster` listing exclusive ENI node pools.',
    fix: 'Remove `10-terway.conflist` from `existingData` (Terway renders its own chain from `10-terway.conf`), or do not use exclusive ENI node pools.',
  },
  'TW-EXCL-008': {
    violation: '`ExclusiveEniNodePool` with `taintEnabled: false` and no other NoSchedule or NoExecute taint (warning).',
    fix: 'Keep the default taint (or set `exclusiveTaint`), and schedule workloads with `ExclusiveEniScheduling` or `ExclusiveEniPlane`.',
  },
  'TW-EXCL-009': {
    violation: 'A `PodNetworkingPlane` with `eniType: EniType.ENI` and a cluster with a tainted exclusive ENI pool; `plane.addWorkload(deployment)` adds no toleration.',
    fix: 'Use `ExclusiveEniPlane` with `pool: excl.schedulingInfo` (its `addWorkload` adds the toleration), or tolerate the pool\'s taints yourself.',
  },
  'TW-FIXED-001': {
    violation: "`FixedVSwitchNodePool` with `zoneIds: ['cn-hangzhou-h', 'cn-hangzhou-i']` but `vSwitches` only in `cn-hangzhou-h`",
    fix: 'Give every pool zone a dedicated vSwitch, or limit `zoneIds` to the zones that have one.',
  },
  'TW-FIXED-002': {
    violation: "`vSwitches: [{ zoneId: 'cn-hangzhou-h', cidrBlock: '10.1.0.0/24' }]` in a `192.168.0.0/16` VPC, or a block overlapping a pod vSwitch.",
    fix: "Choose a free block inside the VPC, e.g. `cidrBlock: '192.168.200.0/24'`.",
  },
  'TW-FIXED-003': {
    violation: "`configName: 'Eni_Config'` (or `FixedVSwitchConfig` `name: 'ENI_Fixed'`)",
    fix: "Use a lowercase DNS label of at most 63 characters, e.g. `configName: 'eni-config-fixed'`.",
  },
  'TW-FIXED-004': {
    violation: "`FixedVSwitchNodePool` with `labels: { 'terway-config': 'other' }`, or `FixedVSwitchConfig` `name: 'other'` with `pool` of configName `eni-config-fixed`.",
    fix: 'Leave `terway-config` out of `labels` (the pool sets it), and name the ConfigMap after the pool\'s `configName`.',
  },
  'TW-FIXED-005': {
    violation: 'A Deployment that requires nodes `terway-config: eni-config-fixed` but does not tolerate `terway-config=eni-config-fixed:NoSchedule` (or only tolerates it).',
    fix: 'Add the workload with `fixedConfig.addWorkload(deployment)` (node selector and toleration together).',
  },
  'TW-FIXED-006': {
    violation: 'A Deployment added with `fixedConfig.addWorkload(d)` that a `PodNetworkingPlane` also selects (`plane.addWorkload(d)`).',
    fix: 'Make sure no plane selects the workload, or give the plane the dedicated vSwitches instead of the fixed-vSwitch pool.',
  },
  'TW-FIXED-007': {
    violation: "`FixedVSwitchNodePool` with `existingInstanceIds: ['i-bp1abc']` (warning).",
    fix: 'Let the pool create its nodes, or detach the instances\' secondary ENIs (or rotate them) and acknowledge.',
  },
  'TW-FIXED-008': {
    violation: "`FixedVSwitchConfig` with `eniConfOverrides: { ip_stack: 'dual' }` (cluster-wide) or `{ max_pool: 5 }` (no such key).",
    fix: 'Keep cluster-wide keys in `EniConfig`; use per-node keys spelled as Terway does, e.g. `max_pool_size: 10`.',
  },
  'TW-FIXED-009': {
    violation: '`FixedVSwitchNodePool` without `configMapManifests` (the ConfigMap is applied elsewhere; warning).',
    fix: 'Pass `configMapManifests` so the pool depends on the ConfigMap, or apply the `FixedVSwitchConfig` first and acknowledge.',
  },
  'TW-FIXED-010': {
    violation: "Two `FixedVSwitchNodePool`s with `configName: 'eni-config-fixed'`, one with `cidrBlock: '192.168.200.0/24'`, the other with `'192.168.201.0/24'`.",
    fix: 'Give each pool its own `configName`, or let pools that share one use the same existing vSwitches (`vswitchId`).',
  },
  'TW-EXCL-010': {
    violation: "`new TerwayNodePool(stack, 'P', { ..., labels: { 'k8s.aliyun.com/exclusive-mode-eni-type': 'ENIONLY' } })`.",
    fix: 'Use `ExclusiveEniNodePool` (it sets the label to `eniOnly`), or remove the label for a shared ENI pool.',
  },
  'TW-ENICONF-010': {
    violation: "`EniConfig` with `existingData: { '10-terway.conf': '{cniVersion: 0.4.0' }`.",
    fix: 'Pass `10-terway.conf` exactly as `kubectl get cm -n kube-system eni-config -o jsonpath={.data.10-terway\\.conf}` prints it, or leave it out for the ACK default.',
  },
  'TW-WL-001': {
    violation: "A Deployment in the same cdk8s app as a PodNetworkingPlane or EniConfig with `containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, hostPort: 80 }] }]`",
    fix: 'Remove `hostPort` and expose the pods through a Service (NodePort or LoadBalancer); with Terway, pods are reachable in the VPC on their own IPs.',
  },
};

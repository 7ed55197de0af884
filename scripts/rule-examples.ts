/**
 * For docs/rules.md: one example violation and its fix per rule (input shapes as a user
 * writes them). Every rule in the catalogue needs an entry; test/docs.test.ts checks it.
 * Add one here when you add a rule.
 */
export interface RuleExample {
  /** What a user writes that breaks the rule. */
  readonly violation: string;
  /** What to write instead. */
  readonly fix: string;
}

export const RULE_EXAMPLES: Record<string, RuleExample> = {
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
};

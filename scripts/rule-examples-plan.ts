/**
 * For docs/rules.md: an example change per plan guard rule (TW-PLAN-*), as it shows up in
 * `terraform show -json` output, and the fix. Spread into RULE_EXAMPLES by rule-examples.ts.
 */
export const PLAN_RULE_EXAMPLES: Record<string, { readonly violation: string; readonly fix: string }> = {
  'TW-PLAN-001': {
    violation: '`alicloud_cs_managed_kubernetes.cluster` with `actions: ["delete","create"]`, `replace_paths: [["service_cidr"]]` (Service CIDR `172.21.0.0/20` → `172.22.0.0/20`).',
    fix: 'Restore `service_cidr` (ACK cannot change it in place) and keep `deletion_protection = true`; to change it, build a second cluster and move the workloads.',
  },
  'TW-PLAN-002': {
    violation: 'An `update` of the cluster whose `addons` change from `terway-eniip` to `flannel`, or whose `pod_vswitch_ids` are unknown (`after_unknown`).',
    fix: 'Keep the network add-on and pod vSwitches as created; add pod vSwitches through eni-config\'s `vswitches` instead.',
  },
  'TW-PLAN-003': {
    violation: '`alicloud_cs_kubernetes_addon.eniip` config `{"ENITrunking":"true"}` → `{"ENITrunking":"false"}`, or eni-config\'s `eni_conf` losing `"enable_eni_trunking": true`.',
    fix: 'Keep Trunk ENI on; it cannot be turned off once enabled.',
  },
  'TW-PLAN-004': {
    violation: '`alicloud_cs_kubernetes_addon` named `terway-controlplane` with `actions: ["delete"]` while a `kubernetes_manifest` PodNetworking is in the state.',
    fix: 'Keep terway-controlplane; delete the planes and their pods first if the cluster stops using them.',
  },
  'TW-PLAN-005': {
    violation: '`alicloud_cs_kubernetes_node_pool.exclusive` with `actions: ["create","delete"]`, `action_reason: "replace_by_triggers"` (its network mode record changed).',
    fix: 'Create the new pool first, move the workloads, then delete the old pool; waive the finding with the reason.',
  },
  'TW-PLAN-006': {
    violation: 'An `update` of a node pool whose `labels` gain `{ key = "k8s.aliyun.com/exclusive-mode-eni-type", value = "eniOnly" }`.',
    fix: 'Create a new node pool with the label set at creation; existing nodes keep their old mode.',
  },
  'TW-PLAN-007': {
    violation: 'An `update` of a node pool whose `terway-config` label changes from `eni-config-fixed` to `eni-config-fixed-v2` (warning).',
    fix: 'Rotate the pool\'s nodes after the apply (existing nodes keep the old vSwitch), then acknowledge with a waiver.',
  },
  'TW-PLAN-008': {
    violation: '`alicloud_vswitch.pod_h` with `actions: ["delete"]` whose `before.id` is in the cluster\'s `pod_vswitch_ids`.',
    fix: 'Remove the vSwitch from pod_vswitch_ids, vSwitchOptions and eni_conf first, recreate the pods, then delete it in a later apply.',
  },
  'TW-PLAN-009': {
    violation: '`alicloud_security_group.plane_db` replaced while PodNetworking `db` lists it in `securityGroupIDs`.',
    fix: 'Keep the security group; move the plane to another one and recreate its pods before deleting it.',
  },
  'TW-PLAN-010': {
    violation: '`alicloud_snat_entry.pod_i` with `actions: ["delete"]` whose `source_vswitch_id` is a pod vSwitch.',
    fix: 'Keep the SNAT entry while pods use the vSwitch, or waive it if egress goes elsewhere.',
  },
  'TW-PLAN-011': {
    violation: '`alicloud_nat_gateway.nat` with `actions: ["delete"]` whose `snat_table_ids` holds the SNAT entries of pod vSwitches.',
    fix: 'Keep the NAT gateway, or move the SNAT entries to another gateway in an earlier apply.',
  },
  'TW-PLAN-012': {
    violation: 'An `update` of `alicloud_ram_policy.eip` whose `policy_document` drops `vpc:AssociateEipAddress`.',
    fix: 'Keep every documented action of ack-extend-network-controller (or Terway) in the policy.',
  },
  'TW-PLAN-013': {
    violation: '`kubernetes_manifest.plane_db` (a PodNetworking) or the kube-system/eni-config ConfigMap with `actions: ["delete"]`.',
    fix: 'Move workloads off the plane and recreate their pods first; never delete eni-config (use `terraform state rm` if the resource only moves).',
  },
  'TW-PLAN-014': {
    violation: 'An `update` of a PodNetworking whose `spec.allocationType` changes from `Elastic` to `Fixed` or whose `spec.selector` changes (warning).',
    fix: 'Create a new plane and move workloads deliberately, or acknowledge once their restart is planned.',
  },
};

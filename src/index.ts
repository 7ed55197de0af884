// Rule catalogue types and enums users see in props and reports (pure domain).
export * from './domain/rules';
export * from './domain/enums';
export * from './domain/eip-enums';
export * from './domain/eip-controller-values';
export * from './core/rule-catalog';
export * from './domain/capacity-model';
export * from './domain/eni-capacity';

// Validation plumbing and shared descriptions, used by both sides.
export * from './core/reported-finding';
export * from './core/cluster-info';
export * from './core/cluster-description';
export { Acknowledgements, ValidationReport } from './core/validation';
export * from './core/network-plan';

// Plan guard: destructive Terway network changes in a Terraform plan (no cdktf, no cdk8s).
export * from './plan/plan-guard';

// Cloud side (cdktf).
export * from './cloud/cluster-contract';
export * from './cloud/terway-cluster';
export * from './cloud/node-pool';
export * from './cloud/exclusive-eni-node-pool';
export * from './cloud/fixed-vswitch-node-pool';
export * from './cloud/manifests-contract';
export * from './cloud/plane-resources';
export * from './cloud/kubernetes-manifests';
export * from './cloud/cluster-objects-stack';
export * from './cloud/pod-eip-policy';
export * from './cloud/pod-eip-options';
export * from './cloud/alicloud-schema-validation';

// Cluster side (cdk8s).
export * from './cluster/pod-networking-plane';
export * from './cluster/eni-config';
export * from './cluster/exclusive-eni-scheduling';
export * from './cluster/fixed-vswitch-config';
export * from './cluster/terraform-outputs';
export * from './cluster/pod-eip-workloads';
export * from './cluster/pod-eip-options';
export * from './cluster/gitops-output';

// Generated bindings, for composing your own stacks and charts.
export * as alicloud from './generated/alicloud';
export * as terwayCrds from './generated/k8s';

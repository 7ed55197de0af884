// Rule catalogue types and enums users see in props and reports (pure domain).
export * from './domain/rules';
export * from './domain/enums';
export * from './core/rule-catalog';

// Validation plumbing and shared descriptions, used by both sides.
export * from './core/reported-finding';
export * from './core/cluster-info';
export * from './core/cluster-description';
export { Acknowledgements, ValidationReport } from './core/validation';

// Cloud side (cdktf).
export * from './cloud/terway-cluster';
export * from './cloud/node-pool';
export * from './cloud/plane-resources';
export * from './cloud/kubernetes-manifests';

// Cluster side (cdk8s).
export * from './cluster/pod-networking-plane';
export * from './cluster/eni-config';
export * from './cluster/terraform-outputs';

// Generated bindings, for composing your own stacks and charts.
export * as alicloud from './generated/alicloud';
export * as terwayCrds from './generated/k8s';

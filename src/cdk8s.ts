// The cdk8s-only entry point, `ack-terway-network/cdk8s`: the cluster side (cdk8s constructs),
// the cluster descriptions it takes, the rules and enums. Nothing here (or in the declarations
// it reaches) refers to cdktf, so a GitOps app type-checks with `skipLibCheck: false` and no
// cdktf installed. `ack-terway-network` exports all of this too (the same classes).
// test/package/lazy-index.test.ts checks that every export of the main entry point from
// src/domain, src/core, src/cluster or the Terway CRD bindings is here.

// Rule catalogue types and enums users see in props and reports (pure domain).
export * from './domain/rules';
export * from './domain/enums';
export * from './domain/eip-enums';
export * from './domain/eip-controller-values';
export * from './core/rule-catalog';
export * from './domain/capacity-model';
export * from './domain/eni-capacity';

// Validation plumbing and shared descriptions.
export * from './core/reported-finding';
export * from './core/cluster-info';
export * from './core/cluster-description';
export { Acknowledgements, ValidationReport } from './core/validation';
export * from './core/network-plan';

// Cluster side (cdk8s).
export * from './cluster/pod-networking-plane';
export * from './cluster/eni-config';
export * from './cluster/exclusive-eni-scheduling';
export * from './cluster/fixed-vswitch-config';
export * from './cluster/terraform-outputs';
export * from './cluster/pod-eip-workloads';
export * from './cluster/pod-eip-options';
export * from './cluster/gitops-output';

// Generated Terway CRD bindings, for composing your own charts.
export * as terwayCrds from './generated/k8s';

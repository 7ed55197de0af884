// The cdktf-only entry point, `ack-terway-network/cdktf`: the cloud side (cdktf constructs
// except KubernetesManifests and ClusterObjectsStack, which take a cdk8s app;
// FixedVSwitchNodePool's configMapManifests is an IKubernetesManifests, whose declaration does not
// refer to cdk8s), the cluster descriptions, the rules,
// enums and the alicloud bindings. Nothing here (or in the declarations it reaches) refers to
// cdk8s, so a Terraform app type-checks with `skipLibCheck: false` and no cdk8s installed.
// `ack-terway-network` exports all of this too (the same classes).
// test/package/lazy-index.test.ts checks that every export of the main entry point from
// src/domain, src/core, src/cloud (but those two) or the alicloud bindings is here.

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

// Cloud side (cdktf).
export * from './cloud/cluster-contract';
export * from './cloud/terway-cluster';
export * from './cloud/node-pool';
export * from './cloud/exclusive-eni-node-pool';
export * from './cloud/fixed-vswitch-node-pool';
export * from './cloud/manifests-contract';
export * from './cloud/plane-resources';
export * from './cloud/pod-eip-policy';
export * from './cloud/pod-eip-options';
export * from './cloud/alicloud-schema-validation';

// Generated alicloud bindings, for composing your own stacks.
export * as alicloud from './generated/alicloud';

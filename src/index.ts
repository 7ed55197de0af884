// Rule catalogue types and enums users see in props and reports (pure domain).
export * from './domain/rules';
export * from './domain/enums';
export * from './core/rule-catalog';

// Validation plumbing shared by the cloud and cluster sides.
export * from './core/reported-finding';
export { Acknowledgements, ValidationReport } from './core/validation';

// Cloud side (cdktf).
export * from './cloud/terway-cluster';
export * from './cloud/node-pool';

// Generated alicloud bindings (aliyun/alicloud, pinned version), for composing your own stacks.
export * as alicloud from './generated/alicloud';

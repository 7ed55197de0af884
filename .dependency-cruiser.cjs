/**
 * The layer rules of src/ (README "Repository layout"), checked by `npx projen depcruise`,
 * which `npm test` runs:
 *   src/domain     pure rules: imports nothing above it, no cdktf/cdk8s/constructs
 *   src/core       validation plumbing shared by both sides: no cdktf, no cloud/cluster/audit
 *   src/cloud      the only place (with the generated alicloud bindings) that imports cdktf
 *   src/cluster    cdk8s side: never imports src/cloud
 *   src/audit      CLI over saved output: reaches neither cdktf nor cdk8s, even indirectly
 * and no import cycles anywhere.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles hide the architecture and make load order matter.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-imports-nothing-above-it',
      severity: 'error',
      comment: 'src/domain holds pure rules; it must not depend on core, either side, the audit or bindings.',
      from: { path: '^src/domain/' },
      to: { path: '^src/(core|cloud|cluster|audit|generated)/' },
    },
    {
      name: 'domain-without-frameworks',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: 'node_modules/(cdktf|cdk8s|cdk8s-plus-33|constructs|@cdktf)/' },
    },
    {
      name: 'core-below-the-sides',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(cloud|cluster|audit|generated)/' },
    },
    {
      name: 'cluster-never-imports-cloud',
      severity: 'error',
      comment: 'The cluster side (cdk8s) works without cdktf installed.',
      from: { path: '^src/cluster/' },
      to: { path: '^src/cloud/' },
    },
    {
      name: 'cdktf-only-in-cloud',
      severity: 'error',
      comment: 'Every cdktf import stays in src/cloud (and the generated alicloud bindings), so a cdktn flavour can be built.',
      from: { path: '^src/', pathNot: '^src/(cloud|generated/alicloud)/' },
      to: { path: 'node_modules/(cdktf|@cdktf)/' },
    },
    {
      name: 'audit-without-cdktf-or-cdk8s',
      severity: 'error',
      comment: 'terway-audit runs where neither cdktf nor cdk8s is installed.',
      from: { path: '^src/audit/' },
      to: { path: 'node_modules/(cdktf|cdk8s|cdk8s-plus-33|@cdktf)/', reachable: true },
    },
    {
      name: 'audit-not-from-the-sides',
      severity: 'error',
      from: { path: '^src/audit/' },
      to: { path: '^src/(cloud|cluster)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};

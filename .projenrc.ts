import { cdk, javascript, JsonFile } from 'projen';

/**
 * Source of truth for package.json, tsconfig, jest and eslint.
 * Run `npx projen` after editing; never edit the generated files by hand.
 */
const project = new cdk.JsiiProject({
  name: 'ack-terway-network',
  description:
    'Typed, validated constructs for Alibaba Cloud ACK networking with the Terway CNI: Terraform (cdktf) for the cloud side, Kubernetes manifests (cdk8s) for the cluster side.',
  author: 'ack-terway-network maintainers',
  authorAddress: 'maintainers@ack-terway-network.invalid',
  repositoryUrl: 'https://github.com/ack-terway-network/ack-terway-network.git',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  minNodeVersion: '20.0.0',
  packageManager: javascript.NodePackageManager.NPM,
  keywords: ['alibaba-cloud', 'ack', 'terway', 'cdktf', 'cdk8s', 'kubernetes', 'cni'],

  // No GitHub-hosted automation: CI is `.ci/run` on a clean clone.
  github: false,
  release: false,
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  docgen: true,

  peerDeps: [
    'cdktf@^0.21.0',
    'constructs@^10.4.2',
    'cdk8s@^2.70.0',
    'cdk8s-plus-33@^2.5.1',
    '@cdktf/provider-kubernetes@^12.1.0',
    'cdktf-cdk8s@^0.10.42',
    // Optional: only PodEipPolicy's opt-in helm_release loads it (lazily), see peerDependenciesMeta below.
    '@cdktf/provider-helm@^12.1.0',
  ],
  // Generic helpers are bundled (jsii libraries may only depend on jsii modules or bundled ones).
  bundledDeps: ['ip-address@^10.0.0', 'yaml@^2.6.0', '@icholy/duration@^5.1.0', 'semver@^7.6.0'],
  devDeps: [
    '@cdktf/provider-generator@0.21.0',
    '@cdktf/commons@0.21.0',
    '@types/semver@^7.5.0',
    // Pinned: the generated CRD bindings are checked byte for byte against a fresh import.
    'cdk8s-cli@2.207.60',
    'fast-check@^4.0.0',
    'kubernetes-models@^4.5.1',
    'ajv@^8.17.0',
    'ajv-formats@^3.0.0',
    'ts-node@^10.9.0',
    // The audit's SARIF test validates against the official SARIF 2.1.0 schema that this
    // package ships (lib/schemas/sarif-2.1.0-rtm.5.json, a JSON Schema draft-04 document).
    '@microsoft/jest-sarif@1.0.0-beta.0',
    'ajv-draft-04@^1.0.0',
  ],
  // `terway-audit`: the library's rules over saved aliyun/kubectl output (see docs/audit.md).
  // Named after what it audits (Terway networking), not after the package, so it reads
  // naturally next to other scanners in CI (checkov, infraguard).
  bin: { 'terway-audit': 'lib/audit/cli.js' },

  jestOptions: {
    // Never rewrite snapshots during a test run: a snapshot test must be able to fail.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      testPathIgnorePatterns: ['/node_modules/', '/lib/', '/examples/.*/cdktf.out/'],
      coveragePathIgnorePatterns: ['/node_modules/', '/src/generated/', '/test/'],
      testTimeout: 120_000,
      setupFiles: ['<rootDir>/test/support/quiet-warnings.ts'],
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'scripts', 'bench'],
    ignorePatterns: ['src/generated/**', '*.js', '*.d.ts', 'node_modules/', 'lib/', 'coverage/', 'cdktf.out/', 'dist/'],
  },
  tsconfigDev: {
    include: ['../examples/**/*.ts', '../scripts/**/*.ts', '../bench/**/*.ts'],
    compilerOptions: {},
  },
  gitignore: ['cdktf.out/', 'dist/', '.gen/', '/tmp/', '*.tsbuildinfo'],
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/scripts/', '/schemas/', '/bench/', '/.ci/'] },
});

// Examples, scripts and benchmarks are type-checked (and linted) with the test settings.
for (const dir of ['examples', 'scripts', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: { extends: '../test/tsconfig.json', include: ['**/*.ts'] },
    marker: false,
  });
}

// @cdktf/provider-helm is needed only by users who let PodEipPolicy install the mirrored
// ack-extend-network-controller chart with helm_release; the code requires it lazily.
project.package.addField('peerDependenciesMeta', { '@cdktf/provider-helm': { optional: true } });

project.gitattributes.addAttributes('/src/generated/**', 'linguist-generated');

// unrs-resolver 1.13.0 (via jest and eslint-import-resolver-typescript) lists platform
// bindings the npm registry does not serve for every platform, which leaves them out of
// package-lock.json and makes `npm ci` reject the lock. 1.12.2 has all of them.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// CI reads the plain closing line "N passed, N failed" this reporter prints.
project.jest?.addReporter(new javascript.JestReporter('<rootDir>/test/support/summary-reporter.js'));

// The architecture, enforced: the domain layer is pure, and only the cloud side
// (plus its generated bindings) may import cdktf.
project.eslint?.addOverride({
  files: ['src/domain/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: ['cdktf', 'cdktf/*', '@cdktf/*', 'cdk8s', 'cdk8s-*', 'constructs', '../cloud/*', '../cluster/*', '../generated/*'] }],
  },
});
project.eslint?.addOverride({
  files: ['src/cluster/**/*.ts', 'src/core/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: ['cdktf', 'cdktf/*', '@cdktf/*', '../cloud/*', '../generated/alicloud/*'] }],
  },
});

// Generated bindings: alicloud (from the pinned provider schema) and the Terway CRDs.
project.addTask('gen:alicloud', {
  description: 'Generate typed alicloud bindings from the pinned provider schema in schemas/alicloud',
  exec: 'ts-node --project test/tsconfig.json scripts/generate-alicloud.ts',
});
project.addTask('gen:crds', {
  description: 'Generate typed Terway CRD bindings (cdk8s import) from schemas/terway',
  exec: 'ts-node --project test/tsconfig.json scripts/generate-crds.ts',
});
project.addTask('gen', {
  description: 'Regenerate all generated bindings',
  steps: [{ spawn: 'gen:alicloud' }, { spawn: 'gen:crds' }],
});

project.addTask('docs:rules', {
  description: 'Regenerate docs/rules.md from the rule catalogue',
  exec: 'ts-node --project test/tsconfig.json scripts/generate-rule-docs.ts',
});

// Flagship example: synthesizes Terraform JSON (and, later, Kubernetes YAML).
project.addTask('example', {
  description: 'Synthesize the flagship example (three-zone Terway cluster) and print a summary',
  exec: 'ts-node --project test/tsconfig.json examples/run-all.ts',
});
project.addTask('bench', {
  description: 'Time synthesis of generated inputs (benchmarks live here, never in tests)',
  exec: 'ts-node --project test/tsconfig.json bench/synth-bench.ts',
});

project.addTask('terway-audit', {
  description: 'Run terway-audit from source, e.g. `npx projen terway-audit examples/audit/ack-009`',
  exec: 'ts-node --transpile-only --project test/tsconfig.json src/audit/cli.ts',
  receiveArgs: true,
});
project.addTask('docs:audit', {
  description: 'Regenerate docs/audit.md (which audit rule needs which input) from src/audit/evaluators.ts',
  exec: 'ts-node --project test/tsconfig.json scripts/generate-audit-docs.ts',
});
project.addTask('bench:audit', {
  description: 'Time the audit command: start-up, 1,000 clusters and 10,000 Kubernetes objects',
  exec: 'ts-node --project test/tsconfig.json bench/audit-bench.ts',
});

// The audit command runs the domain rules only: it must never load cdktf, cdk8s or constructs.
project.eslint?.addOverride({
  files: ['src/audit/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: ['cdktf', 'cdktf/*', '@cdktf/*', 'cdk8s', 'cdk8s-*', 'constructs', '../cloud/*', '../cluster/*', '../core/*', '../generated/*', 'ip-address', 'yaml', 'semver'] }],
  },
});

project.synth();

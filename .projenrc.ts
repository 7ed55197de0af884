import { cdk, javascript, JsonFile } from 'projen';

/**
 * Source of truth for package.json, tsconfig, jest and eslint.
 * Run `npx projen` after editing; never edit the generated files by hand.
 */
/** The public repository; docs and rule messages link into it (src/domain/docs-links.ts, checked by test/docs.test.ts). */
const REPOSITORY = 'https://github.com/ack-terway-network/ack-terway-network';

const project = new cdk.JsiiProject({
  name: 'ack-terway-network',
  description:
    'Typed, validated constructs for Alibaba Cloud ACK networking with the Terway CNI: Terraform (cdktf) for the cloud side, Kubernetes manifests (cdk8s) for the cluster side.',
  author: 'ack-terway-network maintainers',
  authorAddress: 'maintainers@ack-terway-network.invalid',
  repositoryUrl: `${REPOSITORY}.git`,
  homepage: `${REPOSITORY}#readme`,
  bugsUrl: `${REPOSITORY}/issues`,
  // 0.x until the API settles: minor versions may break it.
  stability: 'experimental',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  // Node 20 is past end of life (2026-10-30) but is what CI runs; 22 and 24 are the maintained
  // LTS lines. A floor (not a list of majors) keeps newer LTS lines installable without a release.
  minNodeVersion: '20.0.0',
  packageManager: javascript.NodePackageManager.NPM,
  keywords: ['alibaba-cloud', 'ack', 'terway', 'cdktf', 'cdk8s', 'kubernetes', 'cni'],

  // No GitHub-hosted automation: CI is `.ci/run` on a clean clone.
  github: false,
  release: false,
  buildWorkflow: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  // Our own docgen task (below) splits the library's API from the generated bindings'.
  docgen: false,

  // Other languages (jsii-pacmak). Nothing is published from this repository yet; the names
  // are reserved here so generated packages are stable.
  publishToPypi: { distName: 'ack-terway-network', module: 'ack_terway_network' },
  publishToMaven: {
    javaPackage: 'io.github.ackterwaynetwork',
    mavenGroupId: 'io.github.ack-terway-network',
    mavenArtifactId: 'ack-terway-network',
  },
  publishToNuget: { dotNetNamespace: 'AckTerwayNetwork', packageId: 'AckTerwayNetwork' },
  publishToGo: { moduleName: 'github.com/ack-terway-network/ack-terway-network-go' },

  // Each side's peers are optional: a cdk8s-only GitOps app installs cdk8s + constructs,
  // a cdktf app cdktf + constructs, the one-deploy path adds @cdktf/provider-kubernetes and cdk8s.
  // The entry point loads each side only when used (scripts/lazy-index.ts).
  peerDeps: [
    'cdktf@^0.21.0',
    'constructs@^10.4.2',
    'cdk8s@^2.70.0',
    '@cdktf/provider-kubernetes@^12.1.0',
    // Optional: loaded lazily only for cdk8s-plus workloads handed to the scheduling helpers.
    'cdk8s-plus-33@^2.5.1',
    // Optional: only PodEipPolicy's opt-in helm_release loads it (lazily).
    '@cdktf/provider-helm@^12.1.0',
  ],
  // Generic helpers src/ uses at run time are bundled (jsii libraries may only depend on
  // jsii modules or bundled ones).
  bundledDeps: ['ip-address@^10.0.0', '@icholy/duration@^5.1.0', 'semver@^7.6.0', 'yaml@^2.6.0'],
  devDeps: [
    // Used by examples and tests only (not by src/).
    'cdktf-cdk8s@^0.10.42',
    'tsconfig-paths@^4.2.0',
    'jsii-docgen@^10.5.0',
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
    // Layer rules and no import cycles (.dependency-cruiser.cjs), run by `npm test`.
    'dependency-cruiser@^17.4.3',
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
      // Examples and README code import the package by its name, as users do.
      moduleNameMapper: { '^ack-terway-network$': '<rootDir>/src/index.ts' },
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'scripts', 'bench'],
    ignorePatterns: ['src/generated/**', '*.js', '*.d.ts', 'node_modules/', 'lib/', 'coverage/', 'cdktf.out/', 'dist/'],
  },
  tsconfigDev: {
    include: ['../examples/**/*.ts', '../scripts/**/*.ts', '../bench/**/*.ts'],
    compilerOptions: {
      // Examples and README code import the package by its name, as users do.
      paths: { 'ack-terway-network': ['../src/index.ts'] },
    },
  },
  // docs/api/ (2.8 MB reference of the generated bindings) is rebuilt by `npx projen build`.
  gitignore: ['cdktf.out/', 'dist/', '.gen/', '/tmp/', '*.tsbuildinfo', '/docs/api/'],
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/scripts/', '/schemas/', '/bench/', '/.ci/', '/docs/api/', '/.dependency-cruiser.cjs'] },
});

// Examples, scripts and benchmarks are type-checked (and linted) with the test settings.
for (const dir of ['examples', 'scripts', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: { extends: '../test/tsconfig.json', include: ['**/*.ts'] },
    marker: false,
  });
}

project.package.addVersion('0.1.0');
// constructs is needed by both paths; every other peer belongs to one path or one feature only.
for (const peer of ['cdktf', 'cdk8s', '@cdktf/provider-kubernetes', 'cdk8s-plus-33', '@cdktf/provider-helm']) {
  project.package.addField('peerDependenciesMeta', {
    ...(project.package.manifest.peerDependenciesMeta ?? {}),
    [peer]: { optional: true },
  });
}

project.gitattributes.addAttributes('/src/generated/**', 'linguist-generated');
project.gitattributes.addAttributes('/API.md', 'linguist-generated');
project.gitattributes.addAttributes('/docs/api/**', 'linguist-generated');

// unrs-resolver 1.13.0 (via jest and eslint-import-resolver-typescript) lists platform
// bindings the npm registry does not serve for every platform, which leaves them out of
// package-lock.json and makes `npm ci` reject the lock. 1.12.2 has all of them.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// CI reads the plain closing line "N passed, N failed" this reporter prints.
project.jest?.addReporter(new javascript.JestReporter('<rootDir>/test/support/summary-reporter.js'));

// Examples import the package by name: resolve it through test/tsconfig.json's `paths`.
project.tryFindObjectFile('.eslintrc.json')?.addOverride(
  'settings.import/resolver.typescript.project', ['./tsconfig.json', './test/tsconfig.json']);

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

/** ts-node (project test/tsconfig.json) for scripts and examples; `ack-terway-network` resolves to src/ through its `paths`. */
const TS_NODE = 'node -r ts-node/register -r tsconfig-paths/register';
const TS_NODE_ENV = { TS_NODE_PROJECT: 'test/tsconfig.json' };

// After every compile: lazy entry points (each side loads only when used), then the API docs.
project.postCompileTask.exec(`${TS_NODE} scripts/lazy-index.ts lib`, { env: TS_NODE_ENV });
const docgen = project.addTask('docgen', {
  description: 'API reference: API.md (the library), docs/api/*.md (the generated bindings)',
  env: TS_NODE_ENV,
  exec: `${TS_NODE} scripts/docgen.ts`,
});
project.postCompileTask.spawn(docgen);

// `npx projen build` packages JavaScript and generates the Python package's sources and
// checks they compile. Building the wheel (`npx projen package:python`) needs PyPI for
// setuptools, and Java/.NET/Go need their toolchains: those tasks stay for machines that
// have them. `npm test` checks the Python sources too (test/package/consumer.test.ts).
const pythonSources = project.addTask('package:python-sources', {
  description: 'Generate the Python package sources (jsii-pacmak --code-only) and check that they compile',
  steps: [
    { exec: 'jsii-pacmak --code-only --targets python --outdir dist' },
    { exec: 'python3 -m compileall -q dist/python' },
  ],
});
const packageAll = project.tasks.tryFind('package-all')!;
packageAll.reset();
packageAll.spawn(project.tasks.tryFind('package:js')!);
packageAll.spawn(pythonSources);

// Generated bindings: alicloud (from the pinned provider schema) and the Terway CRDs.
project.addTask('gen:alicloud', {
  description: 'Generate typed alicloud bindings from the pinned provider schema in schemas/alicloud',
  env: TS_NODE_ENV,
  exec: `${TS_NODE} scripts/generate-alicloud.ts`,
});
project.addTask('gen:crds', {
  description: 'Generate typed Terway CRD bindings (cdk8s import) from schemas/terway',
  env: TS_NODE_ENV,
  exec: `${TS_NODE} scripts/generate-crds.ts`,
});
project.addTask('gen', {
  description: 'Regenerate all generated bindings',
  steps: [{ spawn: 'gen:alicloud' }, { spawn: 'gen:crds' }],
});

project.addTask('docs:rules', {
  description: 'Regenerate docs/rules.md from the rule catalogue',
  env: TS_NODE_ENV,
  exec: `${TS_NODE} scripts/generate-rule-docs.ts`,
});

// Flagship example: synthesizes Terraform JSON (and, later, Kubernetes YAML).
project.addTask('example', {
  description: 'Synthesize the flagship example (three-zone Terway cluster) and print a summary',
  env: TS_NODE_ENV,
  exec: `${TS_NODE} examples/run-all.ts`,
});
project.addTask('bench', {
  description: 'Time synthesis of generated inputs (benchmarks live here, never in tests)',
  env: TS_NODE_ENV,
  exec: `${TS_NODE} bench/synth-bench.ts`,
});

project.addTask('bench:import', {
  description: 'Import time and installed size of the cdk8s-only GitOps path (packed library in a fresh project)',
  env: TS_NODE_ENV,
  exec: `${TS_NODE} bench/import-size.ts`,
  receiveArgs: true,
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

// The architecture cannot drift silently: layer rules and no import cycles (.dependency-cruiser.cjs).
const depcruise = project.addTask('depcruise', {
  description: 'Check the layer rules and import cycles of src/ with dependency-cruiser',
  exec: 'depcruise src --config .dependency-cruiser.cjs',
});
project.testTask.spawn(depcruise);

project.synth();

import { cdk, javascript, JsonFile, release } from 'projen';

/**
 * Source of truth for package.json, tsconfig, jest and eslint.
 * Run `npx projen` after editing; never edit the generated files by hand.
 */
/** The public repository; docs and rule messages link into it (src/domain/docs-links.ts, checked by test/docs.test.ts). */
const REPOSITORY = 'https://github.com/ack-terway-network/ack-terway-network';

/**
 * Publishing switch. Nothing is on the npm registry (or PyPI, Maven, NuGet) yet: users install
 * the tarball `npm pack` writes, or the git URL (README "Install"). The release configuration
 * below is complete; it stays off because `release: true` makes projen generate GitHub
 * workflows (release on every push to the release branch, plus a build workflow) and a
 * `bump`/`unbump` pair that owns the version in package.json. Those would fire without the
 * NPM_TOKEN/TWINE_* secrets and fail, and this repository's CI is `.ci/run` on a clean clone.
 * To publish: set PUBLISH to true, run `npx projen`, add the registry secrets, and start the
 * release workflow by hand (the trigger is workflow_dispatch, never a push).
 */
const PUBLISH = false;

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
  // Node 20 reached end of life on 2026-04-30 (Node.js release schedule) but is what CI runs;
  // 22 and 24 are maintained, 26 is Active LTS since October 2026. A floor (not a list of
  // majors) keeps newer LTS lines installable without a release.
  minNodeVersion: '20.0.0',
  packageManager: javascript.NodePackageManager.NPM,
  keywords: ['alibaba-cloud', 'ack', 'terway', 'cdktf', 'cdk8s', 'kubernetes', 'cni'],

  // No GitHub-hosted automation until PUBLISH (above): CI is `.ci/run` on a clean clone.
  github: PUBLISH,
  release: PUBLISH,
  buildWorkflow: false,
  releaseTrigger: release.ReleaseTrigger.workflowDispatch(),
  releaseToNpm: true,
  npmAccess: javascript.NpmAccess.PUBLIC,
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
    // The network plan report's tests drive Debian's headless Chromium (/usr/bin/chromium);
    // playwright-core brings no browser of its own.
    'playwright-core@^1.49.0',
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
      moduleNameMapper: {
        '^ack-terway-network$': '<rootDir>/src/index.ts',
        '^ack-terway-network/(cdk8s|cdktf)$': '<rootDir>/src/$1.ts',
      },
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'scripts', 'bench'],
    // `npm test` never modifies the tree: lint without --fix (`npx projen eslint --fix` fixes).
    commandOptions: { fix: false },
    ignorePatterns: ['src/generated/**', '*.js', '*.d.ts', 'node_modules/', 'lib/', 'coverage/', 'cdktf.out/', 'dist/'],
  },
  tsconfigDev: {
    include: ['../examples/**/*.ts', '../scripts/**/*.ts', '../bench/**/*.ts'],
    compilerOptions: {
      // Examples and README code import the package by its name, as users do.
      paths: {
        'ack-terway-network': ['../src/index.ts'],
        'ack-terway-network/cdk8s': ['../src/cdk8s.ts'],
        'ack-terway-network/cdktf': ['../src/cdktf.ts'],
      },
    },
  },
  // docs/api/ (2.8 MB reference of the generated bindings) is rebuilt by `npx projen build`.
  // test-artifacts/: screenshots the browser tests keep for CI (docs/network-plan.md).
  gitignore: ['cdktf.out/', 'dist/', '.gen/', '/tmp/', '*.tsbuildinfo', '/docs/api/', '/test-artifacts/'],
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/scripts/', '/schemas/', '/bench/', '/.ci/', '/docs/api/', '/.dependency-cruiser.cjs'] },
});

// Scripts and benchmarks are type-checked (and linted) with the test settings.
for (const dir of ['scripts', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: { extends: '../test/tsconfig.json', include: ['**/*.ts'] },
    marker: false,
  });
}

// Examples are what users copy: their tsconfig.json is the README's "Run it" one (no path into
// the repository), so the folder works, with its cdktf.json and cdk8s.yaml (`npx ts-node <file>`),
// once copied into a project that installed the package. In the repository they are type-checked
// through tsconfig.dev.json and run by `npm run example` (test/tsconfig.json maps the package to src/).
new JsonFile(project, 'examples/tsconfig.json', {
  obj: {
    'compilerOptions': {
      target: 'ES2022',
      module: 'nodenext',
      strict: true,
      exactOptionalPropertyTypes: true,
      skipLibCheck: true,
      types: ['node'],
    },
    'ts-node': { transpileOnly: true },
  },
  marker: false,
});

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
const LAZY_INDEX = `${TS_NODE} scripts/lazy-index.ts lib`;
project.postCompileTask.exec(LAZY_INDEX, { env: TS_NODE_ENV });
// The property names of every struct, from the assembly, for the input checker's unknown-name errors.
project.postCompileTask.exec(`${TS_NODE} scripts/struct-fields.ts .jsii`, { env: TS_NODE_ENV });

// One command from a clone: `npm ci && npm pack` writes the installable tarball. npm runs
// `prepack` before `npm pack` and `npm publish`: jsii compile and the lazy entry points, i.e.
// lib/ and .jsii; not the API docs, so packing never rewrites tracked files. Not `prepare`:
// that would also run on every `npm ci` in a clone. (So a git-URL install, for which npm runs
// only `prepare`, gets no lib/: the README says so.)
project.addTask('prepack', {
  description: 'Build what the package ships (lib/, .jsii): run by npm before `npm pack` and `npm publish`',
  steps: [{ spawn: 'compile' }, { exec: LAZY_INDEX, env: TS_NODE_ENV }],
});
// `npx projen build` has compiled already: its packing step skips npm's prepack.
project.tasks.tryFind('package:js')!.reset('jsii-pacmak -v --target js --pack-command "npm pack --ignore-scripts"');

// Three entry points. `ack-terway-network` is everything; `ack-terway-network/cdk8s` is the
// cluster side only (cdk8s constructs, cluster descriptions, rules, enums), whose
// declarations never mention cdktf: a GitOps app type-checks with `skipLibCheck: false` and
// no cdktf installed; `ack-terway-network/cdktf` likewise for a Terraform app without cdk8s
// (everything but the cluster side, KubernetesManifests and FixedVSwitchNodePool, whose
// declarations refer to cdk8s). `typesVersions` serves the
// subpaths to TypeScript's `node10` resolution, which ignores `exports`.
project.package.addField('exports', {
  '.': { types: './lib/index.d.ts', default: './lib/index.js' },
  './cdk8s': { types: './lib/cdk8s.d.ts', default: './lib/cdk8s.js' },
  './cdktf': { types: './lib/cdktf.d.ts', default: './lib/cdktf.js' },
  './package.json': './package.json',
  './.jsii': './.jsii',
});
project.package.addField('typesVersions', { '*': { cdk8s: ['lib/cdk8s.d.ts'], cdktf: ['lib/cdktf.d.ts'] } });
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
    // The Python examples against the generated sources (names, keyword arguments, enum members).
    { exec: 'python3 scripts/check_python_example.py dist/python/src examples/python/*.py' },
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
project.addTask('docs:report-screenshot', {
  description: 'Regenerate docs/images/network-plan.png (README) from the flagship example\'s network plan report in headless Chromium',
  env: TS_NODE_ENV,
  exec: `${TS_NODE} scripts/report-screenshot.ts`,
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
project.addTask('bench:report', {
  description: 'Time the network plan report next to synthesis at fleet sizes S1 and S2 (bench/report-results.md)',
  env: TS_NODE_ENV,
  exec: `${TS_NODE} bench/report-bench.ts`,
});
project.addTask('bench:audit', {
  description: 'Time the audit command: start-up, 1,000 clusters and 10,000 Kubernetes objects',
  exec: 'ts-node --project test/tsconfig.json bench/audit-bench.ts',
});
project.addTask('docs:plan', {
  description: 'Regenerate docs/plan-guard.md (which plan fields each TW-PLAN rule reads) from src/plan/guard.ts',
  exec: 'ts-node --project test/tsconfig.json scripts/generate-plan-docs.ts',
});
project.addTask('bench:plan', {
  description: 'Time the plan guard (terway-audit plan, PlanGuard.check) on a plan of 5,000 resource changes',
  exec: 'ts-node --transpile-only --project test/tsconfig.json bench/plan-guard-bench.ts',
});

// The report renderer is shared with the audit command: no cdktf, cdk8s or constructs.
project.eslint?.addOverride({
  files: ['src/report/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', { patterns: ['cdktf', 'cdktf/*', '@cdktf/*', 'cdk8s', 'cdk8s-*', 'constructs', '../cloud/*', '../cluster/*', '../core/*', '../generated/*'] }],
  },
});

// The audit command and the plan guard run the domain rules only: they must never load cdktf, cdk8s or constructs.
project.eslint?.addOverride({
  files: ['src/audit/**/*.ts', 'src/plan/**/*.ts'],
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

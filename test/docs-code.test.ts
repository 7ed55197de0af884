/**
 * Every TypeScript code block in README.md and docs/*.md compiles and runs as written, and
 * the blocks that are complete apps (they call `synth()`) write their output. Blocks are found automatically:
 * a new ```ts block in any of these files is checked without touching this test.
 * Blocks import the package by its name, as users do (mapped to src/ here).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');

interface CodeBlock {
  /** `README.md:42` (the line of the opening fence). */
  readonly where: string;
  readonly code: string;
}

/** The ```ts / ```typescript blocks of a Markdown file. */
export function codeBlocks(file: string): CodeBlock[] {
  const lines = fs.readFileSync(path.join(ROOT, file), 'utf-8').split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(ts|typescript)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) body.push(lines[i].slice(open[1].length));
    blocks.push({ where: `${file}:${start + 1}`, code: body.join('\n') + '\n' });
  }
  return blocks;
}

const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const BLOCKS = DOCS.flatMap(codeBlocks);
const isApp = (b: CodeBlock) => /\.synth\(\)/.test(b.code);

let work: string;
const fileOf = new Map<CodeBlock, string>();

beforeAll(() => {
  // Outside the repository (nothing to clean up in the work tree), with the repository's
  // node_modules so `cdktf`, `cdk8s` and friends resolve as in a user's project.
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'atn-doc-blocks-'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
  BLOCKS.forEach((b, i) => {
    const file = path.join(work, `block${i}.ts`);
    // A block without imports or exports would be a global script: make it a module.
    const code = /^\s*(import|export)\s/m.test(b.code) ? b.code : `${b.code}export {};\n`;
    fs.writeFileSync(file, `// ${b.where}\n${code}`);
    fileOf.set(b, file);
  });
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('the README and docs have TypeScript blocks, including complete apps', () => {
  expect(BLOCKS.length).toBeGreaterThanOrEqual(3);
  expect(BLOCKS.filter(isApp).length).toBeGreaterThanOrEqual(2);
});

test('every TypeScript block type-checks as written', () => {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'test', 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  })!;
  const options: ts.CompilerOptions = {
    ...config.options,
    noEmit: true,
    noUnusedLocals: false, // a snippet may declare something to show it
    paths: { 'ack-terway-network': [path.join(ROOT, 'src', 'index.ts')], 'ack-terway-network/cdk8s': [path.join(ROOT, 'src', 'cdk8s.ts')], 'ack-terway-network/cdktf': [path.join(ROOT, 'src', 'cdktf.ts')] },
  };
  const files = BLOCKS.map((b) => fileOf.get(b)!);
  const program = ts.createProgram(files, options);
  const problems = ts.getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.includes(path.resolve(d.file.fileName)))
    .map((d) => {
      const block = BLOCKS[files.indexOf(path.resolve(d.file!.fileName))];
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      const [file, fence] = block.where.split(':');
      return `${file}:${Number(fence) + line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  expect(problems).toEqual([]);
});

test.each(BLOCKS.map((b) => [b.where, b] as const))('%s runs as written', (_where, block) => {
  const cwd = process.cwd();
  const outdir = fs.mkdtempSync(path.join(work, 'run-'));
  const quiet = process.env.ACK_TERWAY_NETWORK_QUIET;
  process.env.ACK_TERWAY_NETWORK_QUIET = '1';
  try {
    process.chdir(outdir); // cdktf writes cdktf.out/, cdk8s dist/, relative to the working directory
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(fileOf.get(block)!);
    });
    if (isApp(block)) {
      const written = fs.readdirSync(outdir).flatMap((d) => fs.readdirSync(path.join(outdir, d), { recursive: true }).map(String));
      expect(written.some((f) => f.endsWith('.tf.json') || f.endsWith('.k8s.yaml'))).toBe(true);
    }
  } finally {
    process.chdir(cwd);
    if (quiet === undefined) delete process.env.ACK_TERWAY_NETWORK_QUIET;
    else process.env.ACK_TERWAY_NETWORK_QUIET = quiet;
  }
});

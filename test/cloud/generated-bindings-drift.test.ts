/**
 * src/generated/alicloud must be exactly what scripts/generate-alicloud.ts makes from the pinned
 * schema: a hand edit of a generated file, or a schema change without `npx projen gen:alicloud`,
 * fails here.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generate, pinnedSchema } from '../../scripts/generate-alicloud';
import { pinnedSchemaFile } from '../support/terraform-schema';

const COMMITTED = path.resolve(__dirname, '..', '..', 'src', 'generated', 'alicloud');

/** Every file under `root`, by slash-separated relative path, sorted. */
function readTree(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else {
        files.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf-8'));
      }
    }
  };
  walk(root);
  return new Map([...files.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** Differences between two trees: missing and extra files, and the first differing line of changed ones. */
function treeDrift(expected: Map<string, string>, actual: Map<string, string>): string[] {
  const drift: string[] = [];
  for (const file of expected.keys()) if (!actual.has(file)) drift.push(`${file}: missing`);
  for (const [file, content] of actual) {
    const other = expected.get(file);
    if (other === undefined) {
      drift.push(`${file}: not generated`);
    } else if (other !== content) {
      const want = other.split('\n');
      const got = content.split('\n');
      const line = want.findIndex((l, i) => l !== got[i]);
      const at = line === -1 ? want.length : line;
      drift.push(`${file}:${at + 1}: generated ${JSON.stringify(want[at] ?? '<end of file>')}, found ${JSON.stringify(got[at] ?? '<end of file>')}`);
    }
  }
  return drift;
}

describe('generated alicloud bindings', () => {
  let tmp: string;
  let regenerated: Map<string, string>;

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'alicloud-drift-'));
    await generate(path.join(tmp, 'alicloud'));
    regenerated = readTree(path.join(tmp, 'alicloud'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('src/generated/alicloud is what the pinned schema generates (run `npx projen gen:alicloud` after changing it)', () => {
    const committed = readTree(COMMITTED);
    expect([...committed.keys()]).toEqual([...regenerated.keys()]);
    expect(treeDrift(regenerated, committed)).toEqual([]);
    expect(regenerated.size).toBeGreaterThan(1);
  });

  test('the generator and the conformance checker read the same schema file', () => {
    expect(pinnedSchemaFile()).toEqual({ path: pinnedSchema().file, version: pinnedSchema().version });
  });

  test('a hand edit, a deleted file and an extra file are reported', () => {
    const edited = new Map(regenerated);
    const [first, second] = [...regenerated.keys()].filter((f) => f.endsWith('/index.ts'));
    edited.set(first, edited.get(first)!.replace(/\n/, '\n// tweaked\n'));
    edited.delete(second);
    edited.set('extra/index.ts', '');
    expect(treeDrift(regenerated, edited)).toEqual([
      `${second}: missing`,
      `${first}:2: generated ${JSON.stringify(regenerated.get(first)!.split('\n')[1])}, found "// tweaked"`,
      'extra/index.ts: not generated',
    ]);
  });
});

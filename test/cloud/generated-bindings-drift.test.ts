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
import { readTree, treeDrift } from '../support/tree-drift';

const COMMITTED = path.resolve(__dirname, '..', '..', 'src', 'generated', 'alicloud');

describe('generated alicloud bindings', () => {
  let tmp: string;
  let regenerated: Map<string, Buffer>;

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
    edited.set(first, Buffer.from(edited.get(first)!.toString('utf-8').replace(/\n/, '\n// tweaked\n')));
    edited.delete(second);
    edited.set('extra/index.ts', Buffer.from(''));
    expect(treeDrift(regenerated, edited)).toEqual([
      `${second}: missing`,
      `${first}:2: generated ${JSON.stringify(regenerated.get(first)!.toString('utf-8').split('\n')[1])}, found "// tweaked"`,
      'extra/index.ts: not generated',
    ]);
  });
});

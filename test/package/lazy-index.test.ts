import * as path from 'path';
import * as ts from 'typescript';
import { LAZY_INDEXES, lazyExports, renderLazyIndex } from '../../scripts/lazy-index';

const SRC = path.join(__dirname, '..', '..', 'src');

test('the lazy entry points export exactly the runtime values of the eager ones', () => {
  const files = LAZY_INDEXES.map((f) => path.join(SRC, f));
  const program = ts.createProgram(files, { module: ts.ModuleKind.CommonJS, noEmit: true, skipLibCheck: true, strict: true });
  for (const file of files) {
    const lazy = lazyExports(file, program).map((e) => e.name).sort();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const eager = Object.keys(require(file)).filter((k) => k !== '__esModule').sort();
    expect([file, lazy]).toEqual([file, eager]);
  }
});

test('a lazy index loads a module only when one of its exports is read', () => {
  const text = renderLazyIndex([{ name: 'A', from: './a', key: 'A' }, { name: 'ns', from: './ns' }]);
  const loaded: string[] = [];
  const fakeRequire = (id: string) => {
    loaded.push(id);
    return { A: `A from ${id}` };
  };
  const exports: Record<string, unknown> = {};
  new Function('exports', 'require', text)(exports, fakeRequire);
  expect(loaded).toEqual([]);
  expect(Object.keys(exports).sort()).toEqual(['A', 'ns']);
  expect(exports.A).toBe('A from ./a');
  expect(loaded).toEqual(['./a']);
  expect(exports.ns).toEqual({ A: 'A from ./ns' });
});

import * as fs from 'fs';
import * as path from 'path';

/** Every file under `root`, keyed by slash-separated relative path (sorted), as raw bytes. */
export function readTree(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full).split(path.sep).join('/'), fs.readFileSync(full));
    }
  };
  walk(root);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Missing and extra files, and the first differing line of files whose bytes differ. */
export function treeDrift(expected: Map<string, Buffer>, actual: Map<string, Buffer>): string[] {
  const drift: string[] = [];
  for (const file of expected.keys()) if (!actual.has(file)) drift.push(`${file}: missing`);
  for (const [file, content] of actual) {
    const other = expected.get(file);
    if (other === undefined) {
      drift.push(`${file}: not generated`);
    } else if (!other.equals(content)) {
      const want = other.toString('utf-8').split('\n');
      const got = content.toString('utf-8').split('\n');
      const line = want.findIndex((l, i) => l !== got[i]);
      const at = line === -1 ? want.length : line;
      drift.push(`${file}:${at + 1}: generated ${JSON.stringify(want[at] ?? '<end of file>')}, found ${JSON.stringify(got[at] ?? '<end of file>')}`);
    }
  }
  return drift;
}

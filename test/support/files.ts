import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A new empty temporary directory. */
export function tmpdir(prefix = 'ack-terway-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every file (not directory) below `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

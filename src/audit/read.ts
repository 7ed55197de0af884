import * as fs from 'fs';
import * as path from 'path';
import { Inventory, KNOWN_KUBE_KINDS, KubeObject } from './inventory';
import {
  AckClusterFacts, ackClusterFacts, instanceTypesFromDescribe, isAckClusterShape, isDescribeInstanceTypesShape, isDescribeVSwitchesShape,
  vswitchesFromDescribe,
} from '../domain/ack-cluster';
import { InputError, isPlainObject } from '../domain/input';

/** What every input is expected to be, for messages. */
export const EXPECTED = 'expected the JSON output of `aliyun cs GET /clusters`, `aliyun cs GET /clusters/<id>`, '
  + '`aliyun vpc DescribeVSwitches`, `aliyun ecs DescribeInstanceTypes` or `kubectl get … -o json`';

/** How standard input is named in messages and reports. */
export const STDIN = '<stdin>';

/** An input that cannot be used: the file and what was expected. The command exits 2. */
export class AuditInputError extends Error {
  constructor(public readonly file: string, public readonly detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'AuditInputError';
  }
}

/** Reads files and folders (recursively, `.json` files only) into the inventory; `-` is standard input. */
export function readPaths(paths: ReadonlyArray<string>, inv: Inventory, readStdin: () => string): void {
  forEachInputPath(paths, readStdin, EXPECTED, {
    text: (file, text) => addText(file, text, inv),
    folder: (dir) => readFolder(dir, inv),
  });
}

/** What {@link forEachInputPath} does with each input. */
export interface InputPathVisitor {
  /** Standard input or a file, with its text (read with {@link readInputFile}). */
  readonly text: (file: string, text: string) => void;
  /** A folder. */
  readonly folder: (dir: string) => void;
  /** Appended to the message of a file that cannot be read. @default - nothing */
  readonly unreadableHint?: string;
}

/**
 * Walks command-line inputs in order: `-` is standard input, any other path a file or a folder
 * that must exist. Shared by the audit and `terway-audit plan`.
 * @param expected what the inputs should be, ending the message of a missing path
 */
export function forEachInputPath(paths: ReadonlyArray<string>, readStdin: () => string, expected: string, visit: InputPathVisitor): void {
  for (const p of paths) {
    if (p === '-') {
      let text: string;
      try {
        text = readStdin();
      } catch (e) {
        throw new AuditInputError(STDIN, `cannot be read (${(e as Error).message}).`);
      }
      visit.text(STDIN, text);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new AuditInputError(p, `no such file or folder; ${expected}.`);
    }
    if (stat.isDirectory()) visit.folder(p);
    else visit.text(p, readInputFile(p, visit.unreadableHint));
  }
}

/** The text of an input file; an {@link AuditInputError} (with `hint` appended) when it cannot be read. */
export function readInputFile(file: string, hint?: string): string {
  try {
    return fs.readFileSync(file, 'utf-8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new AuditInputError(file, `cannot be read (${code})${hint !== undefined ? `; ${hint}` : ''}.`);
  }
}

/**
 * The files under a folder, recursively, in code-point order (the output does not depend on the
 * file system or the locale). Symbolic links are followed, to files and to folders; a folder
 * reached again through a link (a loop) is read once. Broken links are counted as skipped.
 */
function listFiles(dir: string, seen: Set<string> = new Set(), broken: string[] = []): string[] {
  const out: string[] = [];
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch {
    return out;
  }
  if (seen.has(real)) return out;
  seen.add(real);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = fs.statSync(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        broken.push(full);
        continue;
      }
    }
    if (isDir) out.push(...listFiles(full, seen, broken));
    else if (isFile) out.push(full);
  }
  return out;
}

function readFolder(dir: string, inv: Inventory): void {
  const broken: string[] = [];
  const files = listFiles(dir, new Set(), broken);
  const json = files.filter((f) => f.toLowerCase().endsWith('.json'));
  const skipped = files.length - json.length;
  if (json.length === 0) {
    const why = [skipped ? `${skipped} other file${skipped === 1 ? '' : 's'} skipped` : '', broken.length ? `${broken.length} broken link${broken.length === 1 ? '' : 's'}` : ''].filter((x) => x);
    throw new AuditInputError(dir, `no .json file in the folder${why.length ? ` (${why.join(', ')})` : ''}; ${EXPECTED}, saved as .json files.`);
  }
  if (skipped > 0) inv.notes.push(`${dir}: skipped ${skipped} file${skipped === 1 ? '' : 's'} not ending in .json.`);
  if (broken.length > 0) inv.notes.push(`${dir}: skipped ${broken.length} broken symbolic link${broken.length === 1 ? '' : 's'} (${broken.join(', ')}).`);
  for (const f of json) addText(f, readInputFile(f), inv);
}

/** Parses one input text and adds what it holds to the inventory. */
export function addText(file: string, text: string, inv: Inventory): void {
  inv.files.push({ file, bytes: Buffer.byteLength(text) });
  if (text.trim() === '') throw new AuditInputError(file, `empty; ${EXPECTED}.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new AuditInputError(file, `not JSON (${(e as Error).message}); ${EXPECTED} (add --output json / -o json).`);
  }
  try {
    addValue(file, value, inv);
  } catch (e) {
    if (e instanceof InputError) throw new AuditInputError(e.where, `${e.property} ${e.detail.replace(/\.$/, '')}; ${EXPECTED}.`);
    throw e;
  }
}

function isKubeObject(value: unknown): value is KubeObject {
  return isPlainObject(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string' && isPlainObject(value.metadata)
    && typeof value.metadata.name === 'string';
}

function isKubeList(value: unknown): value is { items: unknown[] } {
  return isPlainObject(value) && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}

function addValue(file: string, value: unknown, inv: Inventory): void {
  if (Array.isArray(value)) {
    if (value.every(isAckClusterShape)) return addClusters(file, value, inv);
    if (value.every(isKubeObject)) return addKube(file, value, inv);
    const bad = value.findIndex((v) => !isAckClusterShape(v));
    throw new AuditInputError(file, `item [${bad}] of the array is not a cluster (no cluster_id with parameters or cluster_type); ${EXPECTED}.`);
  }
  if (isPlainObject(value) && Array.isArray(value.clusters) && (value.page_info !== undefined || value.clusters.every(isAckClusterShape))) {
    const bad = value.clusters.findIndex((v) => !isAckClusterShape(v));
    if (bad >= 0) throw new AuditInputError(file, `clusters[${bad}] is not a cluster (no cluster_id with parameters or cluster_type); ${EXPECTED}.`);
    return addClusters(file, value.clusters, inv);
  }
  if (isAckClusterShape(value)) return addClusters(file, [value], inv);
  if (isDescribeVSwitchesShape(value)) {
    for (const v of vswitchesFromDescribe(value, file)) inv.vswitches.set(v.id, { value: v, file });
    return;
  }
  if (isDescribeInstanceTypesShape(value)) {
    for (const [id, c] of instanceTypesFromDescribe(value, file)) inv.instanceTypes.set(id, c);
    return;
  }
  if (isKubeList(value)) {
    const bad = value.items.findIndex((v) => !isKubeObject(v));
    if (bad >= 0) throw new AuditInputError(file, `items[${bad}] is not a Kubernetes object (apiVersion, kind, metadata.name); ${EXPECTED}.`);
    if (value.items.length === 0) inv.notes.push(`${file}: an empty List; it proves nothing, so rules that need these objects are not evaluated.`);
    return addKube(file, value.items as KubeObject[], inv);
  }
  if (isKubeObject(value)) return addKube(file, [value], inv);
  const keys = isPlainObject(value) ? `an object with keys ${Object.keys(value).slice(0, 6).join(', ') || '(none)'}` : `a ${value === null ? 'null' : typeof value}`;
  throw new AuditInputError(file, `${keys} is none of the inputs the audit reads; ${EXPECTED}.`);
}

/** Ranks the fields the network plug-in is read from (higher wins when one cluster is given twice). */
const NETWORK_SOURCE_RANK: Record<string, number> = { 'parameters.Network': 3, 'meta_data.Addons': 2, 'meta_data.Capabilities.Network': 1 };

/**
 * One cluster given twice (a list output and a detail output): one set of facts, each field
 * from whichever output has it; the network plug-in fields from the better source.
 */
function mergeClusterFacts(a: AckClusterFacts, b: AckClusterFacts): AckClusterFacts {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    const empty = mine === undefined || (Array.isArray(mine) && mine.length === 0);
    if (empty && value !== undefined) out[key] = value;
  }
  const rank = (f: AckClusterFacts) => NETWORK_SOURCE_RANK[f.networkSource ?? ''] ?? 0;
  const network = rank(b) > rank(a) ? b : a;
  const merged = out as unknown as AckClusterFacts;
  return { ...merged, network: network.network, networkSource: network.networkSource, cniAddons: network.cniAddons ?? a.cniAddons ?? b.cniAddons };
}

/** Position of each cluster ID in `inv.clusters` (keeps reading linear in the number of clusters). */
const CLUSTER_INDEX = new WeakMap<Inventory, Map<string, number>>();

function addClusters(file: string, clusters: unknown[], inv: Inventory): void {
  const index = CLUSTER_INDEX.get(inv) ?? new Map(inv.clusters.map((x, i) => [x.value.clusterId, i]));
  CLUSTER_INDEX.set(inv, index);
  clusters.forEach((c, i) => {
    const facts = ackClusterFacts(c, clusters.length === 1 ? file : `${file} [${i}]`);
    const at = index.get(facts.clusterId);
    if (at === undefined) {
      index.set(facts.clusterId, inv.clusters.length);
      inv.clusters.push({ value: facts, file });
      return;
    }
    const before = inv.clusters[at];
    inv.clusters[at] = { value: mergeClusterFacts(before.value, facts), file: before.file };
    inv.notes.push(`cluster/${facts.clusterId} is in ${before.file === file ? `${file} twice` : `${before.file} and ${file}`}; their facts are read as one cluster.`);
  });
}

/** What `kubectl get -o json` always writes as strings (and objects); anything else is not its output. */
function checkKubeShape(file: string, obj: KubeObject): void {
  const name = `${obj.kind} ${obj.metadata.namespace ? `${obj.metadata.namespace}/` : ''}${obj.metadata.name}`;
  const fail = (field: string, value: unknown, expected: string): never => {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array'
      : typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
    throw new AuditInputError(file, `${name}: ${field} is ${got}; kubectl writes ${expected} there, so this is not \`kubectl get … -o json\` output; ${EXPECTED}.`);
  };
  const stringMap = (field: string, value: unknown) => {
    if (value === undefined || value === null) return;
    if (!isPlainObject(value)) fail(field, value, 'an object of strings');
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v !== 'string') fail(`${field}[${JSON.stringify(k)}]`, v, 'a string');
    }
  };
  stringMap('metadata.labels', obj.metadata.labels);
  stringMap('metadata.annotations', obj.metadata.annotations);
  if (obj.metadata.namespace !== undefined && typeof obj.metadata.namespace !== 'string') fail('metadata.namespace', obj.metadata.namespace, 'a string');
  if (obj.spec !== undefined && obj.spec !== null && !isPlainObject(obj.spec)) fail('spec', obj.spec, 'an object');
  if (obj.kind === 'ConfigMap') stringMap('data', obj.data);
}

function addKube(file: string, objects: KubeObject[], inv: Inventory): void {
  const ignored = new Set<string>();
  for (const obj of objects) {
    if (!KNOWN_KUBE_KINDS.includes(obj.kind)) {
      ignored.add(obj.kind);
      continue;
    }
    checkKubeShape(file, obj);
    const list = inv.kube.get(obj.kind) ?? [];
    list.push({ value: obj, file });
    inv.kube.set(obj.kind, list);
  }
  if (ignored.size > 0) inv.notes.push(`${file}: ignored objects of kind ${[...ignored].sort().join(', ')} (no rule reads them).`);
}

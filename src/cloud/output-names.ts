import { TerraformOutput, TerraformOutputConfig, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { registerRuleCheck } from '../core/validation';
import { passMemo } from '../core/validation-pass';
import { FILES_RULES } from '../domain/catalog-files';
import { violation } from '../domain/finding';
import { Finding } from '../domain/rules';

const OWNER = Symbol.for('ack-terway-network.output-owner');
const INDEX = Symbol('stack-output-index');
const CLAIMS = Symbol.for('ack-terway-network.output-claims');

type Owned = TerraformOutput & { [OWNER]?: IConstruct };
type Claimant = IConstruct & { [CLAIMS]?: Set<string> };

/**
 * Creates a Terraform output named exactly `name` for a library construct and registers
 * the stack-wide name check (TW-OUT-001) on `owner`.
 * @internal
 */
export function libraryOutput(owner: IConstruct, id: string, name: string, config: TerraformOutputConfig): TerraformOutput {
  const output = new TerraformOutput(owner, id, config) as Owned;
  output.overrideLogicalId(name);
  output[OWNER] = owner;
  reserveOutputNames(owner, [name]);
  return output;
}

/**
 * Reserves output names for `owner` even when it does not write them (a TerwayCluster's
 * whole output set, which TerwayClusterOutputs reads by name).
 * @internal
 */
export function reserveOutputNames(owner: IConstruct, names: string[]): void {
  const claimant = owner as Claimant;
  if (!claimant[CLAIMS]) {
    claimant[CLAIMS] = new Set();
    registerRuleCheck(owner, [FILES_RULES.OUTPUT_NAME_COLLISION], () => outputNameCollisions(owner));
  }
  for (const name of names) claimant[CLAIMS]!.add(name);
}

/**
 * The names `owner` claims that another library construct in the same stack claims too
 * (reported on the later of the two), or that an output of the user's takes.
 */
function outputNameCollisions(owner: IConstruct): Finding[] {
  const mine = (owner as Claimant)[CLAIMS] ?? new Set<string>();
  const index = stackOutputIndex(TerraformStack.of(owner));
  const ownPosition = index.position.get(owner) ?? -1;
  const pairs: Array<[IConstruct, string]> = [];
  for (const name of mine) {
    for (const other of index.claimants.get(name) ?? []) if (other !== owner && index.position.get(other)! < ownPosition) pairs.push([other, name]);
    for (const other of index.userOutputs.get(name) ?? []) pairs.push([other, name]);
  }
  // In construct-tree order, as the stack declares them.
  pairs.sort(([a], [b]) => index.position.get(a)! - index.position.get(b)!);
  const clashes = new Map<IConstruct, string[]>();
  for (const [other, name] of pairs) clashes.set(other, [...(clashes.get(other) ?? []), name]);
  return [...clashes].map(([other, names]) => {
    const kind = (other as Claimant)[CLAIMS] ? 'the library construct' : 'the TerraformOutput';
    return violation(FILES_RULES.OUTPUT_NAME_COLLISION,
      `Output name${names.length > 1 ? 's' : ''} ${names.sort().join(', ')} of ${owner.node.path} ${names.length > 1 ? 'are' : 'is'} also claimed by ${kind} ${other.node.path}; `
      + 'cdktf would merge the two into one output and TerwayClusterOutputs would read one construct\'s IDs as the other\'s.',
      'Give every TerwayCluster in a stack its own outputPrefix, and every plane a planeName whose output name (characters other than '
      + 'A-Z, a-z, 0-9 and _ become _) differs from other planes\' and from the cluster outputs (e.g. not "pod" or "node"); rename your own outputs.');
  });
}

/** Who claims which output name in a stack, and where each construct stands in the tree. */
interface StackOutputIndex {
  readonly position: Map<IConstruct, number>;
  /** Output name → library constructs that claim it. */
  readonly claimants: Map<string, IConstruct[]>;
  /** Output name → the user's own TerraformOutputs with that logical ID. */
  readonly userOutputs: Map<string, IConstruct[]>;
}

/** One walk of the stack per validation pass, however many library constructs claim names. */
function stackOutputIndex(stack: TerraformStack): StackOutputIndex {
  return passMemo(INDEX, stack, () => {
    const index: StackOutputIndex = { position: new Map(), claimants: new Map(), userOutputs: new Map() };
    const push = (map: Map<string, IConstruct[]>, name: string, c: IConstruct) => map.set(name, [...(map.get(name) ?? []), c]);
    stack.node.findAll().forEach((c, i) => {
      index.position.set(c, i);
      for (const name of (c as Claimant)[CLAIMS] ?? []) push(index.claimants, name, c);
      if (c instanceof TerraformOutput && (c as Owned)[OWNER] === undefined) push(index.userOutputs, c.friendlyUniqueId, c);
    });
    return index;
  });
}

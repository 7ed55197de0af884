import { Annotations, App, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ValidationReport } from '../core/validation';

/**
 * Makes a cdktf app all-or-nothing: cdktf writes each stack right after validating it,
 * so in a multi-stack app an error in a later stack would leave earlier stacks on disk.
 * When the first stack is synthesized (before anything is written), this aspect validates
 * every stack of the app once. The first stack is included: aspects on its children (such
 * as KubernetesManifests rendering charts) run before cdktf's own validation of it. It also
 * surfaces the library's warnings as cdktf annotations (acknowledged ones as info), once
 * per construct.
 */
class SynthGate implements IAspect {
  private readonly annotated = new WeakMap<IConstruct, Set<string>>();

  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const root = node.node.root;
    if (App.isApp(root) && root.skipValidation) return;
    const stacks = root.node.findAll().filter(TerraformStack.isStack);
    if (stacks[0] === node) for (const stack of stacks) stack.runAllValidations();
    this.annotate(node);
  }

  private annotate(stack: TerraformStack): void {
    const report = ValidationReport.of(stack);
    const byPath = new Map(stack.node.findAll().map((c) => [c.node.path, c]));
    for (const f of [...report.warnings, ...report.acknowledged]) {
      const construct = byPath.get(f.path) ?? stack;
      const seen = this.annotated.get(construct) ?? new Set<string>();
      this.annotated.set(construct, seen);
      if (seen.has(f.text)) continue;
      seen.add(f.text);
      if (f.acknowledgedReason !== undefined) {
        Annotations.of(construct).addInfo(`[${f.ruleId}] acknowledged: ${f.acknowledgedReason}`);
      } else {
        Annotations.of(construct).addWarning(f.text);
      }
    }
  }
}

const GATE = new SynthGate();

/**
 * Installs the synth gate on every stack of `scope`'s app that exists now, the first
 * stack among them. Stacks created later are synthesized after it, when the gate has run.
 * @internal
 */
export function installSynthGate(scope: IConstruct): void {
  for (const stack of scope.node.root.node.findAll().filter(TerraformStack.isStack)) {
    const aspects = Aspects.of(stack);
    if (!aspects.all.includes(GATE)) aspects.add(GATE);
  }
}

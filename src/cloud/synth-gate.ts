import { Annotations, App, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ValidationReport } from '../core/validation';

/**
 * Makes a cdktf app all-or-nothing: cdktf writes each stack right after validating it,
 * so in a multi-stack app an error in a later stack would leave earlier stacks on disk.
 * This aspect runs when the first stack is synthesized and validates every stack of
 * the app before anything is written. It also surfaces the library's warnings as
 * cdktf annotations (acknowledged ones as info), once per construct.
 */
class SynthGate implements IAspect {
  private readonly annotated = new WeakMap<IConstruct, Set<string>>();

  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const root = node.node.root;
    if (App.isApp(root) && root.skipValidation) return;
    const stacks = root.node.findAll().filter(TerraformStack.isStack);
    for (const stack of stacks) stack.runAllValidations();
    this.annotate(node);
  }

  private annotate(stack: TerraformStack): void {
    const report = ValidationReport.of(stack);
    for (const f of [...report.warnings, ...report.acknowledged]) {
      const construct = stack.node.findAll().find((c) => c.node.path === f.path) ?? stack;
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
 * Installs the synth gate on every stack of `scope`'s app that exists now. Stacks
 * created later are synthesized after these, when the gate has already run.
 * @internal
 */
export function installSynthGate(scope: IConstruct): void {
  for (const stack of scope.node.root.node.findAll().filter(TerraformStack.isStack)) {
    const aspects = Aspects.of(stack);
    if (!aspects.all.includes(GATE)) aspects.add(GATE);
  }
}

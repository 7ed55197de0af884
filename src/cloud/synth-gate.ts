import { Annotations, App, Aspects, IAspect, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { printFindings } from '../core/print-findings';
import { beginScopePass, checkedConstructs, ValidationReport } from '../core/validation';
import { currentPass, endKeptPass, endPass, inValidationPass, openPass } from '../core/validation-pass';

const BEFORE_WRITE = Symbol.for('ack-terway-network.before-write');
const STACK_HOOK = Symbol.for('ack-terway-network.stack-pass-hook');

/** A construct with work that must happen before any stack of the app is written. */
type WithBeforeWrite = IConstruct & { [BEFORE_WRITE]?: (reportErrors: boolean) => string[] };

/**
 * Makes a cdktf app all-or-nothing: cdktf writes each stack right after validating it,
 * so in a multi-stack app an error in a later stack would leave earlier stacks on disk.
 * When the first stack is synthesized (before anything is written), this aspect, in one
 * validation pass:
 * 1. runs the before-write work of every library construct in every stack (KubernetesManifests
 *    renders its cdk8s app here, so render errors stop synthesis before the first write);
 * 2. validates every stack of the app;
 * 3. surfaces the library's warnings as cdktf annotations (acknowledged ones as info), once
 *    per construct and finding, for all stacks at once, and prints the errors and
 *    unacknowledged warnings on stderr (ACK_TERWAY_NETWORK_QUIET=1 silences them).
 * When only the library's own aspects run after it, the pass stays open until cdktf has
 * validated every stack (or written the last one), and each stack's validation reuses its
 * findings (each check runs once per synth, also in a multi-stack app).
 *
 * With `skipValidation: true` (which cdktf's error footer suggests) cdktf skips its own
 * validations, but the library's rules still run here: they describe configurations that
 * Alibaba Cloud or Terway reject at apply time or on the nodes, so skipping them would only
 * move the failure later. The error says so.
 */
class SynthGate implements IAspect {
  private readonly annotated = new WeakMap<IConstruct, Set<string>>();

  public visit(node: IConstruct): void {
    if (!TerraformStack.isStack(node)) return;
    const root = node.node.root;
    const stacks = root.node.findAll().filter(TerraformStack.isStack);
    if (stacks[0] !== node) return;
    endKeptPass(KEPT_PASSES.get(node));
    const skipping = App.isApp(root) && root.skipValidation;
    // cdktf validates this stack right after its aspects. When only the library's aspects are
    // left to run (they change nothing the rules read), that validation reuses this pass's
    // findings instead of evaluating every rule of the stack a second time; any other aspect
    // may change the stack, so then the stack is validated afresh.
    inValidationPass(() => {
      // The pass stays open until the last stack is rendered: cdktf validates and writes the
      // stacks one after another, and only the library's aspects run in between.
      KEPT_PASSES.set(node, currentPass());
      ENDS_AT_RENDER.set(stacks[stacks.length - 1], currentPass());
      const beforeWrite = runBeforeWriteWork(root, skipping);
      if (skipping) {
        const errors = [...beforeWrite, ...ValidationReport.of(root).errors.map((f) => `[${f.path}] ${f.text}`)];
        if (errors.length > 0) {
          throw new Error(`ack-terway-network: skipValidation: true skips cdktf's own checks only; the Terway rules still run, because what they reject fails at apply time or on the nodes. Fix:\n  ${errors.join('\n  ')}`);
        }
      } else {
        // Printed before cdktf's validation throws on errors: a plain node/ts-node run shows
        // warnings only here (cdktf writes them to manifest.json, which only its CLI reads).
        const report = ValidationReport.of(root);
        if (!cdktfCliShowsAnnotations()) printFindings([...report.errors, ...report.warnings]);
        for (const stack of stacks) stack.runAllValidations();
      }
      this.annotate(root);
    }, () => (skipping || !stacks.every(onlyLibraryAspects) ? [] : stacks.flatMap(checkedConstructs)));
  }

  private annotate(root: IConstruct): void {
    const report = ValidationReport.of(root);
    const byPath = new Map(root.node.findAll().map((c) => [c.node.path, c]));
    for (const f of [...report.warnings, ...report.acknowledged]) {
      const construct = byPath.get(f.path) ?? root;
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
const LIBRARY_ASPECTS = new WeakSet<IAspect>([GATE]);
/** The pass each gated stack's gate ran in (a later synth of the app ends it first). */
const KEPT_PASSES = new WeakMap<IConstruct, object | undefined>();
/** The gate's pass, by the app's last stack: it ends at the latest when that stack is rendered. */
const ENDS_AT_RENDER = new WeakMap<IConstruct, object | undefined>();

/**
 * An aspect of the library's own, which changes nothing the rules read (so the gate's
 * validation pass may stay open across it).
 */
function libraryAspect(visit: (node: IConstruct) => void): IAspect {
  const aspect: IAspect = { visit };
  LIBRARY_ASPECTS.add(aspect);
  return aspect;
}

/** Whether every aspect in `stack` (the stack and below) is the library's own. */
function onlyLibraryAspects(stack: IConstruct): boolean {
  return stack.node.findAll().every((c) => Aspects.of(c).all.every((a) => LIBRARY_ASPECTS.has(a)));
}

/**
 * Installs the synth gate on the app's first stack (cdktf synthesizes stacks in tree order,
 * so the gate runs before anything is written; stacks created later come after it) and on
 * `scope`'s own stack. Every library construct of the cloud side calls this, so it looks at
 * two stacks, never the whole tree (the cost of building an app stays linear). Each gated
 * stack also opens a validation pass when cdktf validates it, so its checks run once per write.
 * @internal
 */
export function installSynthGate(scope: IConstruct): void {
  const own = TerraformStack.of(scope);
  for (const stack of new Set([firstStack(scope.node.root) ?? own, own])) {
    const aspects = Aspects.of(stack);
    if (!aspects.all.includes(GATE)) aspects.add(GATE);
    const hooked = stack as TerraformStack & { [STACK_HOOK]?: boolean };
    if (!hooked[STACK_HOOK]) {
      hooked[STACK_HOOK] = true;
      stack.node.addValidation({ validate: () => { beginScopePass(stack); return []; } });
      hookStack(stack);
    }
  }
  hookApp(scope.node.root);
}

/**
 * Runs the before-write work when `App.synth()` starts, from a shallower call stack than a
 * stack's `prepareStack` (every object rendered captures the call stack, and each frame costs
 * time per object), at the same point: nothing happens in between. Only an app whose `synth`
 * is cdktf's own; otherwise the `prepareStack` hook does the work.
 */
function hookApp(root: IConstruct): void {
  if (!App.isApp(root) || root.synth !== App.prototype.synth) return;
  Object.defineProperty(root, 'synth', {
    configurable: true,
    writable: true,
    value: () => {
      runBeforeWriteWork(root, false);
      return App.prototype.synth.call(root);
    },
  });
}

/**
 * `App.synth()` prepares every stack (a resolve pass that also wires cross-stack references)
 * before it invokes aspects, validates and writes. The before-write work (rendering) runs
 * before the first gated stack is prepared, so what it creates is prepared like everything
 * else: a reference to another stack's resource inside a rendered manifest gets its
 * cross-stack output, and rendering does not run on the heap a whole-app resolve leaves
 * behind (measured 1.5 times slower there). The aspect still runs the work for a stack
 * synthesized without being prepared (`Testing.synth`); the work is idempotent.
 *
 * Rendering the last stack to JSON ends the gate's kept pass (if the validations did not):
 * what happens after that may change the app.
 */
function hookStack(stack: TerraformStack): void {
  const prepare = stack.prepareStack;
  const toTerraform = stack.toTerraform;
  Object.defineProperty(stack, 'prepareStack', {
    configurable: true,
    writable: true,
    value: () => {
      runBeforeWriteWork(stack.node.root, false);
      return prepare.call(stack);
    },
  });
  Object.defineProperty(stack, 'toTerraform', {
    configurable: true,
    writable: true,
    value: () => {
      endKeptPass(ENDS_AT_RENDER.get(stack));
      return toTerraform.call(stack);
    },
  });
}

/**
 * Runs the before-write work of every library construct in the app, in one validation pass;
 * returns the errors it reports. (A plain loop: objects rendered here capture the call
 * stack, and each frame costs time per object.)
 */
function runBeforeWriteWork(root: IConstruct, reportErrors: boolean): string[] {
  const errors: string[] = [];
  const pass = openPass();
  try {
    for (const c of root.node.findAll()) {
      const work = (c as WithBeforeWrite)[BEFORE_WRITE];
      if (work !== undefined) errors.push(...work(reportErrors));
    }
  } finally {
    endPass(pass);
  }
  return errors;
}

/**
 * Registers work that the gate runs before the first stack is written (e.g. rendering).
 * `work` must be idempotent; it throws on failure, and when `reportErrors` is true (cdktf
 * skips its validations) it returns the construct's validation errors, which then stop
 * synthesis. A library aspect also runs it when the construct's stack is synthesized on its
 * own (e.g. `Testing.synth` of a later stack, which the gate does not see).
 * @internal
 */
export function runBeforeFirstWrite(construct: IConstruct, work: (reportErrors: boolean) => string[]): void {
  (construct as WithBeforeWrite)[BEFORE_WRITE] = work;
  Aspects.of(construct).add(libraryAspect((node) => { if (node === construct) inValidationPass(() => work(false)); }));
}

/** The first stack of the app in tree order (the one cdktf synthesizes first); the search stops there and never enters a stack. */
function firstStack(root: IConstruct): TerraformStack | undefined {
  if (TerraformStack.isStack(root)) return root;
  for (const child of root.node.children) {
    const found = firstStack(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether the app runs under the cdktf CLI, which reads the annotations from manifest.json and
 * shows them itself (and shows the app's stderr as errors): the CLI's synth sets
 * CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS ("we want to display the errors ourselves").
 * @see https://github.com/hashicorp/terraform-cdk/blob/main/packages/%40cdktf/cli-core/src/lib/synth-stack.ts
 * @internal
 */
export function cdktfCliShowsAnnotations(): boolean {
  return process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined;
}

import { App } from 'cdk8s';
import { IConstruct } from 'constructs';
import { printFindings, QUIET_ENV } from '../core/print-findings';
import { beginScopePass, ValidationReport } from '../core/validation';
import { inValidationPass, passMemo } from '../core/validation-pass';

const INSTALLED = Symbol.for('ack-terway-network.cluster-warning-printer');
const PRINTED = Symbol('cluster-warnings-printed');

export { QUIET_ENV };

/**
 * cdk8s has no warning channel, so the library prints its warnings for the whole app to
 * stderr when cdk8s validates (just before it writes anything), one line per finding, once
 * per synthesis. Errors stop synthesis through the constructs' own validations. Set
 * ACK_TERWAY_NETWORK_QUIET=1 to silence.
 *
 * The hook also bounds the validation pass (see validation-pass.ts): cdk8s validates the
 * whole app once in `App.synth()` and once more per chart it renders, so `synth()` and
 * `synthYaml()` of the app run as one pass, and every other validation loop over the app
 * (a chart's `toJson()`) opens a pass at this root hook, which cdk8s visits first.
 * @internal
 */
export function installWarningPrinter(scope: IConstruct): void {
  const root = scope.node.root as IConstruct & { [INSTALLED]?: boolean };
  if (root[INSTALLED]) return;
  root[INSTALLED] = true;
  if (root instanceof App) passPerSynthesis(root);
  root.node.addValidation({
    validate: () => {
      beginScopePass(root);
      if (!process.env[QUIET_ENV]) passMemo(PRINTED, root, () => printWarnings(root));
      return [];
    },
  });
}

/**
 * Marks the app's warnings as reported for the current pass, for a caller that reports them
 * through another channel (the one-deploy bridge reports them as cdktf warnings).
 * @internal
 */
export function warningsReportedElsewhere(root: IConstruct): void {
  passMemo(PRINTED, root, () => true);
}

function printWarnings(root: IConstruct): true {
  printFindings(ValidationReport.of(root).warnings);
  return true;
}

/** Runs the app's `synth()` and `synthYaml()` as one validation pass each. */
function passPerSynthesis(app: App): void {
  for (const method of ['synth', 'synthYaml'] as const) {
    const original = app[method] as (...args: unknown[]) => unknown;
    Object.defineProperty(app, method, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => inValidationPass(() => original.apply(app, args)),
    });
  }
}

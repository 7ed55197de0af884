import { IConstruct } from 'constructs';
import { ValidationReport } from '../core/validation';

const INSTALLED = Symbol.for('ack-terway-network.cluster-warning-printer');

/** Environment variable that silences the cluster-side warning output. */
export const QUIET_ENV = 'ACK_TERWAY_NETWORK_QUIET';

/**
 * cdk8s has no warning channel, so the library prints its warnings for the whole app to
 * stderr when cdk8s validates (just before it writes anything). Errors stop synthesis
 * through the constructs' own validations. Set ACK_TERWAY_NETWORK_QUIET=1 to silence.
 * @internal
 */
export function installWarningPrinter(scope: IConstruct): void {
  const root = scope.node.root as IConstruct & { [INSTALLED]?: boolean };
  if (root[INSTALLED]) return;
  root[INSTALLED] = true;
  root.node.addValidation({
    validate: () => {
      if (!process.env[QUIET_ENV]) {
        const report = ValidationReport.of(root);
        for (const w of report.warnings) process.stderr.write(`[ack-terway-network] WARNING ${w.path}: ${w.text}\n`);
      }
      return [];
    },
  });
}

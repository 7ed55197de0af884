import { App, LocalBackend, TerraformStack, Testing } from 'cdktf';
import { alicloud, TerwayCluster, TerwayClusterProps, ValidationReport } from '../../src';

/** A valid three-zone cluster; tests override one thing at a time. */
export function validProps(overrides: Partial<TerwayClusterProps> = {}): TerwayClusterProps {
  return {
    clusterName: 'test',
    kubernetesVersion: '1.33.1-aliyun.1',
    vpc: { cidrBlock: '192.168.0.0/16' },
    zones: ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j'].map((zoneId, i) => ({
      zoneId,
      nodeVSwitches: [{ cidrBlock: `192.168.${i}.0/24` }],
      podVSwitches: [{ cidrBlock: `192.168.${32 * (i + 1)}.0/19` }],
    })),
    serviceCidr: '172.21.0.0/20',
    ...overrides,
  };
}

/** A stack with a provider (region only) and a TerwayCluster. */
export function clusterStack(
  props: TerwayClusterProps, app: App = Testing.app(), statePath = 'terraform.test.tfstate',
): { app: App; stack: TerraformStack; cluster: TerwayCluster } {
  const stack = new TerraformStack(app, 'test');
  new LocalBackend(stack, { path: statePath });
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  const cluster = new TerwayCluster(stack, 'Cluster', props);
  return { app, stack, cluster };
}

/** A local state path that later stacks' cross-stack references find too (rule TW-DEPLOY-003). */
export const SHARED_STATE_PATH = '../test/terraform.test.tfstate';

/** Rule IDs of the unacknowledged errors and warnings for the given props. */
export function findingIds(props: TerwayClusterProps): { errors: string[]; warnings: string[]; report: ValidationReport } {
  const { stack } = clusterStack(props);
  const report = ValidationReport.of(stack);
  return { errors: report.errors.map((f) => f.ruleId), warnings: report.warnings.map((f) => f.ruleId), report };
}

/** Synthesizes with validations on; returns the error text, or undefined when it passed. */
export function synthError(stack: TerraformStack): string | undefined {
  try {
    Testing.synth(stack, true);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

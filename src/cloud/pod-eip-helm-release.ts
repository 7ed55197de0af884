import { ITerraformDependable, TerraformProvider, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { EipControllerHelmReleaseOptions } from './pod-eip-options';
import { NAMESPACE_NAME } from './pod-eip-rrsa';
import { InputChecker } from '../domain/input';

/** A Helm release name: at most 53 characters (Helm's limit), lowercase RFC 1123. */
const RELEASE_NAME = /^(?=.{1,53}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Creates the helm_release (chart `version` is the values' chart version). */
export function eipControllerHelmRelease(
  scope: Construct, c: InputChecker, options: EipControllerHelmReleaseOptions, chartVersion: string, valuesYaml: string,
  dependsOn: ITerraformDependable[],
): TerraformResource {
  c.object('helmRelease', options);
  const repository = c.string('helmRelease.repository', options.repository, { pattern: /^(https?|oci):\/\/\S+$/, expected: 'a repository URL (https:// or oci://)' });
  const namespace = c.string('helmRelease.namespace', options.namespace, { pattern: NAMESPACE_NAME, expected: 'a namespace name (RFC 1123 label, at most 63 characters)' });
  const chart = c.string('helmRelease.chart', options.chart, { optional: true, minLength: 1 }) ?? 'ack-extend-network-controller';
  const name = c.string('helmRelease.releaseName', options.releaseName, { optional: true, pattern: RELEASE_NAME, expected: 'a Helm release name (lowercase RFC 1123, at most 53 characters)' }) ?? 'ack-extend-network-controller';
  if (options.provider !== undefined && !(options.provider instanceof TerraformProvider)) c.fail('helmRelease.provider', 'must be a TerraformProvider (a HelmProvider).');
  let helm: typeof import('@cdktf/provider-helm');
  try {
    // Loaded only here: users who do not install the chart through Terraform need not install it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    helm = require('@cdktf/provider-helm');
  } catch {
    return c.fail('helmRelease', 'needs the optional peer dependency @cdktf/provider-helm (npm install @cdktf/provider-helm@^12.1.0) and a HelmProvider in the stack.');
  }
  return new helm.release.Release(scope, 'ControllerRelease', {
    name,
    chart,
    repository,
    version: chartVersion,
    namespace,
    values: [valuesYaml],
    provider: options.provider,
    dependsOn,
  });
}

/**
 * Values that are not known at synth time.
 *
 * cdktf renders unresolved string tokens as `${TfToken[...]}` and Terraform
 * expressions as `${...}`; no Alibaba Cloud ID, CIDR or Kubernetes label ever
 * contains `${`. The domain layer therefore treats any string containing `${`
 * as "unknown until apply" without importing cdktf, and rules skip such values.
 */
export function isUnresolved(value: string | undefined): boolean {
  return value !== undefined && value.includes('${');
}

/** The value when it is a literal known at synth time, otherwise undefined. */
export function known(value: string | undefined): string | undefined {
  return value === undefined || isUnresolved(value) ? undefined : value;
}

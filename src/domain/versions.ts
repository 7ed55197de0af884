import * as semver from 'semver';

/**
 * ACK Kubernetes version as used by the `version` argument of
 * `alicloud_cs_managed_kubernetes`, e.g. `1.33.1-aliyun.1`.
 */
export const ACK_KUBERNETES_VERSION = /^(\d+)\.(\d+)\.(\d+)-aliyun\.(\d+)$/;

/** Major.minor.patch of an ACK Kubernetes version, or undefined when malformed. */
export function parseKubernetesVersion(version: string): semver.SemVer | undefined {
  const m = ACK_KUBERNETES_VERSION.exec(version);
  return m ? new semver.SemVer(`${m[1]}.${m[2]}.${m[3]}`) : undefined;
}

/**
 * Terway component version such as `v1.11.0`, `1.13.7` or the legacy
 * `v1.0.10.280-gdc2cb6c-aliyun`; only major.minor.patch is compared.
 */
export function parseTerwayVersion(version: string): semver.SemVer | undefined {
  if (!/^v?\d+\.\d+\.\d+/.test(version)) return undefined;
  return semver.coerce(version) ?? undefined;
}

/** True when `version` (already parsed) is at least `minimum` (e.g. "1.11.0"). */
export function atLeast(version: semver.SemVer, minimum: string): boolean {
  return semver.gte(version, minimum);
}

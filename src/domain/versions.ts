// Only the modules used: the package root loads every range and function module.
import SemVer from 'semver/classes/semver';
import gte from 'semver/functions/gte';

/**
 * ACK Kubernetes version as used by the `version` argument of
 * `alicloud_cs_managed_kubernetes`, e.g. `1.33.1-aliyun.1`. Numbers have no leading
 * zeros (`1.33.01-aliyun.1` is not a version ACK offers).
 */
export const ACK_KUBERNETES_VERSION = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})-aliyun\.(0|[1-9]\d{0,5})$/;

/** Major.minor.patch of an ACK Kubernetes version, or undefined when malformed (never throws). */
export function parseKubernetesVersion(version: string): SemVer | undefined {
  const m = typeof version === 'string' ? ACK_KUBERNETES_VERSION.exec(version) : null;
  return m ? safeSemVer(`${m[1]}.${m[2]}.${m[3]}`) : undefined;
}

/**
 * Terway component version such as `v1.11.0`, `1.13.7` or the legacy
 * `v1.0.10.280-gdc2cb6c-aliyun`; only major.minor.patch is compared.
 * Undefined when malformed (never throws).
 */
export const TERWAY_VERSION = /^v?(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})([.+-][0-9A-Za-z.+-]*)?$/;

/** Major.minor.patch of a Terway version, or undefined when malformed (never throws). */
export function parseTerwayVersion(version: string): SemVer | undefined {
  const m = typeof version === 'string' ? TERWAY_VERSION.exec(version) : null;
  return m ? safeSemVer(`${m[1]}.${m[2]}.${m[3]}`) : undefined;
}

/** True when `version` (already parsed) is at least `minimum` (e.g. "1.11.0"). */
export function atLeast(version: SemVer, minimum: string): boolean {
  return gte(version, minimum);
}

function safeSemVer(text: string): SemVer | undefined {
  try {
    return new SemVer(text);
  } catch {
    return undefined;
  }
}

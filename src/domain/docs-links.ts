/**
 * Links into the library's own documentation, so every message can point to the rule's
 * entry in docs/rules.md (constraint, public source, an example violation and the fix).
 */

/** The library's public repository (the same URL as `repositoryUrl` in .projenrc.ts). */
export const REPOSITORY_URL = 'https://github.com/ack-terway-network/ack-terway-network';

/** The anchor of a rule in docs/rules.md, e.g. `tw-net-003` for `TW-NET-003`. */
export function ruleAnchor(ruleId: string): string {
  return ruleId.toLowerCase().replace(/[^a-z0-9-]/g, '');
}

/** The URL of a rule's entry in docs/rules.md. */
export function ruleDocUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules.md#${ruleAnchor(ruleId)}`;
}

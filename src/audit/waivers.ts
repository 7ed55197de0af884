import { AuditInputError } from './read';
import { checkInputs, InputError } from '../domain/input';

/** An acknowledged finding: shown as waived with its reason, never hidden. */
export interface Waiver {
  /** Rule ID, e.g. `TW-CLUSTER-001`. */
  readonly ruleId: string;
  /** Object as the report names it (e.g. `cluster/c0123…`), or `*` for every object. */
  readonly object: string;
  /** Why the finding is accepted (required). */
  readonly reason: string;
}

/**
 * Parses a waiver file: `{"waivers": [{"ruleId": …, "object": …, "reason": …}]}` (or the bare array).
 * @param file the file name, for messages
 */
export function parseWaivers(file: string, text: string, knownRuleIds: ReadonlySet<string>): Waiver[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new AuditInputError(file, `not JSON (${(e as Error).message}); expected a waiver file {"waivers": [{"ruleId": "TW-…", "object": "cluster/…", "reason": "…"}]}.`);
  }
  const check = checkInputs(file);
  try {
    const list = Array.isArray(value) ? value : check.array('waivers', check.object('waiver file', value).waivers);
    return list.map((item, i) => {
      const at = check.at(`waivers[${i}]`);
      const w = check.object(`waivers[${i}]`, item);
      const ruleId = at.string('ruleId', w.ruleId, { minLength: 1 });
      if (!knownRuleIds.has(ruleId)) at.fail('ruleId', `is "${ruleId}", which is no rule of this library (see docs/rules.md)`);
      return { ruleId, object: at.string('object', w.object, { minLength: 1 }), reason: at.string('reason', w.reason, { minLength: 1 }) };
    });
  } catch (e) {
    if (e instanceof InputError) throw new AuditInputError(file, `${e.property} ${e.detail.replace(/\.$/, '')}; expected {"waivers": [{"ruleId", "object", "reason"}]}.`);
    throw e;
  }
}

/** The waiver that covers a finding, if any (an exact object beats `*`). */
export function waiverFor(waivers: ReadonlyArray<Waiver>, ruleId: string, object: string): Waiver | undefined {
  return waivers.find((w) => w.ruleId === ruleId && w.object === object) ?? waivers.find((w) => w.ruleId === ruleId && w.object === '*');
}

/**
 * Kubernetes names, labels and label selectors: validation, matching, and whether two
 * selectors can select a common object (decided from the selectors alone).
 */

/** Operator of a label selector requirement. */
export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** One `matchExpressions` entry. */
export interface SelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values?: ReadonlyArray<string>;
}

/** A Kubernetes LabelSelector. */
export interface LabelSelectorModel {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: ReadonlyArray<SelectorRequirement>;
}

const OPERATORS: ReadonlyArray<string> = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const NAME = '([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)';
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_KEY = new RegExp(`^(([^/]+)/)?${NAME}$`);
const LABEL_VALUE = new RegExp(`^(${NAME})?$`);

/** Problem with a label key, or undefined (Kubernetes qualified-name rules). */
export function labelKeyProblem(key: string): string | undefined {
  const m = LABEL_KEY.exec(key);
  if (!m || key.length === 0) return `label key "${key}" is not a qualified name ([prefix/]name, name up to 63 alphanumerics, '-', '_', '.')`;
  const prefix = m[2];
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return `label key "${key}" has an invalid DNS prefix "${prefix}"`;
  return undefined;
}

/** Problem with a label value, or undefined. */
export function labelValueProblem(value: string): string | undefined {
  return LABEL_VALUE.test(value) ? undefined : `label value "${value}" is not valid (up to 63 alphanumerics, '-', '_', '.', starting and ending alphanumeric)`;
}

/** Problems with a DNS-1123 subdomain name (object names such as a PodNetworking's). */
export function objectNameProblem(name: string): string | undefined {
  return name.length <= 253 && DNS_SUBDOMAIN.test(name) ? undefined : `"${name}" is not a DNS-1123 subdomain (lowercase alphanumerics, '-' and '.', at most 253 characters)`;
}

/**
 * A ConfigMap `data` key as the API server accepts it: at most 253 of `[-._a-zA-Z0-9]`,
 * not `.` and not starting with `..` (`IsConfigMapKey`).
 * @see https://github.com/kubernetes/apimachinery/blob/v0.31.0/pkg/util/validation/validation.go
 */
export const CONFIG_MAP_KEY = /^(?!\.\.)(?!\.$)[-._a-zA-Z0-9]{1,253}$/;

/** Every problem of a selector, described for messages. */
export function selectorProblems(selector: LabelSelectorModel): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    const p = labelKeyProblem(k) ?? labelValueProblem(v);
    if (p) out.push(`matchLabels: ${p}`);
  }
  for (const [i, r] of (selector.matchExpressions ?? []).entries()) {
    const where = `matchExpressions[${i}]`;
    const keyProblem = labelKeyProblem(r.key);
    if (keyProblem) out.push(`${where}: ${keyProblem}`);
    if (!OPERATORS.includes(r.operator)) {
      out.push(`${where}: operator "${r.operator}" is not one of In, NotIn, Exists, DoesNotExist`);
      continue;
    }
    const values = r.values ?? [];
    if ((r.operator === 'In' || r.operator === 'NotIn') && values.length === 0) out.push(`${where}: operator ${r.operator} needs at least one value`);
    if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && values.length > 0) out.push(`${where}: operator ${r.operator} takes no values`);
    for (const v of values) {
      const p = labelValueProblem(v);
      if (p) out.push(`${where}: ${p}`);
    }
  }
  return out;
}

/** Whether `labels` satisfy the selector (an empty selector matches everything). */
export function selectorMatches(selector: LabelSelectorModel, labels: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false;
  }
  for (const r of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    const values = r.values ?? [];
    switch (r.operator) {
      case 'In': if (!has || !values.includes(labels[r.key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[r.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

/** What all requirements on one key allow together. */
interface KeyConstraint {
  mustExist: boolean;
  mustNotExist: boolean;
  /** Finite set of allowed values, when an equality or In constrains the key. */
  allowed?: Set<string>;
  excluded: Set<string>;
}

/** Per-key constraints of a conjunction of selectors; undefined when an operator is unknown. */
function keyConstraints(selectors: ReadonlyArray<LabelSelectorModel>): Map<string, KeyConstraint> | undefined {
  const keys = new Map<string, KeyConstraint>();
  const constraint = (key: string) => {
    let c = keys.get(key);
    if (!c) keys.set(key, (c = { mustExist: false, mustNotExist: false, excluded: new Set() }));
    return c;
  };
  const allow = (c: KeyConstraint, values: ReadonlyArray<string>) => {
    c.mustExist = true;
    c.allowed = new Set(c.allowed ? values.filter((v) => c.allowed!.has(v)) : values);
  };
  for (const s of selectors) {
    for (const [k, v] of Object.entries(s.matchLabels ?? {})) allow(constraint(k), [v]);
    for (const r of s.matchExpressions ?? []) {
      const c = constraint(r.key);
      const values = r.values ?? [];
      if (r.operator === 'In') allow(c, values);
      else if (r.operator === 'NotIn') values.forEach((v) => c.excluded.add(v));
      else if (r.operator === 'Exists') c.mustExist = true;
      else if (r.operator === 'DoesNotExist') c.mustNotExist = true;
      else return undefined;
    }
  }
  return keys;
}

/** Values a key may take under its constraint (finite), or undefined when unbounded. */
function possibleValues(c: KeyConstraint): string[] | undefined {
  return c.allowed ? [...c.allowed].filter((v) => !c.excluded.has(v)) : undefined;
}

function keySatisfiable(c: KeyConstraint): boolean {
  if (c.mustExist && c.mustNotExist) return false;
  const values = possibleValues(c);
  return values === undefined || values.length > 0;
}

/**
 * Whether some label set satisfies every selector at once. Decidable per key: a key is
 * satisfiable unless it must both exist and not exist, or its allowed values (from
 * matchLabels and In) are emptied by intersection and NotIn. Keys are independent.
 */
export function selectorsJointlySatisfiable(selectors: ReadonlyArray<LabelSelectorModel>): boolean {
  const keys = keyConstraints(selectors);
  return keys !== undefined && [...keys.values()].every(keySatisfiable);
}

/**
 * Whether every label set matching `a` also matches `b` (a's selector implies b's).
 * Decided per key of `b`: its requirements hold for all values `a` leaves possible.
 * An unsatisfiable `a` implies anything; an unknown operator decides nothing (false).
 */
export function selectorImplies(a: LabelSelectorModel, b: LabelSelectorModel): boolean {
  const keysA = keyConstraints([a]);
  const keysB = keyConstraints([b]);
  if (!keysA || !keysB) return false;
  if (![...keysA.values()].every(keySatisfiable)) return true;
  for (const [key, req] of keysB) {
    const have = keysA.get(key) ?? { mustExist: false, mustNotExist: false, excluded: new Set<string>() };
    const values = possibleValues(have);
    // Can the key be absent under a? Then b must allow absence.
    const canBeAbsent = !have.mustExist;
    if (canBeAbsent && (req.mustExist || req.allowed)) return false;
    // Can the key be present under a? Then every possible value must pass b.
    if (!have.mustNotExist) {
      if (req.mustNotExist) return false;
      const reqValues = possibleValues(req);
      if (values === undefined) {
        // Unbounded values under a: b may only exclude values a excludes too.
        if (reqValues !== undefined) return false;
        if ([...req.excluded].some((v) => !have.excluded.has(v))) return false;
      } else if (values.some((v) => (reqValues !== undefined && !reqValues.includes(v)) || req.excluded.has(v))) {
        return false;
      }
    }
  }
  return true;
}

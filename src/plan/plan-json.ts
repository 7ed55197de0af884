/**
 * Reads Terraform's machine-readable plan (`terraform show -json <planfile>`). Field names follow
 * the Go types of the format in hashicorp/terraform-json v0.28.0 (plan.go: Plan, ResourceChange,
 * Change; action.go: Action; state.go: State, StateModule, StateResource) and Terraform's "JSON
 * Output Format" page. Only the fields the guard's rules read are checked, strictly; everything
 * else is ignored, as the format asks of consumers (forward compatibility within a major version).
 *
 * @see https://developer.hashicorp.com/terraform/internals/json-format
 * @see https://github.com/hashicorp/terraform-json/blob/v0.28.0/plan.go
 */
import { AuditInputError } from '../audit/read';
import { describeValue, isPlainObject } from '../domain/input';

/** The actions of a change (terraform-json action.go). */
export const PLAN_ACTIONS: ReadonlyArray<string> = ['no-op', 'create', 'read', 'update', 'delete', 'forget'];

/** What every plan input is expected to be, for messages. */
export const PLAN_EXPECTED = 'expected the output of `terraform show -json <planfile>` (format_version 0.x or 1.x, resource_changes)';

/** One entry of `resource_changes`, with the fields the rules read. */
export interface ResourceChangeView {
  /** The plan file it came from. */
  readonly file: string;
  readonly address: string;
  readonly mode: string;
  readonly type: string;
  readonly actions: ReadonlyArray<string>;
  readonly before: unknown;
  readonly after: unknown;
  /** `after_unknown`: a deep object of booleans, `true` where the value is decided at apply. */
  readonly afterUnknown: unknown;
  /** `replace_paths`: attribute paths that force the replacement. */
  readonly replacePaths: ReadonlyArray<ReadonlyArray<string | number>>;
  readonly actionReason?: string;
  /** `before_sensitive` / `after_sensitive`: `true` at sensitive values (never printed). */
  readonly beforeSensitive: unknown;
  readonly afterSensitive: unknown;
}

/** One resource of `prior_state` (the state before the plan). */
export interface StateResourceView {
  readonly file: string;
  readonly address: string;
  readonly type: string;
  readonly values: Record<string, unknown>;
}

/** A parsed plan. */
export interface PlanDocument {
  readonly file: string;
  readonly formatVersion: string;
  readonly changes: ReadonlyArray<ResourceChangeView>;
  readonly prior: ReadonlyArray<StateResourceView>;
  /** Remarks about the plan (deferred changes, incomplete plans). */
  readonly notes: ReadonlyArray<string>;
}

function fail(file: string, property: string, detail: string): never {
  throw new AuditInputError(file, `${property} ${detail}; ${PLAN_EXPECTED}.`);
}

/** Whether the actions destroy the existing object (delete, or replace in either order). */
export function destroys(actions: ReadonlyArray<string>): boolean {
  return actions.includes('delete');
}

/** Whether the actions replace the object (delete and create, in either order). */
export function replaces(actions: ReadonlyArray<string>): boolean {
  return actions.includes('delete') && actions.includes('create');
}

/** Parses the text of one plan file. */
export function parsePlanText(file: string, text: string): PlanDocument {
  if (text.startsWith('PK')) fail(file, 'the file', 'is a binary plan file (a zip archive), not JSON: run `terraform show -json <planfile> > plan.json`');
  if (text.trim() === '') fail(file, 'the file', 'is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    fail(file, 'the file', `is not JSON (${(e as Error).message})`);
  }
  return readPlan(file, value);
}

/** Reads a parsed plan value; throws {@link AuditInputError} (one line) when it is not a plan. */
export function readPlan(file: string, value: unknown): PlanDocument {
  if (!isPlainObject(value)) fail(file, 'the document', `is ${describeValue(value)}, not an object`);
  const version = value.format_version;
  if (typeof version !== 'string') fail(file, 'format_version', `is ${describeValue(version)}, not a version string`);
  const major = /^(\d+)\.(\d+)(\.\d+)?$/.exec(version);
  if (!major) fail(file, 'format_version', `is ${describeValue(version)}, not a version such as "1.2"`);
  // terraform-json accepts ">= 0.1, < 2.0"; Terraform's docs: reject an unsupported major version.
  if (Number(major[1]) > 1 || (major[1] === '0' && Number(major[2]) < 1)) fail(file, 'format_version', `is "${version}", a format this guard does not read (0.1 to 1.x)`);
  if (value.resource_changes === undefined && value.planned_values === undefined && value.values !== undefined) {
    fail(file, 'the document', 'is Terraform state (`terraform show -json` of a state file), not a plan');
  }
  const rc = value.resource_changes;
  if (rc !== undefined && !Array.isArray(rc)) fail(file, 'resource_changes', `is ${describeValue(rc)}, not an array`);
  const changes = (rc ?? []).map((c, i) => readChange(file, `resource_changes[${i}]`, c));
  const notes: string[] = [];
  const deferred = value.deferred_changes;
  if (Array.isArray(deferred) && deferred.length > 0) {
    notes.push(`${file}: ${deferred.length} deferred change(s) are not part of this plan's apply and were not checked; check the plan that applies them.`);
  }
  if (value.complete === false) notes.push(`${file}: the plan is incomplete ("complete": false, e.g. -target or deferred changes); changes outside it were not checked.`);
  return { file, formatVersion: version, changes, prior: priorResources(file, value.prior_state), notes };
}

function readChange(file: string, at: string, c: unknown): ResourceChangeView {
  if (!isPlainObject(c)) fail(file, at, `is ${describeValue(c)}, not an object`);
  const str = (key: string) => {
    const v = c[key];
    if (typeof v !== 'string' || v === '') fail(file, `${at}.${key}`, `is ${describeValue(v)}, not a non-empty string`);
    return v;
  };
  const address = str('address');
  const mode = str('mode');
  if (mode !== 'managed' && mode !== 'data') fail(file, `${at}.mode`, `is "${mode}", not "managed" or "data"`);
  const type = str('type');
  const change = c.change;
  if (!isPlainObject(change)) fail(file, `${at}.change`, `is ${describeValue(change)}, not an object`);
  const actions = change.actions;
  if (!Array.isArray(actions) || actions.length === 0) fail(file, `${at}.change.actions`, `is ${describeValue(actions)}, not a non-empty array`);
  actions.forEach((a, j) => {
    if (typeof a !== 'string' || !PLAN_ACTIONS.includes(a)) fail(file, `${at}.change.actions[${j}]`, `is ${describeValue(a)}, not one of ${PLAN_ACTIONS.join(', ')}`);
  });
  const rp = change.replace_paths;
  if (rp !== undefined && (!Array.isArray(rp) || !rp.every((p) => Array.isArray(p) && p.every((s) => typeof s === 'string' || typeof s === 'number')))) {
    fail(file, `${at}.change.replace_paths`, `is ${describeValue(rp)}, not an array of attribute paths`);
  }
  const reason = c.action_reason;
  if (reason !== undefined && typeof reason !== 'string') fail(file, `${at}.action_reason`, `is ${describeValue(reason)}, not a string`);
  return {
    file,
    address,
    mode,
    type,
    actions: actions as string[],
    before: change.before ?? null,
    after: change.after ?? null,
    afterUnknown: change.after_unknown ?? {},
    replacePaths: (rp ?? []) as Array<Array<string | number>>,
    actionReason: reason,
    beforeSensitive: change.before_sensitive ?? false,
    afterSensitive: change.after_sensitive ?? false,
  };
}

/** The managed resources of `prior_state.values.root_module` and its child modules. */
function priorResources(file: string, prior: unknown): StateResourceView[] {
  const out: StateResourceView[] = [];
  const walk = (module: unknown) => {
    if (!isPlainObject(module)) return;
    for (const r of Array.isArray(module.resources) ? module.resources : []) {
      if (isPlainObject(r) && r.mode === 'managed' && typeof r.address === 'string' && typeof r.type === 'string' && isPlainObject(r.values)) {
        out.push({ file, address: r.address, type: r.type, values: r.values });
      }
    }
    for (const child of Array.isArray(module.child_modules) ? module.child_modules : []) walk(child);
  };
  if (isPlainObject(prior) && isPlainObject(prior.values)) walk(prior.values.root_module);
  return out;
}

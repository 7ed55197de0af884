import { IConstruct } from 'constructs';

/**
 * A validation pass: one synthesis (or one report) during which the construct tree does not
 * change. Within a pass every construct's rule checks are evaluated once and the app-wide
 * collections (declared Kubernetes objects, plane interactions) are built once; outside a
 * pass nothing is cached, so a chart changed after a first validation is always seen.
 *
 * Why a pass and not a tree fingerprint: the objects the rules read change without the tree
 * changing (a label added to a Deployment, a JSON patch), so a cheap fingerprint such as a
 * node count cannot tell a changed app from an unchanged one, and an exact fingerprint costs
 * as much as the serialization it would save. A pass is bounded by code that runs no user
 * code in between:
 * - explicit passes: {@link inValidationPass} around a whole report, a synth gate, a
 *   `cdk8s App.synth()`/`synthYaml()` (which validate the app once per chart), or rendering;
 * - implicit passes: a scope hook (the cdk8s app root, a cdktf stack) that validates first in
 *   cdk8s's or cdktf's validation loop opens a pass covering the constructs with rule checks
 *   below it; it ends when each of them has been validated once (or, at the latest, when the
 *   current job ends), so a later validation after a change recomputes.
 * @internal
 */
class Pass {
  public readonly memos = new Map<symbol, Map<object, unknown>>();
  /** Constructs an implicit pass still waits for; undefined for an explicit pass. */
  public pending?: Set<IConstruct>;
}

let current: Pass | undefined;

/**
 * Runs `fn` inside a pass: the active one, or a new one that ends with `fn`. With `keepFor`,
 * a new pass that `fn` completes stays open as an implicit pass for the constructs `keepFor`
 * returns (see {@link beginImplicitPass}): the caller knows that they are validated next,
 * with nothing changing the app in between. {@link endPass} ends it earlier.
 * @internal
 */
export function inValidationPass<T>(fn: () => T, keepFor?: () => ReadonlyArray<IConstruct>): T {
  if (current) return fn();
  const pass = new Pass();
  current = pass;
  let kept = false;
  try {
    const result = fn();
    const members = keepFor?.() ?? [];
    if (members.length > 0 && current === pass) {
      pass.pending = new Set(members);
      kept = true;
      queueMicrotask(() => endPass(pass));
    }
    return result;
  } finally {
    if (!kept && current === pass) current = undefined;
  }
}

/** Ends `pass` if it is the active pass and was kept open by {@link inValidationPass}'s `keepFor`. @internal */
export function endKeptPass(pass: object | undefined): void {
  if (pass !== undefined && current === pass && (pass as Pass).pending !== undefined) current = undefined;
}

/** Opens a new explicit pass and returns it (for {@link endPass}); undefined when a pass is active. @internal */
export function openPass(): object | undefined {
  if (current) return undefined;
  current = new Pass();
  return current;
}

/** Ends `pass` (a token from {@link currentPass}) if it is still the active one. @internal */
export function endPass(pass: object | undefined): void {
  if (pass !== undefined && current === pass) current = undefined;
}

/**
 * Opens an implicit pass that ends once every construct in `members` was validated (see
 * {@link finishValidation}); a no-op when a pass is active.
 * @internal
 */
export function beginImplicitPass(members: ReadonlyArray<IConstruct>): void {
  if (current) return;
  if (members.length === 0) return;
  const pass = new Pass();
  pass.pending = new Set(members);
  current = pass;
  queueMicrotask(() => endPass(pass));
}

/** Marks `construct` as validated; ends an implicit pass when it was the last one. @internal */
export function finishValidation(construct: IConstruct): void {
  const pending = current?.pending;
  if (!pending) return;
  pending.delete(construct);
  if (pending.size === 0) current = undefined;
}

/**
 * The value `build()` returns for `key` and `owner` within the active pass, built once per
 * pass; outside a pass it is built every time.
 * @internal
 */
export function passMemo<T>(key: symbol, owner: object, build: () => T): T {
  if (!current) return build();
  let memo = current.memos.get(key);
  if (!memo) current.memos.set(key, (memo = new Map()));
  if (memo.has(owner)) return memo.get(owner) as T;
  const value = build();
  memo.set(owner, value);
  return value;
}

/** The active pass as an opaque token (undefined outside a pass), to tell passes apart. @internal */
export function currentPass(): object | undefined {
  return current;
}

import { IConstruct } from 'constructs';
import { declaredObjects } from './declared-objects';
import { registerRuleCheck } from '../core/validation';
import { passMemo } from '../core/validation-pass';
import { RULES } from '../domain/catalog';
import { compareCodePoints } from '../domain/order';
import { checkHostPorts } from '../domain/workload-rules';

const ANCHORS = Symbol.for('ack-terway-network.app-check-anchors');
const ANCHOR = Symbol('app-check-anchor');

type WithAnchors = IConstruct & { [ANCHORS]?: IConstruct[] };

/**
 * Registers the app-level workload rules (TW-WL-*) on a library construct of a cdk8s app.
 * They look at every workload of the app, evaluated once per validation pass from the
 * declared-object index, and their findings are attributed to one library construct: the
 * first by construct path in code-point order among those registered, so the attribution
 * does not depend on declaration order or locale. The message names the workload's own path.
 * An app without library constructs is not checked.
 * @internal
 */
export function registerAppChecks(construct: IConstruct): void {
  const root = construct.node.root as WithAnchors;
  (root[ANCHORS] ??= []).push(construct);
  registerRuleCheck(construct, [RULES.HOST_PORT], () => (anchorOf(root) === construct ? checkHostPorts(declaredObjects(root).workloads) : []));
}

function anchorOf(root: WithAnchors): IConstruct | undefined {
  return passMemo(ANCHOR, root, () => [...root[ANCHORS] ?? []].sort((a, b) => compareCodePoints(a.node.path, b.node.path))[0]);
}

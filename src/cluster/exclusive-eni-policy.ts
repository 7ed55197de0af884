import { IConstruct } from 'constructs';
import { declaredObjects } from './workloads';
import { registerRuleCheck } from '../core/validation';
import { passMemo } from '../core/validation-pass';
import { RULES } from '../domain/catalog';
import { checkExclusiveEniNetworkPolicies, ExclusiveEniWorkload, exclusiveEniWorkloads } from '../domain/node-modes';
import { PlaneModel } from '../domain/pod-networking';

const EXCLUSIVE_WORKLOADS = Symbol('exclusive-eni-workloads');

/**
 * Registers TW-EXCL-005 on `construct` for the exclusive-ENI workloads `mine` picks, so each
 * finding is reported once: by the first eniType ENI plane that selects the workload, or by
 * the workload scheduled with the exclusive ENI helper.
 * @param planesOf the planes of the app (the plane module passes its own finder, avoiding an import cycle)
 */
export function registerExclusiveEniPolicyCheck(
  construct: IConstruct,
  planesOf: (root: IConstruct) => PlaneModel[],
  mine: (e: ExclusiveEniWorkload) => boolean,
): void {
  registerRuleCheck(construct, [RULES.EXCL_NETWORK_POLICY], () => {
    const root = construct.node.root;
    const { workloads, namespaces, networkPolicies } = declaredObjects(root);
    // The app's exclusive-ENI workloads, computed once per validation pass for every registrant.
    const exclusive = passMemo(EXCLUSIVE_WORKLOADS, root, () => exclusiveEniWorkloads(planesOf(root), workloads, namespaces));
    return checkExclusiveEniNetworkPolicies(exclusive.filter(mine), networkPolicies);
  });
}

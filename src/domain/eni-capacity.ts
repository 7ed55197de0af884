import { InstanceEniCapacity, NodeNetworkMode } from './capacity-model';
import { checkInputs } from './input';
import { instanceCapacity, knownInstanceTypes, podsPerNode } from './instance-types';
import { DOC_NETWORK_FAQ, DOC_WORK_WITH_TERWAY } from './sources';

/**
 * The ENI capacity model, for users: pods per node by instance type and mode, and the
 * bundled numbers with their sources.
 *
 * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/faq-about-container-networks
 */
export class EniCapacity {
  /** Documents the formulas come from. */
  public static readonly SOURCES: string[] = [DOC_NETWORK_FAQ, DOC_WORK_WITH_TERWAY];

  /**
   * Pods per node for `instanceType` in `mode`, or undefined when the bundled table does not
   * know the type (or, for trunk, has no trunk data for it).
   */
  public static podsPerNode(instanceType: string, mode: NodeNetworkMode): number | undefined {
    const check = checkInputs('EniCapacity.podsPerNode');
    return podsPerNode(check.string('instanceType', instanceType, { minLength: 1 }), check.enumValue('mode', mode, NodeNetworkMode));
  }

  /** The bundled ENI capacity of `instanceType`, or undefined. */
  public static of(instanceType: string): InstanceEniCapacity | undefined {
    return instanceCapacity(checkInputs('EniCapacity.of').string('instanceType', instanceType, { minLength: 1 }));
  }

  /** Every instance type of the bundled table, sorted. */
  public static knownInstanceTypes(): string[] {
    return knownInstanceTypes();
  }

  private constructor() {}
}

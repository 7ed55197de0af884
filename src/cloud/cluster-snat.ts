import { IConstruct } from 'constructs';
import { NatGatewaySpec } from './terway-cluster-props';
import { EipAddress } from '../generated/alicloud/eip-address';
import { EipAssociation } from '../generated/alicloud/eip-association';
import { NatGateway } from '../generated/alicloud/nat-gateway';
import { SnatEntry } from '../generated/alicloud/snat-entry';

/** Where SNAT entries of the cluster go: a SNAT table, the public IP, and what must exist first. */
export interface SnatTarget {
  readonly tableId: string;
  readonly ip: string;
  readonly dependsOn: EipAssociation[];
}

/** Where the created NAT gateway goes and how it is named and tagged. */
export interface NatGatewayPlacement {
  readonly vpcId: string;
  /** An Enhanced NAT gateway lives in a vSwitch (the first node vSwitch of the cluster). */
  readonly vswitchId: string;
  readonly clusterName: string;
  readonly tags?: { [key: string]: string };
  readonly resourceGroupId?: string;
}

/**
 * The SNAT target of a cluster: the given NAT gateway's table and IP, or a new Enhanced NAT
 * gateway with an EIP (created in `scope`).
 * @see https://registry.terraform.io/providers/aliyun/alicloud/1.289.0/docs/resources/snat_entry
 */
export function createNatGateway(scope: IConstruct, nat: NatGatewaySpec, at: NatGatewayPlacement): SnatTarget {
  if (nat.natGatewayId !== undefined) return { tableId: nat.snatTableId!, ip: nat.snatIp!, dependsOn: [] };
  // A cluster without node vSwitches is already an error (TW-NET-006).
  const gateway = new NatGateway(scope, 'NatGateway', {
    vpcId: at.vpcId,
    vswitchId: at.vswitchId,
    natType: 'Enhanced',
    networkType: 'internet',
    paymentType: 'PayAsYouGo',
    natGatewayName: `${at.clusterName}-nat`,
    tags: at.tags,
  });
  const eip = new EipAddress(scope, 'NatEip', {
    addressName: `${at.clusterName}-nat-eip`,
    bandwidth: String(nat.eipBandwidth ?? 100),
    internetChargeType: 'PayByTraffic',
    paymentType: 'PayAsYouGo',
    resourceGroupId: at.resourceGroupId,
    tags: at.tags,
  });
  const association = new EipAssociation(scope, 'NatEipAssociation', { allocationId: eip.id, instanceId: gateway.id, instanceType: 'Nat' });
  return { tableId: gateway.snatTableIds, ip: eip.ipAddress, dependsOn: [association] };
}

/**
 * An SNAT entry for a vSwitch. `depends_on` names resources of its own stack only: an entry in a
 * later stack (e.g. a ClusterObjectsStack) runs after the association anyway.
 */
export function addSnatEntry(scope: IConstruct, id: string, vswitchId: string, target: SnatTarget, sameStack: boolean): void {
  new SnatEntry(scope, id, {
    snatTableId: target.tableId, sourceVswitchId: vswitchId, snatIp: target.ip, dependsOn: sameStack ? target.dependsOn : undefined,
  });
}

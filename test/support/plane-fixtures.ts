import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { PodNetworkingPlane, PodNetworkingPlaneProps, TerwayClusterInfo, ValidationReport } from '../../src';

/** A cluster with three zones, Trunk ENI and a recent Terway. */
export const CLUSTER: TerwayClusterInfo = {
  clusterId: 'c0123456789abcdef0123456789abcdef',
  zones: ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j'].map((zoneId, i) => ({ zoneId, nodeVSwitchIds: [`vsw-node${i}0000000`], podVSwitchIds: [`vsw-pod${i}00000000`] })),
  trunkEniEnabled: true,
  networkPolicyEnabled: true,
  terwayVersion: 'v1.16.7',
};

/** A valid Elastic plane covering all three zones; tests override one thing at a time. */
export function planeProps(overrides: Partial<PodNetworkingPlaneProps> = {}): PodNetworkingPlaneProps {
  return {
    name: 'web',
    cluster: CLUSTER,
    podSelector: { matchLabels: { plane: 'web' } },
    securityGroupIds: ['sg-bp1web0000000001'],
    vSwitches: ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j'].map((zoneId, i) => ({ vswitchId: `vsw-bp1web00000000${i}`, zoneId })),
    ...overrides,
  };
}

/** A fresh chart in a fresh app. */
export function chart(): Chart {
  return Testing.chart();
}

/** A plane in a fresh chart. */
export function planeIn(c: Chart, props: PodNetworkingPlaneProps, id = 'Plane'): PodNetworkingPlane {
  return new PodNetworkingPlane(c, id, props);
}

/** Unacknowledged findings under the chart's app, as [ruleId, path, text]. */
export function findings(c: Chart): Array<{ ruleId: string; path: string; text: string; severity: string }> {
  const report = ValidationReport.of(c.node.root);
  return [...report.errors, ...report.warnings].map((f) => ({ ruleId: f.ruleId, path: f.path, text: f.text, severity: f.severity }));
}

/** The validation errors cdk8s reports for the app (what stops `cdk8s synth`). */
export function synthErrors(c: Chart): string | undefined {
  try {
    (c.node.root as App).synthYaml();
    const messages = c.node.root.node.findAll().flatMap((n) => n.node.validate().map((m) => `[${n.node.path}] ${m}`));
    return messages.length > 0 ? messages.join('\n') : undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** A cdk8s-plus Deployment with one container. */
export function deployment(c: Chart, id: string, labels: Record<string, string> = {}, namespace?: string): kplus.Deployment {
  const d = new kplus.Deployment(c, id, { metadata: { name: id.toLowerCase(), namespace }, containers: [{ image: 'nginx' }] });
  for (const [k, v] of Object.entries(labels)) d.podMetadata.addLabel(k, v);
  return d;
}

/** A cdk8s-plus StatefulSet with one container. */
export function statefulSet(c: Chart, id: string, labels: Record<string, string> = {}, namespace?: string): kplus.StatefulSet {
  const s = new kplus.StatefulSet(c, id, { metadata: { name: id.toLowerCase(), namespace }, containers: [{ image: 'postgres', portNumber: 5432 }] });
  for (const [k, v] of Object.entries(labels)) s.podMetadata.addLabel(k, v);
  return s;
}

/** A raw Pod ApiObject, optionally with owner references. */
export function rawPod(c: Chart, id: string, labels: Record<string, string>, ownerKinds: string[] = []): ApiObject {
  return new ApiObject(c, id, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: id.toLowerCase(),
      labels,
      ownerReferences: ownerKinds.map((kind, i) => ({ apiVersion: 'apps/v1', kind, name: `owner-${i}`, uid: `uid-${i}` })),
    },
    spec: { containers: [{ name: 'main', image: 'busybox' }] },
  });
}

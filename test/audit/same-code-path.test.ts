/**
 * The audit runs the same domain functions as synthesis, not a copy: a change to a rule (here
 * simulated by wrapping the domain function) shows up in both a synthesized construct's report
 * and the audit of saved API output.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as kplus from 'cdk8s-plus-33';
import { COMPLIANT } from './audit-support';
import { emptyInventory } from '../../src/audit/inventory';
import { addText } from '../../src/audit/read';
import { runAudit } from '../../src/audit/run';
import { RULES } from '../../src/domain/catalog';
import * as clusterNetwork from '../../src/domain/cluster-network';
import { violation } from '../../src/domain/finding';
import * as manifests from '../../src/domain/manifests';
import * as podNetworking from '../../src/domain/pod-networking';
import { findingIds, validProps } from '../support/cluster-fixtures';
import { chart, findings, planeIn, planeProps } from '../support/plane-fixtures';

function inventoryOf(...files: string[]) {
  const inv = emptyInventory();
  for (const f of files) addText(f, fs.readFileSync(path.join(COMPLIANT, f), 'utf-8'), inv);
  return inv;
}

afterEach(() => jest.restoreAllMocks());

test('ACK-009: checkManagedClusterConfig feeds TerwayCluster synthesis and the audit', () => {
  const original = clusterNetwork.checkManagedClusterConfig;
  const spy = jest.spyOn(clusterNetwork, 'checkManagedClusterConfig').mockImplementation((config) => [
    ...original(config), violation(RULES.ACK_009, 'CHANGED RULE: flagged by the new logic.', 'changed fix'),
  ]);

  const { report } = findingIds(validProps());
  expect(report.errors.map((f) => f.text).join('\n')).toContain('CHANGED RULE: flagged by the new logic.');

  const audit = runAudit(inventoryOf('cluster.json'));
  expect(audit.findings.filter((f) => f.ruleId === 'TW-CLUSTER-001').map((f) => f.message)).toEqual(['CHANGED RULE: flagged by the new logic.']);
  // The audit passed the running cluster's facts: Terway add-on, its pod vSwitches, and the re-create context.
  expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ addons: [{ name: 'terway-eniip' }], existingCluster: true }));
});

test('PodNetworking rules: checkPlane feeds PodNetworkingPlane synthesis and the audit', () => {
  const original = podNetworking.checkPlane;
  jest.spyOn(podNetworking, 'checkPlane').mockImplementation((plane, cluster) => [
    ...original(plane, cluster), violation(RULES.PLANE_INVALID, `CHANGED RULE on ${plane.name}.`, 'changed fix'),
  ]);

  const c = chart();
  planeIn(c, planeProps());
  expect(findings(c).map((f) => f.text).join('\n')).toContain('CHANGED RULE on web.');

  const audit = runAudit(inventoryOf('podnetworkings.json'));
  expect(audit.findings.map((f) => `${f.ruleId} ${f.object} ${f.message}`)).toContain('TW-PN-017 podnetworking/db CHANGED RULE on db.');
});

test('Kubernetes manifests become workload models through the same domain mapping on both paths', () => {
  const spy = jest.spyOn(manifests, 'workloadFromManifest');
  const c = chart();
  planeIn(c, planeProps());
  new kplus.Deployment(c, 'Shop', { containers: [{ image: 'registry.example/shop:1' }] });
  findings(c);
  expect(spy.mock.calls.map((call) => call[0].kind)).toContain('Deployment');

  spy.mockClear();
  runAudit(inventoryOf('podnetworkings.json', 'workloads.json', 'namespaces.json'));
  expect(spy.mock.results.map((r) => r.value && `${r.value.kind} ${r.value.namespace}/${r.value.name}`)).toEqual([
    'Deployment web/shop', 'StatefulSet db/postgres', 'DaemonSet kube-system/terway-eniip',
  ]);
});

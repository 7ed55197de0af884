import { ApiObject, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { labelIndexKey } from '../../src/cluster/declared-objects';
import { declaredObjects } from '../../src/cluster/workloads';
import { inValidationPass } from '../../src/core/validation-pass';

describe('declaredObjects', () => {
  function app() {
    const c = Testing.chart();
    new kplus.Namespace(c, 'Ns', { metadata: { name: 'team', labels: { env: 'prod' } } });
    const d = new kplus.Deployment(c, 'Web', { metadata: { name: 'web', namespace: 'team' }, containers: [{ name: 'web', image: 'nginx', ports: [{ number: 80, hostPort: 80 }] }] });
    d.podMetadata.addLabel('tier', 'front');
    new ApiObject(c, 'Deny', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'team' }, spec: { podSelector: { matchLabels: { tier: 'front' } } } });
    new ApiObject(c, 'Egress', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'egress' },
      spec: { podSelector: {}, policyTypes: ['Egress'], egress: [] },
    });
    return c;
  }

  test('collects workloads with pod specs, namespaces, NetworkPolicies (with defaulted policyTypes) and indexes', () => {
    const objects = declaredObjects(app().node.root);
    const web = objects.workloads.find((w) => w.name === 'web')!;
    expect(web).toEqual(expect.objectContaining({ kind: 'Deployment', namespace: 'team', path: 'test/Web/Resource' }));
    expect(web.podLabels.tier).toBe('front');
    expect(web.podSpec?.containers[0].ports[0].hostPort).toBe(80);
    expect(objects.namespaces.get('team')).toEqual({ env: 'prod' });
    expect(objects.networkPolicies).toEqual([
      { name: 'deny', namespace: 'team', path: 'test/Deny', podSelector: { matchLabels: { tier: 'front' }, matchExpressions: undefined }, policyTypes: ['Ingress'] },
      { name: 'egress', namespace: 'default', path: 'test/Egress', podSelector: { matchLabels: undefined, matchExpressions: undefined }, policyTypes: ['Egress'] },
    ]);
    expect(objects.byKind.get('NetworkPolicy')?.map((o) => o.name)).toEqual(['deny', 'egress']);
    expect(objects.byNamespace.get('team')?.map((o) => o.kind)).toEqual(['Deployment', 'NetworkPolicy']);
    expect(objects.workloadsByPodLabel.get(labelIndexKey('tier', 'front'))).toEqual([web]);
  });

  test('one collection per validation pass; a new one after it', () => {
    const root = app().node.root;
    inValidationPass(() => expect(declaredObjects(root)).toBe(declaredObjects(root)));
    expect(declaredObjects(root)).not.toBe(declaredObjects(root));
  });

  test('within a pass the serialization of an object is reused; after it, a change shows', () => {
    const c = app();
    const web = c.node.findChild('Web') as kplus.Deployment;
    const resource = web.node.defaultChild as ApiObject;
    inValidationPass(() => {
      declaredObjects(c.node.root);
      expect(resource.toJson()).toBe(resource.toJson());
    });
    web.podMetadata.addLabel('later', 'yes');
    expect(resource.toJson().spec.template.metadata.labels.later).toBe('yes');
    expect(declaredObjects(c.node.root).workloads.find((w) => w.name === 'web')?.podLabels.later).toBe('yes');
  });
});

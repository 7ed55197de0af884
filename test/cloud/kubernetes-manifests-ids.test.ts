import { provider as k8s } from '@cdktf/provider-kubernetes';
import { ApiObject, Chart, Testing as Cdk8sTesting } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import * as fc from 'fast-check';
import { KubernetesManifests } from '../../src';

type Obj = { apiVersion: string; kind: string; namespace?: string; name: string };

/** The kubernetes_manifest resources of a stack delivering `objects`, keyed by Terraform name. */
function synthManifests(objects: Obj[]): Record<string, any> {
  const stack = new TerraformStack(Testing.app(), 's');
  const cdk8sApp = Cdk8sTesting.app();
  const chart = new Chart(cdk8sApp, 'c');
  objects.forEach((o, i) => new ApiObject(chart, `o${i}`, { apiVersion: o.apiVersion, kind: o.kind, metadata: { name: o.name, namespace: o.namespace } }));
  new KubernetesManifests(stack, 'M', { cdk8sApp, provider: new k8s.KubernetesProvider(stack, 'k8s', {}) });
  return JSON.parse(Testing.synth(stack, true)).resource.kubernetes_manifest;
}

describe('KubernetesManifests construct IDs are injective', () => {
  test('team-a/config and team/a-config are two resources', () => {
    const resources = synthManifests([
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'team-a', name: 'config' },
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'team', name: 'a-config' },
    ]);
    const names = Object.values(resources).map((r) => `${r.manifest.metadata.namespace}/${r.manifest.metadata.name}`).sort();
    expect(names).toEqual(['team-a/config', 'team/a-config']);
  });

  test('objects that differ only in API group, in a dot vs an underscore, or in being cluster-scoped are distinct', () => {
    const resources = synthManifests([
      { apiVersion: 'network.alibabacloud.com/v1beta1', kind: 'PodNetworking', name: 'db' },
      { apiVersion: 'example.com/v1', kind: 'PodNetworking', name: 'db' },
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'a', name: 'x.y' },
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'a', name: 'x_y' },
      { apiVersion: 'v1', kind: 'Namespace', name: 'cluster-data' },
      { apiVersion: 'v1', kind: 'Namespace', name: 'data' },
    ]);
    expect(Object.keys(resources)).toHaveLength(6);
  });

  test('IDs are readable, stable and independent of the API version', () => {
    const v1 = Object.keys(synthManifests([{ apiVersion: 'example.com/v1beta1', kind: 'Widget', namespace: 'ns', name: 'w' }]));
    const v2 = Object.keys(synthManifests([{ apiVersion: 'example.com/v1', kind: 'Widget', namespace: 'ns', name: 'w' }]));
    expect(v1).toEqual(v2);
    expect(v1[0]).toMatch(/^M_Widget-ns-w-[0-9a-f]{8}_[0-9A-F]{8}$/);
  });

  test('the same object defined twice is an error naming it', () => {
    expect(() => synthManifests([
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'a', name: 'c' },
      { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'a', name: 'c' },
    ])).toThrow('s/M: the Kubernetes object ConfigMap a/c is defined twice');
  });

  test('property: distinct objects (API group, kind, namespace, name) always get distinct resources', () => {
    // Names from a small alphabet with '-', '.' and '_'-producing characters make sanitized collisions likely.
    const part = fc.stringMatching(/^[a-z]([a-z.-]{0,3}[a-z])?$/);
    const arbObject = fc.record({
      apiVersion: fc.constantFrom('v1', 'apps/v1', 'network.alibabacloud.com/v1beta1', 'example.com/v1'),
      kind: fc.constantFrom('ConfigMap', 'PodNetworking'),
      namespace: fc.option(part, { nil: undefined }),
      name: part,
    });
    const identity = (o: Obj) => JSON.stringify([o.apiVersion.split('/').slice(0, -1).join('/'), o.kind, o.namespace ?? '', o.name]);
    fc.assert(fc.property(fc.uniqueArray(arbObject, { minLength: 1, maxLength: 5, selector: identity }), (objects) => {
      expect(Object.keys(synthManifests(objects))).toHaveLength(objects.length);
    }), { numRuns: 40 });
  });
});

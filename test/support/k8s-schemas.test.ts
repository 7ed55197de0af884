import { Testing } from 'cdk8s';
import {
  defaultedManifest, jsonPath, knownKinds, structuralToJsonSchema, validateEniConf, validateManifest, validateManifests,
} from './k8s-schemas';
import {
  PodNetworking,
  PodNetworkingSpecAllocationTypeReleaseStrategy,
  PodNetworkingSpecAllocationTypeType,
  PodNetworkingSpecEniOptionsEniType,
  PodNetworkingSpecVSwitchSelectOptionsVSwitchSelectionPolicy,
} from '../../src/generated/k8s';

const PN = 'network.alibabacloud.com/v1beta1';

function podNetworking(spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = { name: 'trunk-pn' }): Record<string, any> {
  return {
    apiVersion: PN,
    kind: 'PodNetworking',
    metadata,
    spec: {
      eniOptions: { eniType: 'Trunk' },
      allocationType: { type: 'Fixed', releaseStrategy: 'TTL', releaseAfter: '5m0s' },
      selector: {
        podSelector: { matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] },
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'prod' } },
      },
      securityGroupIDs: ['sg-1'],
      vSwitchOptions: ['vsw-1', 'vsw-2'],
      vSwitchSelectOptions: { vSwitchSelectionPolicy: 'most' },
      ...spec,
    },
  };
}

const podTemplate = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] },
};

const coreObjects: Record<string, unknown>[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod', labels: { 'k8s.aliyun.com/pod-eni': 'false' } } },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'eni-config', namespace: 'kube-system' },
    data: { 'eni_conf': JSON.stringify({ version: '1' }), '10-terway.conf': '{}', 'disable_network_policy': 'true' },
  },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'prod' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: podTemplate } },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', selector: { matchLabels: { app: 'web' } }, template: podTemplate } },
  { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'kube-system' }, spec: { selector: { matchLabels: { app: 'web' } }, template: podTemplate } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', annotations: { 'k8s.aliyun.com/pod-networks-request': '[{"interfaceName":"eth0","network":"pn"}]' } }, spec: podTemplate.spec },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'x' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] },
];

describe('validateManifest: PodNetworking (CRD schema via Ajv)', () => {
  test('a complete PodNetworking is valid', () => {
    expect(validateManifest(podNetworking())).toEqual([]);
  });

  test('what the generated cdk8s construct synthesizes is valid', () => {
    const chart = Testing.chart();
    new PodNetworking(chart, 'pn', {
      metadata: { name: 'fixed-ip' },
      spec: {
        eniOptions: { eniType: PodNetworkingSpecEniOptionsEniType.DEFAULT },
        allocationType: { type: PodNetworkingSpecAllocationTypeType.FIXED, releaseStrategy: PodNetworkingSpecAllocationTypeReleaseStrategy.NEVER },
        selector: { podSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] } },
        securityGroupIDs: ['sg-1', 'sg-2'],
        vSwitchOptions: ['vsw-1'],
        vSwitchSelectOptions: { vSwitchSelectionPolicy: PodNetworkingSpecVSwitchSelectOptionsVSwitchSelectionPolicy.ORDERED },
      },
    });
    const [manifest] = Testing.synth(chart);
    expect(manifest.apiVersion).toBe(PN);
    expect(validateManifest(manifest)).toEqual([]);
  });

  test('enum violations are reported with the allowed values', () => {
    expect(validateManifest(podNetworking({ allocationType: { type: 'Sticky' } }))).toEqual([
      'PodNetworking/trunk-pn: spec.allocationType.type: must be equal to one of the allowed values: Elastic, Fixed',
    ]);
    expect(validateManifest(podNetworking({ eniOptions: { eniType: 'trunk' } }))).toEqual([
      'PodNetworking/trunk-pn: spec.eniOptions.eniType: must be equal to one of the allowed values: Trunk, ENI, Default',
    ]);
    expect(validateManifest(podNetworking({ allocationType: { releaseStrategy: 'ttl' } }))[0]).toMatch(/spec\.allocationType\.releaseStrategy: .*TTL, Never$/);
    expect(validateManifest(podNetworking({ vSwitchSelectOptions: { vSwitchSelectionPolicy: 'Most' } }))[0]).toMatch(/ordered, random, most$/);
  });

  test('wrong field types are reported with their JSON path', () => {
    expect(validateManifest(podNetworking({ securityGroupIDs: 'sg-1', vSwitchOptions: [1] }))).toEqual([
      'PodNetworking/trunk-pn: spec.securityGroupIDs: must be array',
      'PodNetworking/trunk-pn: spec.vSwitchOptions[0]: must be string',
    ]);
    expect(validateManifest(podNetworking({ selector: { podSelector: { matchLabels: { 'app.kubernetes.io/name': 3 } } } }))).toEqual([
      'PodNetworking/trunk-pn: spec.selector.podSelector.matchLabels["app.kubernetes.io/name"]: must be string',
    ]);
    expect(validateManifest(podNetworking({ selector: { podSelector: { matchExpressions: [{ key: 'a' }] } } }))).toEqual([
      'PodNetworking/trunk-pn: spec.selector.podSelector.matchExpressions[0].operator: required field is missing',
    ]);
  });

  test('unknown fields are errors (strict field validation), also in metadata', () => {
    expect(validateManifest(podNetworking({ vSwitchIds: ['vsw-1'] }, { name: 'trunk-pn', lables: {} }))).toEqual([
      'PodNetworking/trunk-pn: spec.vSwitchIds: unknown field',
      'PodNetworking/trunk-pn: metadata.lables: unknown field',
    ]);
  });

  test('the cluster-scoped PodNetworking must not have a namespace', () => {
    expect(validateManifest(podNetworking({}, { name: 'trunk-pn', namespace: 'default' }))).toEqual([
      'PodNetworking/trunk-pn: metadata.namespace: must be absent for cluster-scoped kind PodNetworking (found "default")',
    ]);
  });

  test('metadata.name is required and must be a DNS subdomain', () => {
    expect(validateManifest(podNetworking({}, {}))).toEqual(['PodNetworking/<unnamed>: metadata.name: required field is missing']);
    expect(validateManifest({ ...podNetworking(), metadata: undefined })).toEqual(['PodNetworking/<unnamed>: metadata.name: required field is missing']);
    expect(validateManifest(podNetworking({}, { name: 'Trunk_PN' }))[0]).toMatch(/^PodNetworking\/Trunk_PN: metadata\.name: invalid value "Trunk_PN": a lowercase RFC 1123 subdomain/);
    expect(validateManifest(podNetworking({}, { name: 'a.b-c' }))).toEqual([]);
  });

  test('eniOptions is required unless defaults are applied as the API server does', () => {
    const bare = { apiVersion: PN, kind: 'PodNetworking', metadata: { name: 'bare' }, spec: {} };
    expect(validateManifest(bare)).toEqual(['PodNetworking/bare: spec.eniOptions: required field is missing']);
    expect(validateManifest(bare, { applyDefaults: true })).toEqual([]);
    expect(bare.spec).toEqual({}); // not mutated
    expect(defaultedManifest({ ...bare, spec: { allocationType: {} } }).spec).toEqual({
      allocationType: { type: 'Elastic' },
      eniOptions: { eniType: 'Default' },
      vSwitchSelectOptions: { vSwitchSelectionPolicy: 'ordered' },
    });
    // no spec at all: nothing to default into
    expect(defaultedManifest({ ...bare, spec: undefined }).spec).toBeUndefined();
  });

  test('status is validated against the schema too (no enum on status.status)', () => {
    expect(validateManifest({ ...podNetworking(), status: { status: 'Whatever', updateAt: '2026-01-01T00:00:00Z', vSwitches: [{ id: 'vsw-1', zone: 'z' }] } })).toEqual([]);
    expect(validateManifest({ ...podNetworking(), status: { updateAt: 'yesterday' } })).toEqual([
      'PodNetworking/trunk-pn: status.updateAt: must match format "date-time"',
    ]);
  });

  test('a wrong apiVersion is not the CRD', () => {
    expect(validateManifest({ ...podNetworking(), apiVersion: 'network.alibabacloud.com/v1' })).toEqual([
      'PodNetworking/trunk-pn: no schema for network.alibabacloud.com/v1 PodNetworking',
    ]);
  });
});

describe('structuralToJsonSchema: structural-schema dialect', () => {
  test('x-kubernetes-* keywords are tolerated and interpreted, OpenAPI quirks translated', () => {
    const schema = structuralToJsonSchema({
      'type': 'object',
      'x-kubernetes-map-type': 'atomic',
      'properties': {
        port: { 'x-kubernetes-int-or-string': true },
        free: { 'type': 'object', 'x-kubernetes-preserve-unknown-fields': true, 'properties': { a: { type: 'string' } } },
        list: { 'type': 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], 'items': { type: 'object', properties: { name: { type: 'string' } } } },
        count: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 10 },
        maybe: { type: 'string', nullable: true },
        cel: { 'type': 'string', 'x-kubernetes-validations': [{ rule: 'self != ""' }] },
      },
    });
    expect(JSON.stringify(schema)).not.toMatch(/x-kubernetes/);
    expect(schema).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        port: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
        free: { type: 'object', properties: { a: { type: 'string' } } },
        list: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false } },
        count: { type: 'integer', exclusiveMinimum: 0, maximum: 10 },
        maybe: { type: 'string', nullable: true },
        cel: { type: 'string' },
      },
    });
  });

  test('knownKinds lists the CRD kinds first, then the built-in kinds', () => {
    expect(knownKinds()[0]).toBe(`${PN} PodNetworking`);
    expect(knownKinds()).toContain('apps/v1 Deployment');
  });
});

describe('validateManifest: built-in kinds (kubernetes-models)', () => {
  test.each(coreObjects.map((o) => [`${o.kind}`, o]))('a valid %s is accepted', (_kind, obj) => {
    expect(validateManifest(obj)).toEqual([]);
  });

  test('a Deployment without selector is rejected', () => {
    expect(validateManifest({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { template: podTemplate } })).toEqual([
      'Deployment/web: spec.selector: required field is missing',
    ]);
  });

  test('wrong field types are reported with their JSON path', () => {
    const errors = validateManifest({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { replicas: '3', selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 'http' }] }] } } },
    });
    expect(errors).toContain('StatefulSet/db: spec.replicas: must be integer');
    expect(errors).toContain('StatefulSet/db: spec.template.spec.containers[0].ports[0].containerPort: must be integer');
    expect(validateManifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { max_pool_size: 5 } })).toEqual([
      'ConfigMap/c: data.max_pool_size: must be string',
    ]);
  });

  test('a container without name is rejected, a Pod without containers too', () => {
    expect(validateManifest({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ image: 'i' }] } })).toEqual([
      'Pod/p: spec.containers[0].name: required field is missing',
    ]);
    expect(validateManifest({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: {} })).toEqual([
      'Pod/p: spec.containers: required field is missing',
    ]);
  });

  test('unknown kinds and API versions have no schema', () => {
    expect(validateManifest({ apiVersion: 'network.alibabacloud.com/v1beta1', kind: 'PodENI', metadata: { name: 'p' } })).toEqual([
      'PodENI/p: no schema for network.alibabacloud.com/v1beta1 PodENI',
    ]);
    expect(validateManifest({ apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'd' } })).toEqual([
      'Deployment/d: no schema for extensions/v1beta1 Deployment',
    ]);
    expect(validateManifest({ kind: 'Pod', metadata: { name: 'p' } })).toEqual(['Pod/p: apiVersion: required field is missing']);
    expect(validateManifest({ apiVersion: 'v1', metadata: { name: 'p' } })).toEqual(['<no kind>/p: kind: required field is missing']);
    expect(validateManifest('kind: Pod')).toEqual(['<no kind>/<unnamed>: (root): must be a Kubernetes object, got string']);
  });

  test('ObjectMeta: names, namespaces, labels and annotations as the API server checks them', () => {
    expect(validateManifest({ apiVersion: 'v1', kind: 'Service', metadata: { name: '1web' }, spec: {} })[0]).toMatch(/^Service\/1web: metadata\.name: invalid value "1web": a DNS-1035 label/);
    expect(validateManifest({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } })[0]).toMatch(/RFC 1123 label/);
    expect(validateManifest({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a', namespace: 'b' } })).toEqual([
      'Namespace/a: metadata.namespace: must be absent for cluster-scoped kind Namespace (found "b")',
    ]);
    expect(validateManifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'Kube_System' } })[0]).toMatch(/metadata\.namespace: invalid value "Kube_System"/);
    const labelErrors = validateManifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { 'a/b/c': 'x', 'ok': 'x'.repeat(64) }, annotations: { 'Bad Key': 'v', 'k8s.aliyun.com/pod-networks': '{"podNetworks":[]}' } } });
    expect(labelErrors).toEqual([
      'ConfigMap/c: metadata.labels["a/b/c"]: invalid key: a qualified name must consist of an optional DNS subdomain prefix and "/" followed by a name',
      'ConfigMap/c: metadata.labels.ok: invalid value "' + 'x'.repeat(64) + '": must be no more than 63 characters',
      'ConfigMap/c: metadata.annotations["Bad Key"]: invalid key: name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character',
    ]);
  });

  test('ConfigMap data keys must be valid config keys', () => {
    expect(validateManifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'eni conf': '{}' } })).toEqual([
      'ConfigMap/c: data["eni conf"]: invalid key: a valid config key must consist of alphanumeric characters, \'-\', \'_\' or \'.\'',
    ]);
  });

  test('ConfigMap keys: not ".", not starting with ".."; values at most 1 MiB in total', () => {
    expect(validateManifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { '..a': 'x', '.a': 'x' } })).toEqual([
      'ConfigMap/c: data["..a"]: invalid key: must not be \'.\' and must not start with \'..\'',
    ]);
    const half = 'x'.repeat(512 * 1024);
    expect(validateManifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: half, b: half } })).toEqual([]);
    expect(validateManifest({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: half, b: `${half}x` } })).toEqual([
      'ConfigMap/c: data: Too long: may not be more than 1048576 bytes (data and binaryData values: 1048577)',
    ]);
  });
});

describe('validateManifests: multi-document YAML and lists', () => {
  const yamlText = [
    'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: prod', '---', '', '---',
    `apiVersion: ${PN}`, 'kind: PodNetworking', 'metadata:', '  name: pn', 'spec:', '  eniOptions: {eniType: Trunk}',
    '  allocationType: {type: Sticky}', '---', 'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: prod', '',
  ].join('\n');

  test('validates every document, skips empty ones and reports duplicates', () => {
    expect(validateManifests(yamlText)).toEqual([
      'PodNetworking/pn: spec.allocationType.type: must be equal to one of the allowed values: Elastic, Fixed',
      'Namespace/prod: duplicate object (kind Namespace, name prod)',
    ]);
  });

  test('accepts arrays of objects', () => {
    expect(validateManifests([...coreObjects, podNetworking()])).toEqual([]);
    expect(validateManifests([podNetworking(), { ...podNetworking(), metadata: { name: 'other' } }])).toEqual([]);
  });

  test('same name in different namespaces or kinds is no duplicate', () => {
    const cm = (ns: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: ns } });
    expect(validateManifests([cm('a'), cm('b'), { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x', namespace: 'a' } }])).toEqual([]);
  });

  test('reports YAML syntax errors by document', () => {
    const errors = validateManifests('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nkind: [unclosed\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^document 2: YAML error: /);
  });
});

describe('validateEniConf (JSON Schema 2020-12)', () => {
  const ack = {
    version: '1',
    max_pool_size: 5,
    min_pool_size: 0,
    credential_path: '/var/addon/token-config',
    enable_eni_trunking: true,
    ipam_type: 'crd',
    vswitches: { 'cn-hangzhou-h': ['vsw-1'], 'cn-hangzhou-i': ['vsw-2', 'vsw-3'] },
    eni_tags: { 'ack.aliyun.com': 'c123' },
    service_cidr: '172.16.0.0/16',
    security_group: 'sg-1',
    ip_stack: 'ipv4',
    vswitch_selection_policy: 'ordered',
  };

  test('an ACK-style document is valid, as object or JSON string; unknown keys are allowed', () => {
    expect(validateEniConf(ack)).toEqual([]);
    expect(validateEniConf(JSON.stringify({ ...ack, some_future_key: [1] }))).toEqual([]);
  });

  test('type and enum errors name the JSON path', () => {
    const errors = validateEniConf({ ...ack, max_pool_size: '5', ip_stack: 'ipv6', vswitches: { 'cn-hangzhou-h': 'vsw-1' } });
    expect([...errors].sort()).toEqual([
      'eni_conf: ip_stack: must be equal to one of the allowed values: ipv4, dual',
      'eni_conf: max_pool_size: must be integer',
      'eni_conf: vswitches["cn-hangzhou-h"]: must be array',
    ]);
  });

  test('invalid JSON and non-objects', () => {
    expect(validateEniConf('{"version": ')[0]).toMatch(/^eni_conf: \(root\): invalid JSON: /);
    expect(validateEniConf([])).toEqual(['eni_conf: (root): must be object']);
  });

  test('security_group + security_groups: at most 10 distinct (5 when asked)', () => {
    const sgs = Array.from({ length: 10 }, (_, i) => `sg-${i}`);
    expect(validateEniConf({ security_group: 'sg-0', security_groups: sgs })).toEqual([]);
    expect(validateEniConf({ security_group: 'sg-x', security_groups: sgs })).toEqual([
      'eni_conf: security_group + security_groups: 11 distinct security groups, must be no more than 10',
    ]);
    expect(validateEniConf({ security_groups: sgs.slice(0, 6) }, { maxSecurityGroups: 5 })).toEqual([
      'eni_conf: security_group + security_groups: 6 distinct security groups, must be no more than 5',
    ]);
  });
});

describe('jsonPath', () => {
  test('renders JSON pointers as readable paths', () => {
    const data = { spec: { list: [{ 'a/b': { 0: 1 } }] } };
    expect(jsonPath('', data)).toBe('(root)');
    expect(jsonPath('/spec/list/0/a~1b/0', data)).toBe('spec.list[0]["a/b"]["0"]');
    expect(jsonPath('/data/10-terway.conf')).toBe('data["10-terway.conf"]');
  });
});

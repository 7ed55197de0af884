import * as fs from 'fs';
import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { deriveEniConfTable, ENI_CONF_SCHEMA, renderEniConfTable, ENI_CONF_TABLE } from '../../scripts/generate-eni-conf-table';
import { EniConfig, ValidationReport } from '../../src';
import { checkEniConfTypes } from '../../src/domain/eni-conf-check';
import { ENI_CONF_KEYS } from '../../src/domain/eni-conf-schema';
import { validateEniConf } from '../support/k8s-schemas';

const schema = JSON.parse(fs.readFileSync(ENI_CONF_SCHEMA, 'utf-8'));
const ids = (doc: Record<string, unknown>) => checkEniConfTypes(doc, { what: 'test' }).map((f) => f.rule.id);

describe('eni_conf key table', () => {
  test('equals the table derived from schemas/terway/eni-conf.schema.json (drift)', () => {
    expect(ENI_CONF_KEYS).toEqual(deriveEniConfTable(schema));
    expect(fs.readFileSync(ENI_CONF_TABLE, 'utf-8')).toBe(renderEniConfTable(schema));
  });
});

describe('checkEniConfTypes', () => {
  test('the schema examples pass', () => {
    for (const example of schema.examples) expect(ids(example)).toEqual([]);
  });
  test('TW-ENICONF-007: a string where Terway expects an integer or boolean', () => {
    expect(ids({ max_pool_size: '5' })).toEqual(['TW-ENICONF-007']);
    expect(ids({ enable_eni_trunking: 'true' })).toEqual(['TW-ENICONF-007']);
    expect(ids({ vswitches: { 'cn-hangzhou-h': 'vsw-1' } })).toEqual(['TW-ENICONF-007']);
    expect(checkEniConfTypes({ max_pool_size: '5' }, { what: 'x' })[0].message).toContain('the string "5"');
  });
  test('TW-ENICONF-008: values outside the allowed ones', () => {
    expect(ids({ ip_stack: 'ipv6' })).toEqual(['TW-ENICONF-008']);
    expect(ids({ max_pool_size: -1 })).toEqual(['TW-ENICONF-008']);
    expect(ids({ ip_pool_sync_period: '2 minutes' })).toEqual(['TW-ENICONF-008']);
    expect(ids({ security_groups: Array.from({ length: 11 }, (_, i) => `sg-${i}`) })).toEqual(['TW-ENICONF-008']);
  });
  test('TW-ENICONF-009: removed keys warn', () => {
    expect(ids({ enable_eip_pool: 'true' })).toEqual(['TW-ENICONF-009']);
  });
  test('merge patches may delete keys with null; plain documents may not', () => {
    expect(checkEniConfTypes({ max_pool_size: null }, { what: 'x', mergePatch: true })).toEqual([]);
    expect(ids({ max_pool_size: null })).toEqual(['TW-ENICONF-007']);
  });
  test('property: the checker agrees with the JSON Schema (Ajv) on generated documents', () => {
    const keys = Object.keys(ENI_CONF_KEYS);
    const value = fc.oneof(fc.integer({ min: -3, max: 20 }), fc.boolean(), fc.constantFrom('5', 'ipv4', 'dual', 'ipv6', 'ordered', '1m', ''),
      fc.constant([]), fc.constant(['sg-1']), fc.constant({ 'cn-hangzhou-h': ['vsw-1'] }), fc.double({ min: 0, max: 2, noNaN: true }));
    fc.assert(fc.property(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 4 }), (doc) => {
      const errors = checkEniConfTypes(doc, { what: 'x' }).filter((f) => f.rule.severity === 'error');
      expect(errors.length === 0).toBe(validateEniConf(doc).length === 0);
    }), { numRuns: 300 });
  });
});

describe('EniConfig uses the check at synth time', () => {
  test('eniConfOverrides with a string integer or ip_stack ipv6 stop synthesis', () => {
    for (const overrides of [{ max_pool_size: '5' }, { ip_stack: 'ipv6' }]) {
      const chart = Testing.chart();
      new EniConfig(chart, 'EniConfig', { eniConfOverrides: { vswitches: { 'cn-hangzhou-h': ['vsw-1'] }, ...overrides } });
      expect(() => Testing.synth(chart)).toThrow(/TW-ENICONF-00[78]/);
    }
  });
  test('without existing data the ACK default 10-terway.conf is written', () => {
    const chart = Testing.chart();
    const c = new EniConfig(chart, 'EniConfig', { eniConfOverrides: { vswitches: { 'cn-hangzhou-h': ['vsw-1'] } } });
    const conf = JSON.parse(c.apiObject.toJson().data['10-terway.conf']);
    expect(conf).toEqual({ cniVersion: '0.4.0', name: 'terway', type: 'terway', capabilities: { bandwidth: true }, network_policy_provider: 'ebpf' });
  });
  test('TW-EXCL-007: a custom CNI chain with exclusive ENI node pools', () => {
    const chart = Testing.chart();
    new EniConfig(chart, 'EniConfig', {
      existingData: { 'eni_conf': '{"vswitches":{"cn-hangzhou-h":["vsw-1"]}}', '10-terway.conflist': '{"plugins":[]}' },
      cluster: { exclusiveEniNodePools: [{ nodePoolName: 'excl', nodeLabels: { 'k8s.aliyun.com/exclusive-mode-eni-type': 'eniOnly' }, taints: [] }] },
    });
    expect(ValidationReport.of(chart).errors.map((f) => f.ruleId)).toEqual(['TW-EXCL-007']);
  });
  test('non-boolean options are refused with the property name', () => {
    expect(() => new EniConfig(Testing.chart(), 'E', { enableTrunking: 'false' as any })).toThrow(/enableTrunking must be true or false/);
  });
});

describe('EniConfig with exclusive ENI node pools', () => {
  test('TW-ACCEL-001: 10-terway.conf asks for DataPathv2 while the cluster has exclusive pools', () => {
    const chart = Testing.chart();
    new EniConfig(chart, 'EniConfig', {
      existingData: { 'eni_conf': '{"vswitches":{"cn-hangzhou-h":["vsw-1"]}}', '10-terway.conf': '{"type":"terway","eniip_virtual_type":"datapathv2"}' },
      cluster: { exclusiveEniNodePools: [{ nodePoolName: 'excl', nodeLabels: { 'k8s.aliyun.com/exclusive-mode-eni-type': 'eniOnly' }, taints: [] }] },
    });
    const report = ValidationReport.of(chart);
    expect(report.errors.map((f) => f.ruleId)).toEqual(['TW-ACCEL-001']);
    expect(report.errors[0].text).toContain('eniip_virtual_type "datapathv2"');
  });
});

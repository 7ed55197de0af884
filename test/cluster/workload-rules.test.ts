import { ApiObject, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { EniConfig, RuleCatalog } from '../../src';
import { findings, planeIn, planeProps } from '../support/plane-fixtures';

describe('TW-WL-001: no hostPort with Terway', () => {
  test('a Deployment container with hostPort fails synth, attributed to the plane', () => {
    const c = Testing.chart();
    planeIn(c, planeProps());
    new kplus.Deployment(c, 'Web', { containers: [{ name: 'web', image: 'nginx', ports: [{ number: 80, hostPort: 8080 }] }] });
    const errors = findings(c).filter((f) => f.ruleId === 'TW-WL-001');
    expect(errors).toEqual([expect.objectContaining({ path: 'test/Plane', severity: 'error' })]);
    expect(errors[0].text).toMatch(/Deployment default\/test-web-c8[0-9a-f]+ \(test\/Web\/Resource\) sets hostPort 8080 on container web; Terway does not support hostPort/);
    expect(errors[0].text).toContain('faq-about-container-networks');
    expect(() => Testing.synth(c)).toThrow(/\[test\/Plane\] \[TW-WL-001\]/);
  });

  test('an init container hostPort on a raw Pod is found too; ports without hostPort are fine', () => {
    const c = Testing.chart();
    new EniConfig(c, 'EniConfig');
    new ApiObject(c, 'Pod', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'ns' },
      spec: { initContainers: [{ name: 'init', image: 'busybox', ports: [{ containerPort: 53, hostPort: 53 }] }], containers: [{ name: 'main', image: 'nginx', ports: [{ containerPort: 80 }] }] },
    });
    const texts = findings(c).filter((f) => f.ruleId === 'TW-WL-001').map((f) => `${f.path} ${f.text}`);
    expect(texts).toEqual([expect.stringMatching(/^test\/EniConfig \[TW-WL-001\] Pod ns\/p \(test\/Pod\) sets hostPort 53 on init container init;/)]);
  });

  test('reported once, on the first library construct by code-point path, whatever the declaration order', () => {
    const c = Testing.chart();
    planeIn(c, planeProps({ name: 'b', podSelector: { matchLabels: { plane: 'b' } } }), 'b');
    planeIn(c, planeProps({ name: 'z', podSelector: { matchLabels: { plane: 'z' } } }), 'Z');
    new kplus.Pod(c, 'Pod', { containers: [{ image: 'nginx', ports: [{ number: 80, hostPort: 80 }] }] });
    expect(findings(c).filter((f) => f.ruleId === 'TW-WL-001').map((f) => f.path)).toEqual(['test/Z']);
  });

  test('an app without library constructs is not checked', () => {
    const c = Testing.chart();
    new kplus.Pod(c, 'Pod', { containers: [{ image: 'nginx', ports: [{ number: 80, hostPort: 80 }] }] });
    expect(() => Testing.synth(c)).not.toThrow();
  });

  test('the rule is in the catalogue as an error citing the FAQ', () => {
    expect(RuleCatalog.get('TW-WL-001')).toEqual(expect.objectContaining({ severity: 'error' }));
  });
});

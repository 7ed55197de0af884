/** Issue 9 §1: small public entry points and shared value parsers. */
import { App as Cdk8sApp, Testing as Cdk8sTesting } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import { Acknowledgements, KubernetesManifests, KubernetesManifestsProps, RuleCatalog, ValidationReport } from '../../src';
import { parseGoDuration } from '../../src/domain/go-duration';
import { InputError } from '../../src/domain/input';
import { parseKubernetesVersion, parseTerwayVersion } from '../../src/domain/versions';

test('Acknowledgements.add needs string rule IDs and reasons', () => {
  const chart = Cdk8sTesting.chart();
  expect(() => Acknowledgements.of(chart).add('TW-NAT-001', 42 as unknown as string)).toThrow(/test Acknowledgements\.add: reason must be a string, got 42 \(number\)/);
  expect(() => Acknowledgements.of(chart).add(undefined as unknown as string, 'x')).toThrow(/ruleId is required/);
  expect(() => Acknowledgements.of('chart' as any)).toThrow(/Acknowledgements\.of: scope must be a construct, got "chart"/);
  expect(() => ValidationReport.of(null as any)).toThrow(/ValidationReport\.of: scope must be a construct, got null/);
});

test('RuleCatalog.get needs a string', () => {
  expect(() => RuleCatalog.get(5 as unknown as string)).toThrow(InputError);
  expect(() => RuleCatalog.get(5 as unknown as string)).toThrow(/RuleCatalog\.get: ruleId must be a string, got 5/);
  expect(RuleCatalog.get('TW-SG-004').severity).toBe('warning');
});

test('KubernetesManifests checks its props', () => {
  const stack = new TerraformStack(Testing.app(), 's');
  expect(() => new KubernetesManifests(stack, 'M', { cdk8sApp: {}, provider: {} } as unknown as KubernetesManifestsProps)).toThrow(/s\/M: cdk8sApp must be a cdk8s App/);
  expect(() => new KubernetesManifests(stack, 'N', { cdk8sApp: new Cdk8sApp(), provider: undefined } as unknown as KubernetesManifestsProps)).toThrow(/s\/N: provider must be a KubernetesProvider/);
});

test('versions with leading zeros or huge numbers are malformed, not a semver TypeError', () => {
  expect(parseKubernetesVersion('1.33.01-aliyun.1')).toBeUndefined();
  expect(parseKubernetesVersion('1.99999999999999999999.1-aliyun.1')).toBeUndefined();
  expect(parseKubernetesVersion('1.33.1-aliyun.1')?.version).toBe('1.33.1');
  expect(parseTerwayVersion('v1.99999999999999999999.0')).toBeUndefined();
  expect(parseTerwayVersion('v1.0.10.280-gdc2cb6c-aliyun')?.version).toBe('1.0.10');
  expect(parseTerwayVersion('1.13.7')?.version).toBe('1.13.7');
});

test("Go durations beyond Go's maximum are refused (2562047h47m16.854775807s is the largest)", () => {
  expect(parseGoDuration('2562048h')).toBeUndefined();
  expect(parseGoDuration('2562047h47m16.854775808s')).toBeUndefined();
  expect(parseGoDuration('9223372036854775808ns')).toBeUndefined();
  expect(parseGoDuration('2562047h47m16.854775807s')).toBeGreaterThan(9.2e12);
  expect(parseGoDuration('9223372036854775807ns')).toBeGreaterThan(9.2e12);
  expect(parseGoDuration('1h30m')).toBe(5400000);
  expect(parseGoDuration('1.5h')).toBe(5400000);
  expect(parseGoDuration('5m0s')).toBe(300000);
  expect(parseGoDuration('1d')).toBeUndefined();
});

/** Issue 9 §1: EniConfig flags are never stringified; overrides must be JSON values. */
import { Testing } from 'cdk8s';
import { EniConfig, EniConfigProps } from '../../src';
import { InputError } from '../../src/domain/input';

function refused(props: unknown, message: RegExp) {
  let thrown: unknown;
  try {
    new EniConfig(Testing.chart(), 'EniConfig', props as EniConfigProps);
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(InputError);
  expect((thrown as Error).message).toMatch(/^test\/EniConfig: /);
  expect((thrown as Error).message).toMatch(message);
}

test.each([
  [{ enableTrunking: 'false' }, /enableTrunking must be true or false, got the string "false"/],
  [{ enableTrunking: null }, /enableTrunking is null; leave it out to use the default/],
  [{ managedCluster: 'yes' }, /managedCluster must be true or false/],
  [{ disableNetworkPolicy: 1 }, /disableNetworkPolicy must be true or false, got 1 \(number\)/],
  [{ inClusterLoadBalance: 'true' }, /inClusterLoadBalance must be true or false/],
  [{ existingData: { eni_conf: undefined } }, /existingData\["eni_conf"\] is required/],
  [{ existingData: { eni_conf: { version: '1' } } }, /existingData\["eni_conf"\] must be a string/],
  [{ eniConfOverrides: { max_pool_size: NaN } }, /eniConfOverrides\["max_pool_size"\] must be a JSON value, got NaN/],
  [{ eniConfOverrides: { max_pool_size: BigInt(5) } }, /eniConfOverrides\["max_pool_size"\] must be a JSON value .*got 5n/],
  [{ eniConfOverrides: { vswitches: { 'cn-hangzhou-h': [() => 'vsw'] } } }, /eniConfOverrides\["vswitches"\]\["cn-hangzhou-h"\]\[0\] must be a JSON value/],
  [{ eniConfOverrides: 'max_pool_size=5' }, /eniConfOverrides must be an object/],
  [null, /props is null/],
  // Found by the property run (seed -870284177): a key the API server refuses reached the output.
  [{ existingData: { ' ': '' } }, /existingData key must be a ConfigMap key .*got " "\./],
  [{ existingData: { '': 'x' } }, /existingData key must be a ConfigMap key/],
  [{ existingData: { 'a/b': 'x' } }, /existingData key must be a ConfigMap key/],
  [{ existingData: { '.': 'x' } }, /existingData key must be a ConfigMap key/],
  [{ existingData: { '..data': 'x' } }, /existingData key must be a ConfigMap key/],
  [{ existingData: { ['k'.repeat(254)]: 'x' } }, /existingData key must be a ConfigMap key/],
  [{ existingData: { big: 'x'.repeat(1024 * 1024) } }, /existingData with eniConfOverrides makes kube-system\/eni-config \d+ bytes of data values; a ConfigMap holds at most 1048576 bytes/],
])('%p is refused', (props, message) => {
  refused(props, message);
});

test('a cyclic override is refused, not a JSON.stringify TypeError', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  refused({ eniConfOverrides: { extra: cyclic } }, /a cycle/);
});

test('every ConfigMap key the API server accepts is kept', () => {
  const keys = ['a', '.hidden', 'x.y-z_1', 'k'.repeat(253), '10-terway.conf'];
  const cm = new EniConfig(Testing.chart(), 'EniConfig', {
    existingData: { ...Object.fromEntries(keys.map((k) => [k, 'v'])), eni_conf: '{"vswitches":{"cn-hangzhou-h":["vsw-1"]}}' },
  }).apiObject.toJson();
  for (const k of keys) expect(cm.data[k]).toBe('v');
});

test('data values just under 1 MiB are kept', () => {
  const cm = new EniConfig(Testing.chart(), 'EniConfig', { existingData: { big: 'x'.repeat(1000 * 1000) } }).apiObject.toJson();
  expect(cm.data.big).toHaveLength(1000 * 1000);
});

test('valid props still render booleans as booleans', () => {
  const c = Testing.chart();
  const cm = new EniConfig(c, 'EniConfig', { enableTrunking: true, disableNetworkPolicy: false, eniConfOverrides: { max_pool_size: 5, skip: undefined } }).apiObject.toJson();
  expect(JSON.parse(cm.data.eni_conf).enable_eni_trunking).toBe(true);
  expect(cm.data.disable_network_policy).toBe('false');
});

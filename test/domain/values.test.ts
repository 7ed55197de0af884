import { parseGoDuration } from '../../src/domain/go-duration';
import { resourceIdProblem, ResourceIdKind } from '../../src/domain/ids';
import { isUnresolved } from '../../src/domain/tokens';
import { parseKubernetesVersion, parseTerwayVersion } from '../../src/domain/versions';

describe('Go durations (Terway releaseAfter)', () => {
  test.each([['5m', 300_000], ['2h45m', 9_900_000], ['5m0s', 300_000], ['1.5h', 5_400_000], ['300ms', 300], ['0', 0], ['-1h', -3_600_000], ['1h30m15s', 5_415_000]])('%s = %d ms', (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });
  test.each(['', '5', '1d', '1h30', 'h', '1 h', 'abc', '1w', '5 m'])('Go rejects %p', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});

describe('resource IDs', () => {
  test('well-formed IDs pass', () => {
    expect(resourceIdProblem(ResourceIdKind.VSWITCH, 'vsw-2zem796p76viir02c')).toBeUndefined();
    expect(resourceIdProblem(ResourceIdKind.SECURITY_GROUP, 'sg-bp19k3sj8dk3dcd7')).toBeUndefined();
  });
  test('the wrong kind is named', () => {
    expect(resourceIdProblem(ResourceIdKind.VSWITCH, 'sg-bp19k3sj8dk3dcd7')).toMatch(/is a security group ID, but a vSwitch ID \(vsw-…\) is expected/);
  });
  test.each(['vsw-', 'vsw_abc123', 'VSW-ABC123', 'vsw-ABC123', 'vsw-abc', ' vsw-abcdef'])('%p is malformed', (id) => {
    expect(resourceIdProblem(ResourceIdKind.VSWITCH, id)).toMatch(/not a vSwitch ID/);
  });
});

describe('tokens and versions', () => {
  test('Terraform interpolations are unresolved', () => {
    expect(isUnresolved('${TfToken[TOKEN.12]}')).toBe(true);
    expect(isUnresolved('${alicloud_vswitch.x.id}')).toBe(true);
    expect(isUnresolved('vsw-abc123')).toBe(false);
  });
  test('ACK and Terway versions', () => {
    expect(parseKubernetesVersion('1.31.1-aliyun.1')?.minor).toBe(31);
    expect(parseKubernetesVersion('1.31')).toBeUndefined();
    expect(parseTerwayVersion('v1.11.0')?.version).toBe('1.11.0');
    expect(parseTerwayVersion('v1.0.10.280-gdc2cb6c-aliyun')?.version).toBe('1.0.10');
    expect(parseTerwayVersion('latest')).toBeUndefined();
  });
});

/**
 * The bin as users run it: a separate Node process on the TypeScript entry (compiled on the fly,
 * so no prior build is needed), with real exit codes and streams.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { COMPLIANT, ACK_009_SAMPLES } from './audit-support';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'src', 'audit', 'cli.ts');

function bin(args: string[], input?: string) {
  return spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', CLI, ...args], {
    cwd: ROOT, input, encoding: 'utf-8', env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'test', 'tsconfig.json') },
  });
}

test('exit codes 1, 0, 2 and 3 from a real process', () => {
  const failing = bin([ACK_009_SAMPLES]);
  expect(failing.status).toBe(1);
  expect(failing.stdout).toMatch(/^TW-CLUSTER-001 +error +cluster\/abcd1234abcd1234abcd1234abcd1234a\n/m);
  // No cluster in the input: ACK-009 is not evaluated, which is not a pass.
  expect(bin(['-'], '[]').status).toBe(3);
  expect(bin([COMPLIANT]).status).toBe(0);
  const missing = bin(['does-not-exist.json']);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toBe('terway-audit: does-not-exist.json: no such file or folder; expected the JSON output of `aliyun cs GET /clusters`, `aliyun cs GET /clusters/<id>`, `aliyun vpc DescribeVSwitches`, `aliyun ecs DescribeInstanceTypes` or `kubectl get … -o json`.\n');
});

test('reads standard input when no path is given', () => {
  const r = bin(['--format', 'json', '--allow-not-evaluated'], '{"clusters": [], "page_info": {"total_count": 0}}');
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).findings).toEqual([]);
});

test('loads the domain rules only: no cdktf, cdk8s or constructs', () => {
  const script = `require(${JSON.stringify(CLI)});
const loaded = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](cdktf|@cdktf|cdk8s|cdk8s-plus-33|constructs)[\\\\/]/.test(k));
process.stdout.write(JSON.stringify(loaded));`;
  const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: ROOT, encoding: 'utf-8', env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'test', 'tsconfig.json') },
  });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual([]);
});

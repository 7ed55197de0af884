/**
 * Property tests over instance types, modes and pool settings: every generated input is either
 * refused with a clear error (input shape or rule) or synthesizes Terraform that conforms to the
 * pinned provider schema, and the findings agree with the one capacity function.
 */
import { Testing } from 'cdktf';
import * as fc from 'fast-check';
import {
  EniCapacity, ExclusiveEniNodePool, IpStack, NodeNetworkMode, TerwayNodePool, ValidationReport,
} from '../../src';
import { InputError } from '../../src/domain/input';
import { clusterStack, validProps } from '../support/cluster-fixtures';
import { conformanceErrors } from '../support/terraform-schema';

const KNOWN = EniCapacity.knownInstanceTypes();
const instanceType = fc.oneof(fc.constantFrom(...KNOWN), fc.constantFrom('ecs.g7.xlarg', 'ecs.future.9xlarge'));
const settings = fc.record({
  exclusive: fc.boolean(),
  dual: fc.boolean(),
  lingjun: fc.boolean(),
  types: fc.uniqueArray(instanceType, { minLength: 1, maxLength: 3 }),
  sizing: fc.oneof(
    fc.record({ kind: fc.constant('desired' as const), desired: fc.integer({ min: -1, max: 1001 }) }),
    fc.record({ kind: fc.constant('auto' as const), min: fc.integer({ min: -1, max: 12 }), max: fc.integer({ min: 0, max: 12 }) }),
  ),
  terway: fc.constantFrom(undefined, 'v1.10.0', 'v1.11.1', 'v1.14.0', 'v1.16.7'),
  taint: fc.boolean(),
});

describe('node pools over generated instance types, modes and settings', () => {
  test('every input is a clear error or conforming output; capacity rules follow podsPerNode', () => {
    fc.assert(fc.property(settings, (s) => {
      const dualProps = s.dual ? { ipStack: IpStack.DUAL, vpc: { cidrBlock: '192.168.0.0/16', enableIpv6: true } } : {};
      const { stack, cluster } = clusterStack(validProps({ terwayVersion: s.terway, ...dualProps }));
      const sizing = s.sizing.kind === 'desired' ? { desiredSize: s.sizing.desired } : { autoScaling: { minSize: s.sizing.min, maxSize: s.sizing.max } };
      const common = { cluster, nodePoolName: 'pool', instanceTypes: s.types, lingjun: s.lingjun ? { clusterId: 'lingjun-cluster', groupId: 'lingjun-group' } : undefined, ...sizing };
      try {
        if (s.exclusive) new ExclusiveEniNodePool(stack, 'Pool', { ...common, taintEnabled: s.taint });
        else new TerwayNodePool(stack, 'Pool', common);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        const bad = s.sizing.kind === 'desired' ? s.sizing.desired < 0 || s.sizing.desired > 1000 : s.sizing.min < 0 || s.sizing.max <= Math.max(0, s.sizing.min);
        expect(bad).toBe(true);
        return;
      }
      const report = ValidationReport.of(stack);
      const poolErrors = report.errors.filter((f) => f.path.endsWith('/Pool')).map((f) => f.ruleId);
      const mode = s.exclusive ? NodeNetworkMode.EXCLUSIVE : NodeNetworkMode.SHARED;
      for (const type of s.types) {
        const c = EniCapacity.of(type);
        if (!c || s.lingjun) continue;
        const pods = EniCapacity.podsPerNode(type, mode)!;
        if (s.exclusive) expect(poolErrors.includes('TW-EXCL-001')).toBe(s.types.some((t) => (EniCapacity.of(t)?.enis ?? 7) < 7));
        else if (pods <= 11) expect(poolErrors).toContain('TW-NODEPOOL-001');
      }
      if (s.lingjun && s.dual) expect(poolErrors).toContain('TW-EXCL-004');
      if (report.errors.length === 0) {
        const tf = JSON.parse(Testing.synth(stack, true));
        expect(conformanceErrors(tf)).toEqual([]);
        const np: any = Object.values(tf.resource.alicloud_cs_kubernetes_node_pool)[0];
        expect(np.lifecycle.replace_triggered_by[0]).toMatch(/^terraform_data\.[A-Za-z0-9_]+$/);
        expect(tf.resource.terraform_data[np.lifecycle.replace_triggered_by[0].split('.')[1]].triggers_replace.mode).toBe(mode);
        expect(np.labels.some((l: any) => l.value === 'eniOnly')).toBe(s.exclusive);
      }
    }), { numRuns: 60 });
  });

  test('podsPerNode follows the documented formulas; trunk only where the table has trunk data', () => {
    fc.assert(fc.property(fc.constantFrom(...KNOWN), (type) => {
      const c = EniCapacity.of(type)!;
      expect(EniCapacity.podsPerNode(type, NodeNetworkMode.EXCLUSIVE)).toBe(c.enis - 1);
      expect(EniCapacity.podsPerNode(type, NodeNetworkMode.SHARED)).toBe((c.enis - 1) * c.ipv4PerEni);
      expect(EniCapacity.podsPerNode(type, NodeNetworkMode.TRUNK) === undefined).toBe(c.eniTotal === undefined);
    }));
  });
});

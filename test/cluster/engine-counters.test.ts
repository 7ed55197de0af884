import { ApiObject, App, Testing } from 'cdk8s';
import { IConstruct } from 'constructs';
import { FleetSize, libraryCluster, libraryOneDeploy, literalClusterInfo, literalPlaneIds } from '../../bench/fleet';
import {
  AllocationType, ExclusiveEniNodePool, ExclusiveEniPlane, FixedVSwitchConfig, FixedVSwitchNodePool, PodEipWorkloads, PodNetworkingPlane,
  ReleaseStrategy, ValidationReport,
} from '../../src';
import { checkedConstructs } from '../../src/core/validation';
import { EngineCounts, startEngineCounting, stopEngineCounting } from '../../src/domain/engine-counters';
import { tmpdir } from '../support/files';
import { deployment, planeIn, planeProps } from '../support/plane-fixtures';

/**
 * A fleet with P planes (every tenth an exclusive-ENI plane), 10 P workloads (every tenth
 * with a pod EIP) and P node pools (20 % exclusive ENI, 10 % fixed vSwitch with a
 * FixedVSwitchConfig and a workload each).
 */
function fleetSize(planes: number): FleetSize {
  return { planes, workloads: 10 * planes, namespaces: Math.max(2, planes / 5), nodePools: planes };
}

/** How many checked constructs of each node-mode and EIP kind were evaluated. */
function evaluatedKinds(counts: EngineCounts): Record<string, number> {
  const kinds: Array<[string, (c: IConstruct) => boolean]> = [
    ['ExclusiveEniPlane', (c) => c instanceof ExclusiveEniPlane], ['FixedVSwitchConfig', (c) => c instanceof FixedVSwitchConfig],
    ['PodEipWorkloads', (c) => PodEipWorkloads.isPodEipWorkloads(c)], ['ExclusiveEniNodePool', (c) => c instanceof ExclusiveEniNodePool],
    ['FixedVSwitchNodePool', (c) => c instanceof FixedVSwitchNodePool],
  ];
  const keys = [...counts.checkEvaluations.keys()] as IConstruct[];
  return Object.fromEntries(kinds.map(([name, is]) => [name, keys.filter(is).length]));
}

/** Counts the engine's work during one `cdk8s synth` of a generated fleet with P planes. */
function synthFleet(planes: number): { app: App; counts: EngineCounts } {
  const app = new App({ outdir: tmpdir() });
  libraryCluster(app, fleetSize(planes), literalClusterInfo(fleetSize(planes)), literalPlaneIds);
  const counts = startEngineCounting();
  try {
    app.synth();
  } finally {
    stopEngineCounting();
  }
  return { app, counts };
}

function max(values: Iterable<number>): number {
  return Math.max(0, ...values);
}

describe('the validation engine is linear (counted, not timed)', () => {
  const small = synthFleet(10);
  const large = synthFleet(40);

  test.each([['P=10', small, 10], ['P=40', large, 40]])('%s: every object is serialized once per synth and every check evaluated once', (_, { app, counts }, planes) => {
    const objects = app.node.findAll().filter((c) => c instanceof ApiObject);
    expect(counts.serializations.size).toBe(objects.length);
    expect(max(counts.serializations.values())).toBe(1);
    expect(counts.checkEvaluations.size).toBe(checkedConstructs(app).length);
    expect(max(counts.checkEvaluations.values())).toBe(1);
    // Every tenth plane is an exclusive-ENI plane, 10 % of the pools are fixed-vSwitch pools.
    const n = planes / 10;
    expect(evaluatedKinds(counts)).toEqual({
      ExclusiveEniPlane: n, FixedVSwitchConfig: n, PodEipWorkloads: 1, ExclusiveEniNodePool: 0, FixedVSwitchNodePool: 0,
    });
  });

  test('per-plane rule work does not grow with the number of planes', () => {
    // Every plane-selects-workload test counts (plane interactions, TW-EXCL-005/009, TW-FIXED-006).
    expect(small.counts.planeWork.size).toBe(10);
    expect(large.counts.planeWork.size).toBe(40);
    expect(max(large.counts.planeWork.values())).toBeLessThanOrEqual(max(small.counts.planeWork.values()));
    const total = (c: EngineCounts) => [...c.planeWork.values()].reduce((a, b) => a + b, 0);
    // Four times the planes (and workloads): at most four times the total work.
    expect(total(large.counts)).toBeLessThanOrEqual(4 * total(small.counts));
  });
});

describe('the one-deploy path (a cdktf app with a ClusterObjectsStack, exclusive-ENI and fixed-vSwitch pools, ENI planes, EIP workloads)', () => {
  function oneDeploy(planes: number): EngineCounts {
    const counts = startEngineCounting();
    try {
      // With fixed-vSwitch pools: each finds its ConfigMap in the app-wide index (rendering every chart per pool would serialize twice).
      libraryOneDeploy(fleetSize(planes), tmpdir());
    } finally {
      stopEngineCounting();
    }
    return counts;
  }

  test('serializes each object once, evaluates every check once, and does not grow per plane', () => {
    const [small, large] = [oneDeploy(10), oneDeploy(40)];
    for (const counts of [small, large]) {
      expect(max(counts.serializations.values())).toBe(1);
      const planeChecks = [...counts.checkEvaluations].filter(([c]) => c instanceof PodNetworkingPlane).map(([, n]) => n);
      expect(max(planeChecks)).toBe(1);
      // Cloud-side checks run in the gate; cdktf's validation of the stack reuses them (no user aspects).
      expect(max(counts.checkEvaluations.values())).toBe(1);
    }
    const kinds = (eniPlanes: number, fixed: number, exclusivePools: number) => ({
      ExclusiveEniPlane: eniPlanes, FixedVSwitchConfig: fixed, PodEipWorkloads: 1, ExclusiveEniNodePool: exclusivePools, FixedVSwitchNodePool: fixed,
    });
    expect(evaluatedKinds(small)).toEqual(kinds(1, 1, 2));
    expect(evaluatedKinds(large)).toEqual(kinds(4, 4, 8));
    // Four times the fleet: at most four times the serializations (each object once).
    const serialized = (c: EngineCounts) => [...c.serializations.values()].reduce((a, b) => a + b, 0);
    expect(serialized(large)).toBeLessThanOrEqual(4 * serialized(small));
    expect(max(large.planeWork.values())).toBeLessThanOrEqual(max(small.planeWork.values()));
  });
});

describe('the per-pass cache never hides a change', () => {
  function fixedPlaneApp() {
    const c = Testing.chart();
    const plane = planeIn(c, planeProps({ allocationType: AllocationType.FIXED, releaseStrategy: ReleaseStrategy.NEVER, podSelector: { matchLabels: { db: 'yes' } } }));
    const d = deployment(c, 'Web');
    return { c, plane, d };
  }

  test('a label added to an existing workload after a synth is seen by the next synth', () => {
    const { c, d } = fixedPlaneApp();
    expect(() => Testing.synth(c)).not.toThrow();
    d.podMetadata.addLabel('db', 'yes'); // no new construct: a node count would not change
    expect(() => Testing.synth(c)).toThrow(/\[TW-PN-001\] Fixed plane web selects Deployment default\/web/);
  });

  test('... and by a direct validation or report in the same job', () => {
    const { c, plane, d } = fixedPlaneApp();
    Testing.synth(c);
    expect(ValidationReport.of(c).errors).toEqual([]);
    d.podMetadata.addLabel('db', 'yes');
    expect(plane.node.validate()).toEqual([expect.stringMatching(/^\[TW-PN-001\]/)]);
    expect(ValidationReport.of(c).errors.map((f) => f.ruleId)).toEqual(['TW-PN-001']);
  });
});

import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { App, TerraformStack, Testing as TfTesting } from 'cdktf';
import * as fc from 'fast-check';
import {
  alicloud, BusinessPortProtocol, EipAnnotationPrefix, EipControllerValues, EipInstanceChargeType, EipInternetChargeType, EipIsp, EniConfig,
  PodEipImplementation, PodEipOptions, PodEipPolicy, PodEipWorkloads, ValidationReport,
} from '../../src';
import { InputError } from '../../src/domain/input';
import { validateManifests } from '../support/k8s-schemas';
import { chart, rawPod, synthErrors } from '../support/plane-fixtures';
import { conformanceErrors } from '../support/terraform-schema';

/**
 * Properties over generated EIP options: every input is rejected (an InputError naming the
 * property, or rule errors that stop synthesis) or produces output that passes the upstream
 * Kubernetes schemas (cluster side) or the pinned provider schema (cloud side), with every
 * documented constraint holding in the output. Nothing crashes.
 */

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Mostly absent, so that valid combinations are common enough. */
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: arb, weight: 1 });
/** Mostly valid values, sometimes an invalid one. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

const arbOptions: fc.Arbitrary<PodEipOptions> = fc.record({
  existingEipId: rarely(mostly(fc.constantFrom('eip-bp1aaa', 'eip-bp1bbb'), fc.constantFrom('eipx', ''))),
  bandwidth: rarely(mostly(fc.integer({ min: 1, max: 200 }), fc.constantFrom(0, -2, 2.5, Number.NaN))),
  internetChargeType: rarely(mostly(fc.constantFrom(...Object.values(EipInternetChargeType)), fc.constant('PayByHour' as EipInternetChargeType))),
  instanceChargeType: rarely(mostly(fc.constant(EipInstanceChargeType.POST_PAID), fc.constant('PrePaid' as EipInstanceChargeType))),
  commonBandwidthPackageId: rarely(mostly(fc.constant('cbwp-bp1x'), fc.constant('bwp-1'))),
  isp: rarely(mostly(fc.constantFrom(...Object.values(EipIsp)), fc.constant('BGP_Gold' as EipIsp))),
  publicIpAddressPoolId: rarely(mostly(fc.constant('pippool-bp1x'), fc.constant('pool-1'))),
  resourceGroupId: rarely(mostly(fc.constant('rg-acfm1'), fc.constant('group'))),
  name: rarely(fc.constantFrom('game', 'web eip')),
  description: rarely(fc.string({ maxLength: 20 })),
  securityProtectionTypes: rarely(fc.array(mostly(fc.constant('AntiDDoS_Enhanced'), fc.constant('a,b')), { minLength: 0, maxLength: 2 })),
  tags: rarely(fc.dictionary(mostly(fc.constantFrom('team', 'env'), fc.constant('')), mostly(fc.constantFrom('a', 'b'), fc.constant(5 as unknown as string)), { maxKeys: 2 })),
  releaseStrategy: rarely(mostly(fc.constantFrom('Follow', 'Never', '10m', '5m30s'), fc.constantFrom('1d', '-5m', '0', 'follow'))),
  readinessGate: maybe(fc.boolean()),
}, { requiredKeys: [] });

type Kind = 'Deployment' | 'StatefulSet' | 'Pod' | 'OwnedPod';
const arbScenario = fc.record({
  implementation: fc.constantFrom(...Object.values(PodEipImplementation)),
  prefix: maybe(fc.constantFrom(...Object.values(EipAnnotationPrefix))),
  terwayVersion: maybe(fc.constantFrom('v1.1.0', 'v1.2.3', 'v1.6.4', 'v1.7.0', 'v1.16.7')),
  eipPool: fc.boolean(),
  workloads: fc.array(fc.record({ kind: fc.constantFrom<Kind>('Deployment', 'StatefulSet', 'Pod', 'OwnedPod'), replicas: maybe(fc.integer({ min: 1, max: 3 })), options: arbOptions }), { minLength: 1, maxLength: 3 }),
});

function make(c: Chart, id: string, kind: Kind, replicas: number | undefined) {
  if (kind === 'Deployment') return new kplus.Deployment(c, id, { replicas, containers: [{ image: 'game', portNumber: 7000 }] });
  if (kind === 'StatefulSet') return new kplus.StatefulSet(c, id, { replicas, containers: [{ image: 'game', portNumber: 7000 }] });
  return rawPod(c, id, { app: id.toLowerCase() }, kind === 'OwnedPod' ? ['ReplicaSet'] : []);
}

describe('pod EIP properties', () => {
  test('cluster side: every generated input is refused or gives schema-valid manifests that keep the documented constraints', () => {
    const seen = { input: 0, rule: 0, valid: 0 };
    fc.assert(fc.property(arbScenario, (s) => {
      const c = chart();
      if (s.eipPool) new EniConfig(c, 'EniConfig', { enableEipPool: true, enableTrunking: false, eniConfOverrides: { vswitches: { h: ['vsw-1'] } } });
      let eips: PodEipWorkloads;
      try {
        eips = new PodEipWorkloads(c, 'Eips', {
          implementation: s.implementation,
          annotationPrefix: s.prefix,
          cluster: { terwayVersion: s.terwayVersion },
          controllerValues: s.implementation === PodEipImplementation.ACK_EXTEND_NETWORK_CONTROLLER
            ? new EipControllerValues({ chartVersion: 'v0.12.2', clusterId: 'c1', regionId: 'cn-hangzhou', vpcId: 'vpc-bp1x' }) : undefined,
        });
        s.workloads.forEach((w, i) => eips.addWorkload(make(c, `W${i}`, w.kind, w.replicas), w.options));
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        seen.input++;
        return;
      }
      const report = ValidationReport.of(c);
      if (report.errors.length > 0) {
        expect(synthErrors(c)).toMatch(/\[TW-EIP-\d{3}\]/);
        seen.rule++;
        return;
      }
      seen.valid++;
      const manifests = c.toJson();
      expect(validateManifests(manifests)).toEqual([]);
      const legacy = s.implementation === PodEipImplementation.LEGACY_TERWAY;
      for (const [i, w] of s.workloads.entries()) {
        const json = manifests.find((m: any) => m.kind !== 'Service' && m.kind !== 'ConfigMap' && m.metadata.name.startsWith(`test-w${i}-`) || m.metadata.name === `w${i}`);
        const pod = json.kind === 'Pod' ? json : json.spec.template;
        const annotations: Record<string, string> = pod.metadata.annotations;
        const keys = Object.keys(annotations).filter((k) => /eip/.test(k));
        expect(keys.every((k) => k.startsWith(legacy ? 'k8s.aliyun.com/' : (s.prefix ?? 'network.alibabacloud.com/')))).toBe(true);
        expect(Object.values(annotations).every((v) => typeof v === 'string')).toBe(true);
        const gate = (pod.spec.readinessGates ?? []).some((g: any) => g.conditionType === 'k8s.aliyun.com/eip');
        expect(gate).toBe(!legacy && (w.options.readinessGate ?? true));
        const strategy = w.options.releaseStrategy;
        if (strategy !== undefined && strategy !== 'Follow') expect(['StatefulSet', 'Pod']).toContain(w.kind);
        if (w.options.existingEipId !== undefined) {
          expect(w.kind === 'Pod' || (w.kind === 'StatefulSet' && (w.replicas ?? 1) === 1)).toBe(true);
          expect(keys.some((k) => k.endsWith('pod-with-eip'))).toBe(false);
        }
        if (w.options.bandwidth !== undefined) expect(Number.isInteger(w.options.bandwidth) && w.options.bandwidth > 0).toBe(true);
        if (w.options.tags !== undefined) expect(Object.values(JSON.parse(annotations[Object.keys(annotations).find((k) => k.endsWith('eip-tags'))!])).every((v) => typeof v === 'string')).toBe(true);
      }
      const ids = s.workloads.map((w) => w.options.existingEipId).filter((x) => x !== undefined);
      expect(new Set(ids).size).toBe(ids.length);
      if (legacy) expect(s.terwayVersion === 'v1.2.3' || s.terwayVersion === 'v1.6.4' || s.terwayVersion === 'v1.1.0').toBe(true);
    }), { numRuns: 300 });
    // The generators reach all three outcomes (a property that only ever rejects proves nothing).
    expect({ seen, enough: Math.min(seen.input, seen.rule, seen.valid) > 5 }).toEqual({ seen, enough: true });
  });

  const arbPolicy = fc.record({
    implementation: fc.constantFrom(...Object.values(PodEipImplementation)),
    chartVersion: fc.constantFrom('v0.1.0', 'v0.2.0', 'v0.10.0', 'v0.12.2'),
    rrsa: fc.boolean(),
    qps: maybe(fc.constantFrom(20, 0.5, -1)),
    ports: maybe(fc.array(fc.record({ protocol: fc.constantFrom(...Object.values(BusinessPortProtocol)), portRange: fc.constantFrom('7000/7100', '80', '0', '9/8'), sourceCidrIp: fc.constantFrom('0.0.0.0/0', '10.0.0.1/8') }), { maxLength: 2 })),
    dedicated: fc.boolean(),
    terwayVersion: fc.constantFrom('v1.6.4', 'v1.16.7'),
  });

  test('cloud side: every generated policy is refused or conforms to the pinned provider schema with exactly the documented actions', () => {
    const seen = { input: 0, rule: 0, valid: 0 };
    fc.assert(fc.property(arbPolicy, (p) => {
      const stack = new TerraformStack(TfTesting.app() as App, 'test');
      new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
      const legacy = p.implementation === PodEipImplementation.LEGACY_TERWAY;
      let policy: PodEipPolicy;
      try {
        policy = new PodEipPolicy(stack, 'PodEip', {
          implementation: p.implementation,
          clusterInfo: { clusterId: 'c1', vpcId: 'vpc-bp1x', workerRamRoleName: 'worker', securityGroupId: 'sg-bp1x', terwayVersion: p.terwayVersion, dedicatedCluster: p.dedicated },
          controller: legacy ? undefined : { chartVersion: p.chartVersion, regionId: 'cn-hangzhou', kubeClientQps: p.qps },
          rrsa: p.rrsa && !legacy ? { roleName: 'eip', accountId: '123', oidcIssuerUrl: 'https://oidc.example.com/c1', kubeSystemInjectionLabel: true } : undefined,
          businessPorts: p.ports,
        });
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        seen.input++;
        return;
      }
      if (ValidationReport.of(stack).errors.length > 0) {
        expect(() => TfTesting.synth(stack, true)).toThrow(/\[TW-EIP-\d{3}\]/);
        seen.rule++;
        return;
      }
      seen.valid++;
      const json = JSON.parse(TfTesting.synth(stack, true));
      expect(conformanceErrors(json)).toEqual([]);
      const actions = JSON.parse((Object.values(json.resource.alicloud_ram_policy)[0] as any).policy_document).Statement[0].Action;
      expect(actions).toHaveLength(legacy ? 8 : 11);
      // Legacy Terway on dedicated clusters: AliyunCSManagedNetworkRole only (least privilege, as documented).
      expect(policy.attachedRoleNames.includes('worker')).toBe(!(p.rrsa && !legacy) && !(legacy && p.dedicated));
      expect(policy.attachedRoleNames.includes('AliyunCSManagedNetworkRole')).toBe(legacy && p.dedicated);
      expect(JSON.stringify(json)).not.toMatch(/credential|accessSecret|accessKey/);
    }), { numRuns: 80 });
    expect({ seen, enough: Math.min(seen.input, seen.rule, seen.valid) > 3 }).toEqual({ seen, enough: true });
  });
});

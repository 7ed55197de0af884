import * as fs from 'fs';
import * as path from 'path';
import { IConstruct } from 'constructs';
import { gitOpsRecordsIn } from './gitops-record';
import { planFactsUnder } from './plan-facts';
import { ValidationReport } from './validation';
import { inValidationPass } from './validation-pass';
import { checkInputs, describeValue } from '../domain/input';
import { buildNetworkPlan } from '../domain/network-plan/build';
import { FindingFact } from '../domain/network-plan/facts';
import { NetworkPlanDocument } from '../domain/network-plan/model';
import { renderNetworkPlanHtml } from '../report/html';

/** Options of {@link NetworkPlan.of}. */
export interface NetworkPlanOptions {
  /**
   * Title of the page.
   * @default - "Network plan: " and the scope's construct path, or the cluster names for an app
   */
  readonly title?: string;
  /**
   * Further construct trees to include, e.g. the cdk8s app of a GitOps delivery whose charts
   * hold the PodNetworking planes. The cdk8s app of a `KubernetesManifests` (one-deploy) under
   * the scope is included without being listed.
   * @default []
   */
  readonly include?: IConstruct[];
}

/** File names {@link NetworkPlan.writeTo} writes. */
const HTML_FILE = 'network-plan.html';
const JSON_FILE = 'network-plan.json';

/**
 * The network plan of an app: the VPC, zones and vSwitches with address headroom, the Service
 * CIDR, node pools with their ENI capacity, PodNetworking planes with the workloads they select,
 * EIP workloads, and every rule finding placed on the object it concerns. Written as a
 * self-contained HTML page (no network access needed) and as versioned JSON
 * (schemas/network-plan/v1.schema.json).
 *
 * The report is built from the same facts the rules read, including errors: write it before
 * `app.synth()` to see why a synth fails.
 *
 * @example NetworkPlan.of(app).writeTo(app.outdir);
 * @see https://github.com/ack-terway-network/ack-terway-network/blob/main/docs/network-plan.md
 */
export class NetworkPlan {
  /** The network plan of `scope` (an app, a stack or a chart) and of what it includes. */
  public static of(scope: IConstruct, options: NetworkPlanOptions = {}): NetworkPlan {
    const check = checkInputs('NetworkPlan.of');
    checkConstruct(check, 'scope', scope);
    check.object('options', options, { struct: 'NetworkPlanOptions' });
    const title = check.string('title', options.title, { optional: true, minLength: 1 });
    const include = check.array('include', options.include, { optional: true }) ?? [];
    include.forEach((c, i) => checkConstruct(check, `include[${i}]`, c));
    return new NetworkPlan(scope, include as IConstruct[], title);
  }

  /** The plan as a JSON-compatible object (schema version 1). */
  public readonly document: any;

  private constructor(scope: IConstruct, include: IConstruct[], title: string | undefined) {
    const scopes = withBridgedApps([scope, ...include]);
    this.document = inValidationPass(() => {
      const facts = scopes.flatMap(planFactsUnder);
      const findings = scopes.flatMap((s) => {
        const r = ValidationReport.of(s);
        return [...r.errors, ...r.warnings, ...r.acknowledged];
      }).map((f): FindingFact => ({
        ruleId: f.ruleId,
        severity: f.severity,
        path: f.path,
        message: f.message,
        fix: f.fix,
        source: f.source,
        ...(f.acknowledgedReason !== undefined ? { acknowledgedReason: f.acknowledgedReason } : {}),
      }));
      const clusters = facts.filter((f) => f.kind === 'cluster').map((f) => f.name);
      const fallback = `Network plan: ${scope.node.path || (clusters.length > 0 ? clusters.join(', ') : 'app')}`;
      return buildNetworkPlan({ source: 'synth', title: title ?? fallback, facts, findings }) as NetworkPlanDocument;
    });
  }

  /** The JSON document, two-space indented, with a final newline. */
  public toJson(): string {
    return `${JSON.stringify(this.document, undefined, 2)}\n`;
  }

  /** The self-contained HTML page. */
  public toHtml(): string {
    return renderNetworkPlanHtml(this.document as NetworkPlanDocument);
  }

  /**
   * Writes `network-plan.html` and `network-plan.json` into `dir` (created if missing), e.g. the
   * app's `outdir` next to the synthesized output. Replaces only these two files. Refuses a
   * manifests folder written by `GitOpsOutput`: `kubectl apply -f`, Argo CD and Flux would read
   * `network-plan.json` as a manifest, and it has no `apiVersion` or `kind`.
   * @returns the paths written
   */
  public writeTo(dir: string): string[] {
    const check = checkInputs('NetworkPlan.writeTo');
    check.string('dir', dir, { minLength: 1 });
    const record = fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? gitOpsRecordsIn(dir)[0] : undefined;
    if (record !== undefined) {
      check.fail('dir', `${dir} is a GitOps manifests folder (it holds ${record}, written by GitOpsOutput); `
        + `kubectl, Argo CD and Flux would read ${JSON_FILE} there as a manifest. Write the report to another folder, e.g. cdktf.out. Nothing was written.`);
    }
    fs.mkdirSync(dir, { recursive: true });
    const html = path.join(dir, HTML_FILE);
    const json = path.join(dir, JSON_FILE);
    fs.writeFileSync(html, this.toHtml());
    fs.writeFileSync(json, this.toJson());
    return [html, json];
  }
}

function checkConstruct(check: ReturnType<typeof checkInputs>, name: string, value: unknown): void {
  const node = typeof value === 'object' && value !== null ? (value as { node?: { path?: unknown; findAll?: unknown } }).node : undefined;
  if (typeof node?.path !== 'string' || typeof node.findAll !== 'function') check.fail(name, `must be a construct, got ${describeValue(value)}.`);
}

/** The scopes plus the cdk8s apps bridged into them (a construct's public `cdk8sApp`), once each. */
function withBridgedApps(scopes: IConstruct[]): IConstruct[] {
  const out: IConstruct[] = [];
  const visit = (s: IConstruct) => {
    if (out.some((o) => o === s || o.node.findAll().includes(s))) return;
    out.push(s);
    for (const c of s.node.findAll()) {
      const bridged = (c as { cdk8sApp?: unknown }).cdk8sApp;
      if (typeof bridged === 'object' && bridged !== null && typeof (bridged as IConstruct).node?.findAll === 'function') visit(bridged as IConstruct);
    }
  };
  scopes.forEach(visit);
  return out;
}

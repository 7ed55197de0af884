import { createHash } from 'crypto';
// Deep imports: the package root loads all ~300 resource modules (seconds, hundreds of MB).
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { ApiObject, App as Cdk8sApp } from 'cdk8s';
import { Annotations, dependable, ITerraformDependable, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { isCdk8sApp } from './cdk8s-app-shape';
import { registerCredentialScan, registerKnownRendering } from './credential-scan';
import { escapeLiterals } from './escape-literals';
import { IKubernetesManifests } from './manifests-contract';
import { OrderingAnchor } from './ordering-anchor';
import { cdktfCliShowsAnnotations, installSynthGate, runBeforeFirstWrite } from './synth-gate';
import { declaredObjects } from '../cluster/declared-objects';
import { warningsReportedElsewhere } from '../cluster/warnings';
import { printFindings } from '../core/print-findings';
import { registerRuleCheck, ValidationReport } from '../core/validation';
import { inValidationPass } from '../core/validation-pass';
import { RULES } from '../domain/catalog';
import { checkInputs, describeValue } from '../domain/input';
import { preexistingObjectFindings } from '../domain/preexisting-objects';

/** Properties of {@link KubernetesManifests}. */
export interface KubernetesManifestsProps {
  /** The cdk8s app whose charts become `kubernetes_manifest` resources. */
  readonly cdk8sApp: Cdk8sApp;
  /**
   * The Kubernetes provider the manifests are applied with (each `kubernetes_manifest`'s `provider`).
   * @see https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/manifest
   */
  readonly provider: KubernetesProvider;
}

/**
 * Delivers a cdk8s app through the same `cdktf deploy` as the cloud resources: every
 * object becomes a `kubernetes_manifest` resource, and vSwitch or security-group IDs
 * that come from Terraform resources stay Terraform references.
 *
 * Unlike `cdktf-cdk8s` (which escapes every `${` and so turns references into literal
 * text, and skips cdk8s validation), this bridge escapes only literal `${`/`%{`, and it
 * runs the cdk8s app's validations (the library's plane rules among them) with the
 * cdktf ones, so an invalid plane stops `cdktf synth` before anything is written.
 *
 * Objects are read when the app is synthesized, before cdktf prepares its stacks, so charts
 * may change after this is created, and IDs from resources of another stack of the app become
 * cross-stack references like any other.
 *
 * Order (`depends_on`): every namespaced object after its Namespace (when the app defines it);
 * every workload (an object with a pod template) after the network it relies on: the
 * `PodNetworking` planes, the kube-system ConfigMaps (eni-config and per-node configs) and the
 * `helm_release` resources (e.g. the EIP controller) of this stack, through one `terraform_data`
 * anchor (so the output grows linearly). `terraform destroy` removes them in reverse.
 *
 * Terraform's kubernetes_manifest needs a reachable API server at plan time: use a
 * ClusterObjectsStack (rule TW-DEPLOY-001 rejects manifests in the stack that creates the cluster).
 * @see https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/manifest
 */
export class KubernetesManifests extends Construct implements IKubernetesManifests {
  /** The cdk8s app delivered by this construct (its rules run with cdktf's validation). */
  public readonly cdk8sApp: Cdk8sApp;
  private rendered = false;
  private readonly manifests = new Map<string, Manifest>();
  /** The `depends_on` list the bridge gave each resource (its rendering is still known then). */
  private readonly ordering = new WeakMap<Manifest, string[]>();

  constructor(scope: Construct, id: string, private readonly props: KubernetesManifestsProps) {
    super(scope, id);
    const check = checkInputs(this.node.path);
    const p = check.object('props', props, { struct: 'KubernetesManifestsProps' });
    if (!isCdk8sApp(p.cdk8sApp)) check.fail('cdk8sApp', `must be a cdk8s App, got ${describeValue(p.cdk8sApp)}.`);
    if ((p.provider as { terraformResourceType?: unknown } | undefined)?.terraformResourceType !== 'kubernetes') check.fail('provider', `must be a KubernetesProvider (@cdktf/provider-kubernetes), got ${describeValue(p.provider)}.`);
    this.cdk8sApp = props.cdk8sApp;
    // Once rendered, the Terraform output holds a snapshot of the cdk8s app, which was valid
    // when it was taken (it is rendered only then), so validation re-reads nothing.
    this.node.addValidation({ validate: () => (this.rendered ? [] : this.cdk8sErrors()) });
    registerRuleCheck(this, [RULES.DEPLOY_PREEXISTING_OBJECT], () => preexistingObjectFindings(objectIdentities(this.cdk8sApp)));
    registerCredentialScan(this);
    // Rendered before the first stack is written, or when this stack is synthesized on its own.
    runBeforeFirstWrite(this, this.beforeWrite.bind(this));
    installSynthGate(this);
  }

  /**
   * The `kubernetes_manifest` resource of one object, rendering the charts first (so other
   * resources can depend on it, e.g. a node pool on its per-node ConfigMap).
   * @internal
   */
  public _manifestOf(kind: string, namespace: string | undefined, name: string): Manifest | undefined {
    this._render();
    return this.manifests.get(objectKey(kind, namespace, name));
  }

  /**
   * Whether the object is delivered: looked up among the rendered resources once rendered (no
   * serialization), else in the app-wide index of declared objects (once per validation pass).
   * @internal
   */
  public _delivers(kind: string, namespace: string | undefined, name: string): boolean {
    if (this.rendered) return this.manifests.has(objectKey(kind, namespace, name));
    return (declaredObjects(this.cdk8sApp).byKind.get(kind) ?? []).some((o) => o.namespace === namespace && o.name === name);
  }

  /** Validation errors of the cdk8s app (the root's hook aside), in one pass. */
  private cdk8sErrors(): string[] {
    const root = this.cdk8sApp;
    return inValidationPass(() => {
      warningsReportedElsewhere(root);
      return root.node.findAll().filter((c) => c !== root)
        .flatMap((c) => c.node.validate().map((message) => `[cdk8s ${c.node.path}] ${message}`));
    });
  }

  /**
   * Turns every chart object into a kubernetes_manifest resource (once); an app that fails
   * validation is left to the validation, which reports every error.
   * @internal
   */
  public _render(): void {
    if (!this.rendered) inValidationPass(() => this.beforeWrite(false));
  }

  /**
   * Renders unless rendered or the cdk8s app has errors; returns those errors when
   * `reportErrors` is true. Runs in a validation pass, called by the synth gate without
   * wrappers: each Terraform object created here captures the call stack, whose depth costs
   * time per object.
   */
  private beforeWrite(reportErrors: boolean): string[] {
    if (this.rendered) return [];
    const errors = this.cdk8sErrors();
    if (errors.length > 0) return reportErrors ? errors : [];
    this.rendered = true;
    this.renderCharts();
    return [];
  }

  /** Adds one kubernetes_manifest per object; the app's warnings become cdktf warnings and stderr lines (once). */
  private renderCharts(): void {
    warningsReportedElsewhere(this.cdk8sApp);
    const report = ValidationReport.of(this.cdk8sApp);
    if (!cdktfCliShowsAnnotations()) printFindings(report.warnings);
    for (const w of report.warnings) Annotations.of(this).addWarning(`${w.path}: ${w.text}`);
    for (const a of report.acknowledged) Annotations.of(this).addInfo(`${a.path}: [${a.ruleId}] acknowledged: ${a.acknowledgedReason}`);
    const seen = new Map<string, string>();
    const rendered: Array<{ obj: any; resource: Manifest }> = [];
    for (const chart of this.cdk8sApp.charts) {
      for (const obj of chart.toJson()) {
        const { id, identity } = manifestId(obj);
        const earlier = seen.get(id);
        if (earlier !== undefined) {
          throw new Error(`${this.node.path}: ${identity === earlier ? `the Kubernetes object ${identity} is defined twice` : `${earlier} and ${identity} get the same ID ${id}`}; `
            + 'Kubernetes object names must be unique per API group, kind and namespace.');
        }
        seen.set(id, identity);
        const { escaped: content, text } = escapeLiterals(obj);
        const resource = new Manifest(this, id, { provider: this.props.provider, manifest: content });
        // The shape toTerraform() gives, so findings name the same paths.
        // depends_on holds addresses only (no values), so the known text stays all of the resource's text.
        registerKnownRendering(resource, () => (asRendered(resource, content, this.ordering.get(resource))
          ? { value: { resource: { [Manifest.tfResourceType]: { [resource.friendlyUniqueId]: { manifest: content } } } }, text } : undefined));
        this.manifests.set(objectKey(obj.kind, obj.metadata?.namespace, obj.metadata?.name), resource);
        rendered.push({ obj, resource });
      }
    }
    this.order(rendered);
  }

  /**
   * Adds the `depends_on` of every rendered object: its Namespace, and for workloads the
   * network prerequisites (through one anchor). Linear in the number of objects.
   */
  private order(rendered: Array<{ obj: any; resource: Manifest }>): void {
    const prerequisites: ITerraformDependable[] = [
      ...rendered.filter(({ obj }) => isNetworkPrerequisite(obj)).map(({ resource }) => resource),
      ...TerraformStack.of(this).node.findAll()
        .filter((c): c is TerraformResource => c instanceof TerraformResource && c.terraformResourceType === 'helm_release'),
    ];
    let anchor: OrderingAnchor | undefined;
    const networkReady = (): OrderingAnchor => {
      anchor ??= new OrderingAnchor(this, 'NetworkReady', prerequisites);
      return anchor;
    };
    // One reference per dependency, shared by its dependants: cdktf's dependable() creates a
    // token (and captures a stack trace) per call, which was most of this method's cost.
    const references = new Map<ITerraformDependable, string>();
    const reference = (d: ITerraformDependable): string => {
      let ref = references.get(d);
      if (ref === undefined) references.set(d, (ref = dependable(d)));
      return ref;
    };
    for (const { obj, resource } of rendered) {
      const deps: ITerraformDependable[] = [];
      const namespace = obj.metadata?.namespace;
      const ns = namespace === undefined ? undefined : this.manifests.get(objectKey('Namespace', undefined, namespace));
      if (ns !== undefined) deps.push(ns);
      if (prerequisites.length > 0 && isWorkload(obj)) deps.push(networkReady());
      if (deps.length === 0) continue;
      resource.dependsOn = deps.map(reference);
      this.ordering.set(resource, resource.dependsOn);
    }
  }
}

/**
 * The construct ID of one object: a readable `Kind-namespace-name` (cluster-scoped objects
 * have no namespace part) and a short hash of the object's identity (API group, kind,
 * namespace, name), so distinct objects whose readable parts sanitize alike
 * (`team-a/config` and `team/a-config`) get distinct IDs. The API version is left out so
 * that moving an object to a newer version does not replace the Terraform resource.
 */
function manifestId(obj: any): { id: string; identity: string } {
  const apiVersion = String(obj.apiVersion ?? '');
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const kind = String(obj.kind ?? '');
  const namespace = obj.metadata?.namespace === undefined ? '' : String(obj.metadata.namespace);
  const name = String(obj.metadata?.name ?? '');
  const identity = `${group === '' ? '' : `${group}/`}${kind} ${namespace === '' ? '' : `${namespace}/`}${name}`;
  const hash = createHash('sha256').update(JSON.stringify([group, kind, namespace, name])).digest('hex').slice(0, 8);
  const readable = [kind, namespace, name].filter((p) => p !== '').join('-').replace(/[^A-Za-z0-9_-]/g, '_');
  return { id: `${readable}-${hash}`, identity };
}

/** Names of the `…Input` getters of the Manifest binding: every argument a caller can set on it. */
const MANIFEST_INPUTS = ((): string[] => {
  const names: string[] = [];
  for (let proto = Manifest.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    names.push(...Object.getOwnPropertyNames(proto).filter((n) => n.endsWith('Input')));
  }
  return names;
})();

/**
 * Whether `resource` is still exactly what the bridge created: its manifest is `content` and no
 * other argument, meta-argument or override was set (through an escape hatch), so `content`
 * holds all of its text (the provider is a reference; the construct IDs come from the object's
 * kind, namespace and name).
 */
function asRendered(resource: Manifest, content: unknown, ordering: string[] | undefined): boolean {
  const r = resource as unknown as Record<string, unknown> & { rawOverrides?: object };
  return resource.manifestInput === content
    && MANIFEST_INPUTS.every((n) => n === 'manifestInput' || r[n] === undefined)
    && resource.lifecycle === undefined && resource.count === undefined && resource.forEach === undefined
    && resource.provisioners === undefined && resource.connection === undefined
    && (ordering === undefined ? (resource.dependsOn ?? []).length === 0 : resource.dependsOn === ordering)
    // cdktf keeps overrides in a private field; if it is ever renamed, the resource is rendered in full.
    && r.rawOverrides !== undefined && Object.keys(r.rawOverrides).length === 0;
}

/** Lookup key of a rendered object by kind, namespace and name (for `_manifestOf`). */
function objectKey(kind: unknown, namespace: unknown, name: unknown): string {
  return JSON.stringify([String(kind), namespace === undefined ? '' : String(namespace), String(name)]);
}

/** Kinds that run pods without a `spec.template` (the rest are recognised by their pod template). */
const POD_KINDS = new Set(['Pod', 'CronJob']);

/** Whether `obj` runs pods: a Pod, a CronJob, or any kind with a pod template (Deployment, StatefulSet, custom sets…). */
function isWorkload(obj: any): boolean {
  return POD_KINDS.has(obj?.kind) || (typeof obj?.spec?.template?.spec === 'object' && obj.spec.template.spec !== null);
}

/**
 * Whether pods rely on `obj` being in place when they start: a PodNetworking plane, or a
 * kube-system ConfigMap (Terway's eni-config and per-node configs).
 * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/configure-a-static-ip-address-a-separate-vswitch-and-a-separate-security-group-for-each-pod
 */
function isNetworkPrerequisite(obj: any): boolean {
  const group = String(obj?.apiVersion ?? '').split('/')[0];
  return (obj?.kind === 'PodNetworking' && group === 'network.alibabacloud.com')
    || (obj?.kind === 'ConfigMap' && obj?.apiVersion === 'v1' && obj?.metadata?.namespace === 'kube-system');
}

/** Kind, namespace and name of every object of the app, read from its metadata (no serialization). */
function objectIdentities(app: Cdk8sApp): Array<{ kind: string; namespace?: string; name: string; path: string }> {
  return app.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c))
    .map((o) => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.name, path: o.node.path }));
}

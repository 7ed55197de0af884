import { manifest, provider as k8s } from '@cdktf/provider-kubernetes';
import { App as Cdk8sApp } from 'cdk8s';
import { Annotations, Aspects } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { escapeLiterals } from './escape-literals';
import { installSynthGate, runBeforeFirstWrite } from './synth-gate';
import { warningsReportedElsewhere } from '../cluster/warnings';
import { ValidationReport } from '../core/validation';
import { inValidationPass } from '../core/validation-pass';

/** Properties of {@link KubernetesManifests}. */
export interface KubernetesManifestsProps {
  /** The cdk8s app whose charts become `kubernetes_manifest` resources. */
  readonly cdk8sApp: Cdk8sApp;
  /** The Kubernetes provider the manifests are applied with. */
  readonly provider: k8s.KubernetesProvider;
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
 * Objects are read when the stack is synthesized, so charts may change after this is created.
 * Terraform's kubernetes_manifest needs a reachable API server at plan time: apply the
 * cluster first (e.g. `cdktf deploy` with the manifests commented out, or `-target`).
 */
export class KubernetesManifests extends Construct {
  /** The cdk8s app delivered by this construct (its rules run with cdktf's validation). */
  public readonly cdk8sApp: Cdk8sApp;
  private rendered = false;

  constructor(scope: Construct, id: string, private readonly props: KubernetesManifestsProps) {
    super(scope, id);
    this.cdk8sApp = props.cdk8sApp;
    // Once rendered, the Terraform output holds a snapshot of the cdk8s app, which was valid
    // when it was taken (it is rendered only then), so validation re-reads nothing.
    this.node.addValidation({ validate: () => (this.rendered ? [] : this.cdk8sErrors()) });
    // The synth gate renders before the first stack is written; the aspect covers a stack
    // synthesized on its own (e.g. Testing.synth of a later stack).
    runBeforeFirstWrite(this, (reportErrors) => { this.render(); return reportErrors && !this.rendered ? this.cdk8sErrors() : []; });
    Aspects.of(this).add({ visit: (node: IConstruct) => { if (node === this) this.render(); } });
    installSynthGate(this);
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

  /** Renders once; an app that fails validation is left to the validation, which reports every error. */
  private render(): void {
    if (this.rendered) return;
    inValidationPass(() => {
      if (this.cdk8sErrors().length > 0) return;
      this.rendered = true;
      this.renderCharts();
    });
  }

  /** Adds one kubernetes_manifest per object; the app's warnings become cdktf warnings (not stderr lines). */
  private renderCharts(): void {
    warningsReportedElsewhere(this.cdk8sApp);
    const report = ValidationReport.of(this.cdk8sApp);
    for (const w of report.warnings) Annotations.of(this).addWarning(`${w.path}: ${w.text}`);
    for (const a of report.acknowledged) Annotations.of(this).addInfo(`${a.path}: [${a.ruleId}] acknowledged: ${a.acknowledgedReason}`);
    const seen = new Set<string>();
    for (const chart of this.cdk8sApp.charts) {
      for (const obj of chart.toJson()) {
        const id = `${obj.kind}-${obj.metadata?.namespace ?? 'cluster'}-${obj.metadata?.name}`.replace(/[^A-Za-z0-9_-]/g, '_');
        if (seen.has(id)) throw new Error(`${this.node.path}: two objects render as ${id}; Kubernetes object names must be unique per kind and namespace.`);
        seen.add(id);
        new manifest.Manifest(this, id, { provider: this.props.provider, manifest: escapeLiterals(obj) });
      }
    }
  }
}

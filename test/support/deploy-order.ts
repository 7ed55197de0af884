/**
 * Walks a synthesized cdktf app the way `cdktf deploy '*'` does and reports what cannot plan
 * or apply in that order. Inputs are the files cdktf writes (cdktf.out/manifest.json with each
 * stack's `dependencies`, and stacks/<name>/cdk.tf.json), read as Terraform reads them:
 * - Terraform plans a stack before anything of it exists, so a provider configuration and a
 *   data source must not need a value of a managed resource of the same stack; and the
 *   Kubernetes provider's kubernetes_manifest "requires API access during planning"
 *   (https://registry.terraform.io/providers/hashicorp/kubernetes/latest/docs/resources/manifest,
 *   hashicorp/terraform-provider-kubernetes-alpha#199), so no kubernetes_manifest (nor
 *   helm_release) may be in a stack that creates the cluster or reads a node pool of it;
 * - cross-stack references (data.terraform_remote_state "cross-stack-reference-input-<stack>")
 *   must point at a stack applied earlier, i.e. a (transitive) dependency;
 * - inside a stack, Terraform creates resources in parallel unless `depends_on` or a reference
 *   orders them (https://developer.hashicorp.com/terraform/language/meta-arguments/depends_on):
 *   every namespaced object must come after its Namespace, every workload after the
 *   PodNetworking planes that select its pods, the eni-config / per-node ConfigMap its nodes
 *   read, and the EIP controller (helm_release) when its pods ask for an EIP; and a node pool
 *   labelled terway-config: <name> after kube-system/<name> (Terway reads it when a node joins,
 *   https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/faq-about-container-networks).
 */
import * as fs from 'fs';
import * as path from 'path';

/** One synthesized stack. */
export interface StackJson {
  readonly name: string;
  readonly dependencies: string[];
  readonly json: any;
}

/** The stacks of an app in `cdktf deploy` order (each after its dependencies); throws on a cycle. */
export function stacksInDeployOrder(outdir: string): StackJson[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf-8'));
  const stacks: StackJson[] = Object.values(manifest.stacks).map((s: any) => ({
    name: s.name,
    dependencies: s.dependencies ?? [],
    json: JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), 'utf-8')),
  }));
  return deployOrder(stacks);
}

/** Topological order, ties by name (as cdktf's CLI does not promise more). */
export function deployOrder(stacks: StackJson[]): StackJson[] {
  const done = new Set<string>();
  const order: StackJson[] = [];
  while (order.length < stacks.length) {
    const ready = stacks.filter((s) => !done.has(s.name) && s.dependencies.every((d) => done.has(d))).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (ready.length === 0) throw new Error(`stack dependency cycle among ${stacks.filter((s) => !done.has(s.name)).map((s) => s.name).join(', ')}`);
    order.push(ready[0]);
    done.add(ready[0].name);
  }
  return order;
}

interface Block { address: string; type: string; managed: boolean; body: any }

function blocks(json: any): Block[] {
  const out: Block[] = [];
  for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
    for (const [name, body] of Object.entries<any>(byName)) out.push({ address: `${type}.${name}`, type, managed: true, body });
  }
  for (const [type, byName] of Object.entries<any>(json.data ?? {})) {
    for (const [name, body] of Object.entries<any>(byName)) out.push({ address: `data.${type}.${name}`, type, managed: false, body });
  }
  return out;
}

/** Addresses of `known` that `value` refers to (in `${…}` expressions and depends_on). */
function references(value: unknown, known: Map<string, Block>): Set<string> {
  const found = new Set<string>();
  const text = JSON.stringify(value ?? null);
  for (const m of text.matchAll(/(?<![\w.-])((?:data\.)?[a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)/g)) {
    if (known.has(m[1])) found.add(m[1]);
  }
  return found;
}

/** Every address reachable from `start` through references and depends_on. */
function closure(start: Iterable<string>, edges: Map<string, Set<string>>): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length > 0) {
    const a = todo.pop()!;
    if (seen.has(a)) continue;
    seen.add(a);
    todo.push(...(edges.get(a) ?? []));
  }
  return seen;
}

const CLUSTER_TYPES = new Set(['alicloud_cs_managed_kubernetes', 'alicloud_cs_kubernetes_node_pool']);
const PLAN_TIME_API = new Set(['kubernetes_manifest', 'helm_release']);

/** Problems of one app, in deploy order; empty when `cdktf deploy '*'` can plan and apply it in order. */
export function deployOrderProblems(stacks: StackJson[]): string[] {
  const problems: string[] = [];
  const applied = new Set<string>();
  const byName = new Map(stacks.map((s) => [s.name, s]));
  const stackEdges = new Map(stacks.map((s) => [s.name, new Set(s.dependencies)]));
  const deps = (name: string): Set<string> => closure(byName.get(name)?.dependencies ?? [], stackEdges);
  for (const stack of deployOrder(stacks)) {
    const p = (text: string) => problems.push(`${stack.name}: ${text}`);
    const all = blocks(stack.json);
    const known = new Map(all.map((b) => [b.address, b]));
    const edges = new Map(all.map((b) => [b.address, references(b.body, known)]));
    const needs = (value: unknown) => closure(references(value, known), edges);

    // Cross-stack inputs come from stacks applied before (and declared as dependencies), from
    // the file that stack's local backend writes (Terraform runs in stacks/<stack>; a relative
    // path is resolved from there: https://developer.hashicorp.com/terraform/language/backend/local).
    for (const [name, remote] of Object.entries<any>(stack.json.data?.terraform_remote_state ?? {})) {
      const from = /^cross-stack-reference-input-(.+)$/.exec(name)?.[1];
      if (from !== undefined && (!applied.has(from) || !deps(stack.name).has(from))) p(`reads stack ${from}, which is not applied before it`);
      const written = byName.get(from ?? '')?.json.terraform?.backend?.local?.path;
      const read = remote.backend === 'local' ? remote.config?.path : undefined;
      const at = (dir: string, file: string) => (path.posix.isAbsolute(file) ? file : path.posix.normalize(path.posix.join('stacks', dir, file)));
      if (typeof written === 'string' && typeof read === 'string' && at(from!, written) !== at(stack.name, read)) {
        p(`reads the state of ${from} at ${at(stack.name, read)}, but ${from} writes ${at(from!, written)}`);
      }
    }
    // Provider configurations and data sources: only values known while planning.
    for (const [type, configs] of Object.entries<any>(stack.json.provider ?? {})) {
      for (const config of configs) {
        const managed = [...needs(config)].filter((a) => known.get(a)!.managed);
        if (managed.length > 0) p(`provider ${type} is configured from ${managed.join(', ')} of the same stack`);
      }
    }
    for (const b of all.filter((x) => !x.managed)) {
      const managed = [...needs(b.body)].filter((a) => CLUSTER_TYPES.has(known.get(a)!.type));
      if (managed.length > 0) p(`${b.address} reads ${managed.join(', ')} of the same stack`);
    }
    // Nothing that needs the API server while planning next to the cluster, or reading a pool of this stack.
    const apiUsers = all.filter((b) => PLAN_TIME_API.has(b.type));
    const clusters = all.filter((b) => b.type === 'alicloud_cs_managed_kubernetes');
    if (apiUsers.length > 0 && clusters.length > 0) p(`${apiUsers.length} kubernetes_manifest/helm_release planned next to ${clusters.map((c) => c.address).join(', ')}`);
    for (const b of apiUsers) {
      const cluster = [...needs({ ...b.body, depends_on: undefined })].filter((a) => CLUSTER_TYPES.has(known.get(a)!.type));
      if (cluster.length > 0) p(`${b.address} refers to ${cluster.join(', ')} of the same stack`);
    }

    // Ordering inside the stack.
    const manifests = all.filter((b) => b.type === 'kubernetes_manifest').map((b) => ({ ...b, obj: b.body.manifest }));
    const after = (b: Block, target: string) => closure(edges.get(b.address) ?? [], edges).has(target);
    const namespaces = new Map(manifests.filter((m) => m.obj.kind === 'Namespace').map((m) => [m.obj.metadata.name, m.address]));
    const planes = manifests.filter((m) => m.obj.kind === 'PodNetworking');
    const configMaps = new Map(manifests.filter((m) => m.obj.kind === 'ConfigMap' && m.obj.metadata?.namespace === 'kube-system').map((m) => [m.obj.metadata.name, m.address]));
    const releases = all.filter((b) => b.type === 'helm_release');
    for (const m of manifests) {
      const ns = m.obj.metadata?.namespace;
      if (ns !== undefined && namespaces.has(ns) && !after(m, namespaces.get(ns)!)) p(`${m.address} (${m.obj.kind}) may be created before its Namespace ${ns}`);
      const template = podTemplate(m.obj);
      if (template === undefined) continue;
      const labels = template.metadata?.labels ?? {};
      for (const plane of planes) {
        if (selects(plane.obj.spec?.selector?.podSelector, labels) && !after(m, plane.address)) p(`workload ${m.address} may start before plane ${plane.obj.metadata.name} that selects its pods`);
      }
      for (const name of terwayConfigsOf(template.spec)) {
        if (configMaps.has(name) && !after(m, configMaps.get(name)!)) p(`workload ${m.address} may start before ConfigMap kube-system/${name}`);
      }
      if (configMaps.has('eni-config') && !after(m, configMaps.get('eni-config')!)) p(`workload ${m.address} may start before kube-system/eni-config`);
      const wantsEip = Object.keys(template.metadata?.annotations ?? {}).some((k) => k.startsWith('network.alibabacloud.com/pod-with-eip') || k.startsWith('network.alibabacloud.com/pod-eip'));
      for (const r of wantsEip ? releases : []) if (!after(m, r.address)) p(`EIP workload ${m.address} may start before ${r.address}`);
    }
    // A fixed-vSwitch pool starts after its ConfigMap (in this stack, or a stack applied before).
    for (const pool of all.filter((b) => b.type === 'alicloud_cs_kubernetes_node_pool')) {
      const name = pool.body.labels?.find?.((l: any) => l.key === 'terway-config')?.value ?? pool.body.labels?.['terway-config'];
      if (name === undefined) continue;
      const here = configMaps.get(name);
      const earlier = [...applied].some((s) => blocks(byName.get(s)!.json).some((b) => b.type === 'kubernetes_manifest' && b.body.manifest?.kind === 'ConfigMap'
        && b.body.manifest.metadata?.namespace === 'kube-system' && b.body.manifest.metadata?.name === name));
      if (!(here !== undefined && after(pool, here)) && !earlier) p(`node pool ${pool.address} (terway-config: ${name}) may create nodes before ConfigMap kube-system/${name}`);
    }
    applied.add(stack.name);
  }
  return problems;
}

function podTemplate(obj: any): any {
  if (obj.kind === 'Pod') return obj;
  if (obj.kind === 'CronJob') return obj.spec?.jobTemplate?.spec?.template;
  return obj.spec?.template?.spec !== undefined ? obj.spec.template : undefined;
}

/** Whether a label selector (matchLabels, matchExpressions In/NotIn/Exists/DoesNotExist) selects `labels`. */
function selects(selector: any, labels: Record<string, string>): boolean {
  if (selector === undefined) return false;
  const byLabels = Object.entries<string>(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpr = (selector.matchExpressions ?? []).every((e: any) => {
    switch (e.operator) {
      case 'In': return e.values.includes(labels[e.key]);
      case 'NotIn': return !e.values.includes(labels[e.key]);
      case 'Exists': return e.key in labels;
      case 'DoesNotExist': return !(e.key in labels);
      default: return false;
    }
  });
  return byLabels && byExpr;
}

/** The terway-config values a pod spec requires of its node (nodeSelector or required node affinity). */
function terwayConfigsOf(spec: any): string[] {
  const names: string[] = [];
  if (spec?.nodeSelector?.['terway-config'] !== undefined) names.push(spec.nodeSelector['terway-config']);
  for (const term of spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const e of term.matchExpressions ?? []) if (e.key === 'terway-config' && e.operator === 'In') names.push(...e.values);
  }
  return names;
}

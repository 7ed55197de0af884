import type { App as Cdk8sApp } from 'cdk8s';
import { TerraformElement, TerraformProvider } from 'cdktf';
import { IConstruct } from 'constructs';
import { isCdk8sApp } from './cdk8s-app-shape';
import { registerRuleCheck } from '../core/validation';
import { passMemo } from '../core/validation-pass';
import { RULES } from '../domain/catalog';
import { violation } from '../domain/finding';
import { isPlainObject } from '../domain/input';
import { jsonText } from '../domain/json';
import { Finding } from '../domain/rules';
import { isUnresolved } from '../domain/tokens';

/**
 * Provider arguments that hold a secret, in any provider and in any of its nested blocks:
 * alicloud `access_key`/`secret_key`/`security_token` and `assume_role_with_oidc.oidc_token`,
 * Kubernetes and Helm `token`/`password`/`client_key`, and the like of other providers.
 * Certificates (`client_certificate`, `cluster_ca_certificate`) are public and not listed.
 */
const SECRET_ARGUMENTS = new Set([
  'access_key', 'secret_key', 'security_token', 'oidc_token', 'token', 'password', 'client_key', 'client_secret', 'private_key',
]);

/** An Alibaba Cloud AccessKey ID, wherever it appears (tags, add-on config JSON, manifests). */
const ACCESS_KEY_ID = /LTAI[0-9A-Za-z]{12,}/;

const REGISTERED = Symbol.for('ack-terway-network.credential-scan');
const FIRST_REGISTRANT = Symbol('credential-scan-first-registrant');

const FIX = 'Remove it: authenticate with the ALICLOUD_ACCESS_KEY/ALICLOUD_SECRET_KEY (or KUBE_TOKEN, …) environment variables, '
  + 'a CLI profile or kubeconfig file, assume_role, or RRSA (assume_role_with_oidc with oidc_token_file); never put a key in tags or configs.';

/**
 * Scans every stack of the cdktf app that holds `scope` for credentials that would be
 * written into `cdk.tf.json` (rule TW-SEC-001): secret arguments of every provider (also
 * inside nested blocks such as `assume_role_with_oidc` or Helm's `kubernetes`), and
 * Alibaba Cloud AccessKey IDs anywhere in resources, data sources, variables, outputs and
 * locals (tags, add-on config JSON), and in the cdk8s apps delivered by KubernetesManifests.
 * Values are read as the elements render them, before tokens are resolved: references
 * (`${var.x}`) are not secrets in the output and pass; literal text is always seen.
 */
export function checkAppCredentials(scope: IConstruct): Finding[] {
  const root = scope.node.root;
  const findings: Finding[] = [];
  const all = root.node.findAll();
  // Constructs that deliver a cdk8s app (by shape, so a cdktf-only app never loads cdk8s).
  // Once rendered (the synth gate renders before validation), their kubernetes_manifest
  // resources are scanned like any element; before that, their objects are read directly
  // (not through chart.toJson, which would validate the cdk8s app again).
  const unrendered = new Set(all.filter((c) => isCdk8sApp((c as { cdk8sApp?: unknown }).cdk8sApp) && c.node.children.length === 0));
  for (const c of all) {
    const secrets = c instanceof TerraformProvider ? providerSecrets(c) : [];
    findings.push(...secrets);
    if (c instanceof TerraformElement && secrets.length === 0) {
      const known = KNOWN_RENDERING.get(c)?.();
      findings.push(...(known === undefined
        ? accessKeyIds(c.node.path, () => c.toTerraform())
        : accessKeyIds(c.node.path, () => known.value, known.text)));
    }
    if (unrendered.has(c)) {
      const cdk8sApp = (c as unknown as { cdk8sApp: Cdk8sApp }).cdk8sApp;
      for (const chart of cdk8sApp.charts) {
        for (const obj of chart.node.findAll().filter(isApiObject)) {
          findings.push(...accessKeyIds(`${c.node.path} (cdk8s ${obj.node.path})`, () => obj.toJson()));
        }
      }
    }
  }
  return findings;
}

/** What an element holds, known without rendering it. @internal */
export interface KnownRendering {
  /** A value carrying all of the element's text, in the shape `toTerraform()` gives (walked only on a hit). */
  readonly value: unknown;
  /** JSON text holding the same words as `value` (scanned first), if already at hand. */
  readonly text?: string;
}

/** Elements whose user-supplied text is known without rendering them (see {@link registerKnownRendering}). */
const KNOWN_RENDERING = new WeakMap<IConstruct, () => KnownRendering | undefined>();

/**
 * Tells the scan what `element` holds without rendering it: `known` returns it while the
 * element is as its creator left it, and undefined once anything else was set on it (then the
 * element is rendered and scanned in full). The bridge's kubernetes_manifest resources use
 * this: rendering thousands of them on each scan costs more than the rest of the scan.
 * @internal
 */
export function registerKnownRendering(element: TerraformElement, known: () => KnownRendering | undefined): void {
  KNOWN_RENDERING.set(element, known);
}

/**
 * Registers the app-wide credential scan on `construct`. However many library constructs
 * register it, only the first of them in the app reports, so each finding appears once.
 * @internal
 */
export function registerCredentialScan(construct: IConstruct): void {
  (construct as IConstruct & { [REGISTERED]?: boolean })[REGISTERED] = true;
  registerRuleCheck(construct, [RULES.PROVIDER_ACCESS_KEYS], () => {
    const root = construct.node.root;
    // Found once per validation pass, not once per registrant.
    const first = passMemo(FIRST_REGISTRANT, root, () => root.node.findAll().find((c) => (c as IConstruct & { [REGISTERED]?: boolean })[REGISTERED]));
    return first === construct ? checkAppCredentials(construct) : [];
  });
}

function providerSecrets(provider: TerraformProvider): Finding[] {
  let blocks: unknown[];
  try {
    const rendered = provider.toTerraform() as { provider?: Record<string, unknown[]> };
    blocks = Object.values(rendered.provider ?? {}).flat();
  } catch {
    return []; // a provider that cannot render fails synthesis on its own
  }
  const keys = blocks.flatMap((block) => secretPaths(block, ''));
  if (keys.length === 0) return [];
  return [violation(RULES.PROVIDER_ACCESS_KEYS,
    `The ${provider.terraformResourceType} provider at ${provider.node.path} sets ${[...new Set(keys)].join(', ')}; `
    + 'it would be written into cdk.tf.json.', FIX)];
}

/** Paths of secret arguments with literal values below `value`. */
function secretPaths(value: unknown, at: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => secretPaths(v, at));
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const here = at === '' ? key : `${at}.${key}`;
    if (SECRET_ARGUMENTS.has(key) && typeof v === 'string' && v !== '' && !isUnresolved(v)) return [here];
    return secretPaths(v, here);
  });
}

function accessKeyIds(path: string, render: () => unknown, knownText?: string): Finding[] {
  // Most elements hold no key: one native scan of the JSON text decides, and only a hit pays
  // for the walk that names where the key is (a value without JSON text is walked).
  if (knownText !== undefined && !ACCESS_KEY_ID.test(knownText)) return [];
  let rendered: unknown;
  try {
    rendered = render();
  } catch {
    return []; // an element that cannot render fails synthesis on its own
  }
  const text = knownText ?? jsonText(rendered);
  if (text !== undefined && !ACCESS_KEY_ID.test(text)) return [];
  const hits = new Set<string>();
  const walk = (value: unknown, at: string): void => {
    if (typeof value === 'string') {
      const match = ACCESS_KEY_ID.exec(value);
      if (match) hits.add(`${at || 'a value'} (${match[0].slice(0, 6)}…)`);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${at}[${i}]`));
    } else if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (ACCESS_KEY_ID.test(k)) hits.add(`a key in ${at || 'the root'} (${k.slice(0, 6)}…)`);
        walk(v, at === '' ? k : `${at}.${k}`);
      }
    }
  };
  walk(rendered, '');
  if (hits.size === 0) return [];
  return [violation(RULES.PROVIDER_ACCESS_KEYS,
    `${path} contains an Alibaba Cloud AccessKey ID at ${[...hits].sort().join(', ')}; it would be written into the synthesized output.`, FIX)];
}

/** A cdk8s ApiObject, by shape (cdk8s is not loaded here). */
function isApiObject(x: IConstruct): x is IConstruct & { toJson(): unknown } {
  return typeof (x as { toJson?: unknown }).toJson === 'function' && typeof (x as { apiVersion?: unknown }).apiVersion === 'string'
    && typeof (x as { kind?: unknown }).kind === 'string';
}

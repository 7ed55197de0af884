import { RULES } from './catalog';
import { violation } from './finding';
import { Finding } from './rules';

/** An object a new ACK cluster already has, so `kubernetes_manifest` cannot create it. */
interface PreexistingObject {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  /** Who creates it. */
  readonly createdBy: string;
  /** How to change it without creating it. */
  readonly fix: string;
}

const SYSTEM_NAMESPACE_FIX = 'Leave the Namespace out of the one-deploy app: label or annotate it with `kubectl label namespace` (or your GitOps tool), '
  + 'or import it into the objects stack\'s state first (`terraform import kubernetes_manifest.<address> "apiVersion=v1,kind=Namespace,name=<name>"`; a later destroy then deletes it)';

/**
 * Objects that exist before any manifest of the objects stack is applied: Terway's
 * `kube-system/eni-config`, written by ACK with the Terway add-on, and the namespaces
 * Kubernetes creates itself.
 */
const PREEXISTING: ReadonlyArray<PreexistingObject> = [
  {
    kind: 'ConfigMap',
    namespace: 'kube-system',
    name: 'eni-config',
    createdBy: 'ACK when it installs the Terway add-on',
    fix: 'Leave EniConfig out of the one-deploy app: Trunk ENI and the other add-on settings come from TerwayCluster (the add-on config); '
      + 'deliver kube-system/eni-config through GitOps (EniConfig with GitOpsOutput) or kubectl apply, which update an existing object. '
      + 'To manage it with Terraform anyway, import it first (`terraform import kubernetes_manifest.<address> "apiVersion=v1,kind=ConfigMap,namespace=kube-system,name=eni-config"`) '
      + 'and keep in mind that destroying the objects stack then deletes Terway\'s configuration',
  },
  ...['default', 'kube-system', 'kube-public', 'kube-node-lease'].map((name) => ({
    kind: 'Namespace', name, createdBy: 'Kubernetes itself', fix: SYSTEM_NAMESPACE_FIX.replace('<name>', name),
  })),
];

const KEYS = new Map(PREEXISTING.map((o) => [`${o.kind}/${o.namespace ?? ''}/${o.name}`, o]));

/**
 * TW-DEPLOY-004: objects delivered as `kubernetes_manifest` that every new ACK cluster already
 * has. The provider creates objects, and a create of an existing one fails ("Cannot create
 * resource that already exists"), so the apply of the objects stack would stop there.
 */
export function preexistingObjectFindings(objects: ReadonlyArray<{ kind: string; namespace?: string; name: string; path: string }>): Finding[] {
  const findings: Finding[] = [];
  for (const o of objects) {
    const known = KEYS.get(`${o.kind}/${o.namespace ?? ''}/${o.name}`);
    if (known === undefined) continue;
    const what = `${o.kind} ${o.namespace === undefined ? '' : `${o.namespace}/`}${o.name}`;
    findings.push(violation(RULES.DEPLOY_PREEXISTING_OBJECT,
      `${what} (${o.path}) is delivered as a kubernetes_manifest, but it already exists in every new cluster (created by ${known.createdBy}): `
      + 'kubernetes_manifest creates the object and fails with "Cannot create resource that already exists".',
      known.fix));
  }
  return findings;
}

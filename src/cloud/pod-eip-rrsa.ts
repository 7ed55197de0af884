import { Construct } from 'constructs';
import { EipControllerRrsaOptions } from './pod-eip-options';
import type { TerwayCluster } from './terway-cluster';
import { InputChecker } from '../domain/input';
import { CsKubernetesAddon } from '../generated/alicloud/cs-kubernetes-addon';
import { RamRole } from '../generated/alicloud/ram-role';

/** A namespace name: an RFC 1123 label, at most 63 characters. */
export const NAMESPACE_NAME = /^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A service account name: an RFC 1123 subdomain, at most 253 characters. */
const SERVICE_ACCOUNT_NAME = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** The add-on that injects RRSA credentials (the only injection the controller supports). */
export const POD_IDENTITY_WEBHOOK = 'ack-pod-identity-webhook';

/**
 * Checks the RRSA options and creates the role when asked. Returns the literal role name (for the
 * chart values) and the name to attach the policy to (a reference to the created role, so the
 * attachment waits for it).
 */
export function eipControllerRrsaRole(
  scope: Construct, c: InputChecker, rrsa: EipControllerRrsaOptions, cluster: TerwayCluster | undefined, clusterId: string | undefined,
): { name: string; attachTo: string } {
  c.object('rrsa', rrsa);
  const roleName = c.string('rrsa.roleName', rrsa.roleName, { pattern: /^[A-Za-z0-9.-]{1,64}$/, expected: 'a RAM role name (letters, digits, periods, hyphens; at most 64)' });
  const create = c.boolean('rrsa.createRole', rrsa.createRole, { optional: true }) ?? true;
  c.string('rrsa.oidcProviderArn', rrsa.oidcProviderArn, { optional: true, pattern: /^acs:ram::\d+:oidc-provider\/.+$/, expected: 'an ARN such as acs:ram::<account>:oidc-provider/ack-rrsa-<cluster ID>' });
  c.string('rrsa.accountId', rrsa.accountId, { optional: true, pattern: /^\d+$/, expected: 'a numeric account ID' });
  c.string('rrsa.oidcIssuerUrl', rrsa.oidcIssuerUrl, { optional: true, pattern: /^https:\/\/\S+$/, expected: 'an https:// issuer URL' });
  const namespace = c.string('rrsa.serviceAccountNamespace', rrsa.serviceAccountNamespace,
    { optional: true, pattern: NAMESPACE_NAME, expected: 'a namespace name (RFC 1123 label, at most 63 characters)' }) ?? 'kube-system';
  const account = c.string('rrsa.serviceAccountName', rrsa.serviceAccountName,
    { optional: true, pattern: SERVICE_ACCOUNT_NAME, expected: 'a service account name (RFC 1123 subdomain, at most 253 characters)' }) ?? 'ack-extend-network-controller';
  c.boolean('rrsa.installPodIdentityWebhook', rrsa.installPodIdentityWebhook, { optional: true });
  c.boolean('rrsa.kubeSystemInjectionLabel', rrsa.kubeSystemInjectionLabel, { optional: true });
  if (!create) return { name: roleName, attachTo: roleName };

  const metadata = cluster?.cluster.rrsaMetadata.get(0);
  const providerArn = rrsa.oidcProviderArn
    ?? metadata?.ramOidcProviderArn
    ?? (rrsa.accountId !== undefined && clusterId !== undefined ? `acs:ram::${rrsa.accountId}:oidc-provider/ack-rrsa-${clusterId}` : undefined);
  if (providerArn === undefined) c.fail('rrsa.oidcProviderArn', 'is required to create the RRSA role: give it, or accountId with the cluster ID, or a TerwayCluster.');
  const issuer = rrsa.oidcIssuerUrl ?? metadata?.rrsaOidcIssuerUrl;
  if (issuer === undefined) c.fail('rrsa.oidcIssuerUrl', 'is required to create the RRSA role without a TerwayCluster.');

  const trust = {
    Version: '1',
    Statement: [{
      Action: 'sts:AssumeRole',
      Effect: 'Allow',
      Principal: { Federated: [providerArn] },
      Condition: {
        StringEquals: {
          'oidc:aud': 'sts.aliyuncs.com',
          'oidc:iss': issuer,
          'oidc:sub': `system:serviceaccount:${namespace}:${account}`,
        },
      },
    }],
  };
  const role = new RamRole(scope, 'RrsaRole', {
    roleName,
    assumeRolePolicyDocument: JSON.stringify(trust),
    description: `RRSA role of ack-extend-network-controller (${namespace}/${account}) for pod EIPs`,
  });
  return { name: roleName, attachTo: role.roleName };
}

/**
 * Installs ack-pod-identity-webhook (`alicloud_cs_kubernetes_addon`) unless the options turn it off
 * (the user installs it) or the TerwayCluster already lists it. `present` says whether the add-on
 * is known to run; `resource` is the add-on created here, if any.
 * @see https://www.alibabacloud.com/help/en/ack/product-overview/ack-pod-identity-webhook
 */
export function podIdentityWebhook(
  scope: Construct, c: InputChecker, rrsa: EipControllerRrsaOptions, cluster: TerwayCluster | undefined, clusterId: string | undefined,
): { present: boolean; resource?: CsKubernetesAddon } {
  if (rrsa.installPodIdentityWebhook === false) return { present: true };
  if (cluster !== undefined) {
    const rendered = (cluster.cluster.toTerraform() as any).resource.alicloud_cs_managed_kubernetes[cluster.cluster.friendlyUniqueId] ?? {};
    const addons: Array<{ name?: string; disabled?: boolean }> = Array.isArray(rendered.addons) ? rendered.addons : [];
    if (addons.some((a) => a.name === POD_IDENTITY_WEBHOOK && a.disabled !== true)) return { present: true };
  }
  const id = cluster?.cluster.id ?? clusterId;
  if (id === undefined) return c.fail('rrsa.installPodIdentityWebhook', 'needs the cluster (a TerwayCluster or clusterInfo.clusterId) to install ack-pod-identity-webhook; set it to false if the add-on is installed.');
  return { present: true, resource: new CsKubernetesAddon(scope, 'PodIdentityWebhook', { clusterId: id, name: POD_IDENTITY_WEBHOOK }) };
}

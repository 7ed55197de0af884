import { Construct } from 'constructs';
import { EipControllerRrsaOptions } from './pod-eip-options';
import type { TerwayCluster } from './terway-cluster';
import { InputChecker } from '../domain/input';
import { RamRole } from '../generated/alicloud/ram-role';

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

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
  const namespace = c.string('rrsa.serviceAccountNamespace', rrsa.serviceAccountNamespace, { optional: true, pattern: NAME, expected: 'a namespace name' }) ?? 'kube-system';
  const account = c.string('rrsa.serviceAccountName', rrsa.serviceAccountName, { optional: true, pattern: NAME, expected: 'a service account name' }) ?? 'ack-extend-network-controller';
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

import type * as SdkElasticLoadBalancingV2 from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Action, Listener, LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import { defineCollector } from '../../contract/collector.js';
import { elbv2LoadBalancers } from './datasets.js';
import type { Elbv2Action, Elbv2Certificate, Elbv2Listener, Elbv2LoadBalancer } from './datasets.js';
import { collectPages, isErrorNamed, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  ElasticLoadBalancingV2Client,
  paginateDescribeListenerCertificates,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
} = sdkModule<typeof SdkElasticLoadBalancingV2>('@aws-sdk/client-elastic-load-balancing-v2');
type ElasticLoadBalancingV2Client = SdkElasticLoadBalancingV2.ElasticLoadBalancingV2Client;

type Client = ElasticLoadBalancingV2Client;

function toAction(action: Action): Elbv2Action {
  const { RedirectConfig: redirect, AuthenticateOidcConfig: oidc, AuthenticateCognitoConfig: cognito } = action;
  return {
    type: required(action.Type, 'Action.Type'),
    order: action.Order,
    targetGroupArn: action.TargetGroupArn,
    redirect: redirect && {
      protocol: redirect.Protocol,
      port: redirect.Port,
      host: redirect.Host,
      path: redirect.Path,
      query: redirect.Query,
      statusCode: redirect.StatusCode,
    },
    authenticateOidc: oidc && { issuer: oidc.Issuer, clientId: oidc.ClientId },
    authenticateCognito: cognito && {
      userPoolArn: cognito.UserPoolArn,
      userPoolClientId: cognito.UserPoolClientId,
      userPoolDomain: cognito.UserPoolDomain,
    },
  };
}

/**
 * Every certificate of a listener: DescribeListeners names only the default one. The default may be
 * listed twice by DescribeListenerCertificates (once as default, once not), so entries merge by ARN.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeListenerCertificates.html
 */
async function certificatesOf(client: Client, listener: Listener, listenerArn: string): Promise<Elbv2Certificate[]> {
  if ((listener.Certificates ?? []).length === 0) return [];
  const listed = await collectPages(paginateDescribeListenerCertificates({ client }, { ListenerArn: listenerArn }), (page) => page.Certificates);
  const merged = new Map<string, boolean>();
  for (const cert of [...(listener.Certificates ?? []), ...listed]) {
    const arn = required(cert.CertificateArn, 'Certificate.CertificateArn');
    merged.set(arn, (merged.get(arn) ?? false) || cert.IsDefault === true);
  }
  return [...merged].map(([arn, isDefault]) => ({ arn, isDefault }));
}

/** The listener, or undefined when it was deleted since it was listed (an answer, not a fault). */
async function toListener(client: Client, listener: Listener): Promise<Elbv2Listener | undefined> {
  const arn = required(listener.ListenerArn, 'Listener.ListenerArn');
  try {
    return {
      arn,
      protocol: listener.Protocol,
      port: listener.Port,
      sslPolicy: listener.SslPolicy,
      certificates: await certificatesOf(client, listener, arn),
      defaultActions: (listener.DefaultActions ?? []).map(toAction),
    };
  } catch (err) {
    if (isErrorNamed(err, 'ListenerNotFoundException')) return undefined;
    throw err;
  }
}

/** The load balancer with its listeners, or undefined when it was deleted since it was listed. */
async function toLoadBalancer(client: Client, lb: LoadBalancer): Promise<Elbv2LoadBalancer | undefined> {
  const arn = required(lb.LoadBalancerArn, 'LoadBalancerArn');
  let listeners: Listener[];
  try {
    listeners = await collectPages(paginateDescribeListeners({ client }, { LoadBalancerArn: arn }), (page) => page.Listeners);
  } catch (err) {
    if (isErrorNamed(err, 'LoadBalancerNotFoundException')) return undefined;
    throw err;
  }
  const read = await Promise.all(listeners.map((listener) => toListener(client, listener)));
  return {
    arn,
    name: required(lb.LoadBalancerName, 'LoadBalancerName'),
    type: lb.Type,
    scheme: lb.Scheme,
    dnsName: lb.DNSName,
    vpcId: lb.VpcId,
    state: lb.State?.Code,
    availabilityZones: (lb.AvailabilityZones ?? []).map((zone) => ({ zoneName: required(zone.ZoneName, 'ZoneName'), subnetId: zone.SubnetId })),
    securityGroups: lb.SecurityGroups ?? [],
    ipAddressType: lb.IpAddressType,
    listeners: read.filter((listener): listener is Elbv2Listener => listener !== undefined),
  };
}

const collectLoadBalancers = defineCollector(elbv2LoadBalancers, async (ctx) => {
  const client = ctx.clients.get(ElasticLoadBalancingV2Client);
  const found = await collectPages(paginateDescribeLoadBalancers({ client }, {}), (page) => page.LoadBalancers);
  const loadBalancers = await Promise.all(found.map((lb) => toLoadBalancer(client, lb)));
  return { loadBalancers: loadBalancers.filter((lb): lb is Elbv2LoadBalancer => lb !== undefined) };
});

export const COLLECTORS = [collectLoadBalancers];

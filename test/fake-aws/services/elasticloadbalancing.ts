// Elastic Load Balancing (awsQuery): both APIs share the signing name `elasticloadbalancing` and the
// path `/`, and differ only in the request's `Version`: 2015-12-01 (v2: Application, Network and
// Gateway Load Balancers, with DescribeListeners and DescribeListenerCertificates) and 2012-06-01
// (Classic Load Balancers). DescribeLoadBalancers answers the one the request names.

import { FakeAwsError } from '../errors.js';
import { paginate, stableId } from '../params.js';
import { awsQuery } from '../protocols/query.js';
import { resolveWhen } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface ListenerActionSpec {
  type: 'forward' | 'redirect' | 'fixed-response' | 'authenticate-oidc' | 'authenticate-cognito';
  /** For redirects: the protocol to redirect to (`HTTPS`, or `#{protocol}` to keep the request's). */
  redirectProtocol?: string;
  targetGroup?: string;
}

export interface ListenerSpec {
  protocol: 'HTTP' | 'HTTPS' | 'TCP' | 'TLS' | 'UDP' | 'TCP_UDP' | 'GENEVE';
  port: number;
  sslPolicy?: string;
  /** Certificate ARNs (ACM or IAM server certificates); the first is the default. */
  certificates?: string[];
  /** Default: forward to a target group named after the load balancer. */
  defaultActions?: ListenerActionSpec[];
}

export interface LoadBalancerV2Spec {
  name: string;
  type?: 'application' | 'network' | 'gateway';
  scheme?: 'internet-facing' | 'internal';
  /** Availability zone suffixes, e.g. `['a', 'b']`. Default: two zones. */
  zones?: string[];
  listeners?: ListenerSpec[];
}

export interface ClassicListenerSpec {
  protocol: 'HTTP' | 'HTTPS' | 'TCP' | 'SSL';
  port: number;
  instancePort?: number;
  sslCertificateId?: string;
}

export interface ClassicLoadBalancerSpec {
  name: string;
  scheme?: 'internet-facing' | 'internal';
  zones?: string[];
  listeners: ClassicListenerSpec[];
}

declare module '../scenario.js' {
  interface RegionSpec {
    elbv2?: LoadBalancerV2Spec[];
    elb?: ClassicLoadBalancerSpec[];
  }
}

const CLASSIC_VERSION = '2012-06-01';
const TYPE_PREFIX = { application: 'app', network: 'net', gateway: 'gwy' } as const;

function zones(ctx: HandlerContext, suffixes: string[] | undefined): string[] {
  return (suffixes ?? ['a', 'b']).map((z) => `${ctx.region}${z}`);
}

function loadBalancerArn(ctx: HandlerContext, lb: LoadBalancerV2Spec): string {
  const kind = TYPE_PREFIX[lb.type ?? 'application'];
  return `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.account.id}:loadbalancer/${kind}/${lb.name}/${stableId(lb.name, 16)}`;
}

function listenerArn(ctx: HandlerContext, lb: LoadBalancerV2Spec, index: number): string {
  return loadBalancerArn(ctx, lb).replace(':loadbalancer/', ':listener/') + `/${stableId(`${lb.name}/${index}`, 16)}`;
}

function action(ctx: HandlerContext, lb: LoadBalancerV2Spec, spec: ListenerActionSpec, order: number): unknown {
  const targetGroup = `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.account.id}:targetgroup/${spec.targetGroup ?? lb.name}/${stableId(lb.name, 16)}`;
  return {
    Type: spec.type,
    Order: order,
    TargetGroupArn: spec.type === 'forward' ? targetGroup : undefined,
    RedirectConfig: spec.type === 'redirect' ? { Protocol: spec.redirectProtocol ?? 'HTTPS', Port: '443', Host: '#{host}', Path: '/#{path}', Query: '#{query}', StatusCode: 'HTTP_301' } : undefined,
    AuthenticateOidcConfig:
      spec.type === 'authenticate-oidc'
        ? { Issuer: 'https://idp.example.com', AuthorizationEndpoint: 'https://idp.example.com/authorize', TokenEndpoint: 'https://idp.example.com/token', UserInfoEndpoint: 'https://idp.example.com/userinfo', ClientId: 'client-1' }
        : undefined,
    AuthenticateCognitoConfig:
      spec.type === 'authenticate-cognito'
        ? { UserPoolArn: `arn:aws:cognito-idp:${ctx.region}:${ctx.account.id}:userpool/${ctx.region}_pool`, UserPoolClientId: 'client-1', UserPoolDomain: 'auth-example' }
        : undefined,
  };
}

function v2LoadBalancers(ctx: HandlerContext): LoadBalancerV2Spec[] {
  return ctx.regionSpec.elbv2 ?? [];
}

function describeV2LoadBalancers(ctx: HandlerContext): unknown {
  const { form } = ctx.input;
  const page = paginate(v2LoadBalancers(ctx), form.get('Marker'), Number(form.get('PageSize') ?? 400), 'InvalidNextToken');
  return {
    LoadBalancers: page.items.map((lb) => ({
      LoadBalancerArn: loadBalancerArn(ctx, lb),
      DNSName: `${lb.name}-${stableId(lb.name, 10)}.${ctx.region}.elb.amazonaws.com`,
      CanonicalHostedZoneId: 'Z32O12XQLNTSW2',
      CreatedTime: resolveWhen('-200d', ctx.now),
      LoadBalancerName: lb.name,
      Scheme: lb.scheme ?? 'internet-facing',
      VpcId: 'vpc-0a1b2c3d4e5f60001',
      State: { Code: 'active' },
      Type: lb.type ?? 'application',
      AvailabilityZones: zones(ctx, lb.zones).map((zone, i) => ({ ZoneName: zone, SubnetId: `subnet-0${stableId(`${lb.name}/${i}`, 16)}` })),
      SecurityGroups: (lb.type ?? 'application') === 'application' ? ['sg-0a1b2c3d4e5f60001'] : undefined,
      IpAddressType: 'ipv4',
    })),
    NextMarker: page.nextToken,
  };
}

function describeClassicLoadBalancers(ctx: HandlerContext): unknown {
  const { form } = ctx.input;
  const page = paginate(ctx.regionSpec.elb ?? [], form.get('Marker'), Number(form.get('PageSize') ?? 400), 'InvalidNextToken');
  return {
    LoadBalancerDescriptions: page.items.map((lb) => ({
      LoadBalancerName: lb.name,
      DNSName: `${lb.name}-${stableId(lb.name, 10)}.${ctx.region}.elb.amazonaws.com`,
      Scheme: lb.scheme ?? 'internet-facing',
      ListenerDescriptions: lb.listeners.map((l) => ({
        Listener: {
          Protocol: l.protocol,
          LoadBalancerPort: l.port,
          InstanceProtocol: l.protocol === 'HTTPS' ? 'HTTP' : l.protocol === 'SSL' ? 'TCP' : l.protocol,
          InstancePort: l.instancePort ?? 80,
          SSLCertificateId: l.sslCertificateId,
        },
        PolicyNames: l.sslCertificateId ? ['ELBSecurityPolicy-2016-08'] : [],
      })),
      AvailabilityZones: zones(ctx, lb.zones),
      Subnets: zones(ctx, lb.zones).map((zone) => `subnet-0${stableId(`${lb.name}/${zone}`, 16)}`),
      VPCId: 'vpc-0a1b2c3d4e5f60001',
      SecurityGroups: ['sg-0a1b2c3d4e5f60002'],
      CreatedTime: resolveWhen('-900d', ctx.now),
    })),
    NextMarker: page.nextToken,
  };
}

function describeLoadBalancers(ctx: HandlerContext): unknown {
  return ctx.input.form.get('Version') === CLASSIC_VERSION ? describeClassicLoadBalancers(ctx) : describeV2LoadBalancers(ctx);
}

function describeListeners(ctx: HandlerContext): unknown {
  const arn = ctx.input.form.get('LoadBalancerArn') ?? '';
  const lb = v2LoadBalancers(ctx).find((l) => loadBalancerArn(ctx, l) === arn);
  if (!lb) throw new FakeAwsError('LoadBalancerNotFound', 400, `One or more load balancers not found`);
  return {
    Listeners: (lb.listeners ?? []).map((l, i) => ({
      ListenerArn: listenerArn(ctx, lb, i),
      LoadBalancerArn: arn,
      Port: l.port,
      Protocol: l.protocol,
      SslPolicy: l.sslPolicy ?? (l.certificates?.length ? 'ELBSecurityPolicy-2016-08' : undefined),
      // DescribeListeners names the default certificate only.
      Certificates: l.certificates?.length ? [{ CertificateArn: l.certificates[0] }] : undefined,
      DefaultActions: (l.defaultActions ?? [{ type: 'forward' }]).map((a, order) => action(ctx, lb, a, order + 1)),
    })),
  };
}

function describeListenerCertificates(ctx: HandlerContext): unknown {
  const arn = ctx.input.form.get('ListenerArn') ?? '';
  for (const lb of v2LoadBalancers(ctx)) {
    const index = (lb.listeners ?? []).findIndex((_, i) => listenerArn(ctx, lb, i) === arn);
    if (index < 0) continue;
    const certificates = lb.listeners![index]!.certificates ?? [];
    return { Certificates: certificates.map((cert, i) => ({ CertificateArn: cert, IsDefault: i === 0 })) };
  }
  throw new FakeAwsError('ListenerNotFound', 400, 'One or more listeners not found');
}

export const elasticLoadBalancing = defineService({
  signingName: 'elasticloadbalancing',
  actionPrefix: 'elasticloadbalancing',
  protocol: awsQuery('http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/'),
  operations: {
    DescribeLoadBalancers: describeLoadBalancers,
    DescribeListeners: describeListeners,
    DescribeListenerCertificates: describeListenerCertificates,
  },
});

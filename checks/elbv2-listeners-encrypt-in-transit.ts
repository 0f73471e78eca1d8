import { defineCheck, type Outcome } from '../src/contract/check.js';
import { elbv2LoadBalancers, type Elbv2Listener, type Elbv2LoadBalancer } from '../src/datasets/elbv2/datasets.js';
import { regionalArn } from './lib/arn.js';
import { elbPolicyAcceptsLegacyTls } from './lib/legacy-tls.js';

const MESSAGES = {
  httpNotRedirected: 'Internet-facing load balancer {lb} answers plain HTTP on port {port}: the listener\'s default action is {action}, not a redirect to HTTPS.',
  legacyTls: 'Internet-facing load balancer {lb} still accepts TLS 1.0 or 1.1 on its {protocol} listener on port {port} (security policy {policy}).',
  encrypted: 'Internet-facing load balancer {lb} encrypts what it serves: {listeners}.',
  noPublicLoadBalancers: 'No internet-facing Application or Network Load Balancer in {region}.',
} as const;

type MessageId = keyof typeof MESSAGES;

/** The default action sends every HTTP request to HTTPS (a `#{protocol}` redirect keeps HTTP). */
function redirectsToHttps(listener: Elbv2Listener): boolean {
  return listener.defaultActions.some((a) => a.type === 'redirect' && a.redirect?.protocol?.toUpperCase() === 'HTTPS');
}

function describeListener(l: Elbv2Listener): string {
  return `${l.protocol ?? '?'}:${l.port ?? '?'}${l.sslPolicy ? ` (${l.sslPolicy})` : ''}`;
}

function judge(lb: Elbv2LoadBalancer): Outcome<MessageId>[] {
  const outcomes: Outcome<MessageId>[] = [];
  const evidence = { loadBalancer: lb.arn, type: lb.type, listeners: lb.listeners.map(({ arn, protocol, port, sslPolicy, defaultActions }) => ({ arn, protocol, port, sslPolicy, defaultActions })) };
  for (const listener of lb.listeners) {
    const params = { lb: lb.name, port: listener.port ?? '?', protocol: listener.protocol ?? '?' };
    if (lb.type === 'application' && listener.protocol === 'HTTP' && !redirectsToHttps(listener)) {
      const action = listener.defaultActions.map((a) => a.type).join(', ') || 'none';
      outcomes.push({ status: 'FAIL', messageId: 'httpNotRedirected', resource: listener.arn, params: { ...params, action }, evidence });
    } else if ((listener.protocol === 'HTTPS' || listener.protocol === 'TLS') && elbPolicyAcceptsLegacyTls(listener.sslPolicy)) {
      outcomes.push({ status: 'WARN', messageId: 'legacyTls', resource: listener.arn, params: { ...params, policy: listener.sslPolicy ?? '?' }, evidence });
    }
  }
  if (outcomes.length > 0) return outcomes;
  return [{ status: 'PASS', messageId: 'encrypted', resource: lb.arn, params: { lb: lb.name, listeners: lb.listeners.map(describeListener).join(', ') || 'no listener' }, evidence }];
}

export default defineCheck({
  id: 'elbv2-listeners-encrypt-in-transit',
  title: 'Internet-facing load balancers serve HTTPS only, with TLS 1.2 or later',
  description:
    'For every internet-facing Application and Network Load Balancer of the region: an Application Load Balancer HTTP listener whose ' +
    'default action is not a redirect to HTTPS fails; an HTTPS or TLS listener whose security policy still accepts TLS 1.0 or 1.1 warns ' +
    '(policy names from the Elastic Load Balancing security policy tables, including the ELBSecurityPolicy-2016-08 default of the CLI and ' +
    'CloudFormation). Internal load balancers keep traffic in the VPC and are not judged; which protocols carry sensitive data elsewhere is attested.',
  requirements: { 'ftr-partner-hosted': ['SDAT-003'] },
  severity: 'high',
  scope: 'region',
  uses: { loadBalancers: elbv2LoadBalancers },
  remediation:
    'Change the HTTP listener\'s default action to a redirect: `aws elbv2 modify-listener --listener-arn <arn> --default-actions ' +
    '\'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}\'`, and move HTTPS/TLS listeners to a TLS 1.2+ policy such as ' +
    'ELBSecurityPolicy-TLS13-1-2-2021-06: `aws elbv2 modify-listener --listener-arn <arn> --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06`.',
  docsUrl: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const exposed = input.data.loadBalancers.loadBalancers.filter((lb) => lb.scheme === 'internet-facing' && (lb.type === 'application' || lb.type === 'network'));
    if (exposed.length === 0) {
      return [{ status: 'NOT_APPLICABLE', messageId: 'noPublicLoadBalancers', resource: regionalArn(input, 'elasticloadbalancing', 'loadbalancer'), params: { region: input.region } }];
    }
    return exposed.flatMap(judge);
  },
});

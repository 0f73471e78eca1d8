import check from '../../checks/elbv2-listeners-encrypt-in-transit.js';
import type { Elbv2Listener, Elbv2LoadBalancer } from '../../src/datasets/elbv2/datasets.js';
import { loadBalancer, loadBalancers } from '../helpers/fixtures/network.js';
import { ACCOUNT, input, REGION } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

function withListeners(lb: Elbv2LoadBalancer, listeners: Partial<Elbv2Listener>[]): Elbv2LoadBalancer {
  return { ...lb, listeners: listeners.map((l, i) => ({ arn: `${lb.arn.replace(':loadbalancer/', ':listener/')}/l${i}`, certificates: [], defaultActions: [], ...l })) };
}

const web = loadBalancer('web');
const listener = (lb: Elbv2LoadBalancer, i: number) => `${lb.arn.replace(':loadbalancer/', ':listener/')}/l${i}`;
const redirect = { type: 'redirect', redirect: { protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' } };

runCheckCases(check, [
  {
    name: 'HTTPS with a TLS 1.2 policy and HTTP redirected to HTTPS: PASS',
    input: input({ data: { loadBalancers: loadBalancers(withListeners(web, [{ protocol: 'HTTPS', port: 443, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }, { protocol: 'HTTP', port: 80, defaultActions: [redirect] }])) } }),
    expected: [{ status: 'PASS', messageId: 'encrypted', resource: web.arn, params: { listeners: 'HTTPS:443 (ELBSecurityPolicy-TLS13-1-2-2021-06), HTTP:80' } }],
  },
  {
    name: 'HTTP forwarded or redirected keeping the protocol fails; the 2016-08 default and a TLS13-1-1 policy warn',
    input: input({
      data: {
        loadBalancers: loadBalancers(
          withListeners(web, [
            { protocol: 'HTTP', port: 80, defaultActions: [{ type: 'forward' }] },
            { protocol: 'HTTP', port: 8080, defaultActions: [{ type: 'redirect', redirect: { protocol: '#{protocol}' } }] },
            { protocol: 'HTTPS', port: 443, sslPolicy: 'ELBSecurityPolicy-2016-08' },
            { protocol: 'HTTPS', port: 8443, sslPolicy: 'ELBSecurityPolicy-TLS13-1-1-2021-06' },
          ]),
        ),
      },
    }),
    expected: [
      { status: 'FAIL', messageId: 'httpNotRedirected', resource: listener(web, 0), params: { action: 'forward', port: 80 } },
      { status: 'FAIL', messageId: 'httpNotRedirected', resource: listener(web, 1), params: { action: 'redirect' } },
      { status: 'WARN', messageId: 'legacyTls', resource: listener(web, 2), params: { policy: 'ELBSecurityPolicy-2016-08' } },
      { status: 'WARN', messageId: 'legacyTls', resource: listener(web, 3) },
    ],
  },
  {
    name: 'a Network Load Balancer\'s TLS listener with an old policy warns; its TCP listener is not judged',
    input: input({
      data: {
        loadBalancers: loadBalancers(withListeners({ ...loadBalancer('ingest'), type: 'network' }, [{ protocol: 'TLS', port: 443, sslPolicy: 'ELBSecurityPolicy-TLS-1-0-2015-04' }, { protocol: 'TCP', port: 22 }])),
      },
    }),
    expected: [{ status: 'WARN', messageId: 'legacyTls', resource: listener(loadBalancer('ingest'), 0) }],
  },
  {
    name: 'internal load balancers only: nothing to judge',
    input: input({ data: { loadBalancers: loadBalancers({ ...withListeners(web, [{ protocol: 'HTTP', port: 80, defaultActions: [{ type: 'forward' }] }]), scheme: 'internal' }) } }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noPublicLoadBalancers', resource: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer` }],
  },
]);

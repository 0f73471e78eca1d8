import {
  DescribeListenerCertificatesCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
  ListenerNotFoundException,
  LoadBalancerNotFoundException,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { elbv2LoadBalancers } from '../../src/datasets/elbv2/datasets.js';
import { ACCOUNT_ID, awsError, collect, REGION, testContext } from './context.js';

const elbv2 = mockClient(ElasticLoadBalancingV2Client);
const lbArn = (name: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:loadbalancer/app/${name}/1`;
const listenerArn = (name: string, id: string) => `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT_ID}:listener/app/${name}/1/${id}`;
const ACM_CERT = `arn:aws:acm:${REGION}:${ACCOUNT_ID}:certificate/a`;
const IAM_CERT = `arn:aws:iam::${ACCOUNT_ID}:server-certificate/legacy`;

describe('elbv2.loadBalancers', () => {
  beforeEach(() => elbv2.reset());

  it('reads load balancers across pages with their listeners, every certificate and the default actions', async () => {
    elbv2
      .on(DescribeLoadBalancersCommand)
      .resolvesOnce({
        LoadBalancers: [
          {
            LoadBalancerArn: lbArn('web'),
            LoadBalancerName: 'web',
            Type: 'application',
            Scheme: 'internet-facing',
            DNSName: 'web-1.eu-west-1.elb.amazonaws.com',
            VpcId: 'vpc-1',
            State: { Code: 'active' },
            AvailabilityZones: [{ ZoneName: 'eu-west-1a', SubnetId: 'subnet-a' }, { ZoneName: 'eu-west-1b', SubnetId: 'subnet-b' }],
            SecurityGroups: ['sg-1'],
            IpAddressType: 'ipv4',
          },
        ],
        NextMarker: 'm',
      })
      .resolvesOnce({ LoadBalancers: [{ LoadBalancerArn: lbArn('nlb'), LoadBalancerName: 'nlb', Type: 'network', AvailabilityZones: [{ ZoneName: 'eu-west-1a' }] }] });
    elbv2.on(DescribeListenersCommand, { LoadBalancerArn: lbArn('web') }).resolves({
      Listeners: [
        {
          ListenerArn: listenerArn('web', 'https'),
          Protocol: 'HTTPS',
          Port: 443,
          SslPolicy: 'ELBSecurityPolicy-2016-08',
          Certificates: [{ CertificateArn: ACM_CERT }],
          DefaultActions: [
            {
              Type: 'authenticate-oidc',
              Order: 1,
              AuthenticateOidcConfig: {
                Issuer: 'https://idp.example.com',
                ClientId: 'client',
                ClientSecret: 'do-not-keep',
                AuthorizationEndpoint: 'https://idp.example.com/a',
                TokenEndpoint: 'https://idp.example.com/t',
                UserInfoEndpoint: 'https://idp.example.com/u',
              },
            },
            { Type: 'forward', Order: 2, TargetGroupArn: 'arn:tg' },
          ],
        },
        {
          ListenerArn: listenerArn('web', 'http'),
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
        },
      ],
    });
    elbv2.on(DescribeListenersCommand, { LoadBalancerArn: lbArn('nlb') }).resolves({ Listeners: [] });
    elbv2
      .on(DescribeListenerCertificatesCommand, { ListenerArn: listenerArn('web', 'https') })
      .resolvesOnce({ Certificates: [{ CertificateArn: ACM_CERT, IsDefault: true }], NextMarker: 'c' })
      .resolvesOnce({ Certificates: [{ CertificateArn: ACM_CERT, IsDefault: false }, { CertificateArn: IAM_CERT, IsDefault: false }] });

    const evidence = await collect(elbv2LoadBalancers, testContext());

    expect(evidence.loadBalancers.map((lb) => [lb.name, lb.type, lb.availabilityZones.length])).toEqual([
      ['web', 'application', 2],
      ['nlb', 'network', 1],
    ]);
    const [https, http] = evidence.loadBalancers[0]!.listeners;
    expect(https).toEqual({
      arn: listenerArn('web', 'https'),
      protocol: 'HTTPS',
      port: 443,
      sslPolicy: 'ELBSecurityPolicy-2016-08',
      certificates: [
        { arn: ACM_CERT, isDefault: true },
        { arn: IAM_CERT, isDefault: false },
      ],
      defaultActions: [
        { type: 'authenticate-oidc', order: 1, authenticateOidc: { issuer: 'https://idp.example.com', clientId: 'client' } },
        { type: 'forward', order: 2, targetGroupArn: 'arn:tg' },
      ],
    });
    expect(JSON.stringify(evidence)).not.toContain('do-not-keep');
    expect(http!.certificates).toEqual([]);
    expect(http!.defaultActions[0]!.redirect).toEqual({ protocol: 'HTTPS', port: '443', statusCode: 'HTTP_301' });
    // Only the listener with a certificate is asked for its others.
    expect(elbv2.commandCalls(DescribeListenerCertificatesCommand)).toHaveLength(2);
  });

  it('drops a load balancer or listener deleted while it was read', async () => {
    elbv2.on(DescribeLoadBalancersCommand).resolves({
      LoadBalancers: [
        { LoadBalancerArn: lbArn('gone'), LoadBalancerName: 'gone' },
        { LoadBalancerArn: lbArn('web'), LoadBalancerName: 'web' },
      ],
    });
    elbv2.on(DescribeListenersCommand, { LoadBalancerArn: lbArn('gone') }).rejects(new LoadBalancerNotFoundException({ message: 'not found', $metadata: {} }));
    elbv2.on(DescribeListenersCommand, { LoadBalancerArn: lbArn('web') }).resolves({
      Listeners: [{ ListenerArn: listenerArn('web', 'x'), Protocol: 'HTTPS', Port: 443, Certificates: [{ CertificateArn: ACM_CERT }] }],
    });
    elbv2.on(DescribeListenerCertificatesCommand).rejects(new ListenerNotFoundException({ message: 'not found', $metadata: {} }));

    const evidence = await collect(elbv2LoadBalancers, testContext());

    expect(evidence.loadBalancers.map((lb) => [lb.name, lb.listeners.length])).toEqual([['web', 0]]);
  });

  it('lets AccessDenied propagate', async () => {
    elbv2.on(DescribeLoadBalancersCommand).rejects(awsError('AccessDenied', 'not authorized to perform: elasticloadbalancing:DescribeLoadBalancers'));
    await expect(collect(elbv2LoadBalancers, testContext())).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});

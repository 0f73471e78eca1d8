import { DescribeLoadBalancersCommand, ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { classicLoadBalancers } from '../../src/datasets/elb/datasets.js';
import { ACCOUNT_ID, awsError, collect, testContext } from './context.js';

const elb = mockClient(ElasticLoadBalancingClient);
const IAM_CERT = `arn:aws:iam::${ACCOUNT_ID}:server-certificate/legacy`;

describe('elb.loadBalancers', () => {
  beforeEach(() => elb.reset());

  it('reads Classic Load Balancers across pages with their listeners and certificates', async () => {
    elb
      .on(DescribeLoadBalancersCommand)
      .resolvesOnce({
        LoadBalancerDescriptions: [
          {
            LoadBalancerName: 'legacy',
            DNSName: 'legacy-1.eu-west-1.elb.amazonaws.com',
            Scheme: 'internet-facing',
            AvailabilityZones: ['eu-west-1a', 'eu-west-1b'],
            Subnets: ['subnet-a', 'subnet-b'],
            VPCId: 'vpc-1',
            SecurityGroups: ['sg-1'],
            ListenerDescriptions: [
              {
                Listener: { Protocol: 'HTTPS', LoadBalancerPort: 443, InstanceProtocol: 'HTTP', InstancePort: 80, SSLCertificateId: IAM_CERT },
                PolicyNames: ['ELBSecurityPolicy-2016-08'],
              },
            ],
          },
        ],
        NextMarker: 'm',
      })
      .resolvesOnce({ LoadBalancerDescriptions: [{ LoadBalancerName: 'internal', Scheme: 'internal', ListenerDescriptions: [] }] });

    const evidence = await collect(classicLoadBalancers, testContext());

    expect(evidence.loadBalancers).toEqual([
      {
        name: 'legacy',
        dnsName: 'legacy-1.eu-west-1.elb.amazonaws.com',
        scheme: 'internet-facing',
        availabilityZones: ['eu-west-1a', 'eu-west-1b'],
        subnets: ['subnet-a', 'subnet-b'],
        vpcId: 'vpc-1',
        securityGroups: ['sg-1'],
        listeners: [
          { protocol: 'HTTPS', loadBalancerPort: 443, instanceProtocol: 'HTTP', instancePort: 80, sslCertificateId: IAM_CERT, policyNames: ['ELBSecurityPolicy-2016-08'] },
        ],
      },
      { name: 'internal', scheme: 'internal', availabilityZones: [], subnets: [], securityGroups: [], listeners: [] },
    ]);
    expect(elb.commandCalls(DescribeLoadBalancersCommand)[1]!.args[0].input.Marker).toBe('m');
  });

  it('lets AccessDenied propagate', async () => {
    elb.on(DescribeLoadBalancersCommand).rejects(awsError('AccessDenied'));
    await expect(collect(classicLoadBalancers, testContext())).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});

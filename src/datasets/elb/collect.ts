import type * as SdkElasticLoadBalancing from '@aws-sdk/client-elastic-load-balancing';
import type { ListenerDescription, LoadBalancerDescription } from '@aws-sdk/client-elastic-load-balancing';
import { defineCollector } from '../../contract/collector.js';
import { classicLoadBalancers } from './datasets.js';
import type { ClassicListener, ClassicLoadBalancer } from './datasets.js';
import { collectPages, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  ElasticLoadBalancingClient,
  paginateDescribeLoadBalancers,
} = sdkModule<typeof SdkElasticLoadBalancing>('@aws-sdk/client-elastic-load-balancing');

function toListener(description: ListenerDescription): ClassicListener {
  const listener = required(description.Listener, 'ListenerDescription.Listener');
  return {
    protocol: required(listener.Protocol, 'Listener.Protocol'),
    loadBalancerPort: required(listener.LoadBalancerPort, 'Listener.LoadBalancerPort'),
    instanceProtocol: listener.InstanceProtocol,
    instancePort: required(listener.InstancePort, 'Listener.InstancePort'),
    sslCertificateId: listener.SSLCertificateId,
    policyNames: description.PolicyNames ?? [],
  };
}

function toLoadBalancer(lb: LoadBalancerDescription): ClassicLoadBalancer {
  return {
    name: required(lb.LoadBalancerName, 'LoadBalancerName'),
    dnsName: lb.DNSName,
    scheme: lb.Scheme,
    availabilityZones: lb.AvailabilityZones ?? [],
    subnets: lb.Subnets ?? [],
    vpcId: lb.VPCId,
    securityGroups: lb.SecurityGroups ?? [],
    listeners: (lb.ListenerDescriptions ?? []).map(toListener),
  };
}

const collectClassicLoadBalancers = defineCollector(classicLoadBalancers, async (ctx) => {
  const client = ctx.clients.get(ElasticLoadBalancingClient);
  const found = await collectPages(paginateDescribeLoadBalancers({ client }, {}), (page) => page.LoadBalancerDescriptions);
  return { loadBalancers: found.map(toLoadBalancer) };
});

export const COLLECTORS = [collectClassicLoadBalancers];

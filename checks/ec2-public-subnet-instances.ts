import { ec2Instances, network } from '../src/datasets/ec2/datasets.js';
import type { Ec2Instance, NetworkEvidence } from '../src/datasets/ec2/datasets.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';
import { isPublic, publicSubnets } from './lib/subnets.js';

const MESSAGES = {
  publicInstance: 'Instance {id} has the public address {address} in public subnet {subnet} ({zone}), whose default route leads to an internet gateway: attest that it must accept public traffic.',
  noPublicInstances: 'No running instance in {region} has a public address in a public subnet (public subnets: {publicSubnets}).',
  noInstances: 'No running instances in {region}.',
} as const;

type MessageId = keyof typeof MESSAGES;

/** The instance's public address that the internet can reach through its subnet's route table. */
function reachableAddress(instance: Ec2Instance, net: NetworkEvidence): string | undefined {
  const subnet = net.subnets.find((s) => s.subnetId === instance.subnetId);
  if (!subnet) return undefined;
  if (instance.publicIp && isPublic(subnet, net, 'ipv4')) return instance.publicIp;
  if (instance.ipv6Address && isPublic(subnet, net, 'ipv6')) return instance.ipv6Address;
  return undefined;
}

export default defineCheck({
  id: 'ec2-public-subnet-instances',
  title: 'Only instances that must accept public traffic sit in public subnets with a public address',
  description:
    'A subnet is public when its route table (its explicit association, else its VPC\'s main table) sends 0.0.0.0/0 or ::/0 to an ' +
    'internet gateway. Each running instance with a public IPv4 address in a subnet public for IPv4, or an IPv6 address in one public ' +
    'for IPv6, warns: only the partner knows whether it must accept public traffic. The public subnets of the region are listed as ' +
    'evidence; that each resource in them needs to be there is attested.',
  requirements: { 'ftr-partner-hosted': ['NETSEC-002'] },
  severity: 'medium',
  scope: 'region',
  uses: { instances: ec2Instances, network },
  remediation:
    'Move instances that need no inbound internet traffic to private subnets (default route to a NAT gateway) behind a load balancer, ' +
    'and stop assigning public addresses (`aws ec2 modify-subnet-attribute --subnet-id <id> --no-map-public-ip-on-launch`).',
  docsUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-example-private-subnets-nat.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const net = input.data.network;
    const running = input.data.instances.instances.filter((i) => i.state === 'running');
    const resource = regionalArn(input, 'ec2', 'instance');
    if (running.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noInstances', resource, params: { region: input.region } }];
    const exposed = running.flatMap((instance): Outcome<MessageId>[] => {
      const address = reachableAddress(instance, net);
      if (!address) return [];
      const params = { id: instance.instanceId, address, subnet: instance.subnetId!, zone: instance.availabilityZone ?? 'unknown zone' };
      return [{ status: 'WARN', messageId: 'publicInstance', resource: instance.arn, params, evidence: { instance } }];
    });
    if (exposed.length > 0) return exposed;
    const publicIds = publicSubnets(net).map((s) => s.subnetId);
    const params = { region: input.region, publicSubnets: publicIds.join(', ') || 'none' };
    return [{ status: 'PASS', messageId: 'noPublicInstances', resource, params, evidence: { runningInstances: running.length, publicSubnets: publicIds } }];
  },
});

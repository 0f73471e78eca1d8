import { classicLoadBalancers } from '../src/datasets/elb/datasets.js';
import { elbv2LoadBalancers } from '../src/datasets/elbv2/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { judgeLoadBalancerZones } from './lib/zones.js';

const MESSAGES = {
  singleZone: 'The {type} load balancer {name} serves from {zones} only: attest that the SLA allows an Availability Zone outage.',
  multiZone: 'The {type} load balancer {name} serves from {zones}.',
  noLoadBalancers: 'No load balancers in {region}.',
} as const;

export default defineCheck({
  id: 'elb-load-balancers-multi-az-sla',
  title: 'Load balancers span Availability Zones as the uptime target requires',
  description:
    'The FTR view of load balancer zones: a Network, Gateway or Classic Load Balancer in fewer than two Availability Zones warns, since only ' +
    'the published or private SLA says whether one zone is enough; Application Load Balancers always span two or more and pass. The SLA ' +
    'and the configuration customers need to reach it are attested.',
  requirements: { 'ftr-partner-hosted': ['RES-006'] },
  severity: 'medium',
  scope: 'region',
  uses: { v2: elbv2LoadBalancers, classic: classicLoadBalancers },
  remediation:
    'Where the SLA needs zone redundancy, enable a second Availability Zone: `aws elbv2 set-subnets --load-balancer-arn <arn> --subnets ' +
    '<subnet-a> <subnet-b>`, or `aws elb attach-load-balancer-to-subnets` for a Classic Load Balancer.',
  docsUrl: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/availability-zones.html',
  messages: MESSAGES,
  evaluate: (input) => judgeLoadBalancerZones(input, 'WARN'),
});

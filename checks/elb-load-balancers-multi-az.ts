import { classicLoadBalancers } from '../src/datasets/elb/datasets.js';
import { elbv2LoadBalancers } from '../src/datasets/elbv2/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { judgeLoadBalancerZones } from './lib/zones.js';

const MESSAGES = {
  singleZone: 'The {type} load balancer {name} serves from {zones} only: losing that Availability Zone takes it down.',
  multiZone: 'The {type} load balancer {name} serves from {zones}.',
  noLoadBalancers: 'No load balancers in {region}.',
} as const;

export default defineCheck({
  id: 'elb-load-balancers-multi-az',
  title: 'Load balancers serve from at least two Availability Zones',
  description:
    'Reads the Application, Network and Gateway Load Balancers (Elastic Load Balancing v2) and the Classic Load Balancers of each region, ' +
    'with the Availability Zones each one is enabled in. A Network, Gateway or Classic Load Balancer in fewer than two zones fails: the ' +
    'entry point itself is not highly available. Application Load Balancers always span two or more zones and pass.',
  requirements: { 'smb-competency': ['REL-001'] },
  severity: 'high',
  scope: 'region',
  uses: { v2: elbv2LoadBalancers, classic: classicLoadBalancers },
  remediation:
    'Enable a second Availability Zone: `aws elbv2 set-subnets --load-balancer-arn <arn> --subnets <subnet-a> <subnet-b>` (Network and Gateway ' +
    'Load Balancers), or `aws elb enable-availability-zones-for-load-balancer` / `attach-load-balancer-to-subnets` (Classic).',
  docsUrl: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/availability-zones.html',
  messages: MESSAGES,
  evaluate: (input) => judgeLoadBalancerZones(input, 'FAIL'),
});

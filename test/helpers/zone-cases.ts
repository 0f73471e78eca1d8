// The cases the two load balancer zone checks share (SMB REL-001 FAILs, FTR RES-006 WARNs).

import type { FindingStatus } from '../../src/contract/status.js';
import { classicLoadBalancer, classicLoadBalancers, loadBalancer, loadBalancers } from './fixtures/network.js';
import { input, REGION } from './input.js';
import type { CheckCase } from './run-check-cases.js';

const nlb = { ...loadBalancer('ingest'), type: 'network', arn: loadBalancer('ingest').arn.replace('/app/', '/net/'), availabilityZones: [{ zoneName: `${REGION}a` }] };
const gwlb = { ...nlb, name: 'inspect', type: 'gateway', arn: nlb.arn.replace('/net/ingest', '/gwy/inspect'), availabilityZones: [{ zoneName: `${REGION}a` }, { zoneName: `${REGION}b` }] };
const classicOne = { ...classicLoadBalancer('legacy'), availabilityZones: [`${REGION}a`] };

export function zoneCases(singleZone: FindingStatus): CheckCase[] {
  return [
    {
      name: `an NLB in one zone: ${singleZone}; a GWLB in two and an ALB: PASS`,
      input: input({ data: { v2: loadBalancers(nlb, gwlb, loadBalancer('web')), classic: classicLoadBalancers() } }),
      expected: [
        { status: singleZone, messageId: 'singleZone', resource: nlb.arn, params: { type: 'network', zones: `${REGION}a` } },
        { status: 'PASS', messageId: 'multiZone', resource: gwlb.arn, params: { type: 'gateway' } },
        { status: 'PASS', messageId: 'multiZone', resource: loadBalancer('web').arn, params: { type: 'application' } },
      ],
    },
    {
      name: `a Classic Load Balancer in one zone: ${singleZone}; in two: PASS`,
      input: input({ data: { v2: loadBalancers(), classic: classicLoadBalancers(classicOne, classicLoadBalancer('api')) } }),
      expected: [
        { status: singleZone, messageId: 'singleZone', resource: `arn:aws:elasticloadbalancing:${REGION}:111122223333:loadbalancer/legacy`, params: { type: 'classic' } },
        { status: 'PASS', messageId: 'multiZone', resource: `arn:aws:elasticloadbalancing:${REGION}:111122223333:loadbalancer/api` },
      ],
    },
  ];
}

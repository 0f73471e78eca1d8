// Load balancers and the Availability Zones they serve from, shared by the SMB REL-001 check (FAIL)
// and the FTR RES-006 check (WARN). An Application Load Balancer always spans at least two zones.

import type { ClassicLoadBalancersEvidence } from '../../src/datasets/elb/datasets.js';
import type { Elbv2LoadBalancersEvidence } from '../../src/datasets/elbv2/datasets.js';
import type { Outcome } from '../../src/contract/check.js';
import type { FindingStatus } from '../../src/contract/status.js';
import { regionalArn } from './arn.js';

export interface ZonedLoadBalancer {
  arn: string;
  name: string;
  /** application, network, gateway or classic. */
  type: string;
  zones: string[];
}

function zonedLoadBalancers(
  v2: Elbv2LoadBalancersEvidence,
  classic: ClassicLoadBalancersEvidence,
  input: { accountId: string; region: string },
): ZonedLoadBalancer[] {
  return [
    ...v2.loadBalancers.map((lb) => ({ arn: lb.arn, name: lb.name, type: lb.type ?? 'application', zones: lb.availabilityZones.map((z) => z.zoneName) })),
    ...classic.loadBalancers.map((lb) => ({
      arn: regionalArn(input, 'elasticloadbalancing', `loadbalancer/${lb.name}`),
      name: lb.name,
      type: 'classic',
      zones: lb.availabilityZones,
    })),
  ];
}

const isSingleZone = (lb: ZonedLoadBalancer) => new Set(lb.zones).size < 2;

type ZoneMessage = 'singleZone' | 'multiZone' | 'noLoadBalancers';

/** One outcome per load balancer: `singleZoneStatus` for those in fewer than two zones, PASS for the others. */
export function judgeLoadBalancerZones(
  input: { accountId: string; region: string; data: { v2: Elbv2LoadBalancersEvidence; classic: ClassicLoadBalancersEvidence } },
  singleZoneStatus: FindingStatus,
): Outcome<ZoneMessage>[] {
  const all = zonedLoadBalancers(input.data.v2, input.data.classic, input);
  if (all.length === 0) {
    return [{ status: 'NOT_APPLICABLE', messageId: 'noLoadBalancers', resource: regionalArn(input, 'elasticloadbalancing', 'loadbalancer'), params: { region: input.region } }];
  }
  return all.map((lb) => {
    const single = isSingleZone(lb);
    return {
      status: single ? singleZoneStatus : 'PASS',
      messageId: single ? 'singleZone' : 'multiZone',
      resource: lb.arn,
      params: { type: lb.type, name: lb.name, zones: lb.zones.join(', ') || 'no zone' },
      evidence: { loadBalancer: lb },
    };
  });
}

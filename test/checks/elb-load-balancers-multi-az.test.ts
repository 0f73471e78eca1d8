import check from '../../checks/elb-load-balancers-multi-az.js';
import { classicLoadBalancers, loadBalancers } from '../helpers/fixtures/network.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';
import { zoneCases } from '../helpers/zone-cases.js';

runCheckCases(check, [
  ...zoneCases('FAIL'),
  {
    name: 'no load balancers: NOT_APPLICABLE',
    input: input({ data: { v2: loadBalancers(), classic: classicLoadBalancers() } }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noLoadBalancers', resource: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer' }],
  },
]);

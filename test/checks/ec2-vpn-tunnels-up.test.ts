import check from '../../checks/ec2-vpn-tunnels-up.js';
import { vpn } from '../helpers/fixtures/network-area.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const connections = (...list: ReturnType<typeof vpn>[]) => input({ data: { vpn: { connections: list } } });

runCheckCases(check, [
  {
    name: 'a tunnel DOWN: WARN; both UP: PASS',
    input: connections(vpn('vpn-1', ['UP', 'DOWN']), vpn('vpn-2', ['UP', 'UP'])),
    expected: [
      { status: 'WARN', messageId: 'tunnelDown', resource: vpn('vpn-1', []).arn, params: { down: 1, total: 2, outside: '203.0.113.2' } },
      { status: 'PASS', messageId: 'tunnelsUp', resource: vpn('vpn-2', []).arn },
    ],
  },
  {
    name: 'no VPN connections: NOT_APPLICABLE',
    input: connections(),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noVpn', resource: 'arn:aws:ec2:eu-west-1:111122223333:vpn-connection' }],
  },
]);

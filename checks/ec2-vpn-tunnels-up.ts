import { vpnConnections } from '../src/datasets/ec2/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

const MESSAGES = {
  tunnelDown: 'Site-to-Site VPN {id} has {down} of {total} tunnel(s) DOWN ({outside}): the connection has no redundancy left.',
  tunnelsUp: 'Both tunnels of Site-to-Site VPN {id} are UP.',
  noVpn: 'No Site-to-Site VPN connections in {region}.',
} as const;

export default defineCheck({
  id: 'ec2-vpn-tunnels-up',
  title: 'Site-to-Site VPN connections keep both tunnels up',
  description:
    'Reads the Site-to-Site VPN connections of each region (deleted ones aside) and the status of their two tunnels. A connection with a ' +
    'tunnel DOWN warns: traffic still flows through the other, but one more failure cuts it, and a tunnel left down on purpose is attested. ' +
    'Both up passes.',
  requirements: { 'smb-competency': ['REL-001'] },
  severity: 'medium',
  scope: 'region',
  uses: { vpn: vpnConnections },
  remediation:
    'Configure both tunnels on the customer gateway device (the downloadable configuration has both), and alarm on the CloudWatch TunnelState ' +
    'metric of each tunnel.',
  docsUrl: 'https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { connections } = input.data.vpn;
    if (connections.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noVpn', resource: regionalArn(input, 'ec2', 'vpn-connection'), params: { region: input.region } }];
    return connections.map((vpn) => {
      const down = vpn.tunnels.filter((t) => t.status !== 'UP');
      const params = { id: vpn.vpnConnectionId, down: down.length, total: vpn.tunnels.length, outside: down.map((t) => t.outsideIp ?? 'unknown').join(', ') };
      return down.length > 0
        ? { status: 'WARN', messageId: 'tunnelDown', resource: vpn.arn, params, evidence: { connection: vpn } }
        : { status: 'PASS', messageId: 'tunnelsUp', resource: vpn.arn, params, evidence: { connection: vpn } };
    });
  },
});

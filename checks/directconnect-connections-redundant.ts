import { directConnectConnections } from '../src/datasets/directconnect/datasets.js';
import { vpnConnections } from '../src/datasets/ec2/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

const MESSAGES = {
  singleConnection: 'Direct Connect in {region} rests on the single connection {id} at {location}, with no Site-to-Site VPN as backup.',
  redundant: 'Direct Connect in {region} has {how}.',
  noDirectConnect: 'No Direct Connect connections in {region}.',
} as const;

/** States of a connection that exists or is being provisioned. */
const GONE = new Set(['deleting', 'deleted', 'rejected']);

export default defineCheck({
  id: 'directconnect-connections-redundant',
  title: 'Direct Connect has a second connection or a VPN backup',
  description:
    'Reads the Direct Connect connections of each region (deleted or rejected ones aside) and the region\'s Site-to-Site VPN connections. ' +
    'A single connection with no VPN connection beside it warns: one device, port or location failure cuts the link, and a backup outside ' +
    'this account or region is attested. Two or more connections, or a VPN backup, pass.',
  requirements: { 'smb-competency': ['REL-001'] },
  severity: 'medium',
  scope: 'region',
  uses: { connections: directConnectConnections, vpn: vpnConnections },
  remediation:
    'Add a second connection, ideally at another Direct Connect location (the Resiliency Toolkit guides it), or a Site-to-Site VPN to the ' +
    'same gateway as a backup path.',
  docsUrl: 'https://docs.aws.amazon.com/directconnect/latest/UserGuide/resiliency_toolkit.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const live = input.data.connections.connections.filter((c) => !GONE.has(c.state));
    const vpns = input.data.vpn.connections.filter((v) => v.state === 'available');
    const resource = regionalArn(input, 'directconnect', 'dxcon');
    const params = { region: input.region };
    if (live.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noDirectConnect', resource, params }];
    const evidence = { connections: live, vpnConnections: vpns.map((v) => v.vpnConnectionId) };
    if (live.length === 1 && vpns.length === 0) {
      return [{ status: 'WARN', messageId: 'singleConnection', resource: regionalArn(input, 'directconnect', `dxcon/${live[0]!.connectionId}`), params: { ...params, id: live[0]!.connectionId, location: live[0]!.location ?? 'an unknown location' }, evidence }];
    }
    const how = live.length > 1 ? `${live.length} connections (${live.map((c) => `${c.connectionId} at ${c.location ?? '?'}`).join(', ')})` : `connection ${live[0]!.connectionId} with Site-to-Site VPN backup ${vpns.map((v) => v.vpnConnectionId).join(', ')}`;
    return [{ status: 'PASS', messageId: 'redundant', resource, params: { ...params, how }, evidence }];
  },
});

import check from '../../checks/directconnect-connections-redundant.js';
import type { DirectConnectConnectionInfo } from '../../src/datasets/directconnect/datasets.js';
import type { VpnConnectionInfo } from '../../src/datasets/ec2/datasets.js';
import { vpn } from '../helpers/fixtures/network-area.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const REGION_ARN = 'arn:aws:directconnect:eu-west-1:111122223333:dxcon';
const dx = (id: string, state = 'available'): DirectConnectConnectionInfo => ({ connectionId: id, state, location: 'EqDC2' });
const region = (connections: DirectConnectConnectionInfo[], vpns: VpnConnectionInfo[] = []) => input({ data: { connections: { connections }, vpn: { connections: vpns } } });

runCheckCases(check, [
  {
    name: 'one connection and no VPN: WARN',
    input: region([dx('dxcon-1'), dx('dxcon-old', 'deleted')], [vpn('vpn-pending', ['DOWN', 'DOWN'], { state: 'pending' })]),
    expected: [{ status: 'WARN', messageId: 'singleConnection', resource: `${REGION_ARN}/dxcon-1`, params: { id: 'dxcon-1', location: 'EqDC2' } }],
  },
  {
    name: 'one connection with a VPN backup: PASS',
    input: region([dx('dxcon-1')], [vpn('vpn-1', ['UP', 'UP'])]),
    expected: [{ status: 'PASS', messageId: 'redundant', resource: REGION_ARN, params: { how: 'connection dxcon-1 with Site-to-Site VPN backup vpn-1' } }],
  },
  {
    name: 'two connections: PASS',
    input: region([dx('dxcon-1'), dx('dxcon-2')]),
    expected: [{ status: 'PASS', messageId: 'redundant', resource: REGION_ARN, params: { how: '2 connections (dxcon-1 at EqDC2, dxcon-2 at EqDC2)' } }],
  },
  {
    name: 'no live connection: NOT_APPLICABLE',
    input: region([dx('dxcon-old', 'rejected')]),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noDirectConnect', resource: REGION_ARN }],
  },
]);

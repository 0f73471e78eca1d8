import { DescribeConnectionsCommand, DirectConnectClient } from '@aws-sdk/client-direct-connect';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { directConnectConnections } from '../../src/datasets/directconnect/datasets.js';
import { awsError, collect, testContext } from './context.js';

const dx = mockClient(DirectConnectClient);
beforeEach(() => dx.reset());

describe('directconnect.connections', () => {
  it('follows nextToken by hand (the client has no paginator)', async () => {
    dx.on(DescribeConnectionsCommand).resolvesOnce({ connections: [{ connectionId: 'dx-1', connectionState: 'available', location: 'EqDC2' }], nextToken: 'n' }).resolvesOnce({ connections: [{ connectionId: 'dx-2', connectionState: 'down', lagId: 'lag-1' }] });
    const { connections } = await collect(directConnectConnections, testContext());
    expect(connections.map((c) => [c.connectionId, c.state, c.lagId])).toEqual([['dx-1', 'available', undefined], ['dx-2', 'down', 'lag-1']]);
    expect(dx.commandCalls(DescribeConnectionsCommand).map((c) => c.args[0].input)).toEqual([{ maxResults: 100 }, { maxResults: 100, nextToken: 'n' }]);
  });

  it('lets a refusal propagate', async () => {
    dx.on(DescribeConnectionsCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(directConnectConnections, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

import { ListAssociationsCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { associations } from '../../src/datasets/statemanager/datasets.js';
import { awsError, collect, testContext } from './context.js';

const ssm = mockClient(SSMClient);
beforeEach(() => ssm.reset());

describe('statemanager.associations', () => {
  it('pages ListAssociations 50 at a time and keeps document, targets, schedule and status', async () => {
    ssm
      .on(ListAssociationsCommand)
      .resolvesOnce({
        Associations: [
          { AssociationId: 'a-1', AssociationName: 'stig', Name: 'AWSEC2-ConfigureSTIG', Targets: [{ Key: 'tag:Role', Values: ['web', 'api'] }], ScheduleExpression: 'rate(7 days)', LastExecutionDate: new Date('2026-11-01T00:00:00Z'), Overview: { Status: 'Success' } },
        ],
        NextToken: 'n',
      })
      .resolvesOnce({ Associations: [{ AssociationId: 'a-2', Name: 'AWS-GatherSoftwareInventory', InstanceId: 'i-1' }] });
    const evidence = await collect(associations, testContext());
    expect(evidence.associations).toEqual([
      { associationId: 'a-1', name: 'stig', documentName: 'AWSEC2-ConfigureSTIG', targets: ['tag:Role=web,api'], scheduleExpression: 'rate(7 days)', lastExecutionDate: '2026-11-01T00:00:00.000Z', status: 'Success' },
      { associationId: 'a-2', name: undefined, documentName: 'AWS-GatherSoftwareInventory', targets: ['InstanceIds=i-1'], scheduleExpression: undefined, lastExecutionDate: undefined, status: undefined },
    ]);
    // The paginator writes its token into the input it was given, so only the last call's token is asserted.
    const inputs = ssm.commandCalls(ListAssociationsCommand).map((c) => c.args[0].input);
    expect(inputs.map((i) => i.MaxResults)).toEqual([50, 50]);
    expect(inputs[1]!.NextToken).toBe('n');
  });

  it('lets a refusal propagate', async () => {
    ssm.on(ListAssociationsCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(associations, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

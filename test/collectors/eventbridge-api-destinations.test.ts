import { EventBridgeClient, ListApiDestinationsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiDestinations } from '../../src/datasets/eventbridge/datasets.js';
import { awsError, collect, testContext } from './context.js';

const events = mockClient(EventBridgeClient);

describe('eventbridge.apiDestinations', () => {
  beforeEach(() => events.reset());

  it('keeps each destination\'s endpoint host only, following NextToken', async () => {
    events.on(ListApiDestinationsCommand)
      .resolvesOnce({ ApiDestinations: [{ Name: 'jira', ApiDestinationArn: 'arn:aws:events:eu-west-1:1:api-destination/jira/x', ApiDestinationState: 'ACTIVE', InvocationEndpoint: 'https://acme.atlassian.net/rest/api/3/issue?token=s3cr3t' }], NextToken: 'n' })
      .resolvesOnce({ ApiDestinations: [{ Name: 'odd', ApiDestinationArn: 'arn:odd', InvocationEndpoint: 'not a url' }] });
    const data = await collect(apiDestinations, testContext());
    expect(data).toEqual({
      destinations: [
        { name: 'jira', arn: 'arn:aws:events:eu-west-1:1:api-destination/jira/x', state: 'ACTIVE', endpointHost: 'acme.atlassian.net' },
        { name: 'odd', arn: 'arn:odd', state: undefined, endpointHost: undefined },
      ],
    });
    expect(JSON.stringify(data)).not.toContain('s3cr3t');
  });

  it('lets a refused call propagate', async () => {
    events.on(ListApiDestinationsCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(apiDestinations, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

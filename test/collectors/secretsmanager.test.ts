import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { managedSecrets } from '../../src/datasets/secretsmanager/datasets.js';
import { awsError, collect, testContext } from './context.js';

const secrets = mockClient(SecretsManagerClient);

describe('secretsmanager.secrets', () => {
  beforeEach(() => secrets.reset());

  it('lists each secret and whether it rotates, never a value', async () => {
    secrets.on(ListSecretsCommand).resolves({
      SecretList: [
        { Name: 'db', ARN: 'arn:db', RotationEnabled: true, LastRotatedDate: new Date('2026-10-01T00:00:00Z') },
        { Name: 'api-key', ARN: 'arn:api' },
      ],
    });
    expect(await collect(managedSecrets, testContext())).toEqual({
      secrets: [
        { name: 'db', arn: 'arn:db', rotationEnabled: true, lastRotated: '2026-10-01T00:00:00.000Z', lastAccessed: undefined },
        { name: 'api-key', arn: 'arn:api', rotationEnabled: false, lastRotated: undefined, lastAccessed: undefined },
      ],
    });
  });

  it('lets a refused call propagate', async () => {
    secrets.on(ListSecretsCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(managedSecrets, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

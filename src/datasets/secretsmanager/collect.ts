import type * as SdkSecretsManager from '@aws-sdk/client-secrets-manager';
import { defineCollector } from '../../contract/collector.js';
import { managedSecrets } from './datasets.js';
import { collectPages, isoDate, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { paginateListSecrets, SecretsManagerClient } = sdkModule<typeof SdkSecretsManager>('@aws-sdk/client-secrets-manager');

const collectSecrets = defineCollector(managedSecrets, async (ctx) => {
  const client = ctx.clients.get(SecretsManagerClient);
  const secrets = await collectPages(paginateListSecrets({ client }, { MaxResults: 100 }), (page) => page.SecretList);
  return {
    secrets: secrets.map((s) => ({
      name: required(s.Name, 'Secret.Name'),
      arn: required(s.ARN, 'Secret.ARN'),
      rotationEnabled: s.RotationEnabled === true,
      lastRotated: isoDate(s.LastRotatedDate),
      lastAccessed: isoDate(s.LastAccessedDate),
    })),
  };
});

export const COLLECTORS = [collectSecrets];

import type * as SdkSsoAdmin from '@aws-sdk/client-sso-admin';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, required } from '../sdk.js';
import { identityCenterInstances } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { paginateListInstances, SSOAdminClient } = sdkModule<typeof SdkSsoAdmin>('@aws-sdk/client-sso-admin');

// A region where Identity Center is not enabled answers an empty list.
// https://docs.aws.amazon.com/singlesignon/latest/APIReference/API_ListInstances.html
const collectInstances = defineCollector(identityCenterInstances, async (ctx) => {
  const instances = await collectPages(paginateListInstances({ client: ctx.clients.get(SSOAdminClient) }, {}), (page) => page.Instances);
  return {
    instances: instances.map((i) => ({ arn: required(i.InstanceArn, 'InstanceArn'), ownerAccountId: i.OwnerAccountId, status: i.Status })),
  };
});

export const COLLECTORS = [collectInstances];

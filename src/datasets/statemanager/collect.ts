import type * as SdkSsm from '@aws-sdk/client-ssm';
import type { Association } from '@aws-sdk/client-ssm';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, isoDate, required } from '../sdk.js';
import { associations, type AssociationInfo } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { paginateListAssociations, SSMClient } = sdkModule<typeof SdkSsm>('@aws-sdk/client-ssm');

function toAssociation(a: Association): AssociationInfo {
  const targets = (a.Targets ?? []).map((t) => `${t.Key ?? ''}=${(t.Values ?? []).join(',')}`);
  return {
    associationId: required(a.AssociationId, 'AssociationId'),
    name: a.AssociationName,
    documentName: required(a.Name, 'Name'),
    targets: a.InstanceId ? [...targets, `InstanceIds=${a.InstanceId}`] : targets,
    scheduleExpression: a.ScheduleExpression,
    lastExecutionDate: isoDate(a.LastExecutionDate),
    status: a.Overview?.Status,
  };
}

const collectAssociations = defineCollector(associations, async (ctx) => {
  // ListAssociations returns at most 50 a page.
  const pages = paginateListAssociations({ client: ctx.clients.get(SSMClient) }, { MaxResults: 50 });
  return { associations: (await collectPages(pages, (page) => page.Associations)).map(toAssociation) };
});

export const COLLECTORS = [collectAssociations];

import type * as SdkResourceGroupsTaggingApi from '@aws-sdk/client-resource-groups-tagging-api';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, required, tagMap } from '../sdk.js';
import { TAGGED_RESOURCE_TYPES, taggedResources } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
} = sdkModule<typeof SdkResourceGroupsTaggingApi>('@aws-sdk/client-resource-groups-tagging-api');

const collectTaggedResources = defineCollector(taggedResources, async (ctx) => {
  const resourceTypes = [...TAGGED_RESOURCE_TYPES];
  // 100 is the largest page GetResources returns; it ends with an empty PaginationToken.
  const pages = paginateGetResources({ client: ctx.clients.get(ResourceGroupsTaggingAPIClient) }, { ResourceTypeFilters: resourceTypes, ResourcesPerPage: 100 });
  const mappings = await collectPages(pages, (page) => page.ResourceTagMappingList);
  return { resourceTypes, tagsByArn: Object.fromEntries(mappings.map((m) => [required(m.ResourceARN, 'ResourceARN'), tagMap(m.Tags)])) };
});

export const COLLECTORS = [collectTaggedResources];

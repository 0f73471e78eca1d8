import type * as SdkInspector2 from '@aws-sdk/client-inspector2';
import type { ResourceState, ResourceStatus } from '@aws-sdk/client-inspector2';
import { defineCollector } from '../../contract/collector.js';
import { inspectorCriticalFindings, inspectorStatus } from './datasets.js';
import { collectPages, isoDate, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  BatchGetAccountStatusCommand,
  Inspector2Client,
  paginateListFindings,
} = sdkModule<typeof SdkInspector2>('@aws-sdk/client-inspector2');

function statuses(state: ResourceState | ResourceStatus | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(state ?? {}).flatMap(([type, value]) => {
      const status = typeof value === 'string' ? value : (value as { status?: string } | undefined)?.status;
      return status ? [[type, status]] : [];
    }),
  );
}

const collectStatus = defineCollector(inspectorStatus, async (ctx) => {
  // Without account IDs it reports the caller's account. https://docs.aws.amazon.com/inspector/v2/APIReference/API_BatchGetAccountStatus.html
  const out = await ctx.clients.get(Inspector2Client).send(new BatchGetAccountStatusCommand({}));
  const [account] = out.accounts ?? [];
  if (account) return { status: required(account.state?.status, 'AccountState.state.status'), resources: statuses(account.resourceState) };
  const [failed] = required(out.failedAccounts, 'BatchGetAccountStatus.failedAccounts');
  return { status: failed?.status ?? 'UNKNOWN', resources: statuses(failed?.resourceStatus), errorCode: failed?.errorCode };
});

const collectCriticalFindings = defineCollector(inspectorCriticalFindings, async (ctx) => {
  const { status } = await ctx.dataset(inspectorStatus);
  if (status !== 'ENABLED') return { enabled: false, findings: [] };
  const client = ctx.clients.get(Inspector2Client);
  const filterCriteria = {
    severity: [{ comparison: 'EQUALS' as const, value: 'CRITICAL' }],
    findingStatus: [{ comparison: 'EQUALS' as const, value: 'ACTIVE' }],
  };
  const findings = await collectPages(paginateListFindings({ client }, { filterCriteria, maxResults: 100 }), (page) => page.findings);
  return {
    enabled: true,
    findings: findings.map((f) => ({
      firstObservedAt: required(isoDate(f.firstObservedAt), 'Finding.firstObservedAt'),
      resourceType: f.resources?.[0]?.type,
      resourceId: f.resources?.[0]?.id,
    })),
  };
});

export const COLLECTORS = [collectStatus, collectCriticalFindings];

// Amazon Inspector (restJson 1): the account's scanning status per resource type in a region, and
// its active findings (ListFindings honours the severity and findingStatus EQUALS filters).

import { optionalNumber, paginate, stableId } from '../params.js';
import { restJson } from '../protocols/rest-json.js';
import { resolveWhen, type When } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

type ScanType = 'ec2' | 'ecr' | 'lambda' | 'lambdaCode';

export interface InspectorSpec {
  /** Resource types scanned; absent: Inspector is not enabled (every state DISABLED). */
  scans?: ScanType[];
  findings?: { severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW'; firstObserved: When; resourceType?: string; status?: 'ACTIVE' | 'SUPPRESSED' | 'CLOSED' }[];
}

declare module '../scenario.js' {
  interface RegionSpec {
    inspector?: InspectorSpec;
  }
}

const TYPES: ScanType[] = ['ec2', 'ecr', 'lambda', 'lambdaCode'];

function state(status: string) {
  return { status, errorCode: status === 'ENABLED' ? 'ALREADY_ENABLED' : 'RESOURCE_NOT_FOUND', errorMessage: '' };
}

function batchGetAccountStatus(ctx: HandlerContext): unknown {
  const scans = ctx.regionSpec.inspector?.scans ?? [];
  return {
    accounts: [
      {
        accountId: ctx.account.id,
        state: state(scans.length > 0 ? 'ENABLED' : 'DISABLED'),
        resourceState: Object.fromEntries(TYPES.map((t) => [t, state(scans.includes(t) ? 'ENABLED' : 'DISABLED')])),
      },
    ],
    failedAccounts: [],
  };
}

type StringFilter = { comparison?: string; value?: string }[] | undefined;

function matches(filter: StringFilter, value: string): boolean {
  return !filter?.length || filter.some((f) => f.comparison === 'EQUALS' && f.value === value);
}

function listFindings(ctx: HandlerContext): unknown {
  const criteria = (ctx.input.json.filterCriteria ?? {}) as { severity?: StringFilter; findingStatus?: StringFilter };
  const findings = (ctx.regionSpec.inspector?.findings ?? [])
    .filter((f) => matches(criteria.severity, f.severity) && matches(criteria.findingStatus, f.status ?? 'ACTIVE'))
    .map((f, i) => {
      // Timestamp members: epoch seconds in restJson.
      const observed = resolveWhen(f.firstObserved, ctx.now).getTime() / 1000;
      return {
        findingArn: `arn:aws:inspector2:${ctx.region}:${ctx.account.id}:finding/${stableId(`${i}`, 32)}`,
        awsAccountId: ctx.account.id,
        type: 'PACKAGE_VULNERABILITY',
        description: 'A vulnerable package.',
        severity: f.severity,
        status: f.status ?? 'ACTIVE',
        firstObservedAt: observed,
        lastObservedAt: observed,
        remediation: {},
        resources: [{ type: f.resourceType ?? 'AWS_EC2_INSTANCE', id: `i-0${String(i).padStart(16, '0')}` }],
      };
    });
  const page = paginate(findings, ctx.input.json.nextToken, optionalNumber(ctx.input.json.maxResults) ?? 50, 'ValidationException');
  return { findings: page.items, nextToken: page.nextToken };
}

export const inspector2 = defineService({
  signingName: 'inspector2',
  actionPrefix: 'inspector2',
  protocol: restJson,
  operations: {
    BatchGetAccountStatus: { http: 'POST /status/batch/get', handler: batchGetAccountStatus },
    ListFindings: { http: 'POST /findings/list', handler: listFindings },
  },
});

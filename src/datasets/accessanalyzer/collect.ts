import type * as SdkAccessanalyzer from '@aws-sdk/client-accessanalyzer';
import type { FindingSummaryV2 } from '@aws-sdk/client-accessanalyzer';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, required } from '../sdk.js';
import { accessAnalyzers, EXTERNAL_ACCESS_TYPES, UNUSED_ACCESS_TYPES, type AccessAnalyzer } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  AccessAnalyzerClient,
  paginateListAnalyzers,
  paginateListFindingsV2,
} = sdkModule<typeof SdkAccessanalyzer>('@aws-sdk/client-accessanalyzer');
type AccessAnalyzerClient = SdkAccessanalyzer.AccessAnalyzerClient;

const isOneOf = (types: readonly string[], type: string) => types.includes(type);

// Only `resourceType` is a documented filter key for ListFindingsV2
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-filter-keys.html), so
// the status is read from each finding.
async function activeFindings(client: AccessAnalyzerClient, analyzerArn: string, resourceType?: string): Promise<FindingSummaryV2[]> {
  const filter = resourceType ? { resourceType: { eq: [resourceType] } } : undefined;
  const findings = await collectPages(paginateListFindingsV2({ client }, { analyzerArn, ...(filter && { filter }) }), (page) => page.findings);
  return findings.filter((f) => f.status === 'ACTIVE');
}

function countByType(findings: FindingSummaryV2[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.findingType ?? 'unknown'] = (counts[f.findingType ?? 'unknown'] ?? 0) + 1;
  return counts;
}

/** What the analyzer adds as evidence: roles open to outside principals, or unused access still granted. */
async function withFindings(client: AccessAnalyzerClient, analyzer: AccessAnalyzer): Promise<AccessAnalyzer> {
  if (analyzer.status !== 'ACTIVE') return analyzer;
  if (isOneOf(EXTERNAL_ACCESS_TYPES, analyzer.type)) {
    const findings = await activeFindings(client, analyzer.arn, 'AWS::IAM::Role');
    return { ...analyzer, rolesWithExternalAccess: [...new Set(findings.flatMap((f) => (f.resource ? [f.resource] : [])))].sort() };
  }
  if (isOneOf(UNUSED_ACCESS_TYPES, analyzer.type)) return { ...analyzer, activeUnusedFindings: countByType(await activeFindings(client, analyzer.arn)) };
  return analyzer;
}

// A region where Access Analyzer is not set up answers an empty list, not an error.
const collectAnalyzers = defineCollector(accessAnalyzers, async (ctx) => {
  const client = ctx.clients.get(AccessAnalyzerClient);
  const listed = await collectPages(paginateListAnalyzers({ client }, {}), (page) => page.analyzers);
  const analyzers = listed.map((a) => ({
    arn: required(a.arn, 'analyzer.arn'),
    name: required(a.name, 'analyzer.name'),
    type: required(a.type, 'analyzer.type'),
    status: required(a.status, 'analyzer.status'),
  }));
  return { analyzers: await Promise.all(analyzers.map((a) => withFindings(client, a))) };
});

export const COLLECTORS = [collectAnalyzers];

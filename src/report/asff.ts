// findings.asff.json: findings in the AWS Security Finding Format, as a file for the partner to
// import if they wish, or imported for them with `scan --security-hub` (src/storage/security-hub.ts).
// Field limits follow the ASFF docs.

import type { Finding } from '../contract/results.js';
import type { FindingStatus, Severity } from '../contract/status.js';
import { checkIndex, datasetFile, findingId, partitionOf } from './findings.js';
import { effectiveSeverity } from './severity.js';
import { chunkedReporter, jsonArrayChunks } from './chunked.js';
import type { CheckSummary, ReportInput } from './types.js';

export const ASFF_SCHEMA_VERSION = '2018-10-08';
/** Where a finding without a region (account-wide) would be imported. */
const HOME_REGION = 'us-east-1';
const LIMITS = { title: 256, description: 1024, remediationText: 512, relatedRequirements: 32, productFieldValue: 2048 };

const COMPLIANCE_STATUS: Record<FindingStatus, 'PASSED' | 'WARNING' | 'FAILED' | 'NOT_AVAILABLE'> = {
  PASS: 'PASSED',
  WARN: 'WARNING',
  FAIL: 'FAILED',
  ERROR: 'NOT_AVAILABLE',
  NOT_APPLICABLE: 'NOT_AVAILABLE',
};

const SEVERITY_LABEL: Record<Severity, 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'> = {
  informational: 'INFORMATIONAL',
  low: 'LOW',
  medium: 'MEDIUM',
  high: 'HIGH',
  critical: 'CRITICAL',
};

export const asffReporter = chunkedReporter({ format: 'asff', fileName: 'findings.asff.json' }, (input) => {
  const checks = checkIndex(input.checks);
  const context = asffContext(input);
  return jsonArrayChunks(input.findings.each(), (f) => asffFinding(f, checks.get(f.checkId), context));
});

/** Every finding of the input in ASFF, one at a time. */
export async function* asffFindings(input: ReportInput): AsyncIterable<AsffFinding> {
  const checks = checkIndex(input.checks);
  const context = asffContext(input);
  for await (const finding of input.findings.each()) yield asffFinding(finding, checks.get(finding.checkId), context);
}

export type AsffFinding = ReturnType<typeof asffFinding>;

interface AsffContext {
  time: string;
  checklistId: string;
  /** `<id>/<version>`, the prefix of related requirement IDs. */
  checklist: string;
  tool: { name: string };
}

function asffContext({ results, checklist }: ReportInput): AsffContext {
  return {
    time: results.finishedAt,
    checklistId: checklist.id,
    checklist: `${checklist.id}/${checklist.version}`,
    tool: results.tool,
  };
}

export function asffFinding(finding: Finding, check: CheckSummary | undefined, context: AsffContext) {
  const region = finding.region === 'global' ? HOME_REGION : finding.region;
  const partition = partitionOf(region);
  const { tool } = context;
  return {
    SchemaVersion: ASFF_SCHEMA_VERSION,
    Id: `${tool.name}/${findingId(finding)}`,
    ProductArn: `arn:${partition}:securityhub:${region}:${finding.accountId}:product/${finding.accountId}/default`,
    GeneratorId: `${tool.name}/${finding.checkId}`,
    AwsAccountId: finding.accountId,
    Types: [`Software and Configuration Checks/Industry and Regulatory Standards/${context.checklistId}`],
    CreatedAt: context.time,
    UpdatedAt: context.time,
    Severity: { Label: SEVERITY_LABEL[effectiveSeverity(finding)] },
    Title: truncate(check?.title ?? finding.checkId, LIMITS.title),
    Description: truncate(finding.message, LIMITS.description),
    ProductName: tool.name,
    Region: region,
    Resources: [
      {
        Type: /^\d{12}$/.test(finding.resource) ? 'AwsAccount' : 'Other',
        Id: finding.resource,
        Partition: partition,
        Region: region,
      },
    ],
    Compliance: {
      Status: COMPLIANCE_STATUS[finding.status],
      RelatedRequirements: finding.requirementIds
        .map((id) => `${context.checklist}/${id}`)
        .slice(0, LIMITS.relatedRequirements),
    },
    ...(check
      ? { Remediation: { Recommendation: { Text: truncate(check.remediation, LIMITS.remediationText), Url: check.docsUrl } } }
      : {}),
    ProductFields: {
      [`${tool.name}/Status`]: finding.status,
      [`${tool.name}/MessageId`]: finding.messageId,
      [`${tool.name}/RequestIds`]: truncate(finding.requestIds.join(' '), LIMITS.productFieldValue),
      [`${tool.name}/EvidenceFile`]: datasetFile(finding.accountId),
    },
    RecordState: 'ACTIVE',
    Workflow: { Status: 'NEW' },
  };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

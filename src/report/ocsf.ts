// findings.ocsf.json: one OCSF Compliance Finding (class 2003, schema 1.3.0) per finding.
// Our statuses are kept losslessly in compliance.status_code; status_id maps onto OCSF's
// Pass / Warning ("no result due to missing information") / Fail, and Other for the rest.

import type { Finding } from '../contract/results.js';
import type { FindingStatus, Severity } from '../contract/status.js';
import { checkIndex, datasetFile, findingId, partitionOf } from './findings.js';
import { effectiveSeverity } from './severity.js';
import { chunkedReporter, jsonArrayChunks } from './chunked.js';
import type { CheckSummary, ReportInput } from './types.js';

export const OCSF_VERSION = '1.3.0';
const CLASS_UID = 2003;
const CATEGORY_UID = 2; // Findings
const ACTIVITY_CREATE = 1;

const COMPLIANCE_STATUS: Record<FindingStatus, { id: number; name: string }> = {
  PASS: { id: 1, name: 'Pass' },
  WARN: { id: 99, name: 'Warn' },
  FAIL: { id: 3, name: 'Fail' },
  ERROR: { id: 2, name: 'Warning' },
  NOT_APPLICABLE: { id: 99, name: 'Not Applicable' },
};

const SEVERITY: Record<Severity, { id: number; name: string }> = {
  informational: { id: 1, name: 'Informational' },
  low: { id: 2, name: 'Low' },
  medium: { id: 3, name: 'Medium' },
  high: { id: 4, name: 'High' },
  critical: { id: 5, name: 'Critical' },
};

export const ocsfReporter = chunkedReporter({ format: 'ocsf', fileName: 'findings.ocsf.json' }, (input) => {
  const checks = checkIndex(input.checks);
  const context = eventContext(input);
  return jsonArrayChunks(input.findings.each(), (f) => ocsfEvent(f, checks.get(f.checkId), context));
});

interface EventContext {
  time: number;
  standard: string;
  product: { name: string; vendor_name: string; version: string };
}

function eventContext({ results, checklist }: ReportInput): EventContext {
  return {
    time: Date.parse(results.finishedAt),
    standard: `${checklist.title} (${checklist.id} ${checklist.version})`,
    product: { name: results.tool.name, vendor_name: results.tool.name, version: results.tool.version },
  };
}

export function ocsfEvent(finding: Finding, check: CheckSummary | undefined, context: EventContext) {
  const severity = SEVERITY[effectiveSeverity(finding)];
  const status = COMPLIANCE_STATUS[finding.status];
  const region = finding.region === 'global' ? undefined : finding.region;
  return {
    activity_id: ACTIVITY_CREATE,
    activity_name: 'Create',
    category_uid: CATEGORY_UID,
    category_name: 'Findings',
    class_uid: CLASS_UID,
    class_name: 'Compliance Finding',
    type_uid: CLASS_UID * 100 + ACTIVITY_CREATE,
    type_name: 'Compliance Finding: Create',
    severity_id: severity.id,
    severity: severity.name,
    time: context.time,
    message: finding.message,
    metadata: { version: OCSF_VERSION, product: context.product },
    finding_info: {
      uid: findingId(finding),
      title: check?.title ?? finding.checkId,
      types: [finding.checkId],
      created_time: context.time,
    },
    compliance: {
      standards: [context.standard],
      requirements: finding.requirementIds,
      control: finding.checkId,
      status: status.name,
      status_id: status.id,
      status_code: finding.status,
    },
    cloud: {
      provider: 'AWS',
      account: { uid: finding.accountId, type: 'AWS Account', type_id: 10 },
      ...(region ? { region } : {}),
    },
    resources: [{ uid: finding.resource, ...(region ? { region } : {}), cloud_partition: partitionOf(finding.region) }],
    ...(check ? { remediation: { desc: check.remediation, references: [check.docsUrl] } } : {}),
    unmapped: {
      message_id: finding.messageId,
      request_ids: finding.requestIds,
      evidence_file: datasetFile(finding.accountId),
      ...(finding.advisory ? { advisory: true } : {}),
    },
  };
}

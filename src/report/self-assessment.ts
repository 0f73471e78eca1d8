// The self-assessment table: one row per checklist requirement, shared by the CSV and XLSX exports.

import type { Finding } from '../contract/results.js';
import type { RequirementStatus } from '../contract/status.js';
import { evidenceStatement } from './evidence-statement.js';
import {
  checkIndex,
  datasetFile,
  findingId,
  findingsByRequirement,
  requirementResultIndex,
} from './findings.js';
import { NOT_EVALUATED, worstStatus } from './status.js';
import type { ReportInput } from './types.js';

export interface SelfAssessmentRow {
  id: string;
  title: string;
  section: string;
  appliesTo: string;
  automation: string;
  status: string;
  /** In the order of `accountColumns`. */
  perAccount: string[];
  statement: string;
  references: string;
}

export interface SelfAssessment {
  accountColumns: string[];
  rows: SelfAssessmentRow[];
}

export const REQUIREMENT_HEADERS = ['ID', 'Title', 'Section', 'Applies to', 'Automation', 'Status'] as const;
export const TRAILING_HEADERS = ['Evidence statement', 'References'] as const;

/** Finding references listed per row; the rest are in the Findings sheet and results.json. */
const MAX_FINDING_REFS = 10;
const MAX_FILE_REFS = 3;

export function buildSelfAssessment(input: ReportInput): SelfAssessment {
  const { results, checklist } = input;
  const findings = findingsByRequirement(results.findings);
  const resultsIndex = requirementResultIndex(results.requirements);
  const checks = checkIndex(input.checks);
  const accounts = results.accounts;
  const rows = checklist.requirements.map((requirement) => {
    const byAccount = accounts.map((a) => resultsIndex.get(`${requirement.id}/${a.accountId}`));
    const perAccountResults = byAccount.filter((r) => r !== undefined);
    const reqFindings = findings.get(requirement.id) ?? [];
    return {
      id: requirement.id,
      title: requirement.title,
      section: requirement.section,
      appliesTo: requirement.appliesTo.join(', '),
      automation: requirement.automation,
      status: worstStatus<RequirementStatus>(perAccountResults.map((r) => r.status)) ?? NOT_EVALUATED,
      perAccount: byAccount.map((r) => r?.status ?? NOT_EVALUATED),
      statement: evidenceStatement({ requirement, findings: reqFindings, results: perAccountResults, checks }),
      references: references(reqFindings, perAccountResults.flatMap((r) => r.attestation?.evidence ?? [])),
    };
  });
  return { accountColumns: accounts.map((a) => (a.name ? `${a.accountId} (${a.name})` : a.accountId)), rows };
}

function references(findings: Finding[], attestationEvidence: string[]): string {
  const problems = findings.filter((f) => f.status !== 'PASS' && f.status !== 'NOT_APPLICABLE');
  const shown = problems.slice(0, MAX_FINDING_REFS).map(findingId);
  if (problems.length > shown.length) shown.push(`and ${problems.length - shown.length} more findings`);
  return [...shown, ...datasetFiles(findings), ...new Set(attestationEvidence)].join('\n');
}

/** Each account's dataset file, or one line naming the pattern when there are many accounts. */
function datasetFiles(findings: Finding[]): string[] {
  const accounts = [...new Set(findings.map((f) => f.accountId))];
  if (accounts.length <= MAX_FILE_REFS) return accounts.map(datasetFile);
  return [`${datasetFile('<account>')} (${accounts.length} accounts)`];
}

export const FINDING_HEADERS = [
  'Finding',
  'Check',
  'Requirements',
  'Account',
  'Region',
  'Resource',
  'Status',
  'Severity',
  'Advisory',
  'Message',
  'Message ID',
  'Request IDs',
  'Evidence file',
] as const;

export function findingRow(finding: Finding): string[] {
  return [
    findingId(finding),
    finding.checkId,
    finding.requirementIds.join(', '),
    finding.accountId,
    finding.region,
    finding.resource,
    finding.status,
    finding.severity,
    finding.advisory ? 'yes' : '',
    finding.message,
    finding.messageId,
    finding.requestIds.join(' '),
    datasetFile(finding.accountId),
  ];
}

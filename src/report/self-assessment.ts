// The self-assessment table, laid out like the sheet AWS asks partners to fill in (ID, requirement,
// met yes/no, evidence and comments), followed by our detail columns. Shared by the CSV and XLSX
// exports, so both carry the same columns in the same order.

import type { Finding, RequirementResult } from '../contract/results.js';
import type { RequirementStatus } from '../contract/status.js';
import { RequirementEvidence } from './evidence-statement.js';
import { checkIndex, datasetFile, findingId, FirstMatches, requirementResultIndex, rowKey } from './findings.js';
import { NOT_EVALUATED, worstStatus } from './status.js';
import type { CheckSummary, ReportInput } from './types.js';

export interface TableColumn {
  header: string;
  /** Width in characters in the spreadsheet. */
  width: number;
  wrap?: boolean;
}

export interface Table {
  columns: TableColumn[];
  rows: string[][];
}

/** Only these mean "met" in the partner's self-assessment; every other status is a "No" with the status said. */
const MET: ReadonlySet<string> = new Set<RequirementStatus>(['PASS', 'ATTESTED']);

/** Finding references listed per row; the rest are in the Findings sheet and results.json. */
const MAX_FINDING_REFS = 10;
const MAX_FILE_REFS = 3;

/** One pass over the findings, then one row per checklist requirement. */
export async function buildSelfAssessment(input: ReportInput): Promise<Table> {
  const { results, checklist } = input;
  const evidence = await evidenceByRequirement(input);
  const rowsIndex = requirementResultIndex(results.requirements);
  const checks = checkIndex(input.checks);
  const accounts = results.accounts;
  const rows = checklist.requirements.map((requirement) => {
    const partner = requirement.scope === 'partner';
    const perAccount = accounts.map((a) => rowsIndex.get(rowKey(requirement.id, a.accountId)));
    const own = partner ? [rowsIndex.get(rowKey(requirement.id, undefined))] : perAccount;
    const recorded = own.filter((r): r is RequirementResult => r !== undefined);
    const status = worstStatus<RequirementStatus>(recorded.map((r) => r.status)) ?? NOT_EVALUATED;
    const found = evidence.get(requirement.id) ?? new Evidence();
    const statement = found.statements.statement({ requirement, results: recorded, checks });
    const met = MET.has(status);
    return [
      requirement.id,
      requirement.title,
      met ? 'Yes' : 'No',
      met ? statement : `${status}: ${statement}`,
      requirement.section,
      partner ? 'once for the partner' : 'per account',
      requirement.appliesTo.join(', '),
      requirement.automation,
      status,
      ...perAccount.map((r) => (partner ? '' : (r?.status ?? NOT_EVALUATED))),
      `report.html#/req/${encodeURIComponent(requirement.id)}`,
      references(found, recorded.flatMap((r) => r.attestation?.evidence ?? [])),
    ];
  });
  const accountColumns = accounts.map((a) => ({ header: a.name ? `${a.accountId} (${a.name})` : a.accountId, width: 18 }));
  return { columns: [...LEADING_COLUMNS, ...accountColumns, ...TRAILING_COLUMNS], rows };
}

/** Per requirement: its evidence statement's counters and the first problem findings it references. */
class Evidence {
  readonly statements = new RequirementEvidence();
  readonly problems = new FirstMatches<Finding>(MAX_FINDING_REFS, (f) => f.status !== 'PASS' && f.status !== 'NOT_APPLICABLE');

  add(finding: Finding): void {
    this.statements.add(finding);
    this.problems.offer(finding);
  }
}

async function evidenceByRequirement({ findings }: ReportInput): Promise<Map<string, Evidence>> {
  const byRequirement = new Map<string, Evidence>();
  for await (const finding of findings.each()) {
    for (const id of finding.requirementIds) {
      let evidence = byRequirement.get(id);
      if (!evidence) byRequirement.set(id, (evidence = new Evidence()));
      evidence.add(finding);
    }
  }
  return byRequirement;
}

const LEADING_COLUMNS: TableColumn[] = [
  { header: 'ID', width: 12 },
  { header: 'Requirement', width: 48, wrap: true },
  { header: 'Met', width: 6 },
  { header: 'Evidence / comments', width: 80, wrap: true },
  { header: 'Section', width: 24 },
  { header: 'Judged', width: 20 },
  { header: 'Applies to', width: 20 },
  { header: 'Automation', width: 12 },
  { header: 'Status', width: 16 },
];

const TRAILING_COLUMNS: TableColumn[] = [
  { header: 'Report page', width: 28 },
  { header: 'References', width: 60, wrap: true },
];

function references({ problems, statements }: Evidence, attestationEvidence: string[]): string {
  const shown = problems.shown.map(findingId);
  if (problems.total > shown.length) shown.push(`and ${problems.total - shown.length} more findings`);
  return [...shown, ...datasetFiles([...statements.accounts]), ...new Set(attestationEvidence)].join('\n');
}

/** Each account's dataset file, or one line naming the pattern when there are many accounts. */
function datasetFiles(accounts: string[]): string[] {
  if (accounts.length <= MAX_FILE_REFS) return accounts.map(datasetFile);
  return [`${datasetFile('<account>')} (${accounts.length} accounts)`];
}

const FINDING_COLUMNS: TableColumn[] = [
  { header: 'Finding', width: 50 },
  { header: 'Check', width: 16 },
  { header: 'Requirements', width: 16 },
  { header: 'Account', width: 16 },
  { header: 'Region', width: 16 },
  { header: 'Resource', width: 50 },
  { header: 'Status', width: 16 },
  { header: 'Severity', width: 16 },
  { header: 'Advisory', width: 10 },
  { header: 'Exception', width: 40, wrap: true },
  { header: 'Message', width: 50, wrap: true },
  { header: 'Remediation', width: 50, wrap: true },
  { header: 'Message ID', width: 16 },
  { header: 'Request IDs', width: 16 },
  { header: 'Evidence file', width: 16 },
];

/** The findings as table rows, streamed: one row per finding. */
export function findingsTable(findings: AsyncIterable<Finding>, checks: readonly CheckSummary[]): { columns: TableColumn[]; rows: AsyncIterable<string[]> } {
  const remediation = new Map(checks.map((c) => [c.id, c.remediation]));
  async function* rows(): AsyncGenerator<string[]> {
    for await (const f of findings) yield findingRow(f, remediation.get(f.checkId) ?? '');
  }
  return { columns: FINDING_COLUMNS, rows: rows() };
}

function findingRow(finding: Finding, remediation: string): string[] {
  const solved = finding.status === 'PASS' || finding.status === 'NOT_APPLICABLE';
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
    exceptionText(finding),
    finding.message,
    solved ? '' : remediation,
    finding.messageId,
    finding.requestIds.join(' '),
    datasetFile(finding.accountId),
  ];
}

function exceptionText({ exception }: Finding): string {
  if (!exception) return '';
  const state = exception.expired ? `expired ${exception.expires}` : `until ${exception.expires}`;
  return `accepted by ${exception.owner} ${state}: ${exception.reason}`;
}

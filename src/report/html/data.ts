// The data the page renders client-side, embedded once as JSON. It is compact on purpose: a
// 500-account, 16-region run has tens of thousands of findings, so repeated strings (checks,
// accounts, regions, messages, request-ID lists, evidence) are stored once and referenced by index.

import type { Requirement, RequirementScope } from '../../contract/checklists/types.js';
import { FINDING_STATUSES, SEVERITIES, severityRank, type FindingStatus, type RequirementStatus, type Severity } from '../../contract/status.js';
import type { AttestationRef, ExceptionRef, Finding, RequirementResult } from '../../contract/results.js';
import type { CheckSummary, ReportInput } from '../types.js';
import { NO_RESULT_CODE, STATUS_CODE, STATUS_ORDER } from './status.js';

/** Evidence longer than this (as JSON) is cut, and the cut is shown on the page. */
export const EVIDENCE_MAX_CHARS = 4_000;
/** Total evidence embedded (as encoded in the page); past it, evidence is left out (failures first in line) and the page says so. */
export const EVIDENCE_BUDGET_CHARS = 4_000_000;

export interface AccountData {
  id: string;
  name?: string;
  status: string;
  error?: string;
}

export interface RequirementData {
  id: string;
  title: string;
  section: string;
  automation: string;
  appliesTo: string[];
  /** False when the requirement does not apply to the run's deployment model. */
  applies: boolean;
  attest?: string;
  scope: RequirementScope;
  /** Indexes into `checks`. */
  checks: number[];
  /** Account-level: one status code per account, in `accounts` order. Partner-level: empty. */
  cells: string;
  /** Partner-level: the one row for the partner. */
  partner: PartnerCell | null;
}

/** [statusCode, reason, attestation index] of a partner-level requirement's row. */
export type PartnerCell = [string, string | null, number | null];

export type CheckData = Pick<CheckSummary, 'id' | 'title' | 'description' | 'severity' | 'remediation' | 'docsUrl' | 'actions'>;

/** A requirement × account pair that has a reason or an attestation: [requirement, account, reason, attestation]. */
export type DetailRow = [number, number, string | null, number | null];

/** Evidence as embedded: the JSON text, and its full length when it was cut. */
export type EvidenceData = [string, number | null];

/** No evidence recorded for the finding. */
export const EVIDENCE_NONE = -1;
/** Evidence left out to keep the file small. */
export const EVIDENCE_OMITTED = -2;

/**
 * [check, account, region, resource, statusCode, severity, message, requirementSet, evidence,
 *  requestIdList, advisory(0|1), exception (-1 for none)] — every number is an index into the
 *  matching table.
 */
export type FindingRow = [number, number, number, string, string, number, number, number, number, number, number, number];

export interface StatusData {
  code: string;
  status: RequirementStatus;
  /** True when findings can carry it (MANUAL and ATTESTED are requirement-level only). */
  finding: boolean;
}

export interface ReportData {
  /** Worst first. */
  statuses: StatusData[];
  deploymentModel: string;
  accounts: AccountData[];
  regions: string[];
  requirements: RequirementData[];
  checks: CheckData[];
  severities: Severity[];
  details: DetailRow[];
  attestations: AttestationRef[];
  exceptions: ExceptionRef[];
  messages: string[];
  requirementSets: number[][];
  requestIdLists: string[][];
  evidence: EvidenceData[];
  findings: FindingRow[];
  evidenceOmitted: number;
  /** Findings of the run left out of the page by the size cap (0: the page has them all). */
  findingsOmitted: number;
  /** Where the full finding list is, when some were left out. */
  findingsFile: string | null;
}


/** Assigns each distinct key an index, in first-seen order. */
class Interner<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly keyOf: (value: T) => string) {}

  find(value: T): number | undefined {
    return this.index.get(this.keyOf(value));
  }

  add(value: T): number {
    const key = this.keyOf(value);
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.values.length;
      this.values.push(value);
      this.index.set(key, at);
    }
    return at;
  }
}

/** Options the reporter chooses: the finding cap, and where the full list goes past it. */
export interface DataOptions {
  maxFindings: number;
  findingsFile: string;
}

export async function buildReportData(input: ReportInput, survey: FindingSurvey, options: DataOptions): Promise<ReportData> {
  const { results } = input;
  const accounts = accountTable(input, survey);
  const accountIndex = new Map(accounts.map((a, i) => [a.id, i]));
  const checks = checkTable(input, survey);
  const checkIndex = new Map(checks.map((c, i) => [c.id, i]));
  const requirements = requirementRows(input, survey, accountIndex, checkIndex);
  const requirementIndex = new Map(requirements.map((r, i) => [r.id, i]));
  const regions = new Interner<string>((r) => r);
  const attestations = new Interner<AttestationRef>((a) => JSON.stringify(a));
  const details = detailRows(results.requirements, requirementIndex, accountIndex, attestations);
  for (const row of results.requirements) if (row.scope === 'partner') setPartnerCell(requirements[requirementIndex.get(row.requirementId)!]!, row, attestations);
  const exceptions = new Interner<ExceptionRef>((e) => JSON.stringify(e));
  const keep = () => survey.selection(options.maxFindings);
  const encoded = await encodeFindings(input, keep, { accountIndex, checkIndex, requirementIndex, regions, exceptions });
  const omitted = survey.count - encoded.findings.length;
  return {
    statuses: STATUS_ORDER.map((status) => ({
      code: STATUS_CODE[status],
      status,
      finding: (FINDING_STATUSES as readonly string[]).includes(status),
    })),
    deploymentModel: results.deploymentModel,
    accounts,
    regions: regions.values,
    requirements,
    checks,
    severities: [...SEVERITIES],
    details,
    attestations: attestations.values,
    exceptions: exceptions.values,
    ...encoded,
    findingsOmitted: omitted,
    findingsFile: omitted > 0 ? options.findingsFile : null,
  };
}

/**
 * One pass over the findings for what the page needs of all of them: counts per status, the
 * accounts, checks and requirements they name, and how many fall in each rank, so a capped page
 * can keep exactly the worst ones without holding the rest.
 */
export class FindingSurvey {
  count = 0;
  readonly statusCounts = new Map<RequirementStatus, number>();
  readonly accountIds = new Set<string>();
  readonly checkIds = new Set<string>();
  readonly requirementIds = new Set<string>();
  private readonly perRank = new Map<number, number>();

  static async of(input: ReportInput): Promise<FindingSurvey> {
    const survey = new FindingSurvey();
    for await (const finding of input.findings.each()) survey.add(finding);
    return survey;
  }

  private add(finding: Finding): void {
    this.count += 1;
    this.statusCounts.set(finding.status, (this.statusCounts.get(finding.status) ?? 0) + 1);
    this.accountIds.add(finding.accountId);
    this.checkIds.add(finding.checkId);
    for (const id of finding.requirementIds) this.requirementIds.add(id);
    const rank = findingRank(finding);
    this.perRank.set(rank, (this.perRank.get(rank) ?? 0) + 1);
  }

  /**
   * A filter that passes the `max` worst findings (by findingRank, then results order) when the
   * run has more; a fresh one for each pass, since it counts what it let through.
   */
  selection(max: number): (finding: Finding) => boolean {
    if (this.count <= max) return () => true;
    let room = max;
    let cutoff = Infinity;
    let atCutoff = 0;
    for (const rank of [...this.perRank.keys()].sort((a, b) => a - b)) {
      const count = this.perRank.get(rank)!;
      if (count >= room) {
        cutoff = rank;
        atCutoff = room;
        break;
      }
      room -= count;
    }
    return (finding) => {
      const rank = findingRank(finding);
      if (rank !== cutoff) return rank < cutoff;
      atCutoff -= 1;
      return atCutoff >= 0;
    };
  }
}

const RANKED_STATUSES: readonly FindingStatus[] = ['FAIL', 'ERROR', 'WARN', 'PASS', 'NOT_APPLICABLE'];

/** Lower is worse: open problems before advisory or excepted ones, then by status, then by severity. */
export function findingRank(finding: Finding): number {
  const settled = finding.advisory || (finding.exception && !finding.exception.expired) ? 1 : 0;
  return (settled * RANKED_STATUSES.length + RANKED_STATUSES.indexOf(finding.status)) * SEVERITIES.length + severityRank(finding.severity);
}

/** The run's accounts, plus any account a result names that the account list lacks (shown, never dropped). */
function accountTable({ results }: ReportInput, survey: FindingSurvey): AccountData[] {
  const accounts: AccountData[] = results.accounts.map((a) => ({ id: a.accountId, name: a.name, status: a.status, error: a.error }));
  const known = new Set(accounts.map((a) => a.id));
  for (const id of [...results.requirements.map((r) => r.accountId), ...survey.accountIds]) {
    if (id === undefined || known.has(id)) continue;
    known.add(id);
    accounts.push({ id, status: 'UNLISTED', error: 'Named by a result but missing from the run’s account list.' });
  }
  return accounts;
}

/** Every check summary, plus a bare entry for any check a finding names that has no summary. */
function checkTable(input: ReportInput, survey: FindingSurvey): CheckData[] {
  const checks: CheckData[] = input.checks.map(({ id, title, description, severity, remediation, docsUrl, actions }) => ({
    id, title, description, severity, remediation, docsUrl, actions,
  }));
  const known = new Set(checks.map((c) => c.id));
  const named = [...survey.checkIds, ...input.results.requirements.flatMap((r) => r.checkIds)];
  for (const id of named) {
    if (known.has(id)) continue;
    known.add(id);
    checks.push({ id, title: id, description: 'No description was supplied for this check.', severity: 'informational', remediation: '', docsUrl: '', actions: [] });
  }
  return checks;
}

/** Checklist requirements in checklist order, then any requirement the results name that the checklist lacks. */
function requirementRows(input: ReportInput, survey: FindingSurvey, accountIndex: Map<string, number>, checkIndex: Map<string, number>): RequirementData[] {
  const { results, checklist } = input;
  const catalogue = new Map(checklist.requirements.map((r) => [r.id, r]));
  const ids = [
    ...checklist.requirements.map((r) => r.id),
    ...results.requirements.map((r) => r.requirementId),
    ...survey.requirementIds,
  ];
  const cells = new Map<string, string[]>();
  const checksOf = new Map<string, Set<number>>();
  for (const id of ids) {
    cells.set(id, new Array<string>(accountIndex.size).fill(NO_RESULT_CODE));
    checksOf.set(id, new Set());
  }
  for (const result of results.requirements) {
    if (result.accountId !== undefined) cells.get(result.requirementId)![accountIndex.get(result.accountId)!] = STATUS_CODE[result.status];
    for (const checkId of result.checkIds) checksOf.get(result.requirementId)!.add(checkIndex.get(checkId)!);
  }
  for (const check of input.checks) {
    for (const id of check.requirementIds) checksOf.get(id)?.add(checkIndex.get(check.id)!);
  }
  return [...cells.keys()].map((id) => {
    const requirement = catalogue.get(id) ?? unknownRequirement(id);
    return {
      id,
      title: requirement.title,
      section: requirement.section,
      automation: requirement.automation,
      appliesTo: requirement.appliesTo,
      applies: requirement.appliesTo.includes(results.deploymentModel),
      attest: requirement.attest,
      scope: requirement.scope,
      checks: [...checksOf.get(id)!].sort((a, b) => a - b),
      cells: requirement.scope === 'partner' ? '' : cells.get(id)!.join(''),
      partner: null,
    };
  });
}

function setPartnerCell(requirement: RequirementData, row: RequirementResult, attestations: Interner<AttestationRef>): void {
  requirement.scope = 'partner';
  requirement.cells = '';
  requirement.partner = [STATUS_CODE[row.status], row.reason ?? null, row.attestation ? attestations.add(row.attestation) : null];
}

function unknownRequirement(id: string): Requirement {
  return { id, title: 'Not in this checklist version', section: '', appliesTo: ['saas', 'customer-deployed'], automation: 'full', scope: 'account' };
}

function detailRows(
  results: RequirementResult[],
  requirementIndex: Map<string, number>,
  accountIndex: Map<string, number>,
  attestations: Interner<AttestationRef>,
): DetailRow[] {
  const rows: DetailRow[] = [];
  for (const result of results) {
    if (result.accountId === undefined || (!result.reason && !result.attestation)) continue;
    const attestation = result.attestation ? attestations.add(result.attestation) : null;
    rows.push([requirementIndex.get(result.requirementId)!, accountIndex.get(result.accountId)!, result.reason ?? null, attestation]);
  }
  return rows;
}

interface FindingTables {
  accountIndex: Map<string, number>;
  checkIndex: Map<string, number>;
  requirementIndex: Map<string, number>;
  regions: Interner<string>;
  exceptions: Interner<ExceptionRef>;
}

type EncodedFindings = Pick<ReportData, 'messages' | 'requirementSets' | 'requestIdLists' | 'evidence' | 'findings' | 'evidenceOmitted'>;

/** Two passes over the findings `keep` lets through: failures claim the evidence budget first; the rows keep the results' order. */
async function encodeFindings(input: ReportInput, keep: () => (finding: Finding) => boolean, tables: FindingTables): Promise<EncodedFindings> {
  const messages = new Interner<string>((m) => m);
  const requirementSets = new Interner<number[]>((s) => s.join(','));
  const requestIdLists = new Interner<string[]>((l) => l.join(','));
  const evidence = new EvidencePacker();
  const rows: FindingRow[] = [];
  let kept = keep();
  for await (const f of input.findings.each()) if (kept(f) && evidencePriority(f) === 0) evidence.add(f.evidence);
  kept = keep();
  for await (const f of input.findings.each()) {
    if (!kept(f)) continue;
    const requirementSet = f.requirementIds.map((id) => tables.requirementIndex.get(id)!);
    rows.push([
      tables.checkIndex.get(f.checkId)!,
      tables.accountIndex.get(f.accountId)!,
      tables.regions.add(f.region),
      f.resource,
      STATUS_CODE[f.status],
      severityRank(f.severity),
      messages.add(f.message),
      requirementSets.add(requirementSet),
      evidencePriority(f) === 0 ? evidence.indexOf(f.evidence) : evidence.add(f.evidence),
      requestIdLists.add(f.requestIds),
      f.advisory ? 1 : 0,
      f.exception ? tables.exceptions.add(f.exception) : -1,
    ]);
  }
  return {
    messages: messages.values,
    requirementSets: requirementSets.values,
    requestIdLists: requestIdLists.values,
    evidence: evidence.values(),
    findings: rows,
    evidenceOmitted: evidence.omitted,
  };
}

function evidencePriority(finding: Finding): number {
  return finding.status === 'PASS' || finding.status === 'NOT_APPLICABLE' ? 1 : 0;
}

/** Dedupes evidence, cuts oversized entries and stops embedding once the budget is spent. */
class EvidencePacker {
  omitted = 0;
  private spent = 0;
  private readonly table = new Interner<EvidenceData>((e) => e[0]);

  add(evidence: Record<string, unknown>): number {
    if (Object.keys(evidence).length === 0) return EVIDENCE_NONE;
    const entry = entryOf(evidence);
    const seen = this.table.find(entry);
    if (seen !== undefined) return seen;
    // Counted as embedded: the text is itself JSON-encoded again inside the data block.
    const cost = JSON.stringify(entry[0]).length;
    if (this.spent + cost > EVIDENCE_BUDGET_CHARS) {
      this.omitted += 1;
      return EVIDENCE_OMITTED;
    }
    this.spent += cost;
    return this.table.add(entry);
  }

  /** The index `add` gave the same evidence earlier, without adding or counting it again. */
  indexOf(evidence: Record<string, unknown>): number {
    if (Object.keys(evidence).length === 0) return EVIDENCE_NONE;
    return this.table.find(entryOf(evidence)) ?? EVIDENCE_OMITTED;
  }

  values(): EvidenceData[] {
    return this.table.values;
  }
}

function entryOf(evidence: Record<string, unknown>): EvidenceData {
  const json = JSON.stringify(evidence);
  return json.length > EVIDENCE_MAX_CHARS ? [json.slice(0, EVIDENCE_MAX_CHARS), json.length] : [json, null];
}

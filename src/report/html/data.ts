// The data the page renders client-side, embedded once as JSON. It is compact on purpose: a
// 500-account, 16-region run has tens of thousands of findings, so repeated strings (checks,
// accounts, regions, messages, request-ID lists, evidence) are stored once and referenced by index.

import type { Requirement, RequirementScope } from '../../contract/checklists/types.js';
import { FINDING_STATUSES, SEVERITIES, severityRank, type RequirementStatus, type Severity } from '../../contract/status.js';
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

export function buildReportData(input: ReportInput): ReportData {
  const { results } = input;
  const accounts = accountTable(input);
  const accountIndex = new Map(accounts.map((a, i) => [a.id, i]));
  const checks = checkTable(input);
  const checkIndex = new Map(checks.map((c, i) => [c.id, i]));
  const requirements = requirementRows(input, accountIndex, checkIndex);
  const requirementIndex = new Map(requirements.map((r, i) => [r.id, i]));
  const regions = new Interner<string>((r) => r);
  const attestations = new Interner<AttestationRef>((a) => JSON.stringify(a));
  const details = detailRows(results.requirements, requirementIndex, accountIndex, attestations);
  for (const row of results.requirements) if (row.scope === 'partner') setPartnerCell(requirements[requirementIndex.get(row.requirementId)!]!, row, attestations);
  const exceptions = new Interner<ExceptionRef>((e) => JSON.stringify(e));
  const encoded = encodeFindings(results.findings, { accountIndex, checkIndex, requirementIndex, regions, exceptions });
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
  };
}

/** The run's accounts, plus any account a result names that the account list lacks (shown, never dropped). */
function accountTable({ results }: ReportInput): AccountData[] {
  const accounts: AccountData[] = results.accounts.map((a) => ({ id: a.accountId, name: a.name, status: a.status, error: a.error }));
  const known = new Set(accounts.map((a) => a.id));
  for (const id of [...results.requirements, ...results.findings].map((r) => r.accountId)) {
    if (id === undefined || known.has(id)) continue;
    known.add(id);
    accounts.push({ id, status: 'UNLISTED', error: 'Named by a result but missing from the run’s account list.' });
  }
  return accounts;
}

/** Every check summary, plus a bare entry for any check a finding names that has no summary. */
function checkTable(input: ReportInput): CheckData[] {
  const checks: CheckData[] = input.checks.map(({ id, title, description, severity, remediation, docsUrl, actions }) => ({
    id, title, description, severity, remediation, docsUrl, actions,
  }));
  const known = new Set(checks.map((c) => c.id));
  const named = [...input.results.findings.map((f) => f.checkId), ...input.results.requirements.flatMap((r) => r.checkIds)];
  for (const id of named) {
    if (known.has(id)) continue;
    known.add(id);
    checks.push({ id, title: id, description: 'No description was supplied for this check.', severity: 'informational', remediation: '', docsUrl: '', actions: [] });
  }
  return checks;
}

/** Checklist requirements in checklist order, then any requirement the results name that the checklist lacks. */
function requirementRows(input: ReportInput, accountIndex: Map<string, number>, checkIndex: Map<string, number>): RequirementData[] {
  const { results, checklist } = input;
  const catalogue = new Map(checklist.requirements.map((r) => [r.id, r]));
  const ids = [
    ...checklist.requirements.map((r) => r.id),
    ...results.requirements.map((r) => r.requirementId),
    ...results.findings.flatMap((f) => f.requirementIds),
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

function encodeFindings(findings: Finding[], tables: FindingTables): EncodedFindings {
  const messages = new Interner<string>((m) => m);
  const requirementSets = new Interner<number[]>((s) => s.join(','));
  const requestIdLists = new Interner<string[]>((l) => l.join(','));
  const evidence = new EvidencePacker();
  const rows: FindingRow[] = [];
  // Failures claim the evidence budget first; the rows themselves keep the results' order.
  const byPriority = findings.map((_, i) => i).sort((a, b) => evidencePriority(findings[a]!) - evidencePriority(findings[b]!));
  const evidenceOf = new Array<number>(findings.length);
  for (const i of byPriority) evidenceOf[i] = evidence.add(findings[i]!.evidence);
  findings.forEach((f, i) => {
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
      evidenceOf[i]!,
      requestIdLists.add(f.requestIds),
      f.advisory ? 1 : 0,
      f.exception ? tables.exceptions.add(f.exception) : -1,
    ]);
  });
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
    const json = JSON.stringify(evidence);
    const cut = json.length > EVIDENCE_MAX_CHARS;
    const entry: EvidenceData = cut ? [json.slice(0, EVIDENCE_MAX_CHARS), json.length] : [json, null];
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

  values(): EvidenceData[] {
    return this.table.values;
  }
}

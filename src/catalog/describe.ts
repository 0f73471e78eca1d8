// Plain-text and JSON views of check and requirement metadata, for `checks` and `explain`.

import { checkActions, type AnyCheck } from '../contract/check.js';
import { checksCovering, evidenceSources, requirementIdsOf } from './coverage.js';
import { APPLIES_TO_LABEL } from './labels.js';
import type { Checklist, Requirement } from '../contract/checklists/types.js';

export interface CheckListing {
  id: string;
  title: string;
  requirementIds: string[];
  severity: AnyCheck['severity'];
  actions: string[];
}

/** The checks mapped to `checklist`, by id. */
export function listChecks(checks: readonly AnyCheck[], checklist: Checklist): CheckListing[] {
  return checks
    .filter((c) => requirementIdsOf(c, checklist).length > 0)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((c) => ({ id: c.id, title: c.title, requirementIds: requirementIdsOf(c, checklist), severity: c.severity, actions: checkActions(c) }));
}

export function renderCheckListing(listing: readonly CheckListing[], checklist: Checklist): string {
  const head = `${listing.length} checks for ${checklist.id}@${checklist.version}`;
  const blocks = listing.map((c) =>
    [`${c.id}  [${c.severity}]  ${c.requirementIds.join(', ')}`, `  ${c.title}`, `  IAM actions: ${c.actions.join(', ')}`].join('\n'),
  );
  return [head, ...blocks].join('\n\n') + '\n';
}

export function describeCheck(check: AnyCheck, checklists: readonly Checklist[]) {
  return {
    kind: 'check' as const,
    id: check.id,
    title: check.title,
    description: check.description,
    requirements: Object.fromEntries(checklists.map((l) => [`${l.id}@${l.version}`, requirementIdsOf(check, l)])),
    severity: check.severity,
    scope: check.scope,
    evidence: evidenceSources(check),
    actions: checkActions(check),
    remediation: check.remediation,
    docsUrl: check.docsUrl,
  };
}

export function renderCheck(check: AnyCheck, checklists: readonly Checklist[]): string {
  const d = describeCheck(check, checklists);
  const requirements = Object.entries(d.requirements)
    .filter(([, ids]) => ids.length > 0)
    .map(([list, ids]) => `${list}: ${ids.join(', ')}`);
  const evidence = d.evidence.map((e) => (e.optional ? `${e.collector} (when available)` : e.collector));
  return fields(`${d.id}: ${d.title}`, d.description, [
    ['Requirements', requirements.join('; ') || 'none'],
    ['Severity', d.severity],
    ['Scope', d.scope],
    ['Evidence', evidence.join(', ')],
    ['IAM actions', d.actions.join(', ')],
    ['Remediation', d.remediation],
    ['Docs', d.docsUrl],
  ]);
}

export function describeRequirement(requirement: Requirement, checklist: Checklist, checks: readonly AnyCheck[]) {
  return {
    kind: 'requirement' as const,
    checklist: `${checklist.id}@${checklist.version}`,
    ...requirement,
    checks: checksCovering(checks, checklist, requirement.id).map((c) => c.id),
  };
}

export function renderRequirement(requirement: Requirement, checklist: Checklist, checks: readonly AnyCheck[]): string {
  const covering = checksCovering(checks, checklist, requirement.id).map((c) => `${c.id} (${c.title})`);
  const rows: [string, string][] = [
    ['Section', requirement.section],
    ['Applies to', requirement.appliesTo.map((m) => APPLIES_TO_LABEL[m]).join(', ')],
    ['Automation', requirement.automation],
    ['Judged', requirement.scope === 'partner' ? 'once for the partner' : 'per account'],
  ];
  if (requirement.attest) rows.push(['Attest', requirement.attest]);
  if (requirement.perCustomerExample) rows.push(['Asked for', 'each customer example']);
  if (requirement.attestationOverridesFail) rows.push(['Note', 'a met attestation overrides a failing check']);
  rows.push(['Checks', covering.join('; ') || 'none (the partner attests)']);
  return fields(`${requirement.id} (${checklist.id}@${checklist.version}): ${requirement.title}`, undefined, rows);
}

function fields(heading: string, text: string | undefined, rows: [string, string][]): string {
  const width = Math.max(...rows.map(([k]) => k.length)) + 3;
  const lines = rows.map(([k, v]) => `  ${`${k}:`.padEnd(width)}${v}`);
  return [heading, ...(text ? [`  ${text}`, ''] : []), ...lines].join('\n') + '\n';
}

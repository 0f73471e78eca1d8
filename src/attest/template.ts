// The commented template `partner-audit attest --init` writes. Entries stay commented out, so the
// file is valid as written; an entry uncommented without evidence and owner fails validation.

import { APPLIES_TO_LABEL } from '../catalog/labels.js';
import type { Checklist, Requirement } from '../contract/checklists/types.js';

/** Requirements the partner must (or may, to override a failing check) attest. */
export function needsAttestation(requirement: Requirement): boolean {
  return requirement.automation !== 'full' || requirement.attestationOverridesFail === true;
}

export function renderAttestationTemplate(checklist: Checklist, today: string): string {
  const sections = new Map<string, Requirement[]>();
  for (const r of checklist.requirements.filter(needsAttestation)) {
    sections.set(r.section, [...(sections.get(r.section) ?? []), r]);
  }
  const body = [...sections].map(([section, reqs]) => [`  # ── ${section} ──`, ...reqs.map((r) => entry(r, today))].join('\n\n'));
  return [...header(checklist), ...body, exceptionsExample(today)].join('\n\n') + '\n';
}

function header(checklist: Checklist): string[] {
  return [
    [
      `# Attestations for ${checklist.id}@${checklist.version} (${checklist.title}).`,
      '# Written by `partner-audit attest --init`; the format is described in docs/attestations.md.',
      '# Every entry is commented out. For each one you can back with evidence, delete the "# " in',
      '# front of its lines and fill it in:',
      '#   status    met or not-met (left empty on purpose: choose one)',
      '#   evidence  links or document names, at least one',
      '#   owner     the person or team who stands behind the statement',
      '#   date      when it was last confirmed (YYYY-MM-DD); expires is optional, same format',
      '#   accounts  optional, per-account requirements only: account IDs or Key=Value account tags;',
      '#             without it the statement covers every account',
      '# An expired attestation is ignored, and the report says so.',
      `checklist: ${checklist.id}`,
      'requirements:',
    ].join('\n'),
  ];
}

function entry(r: Requirement, today: string): string {
  const appliesTo = r.appliesTo.map((m) => APPLIES_TO_LABEL[m]).join(', ');
  const perExample = r.perCustomerExample ? ' Give it for each customer example.' : '';
  const judged = r.scope === 'partner' ? 'judged once for the partner' : 'judged per account';
  return [
    `  # ${r.id}: ${r.title} (applies to ${appliesTo}; automation: ${r.automation}; ${judged})`,
    `  # Show: ${r.attest ?? 'how this requirement is met'}.${perExample}`,
    `  # ${yamlKey(r.id)}:`,
    '  #   status: ""',
    '  #   evidence: []',
    '  #   owner: ""',
    `  #   date: ${today}`,
    '  #   # expires: YYYY-MM-DD',
    ...(r.scope === 'account' ? ['  #   # accounts: ["111122223333", "Environment=production"]'] : []),
    '  #   # notes: ""',
  ].join('\n');
}

/** Exceptions name checks, not requirements; an example shows the shape. */
function exceptionsExample(today: string): string {
  return [
    '# Accepted exceptions: a FAIL or WARN finding you accept for a reason, until a date (`partner-audit',
    '# checks` lists check IDs; results.json names each finding\'s resource). ERROR findings are never',
    '# excepted. Uncomment and fill in:',
    '# exceptions:',
    '#   - check: ""             # a check ID',
    '#     resource: ""          # the finding\'s resource, or a pattern where * stands for any characters',
    '#     # accounts: ["111122223333"]',
    '#     reason: ""',
    '#     owner: ""',
    `#     expires: ${today}     # required: set the date it must be reviewed again`,
  ].join('\n');
}

/** Quoted when YAML would read it as a number (prerequisites such as 1.1). */
function yamlKey(id: string): string {
  return /^\d/.test(id) ? `"${id}"` : id;
}

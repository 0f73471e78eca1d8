import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStatements } from '../../src/attest/load.js';
import type { AttestationSet } from '../../src/attest/types.js';
import type { Checklist } from '../../src/contract/checklists/types.js';
import { needsAttestation, renderAttestationTemplate } from '../../src/attest/template.js';
import { getChecklist } from '../../src/catalog/index.js';
import { ConfigError } from '../../src/errors.js';

const smb = getChecklist('smb-competency');
const ftr = getChecklist('ftr-partner-hosted');
const CHECK_IDS = ['s3-bucket-not-public', 'iam-user-keys-rotated'];

/** One file's statements for one checklist, as a scan of that checklist loads them. */
async function loadAttestations(path: string, checklist: Checklist): Promise<AttestationSet> {
  const statements = await loadStatements([path], { checklists: [checklist], checkIds: CHECK_IDS });
  return statements.attestations.get(checklist.id) ?? new Map();
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partner-audit-attest-'));
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const VALID = `checklist: smb-competency
requirements:
  SUP-001:
    status: met
    evidence:
      - "Partner-Led Support contract PLS-2291"
    owner: ops@example.com
    date: 2026-02-01
    expires: 2027-02-01
  OPE-003:
    status: not-met
    evidence: [https://git.example.com/settings/branches]
    owner: eng
    date: 2026-03-01T10:00:00Z
    notes: reviews are optional on two repos
`;

describe('loadAttestations', () => {
  it('returns the attestations by requirement ID', async () => {
    const set = await loadAttestations(await file('ok.yaml', VALID), smb);
    expect([...set.keys()]).toEqual(['SUP-001', 'OPE-003']);
    expect(set.get('SUP-001')).toEqual([{
      status: 'met',
      evidence: ['Partner-Led Support contract PLS-2291'],
      owner: 'ops@example.com',
      date: '2026-02-01',
      expires: '2027-02-01',
    }]);
    expect(set.get('OPE-003')?.[0]?.notes).toBe('reviews are optional on two repos');
  });

  it.each([
    ['an unknown requirement ID', VALID.replace('OPE-003:', 'OPE-009:'), 'a.yaml:10: requirements.OPE-009: not a requirement of smb-competency@2025-08'],
    ['an ID of another checklist', VALID.replace('OPE-003:', 'ARC-004:'), 'a.yaml:10: requirements.ARC-004: not a requirement of smb-competency@2025-08'],
    ['a bad status', VALID.replace('status: not-met', 'status: yes'), 'a.yaml:11: requirements.OPE-003.status: invalid option: expected one of "met"|"not-met"'],
    ['no evidence', VALID.replace('evidence: [https://git.example.com/settings/branches]', 'evidence: []'), 'a.yaml:12: requirements.OPE-003.evidence: must list at least one link or document'],
    ['a missing owner', VALID.replace('    owner: eng\n', ''), 'a.yaml:10: requirements.OPE-003.owner: is required'],
    ['a non-ISO date', VALID.replace('date: 2026-02-01', 'date: 1 Feb 2026'), 'a.yaml:8: requirements.SUP-001.date: must be an ISO date such as 2026-03-31'],
    ['expiry before the date', VALID.replace('expires: 2027-02-01', 'expires: 2025-02-01'), 'a.yaml:9: requirements.SUP-001.expires: must not be before date'],
    ['an unknown field', VALID.replace('    notes:', '    note:'), 'a.yaml:15: requirements.OPE-003.note: unknown key; did you mean "notes"?'],
    ['a file for another checklist', VALID.replace('checklist: smb-competency', 'checklist: ftr-partner-hosted'), 'a.yaml:1: checklist: written for "ftr-partner-hosted", but this run uses "smb-competency" (requirement IDs differ between checklists)'],
    ['a missing checklist', VALID.replace('checklist: smb-competency\n', ''), 'a.yaml:1: checklist: must name the checklist the requirement statements are for'],
    ['accounts that are neither IDs nor tags', VALID.replace('    notes:', '    accounts: [prod]\n    notes:'), 'a.yaml:15: requirements.OPE-003.accounts[0]: must be a 12-digit account ID or a Key=Value account tag'],
    ['accounts on a partner-level requirement', VALID.replace('OPE-003:', 'SBR-002:').replace('    notes:', '    accounts: ["111122223333"]\n    notes:'), 'a.yaml:10: requirements.SBR-002: is judged once for the partner, so its attestation cannot be limited to accounts'],
    ['two statements covering every account', VALID.replace('  OPE-003:\n    status', '  OPE-003:\n  - status').replace(/\n {4}(evidence|owner|date|notes): /g, '\n    $1: ').concat('  - status: met\n    evidence: [x]\n    owner: y\n    date: 2026-01-01\n'), 'a.yaml:10: requirements.OPE-003: has more than one statement without accounts; limit all but one to accounts'],
    ['a bad field inside a list of statements', VALID.replace('  OPE-003:\n    status: not-met', '  OPE-003:\n  - status: nope'), 'a.yaml:11: requirements.OPE-003[0].status: invalid option: expected one of "met"|"not-met"'],
    ['an exception for an unknown check', `${VALID}exceptions:\n  - check: s3-bucket-not-publik\n    resource: "arn:aws:s3:::www"\n    reason: website\n    owner: web\n    expires: 2027-01-01\n`, 'a.yaml:17: exceptions[0].check: no check "s3-bucket-not-publik"; did you mean "s3-bucket-not-public"?'],
    ['an exception without an expiry', `${VALID}exceptions:\n  - check: s3-bucket-not-public\n    resource: "arn:aws:s3:::www"\n    reason: website\n    owner: web\n`, 'a.yaml:17: exceptions[0].expires: is required'],
  ])('rejects %s with the line', async (_name, text, expected) => {
    const error = await loadAttestations(await file('a.yaml', text), smb).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(join(dir, expected));
  });

  it('keeps statements limited to accounts, and exceptions from a file without requirements', async () => {
    const scoped = VALID.replace('  SUP-001:\n    status', '  SUP-001:\n  - accounts: ["111122223333", "Environment=production"]\n    status')
      .replace(/\n {4}(evidence:|  - "Partner|owner: ops|date: 2026-02-01|expires: 2027)/g, '\n    $1');
    const set = await loadAttestations(await file('scoped.yaml', scoped), smb);
    expect(set.get('SUP-001')?.[0]?.accounts).toEqual(['111122223333', 'Environment=production']);
    const exceptionsOnly = 'exceptions:\n  - check: s3-bucket-not-public\n    resource: "arn:aws:s3:::www.example.com"\n    reason: static website\n    owner: web-team\n    expires: 2027-03-31\n';
    const statements = await loadStatements([await file('exceptions.yaml', exceptionsOnly), await file('ok2.yaml', VALID)], { checklists: [smb], checkIds: CHECK_IDS });
    expect(statements.exceptions).toEqual([{ check: 's3-bucket-not-public', resource: 'arn:aws:s3:::www.example.com', reason: 'static website', owner: 'web-team', expires: '2027-03-31' }]);
    expect([...statements.attestations.get('smb-competency')!.keys()]).toEqual(['SUP-001', 'OPE-003']);
  });

  it('refuses a requirement attested in two files', async () => {
    const [a, b] = [await file('one.yaml', VALID), await file('two.yaml', VALID)];
    await expect(loadStatements([a, b], { checklists: [smb], checkIds: CHECK_IDS })).rejects.toThrow(`${b}:3: requirements.SUP-001: already attested in ${a}`);
  });

  it('accepts a checklist written as id@version', async () => {
    const set = await loadAttestations(await file('v.yaml', VALID.replace('checklist: smb-competency', 'checklist: smb-competency@2025-08')), smb);
    expect(set.size).toBe(2);
  });
});

describe('attestation template', () => {
  const template = renderAttestationTemplate(smb, '2026-11-23');

  it('has an entry for every manual and partial requirement, plus SUP-001 whose failure can be attested', () => {
    const entries = [...template.matchAll(/^ {2}# "?([\w.-]+)"?:$/gm)].map((m) => m[1]);
    const expected = smb.requirements.filter((r) => r.automation !== 'full' || r.attestationOverridesFail).map((r) => r.id);
    expect(entries).toEqual(expected);
    expect(entries).toContain('SUP-001');
    expect(entries).toContain('IAM-002');
    expect(entries).not.toContain('SECOPS-011');
    expect(entries).not.toContain('AWSAPI-004');
  });

  it('loads as an empty set while every entry is commented out', async () => {
    expect(parse(template)).toEqual({ checklist: 'smb-competency', requirements: null });
    const set = await loadAttestations(await file('template.yaml', template), smb);
    expect(set.size).toBe(0);
  });

  it('rejects an entry uncommented but not filled in, and accepts it once filled in', async () => {
    const uncommented = uncomment(template, 'IAM-005');
    await expect(loadAttestations(await file('half.yaml', uncommented), smb)).rejects.toThrow(/requirements\.IAM-005\.status: invalid option: expected one of "met"\|"not-met"$/);
    const filled = fill(uncommented).replace('[a document]', '[https://tickets.example.com/RISK-SLA]').replace('owner: someone', 'owner: secops');
    const set = await loadAttestations(await file('filled.yaml', filled), smb);
    expect(set.get('IAM-005')).toEqual([{ status: 'met', evidence: ['https://tickets.example.com/RISK-SLA'], owner: 'secops', date: '2026-11-23' }]);
  });

  it('quotes IDs YAML would read as numbers', async () => {
    expect(template).toContain('  # "1.1":\n');
    const filled = fill(uncomment(template, '1.1')).replace('owner: someone', 'owner: alliances');
    expect((await loadAttestations(await file('prereq.yaml', filled), smb)).get('1.1')?.[0]?.owner).toBe('alliances');
  });

  it('works for the FTR checklist too', async () => {
    const ftrTemplate = renderAttestationTemplate(ftr, '2026-11-23');
    expect(ftrTemplate).toContain('checklist: ftr-partner-hosted\n');
    const set = await loadAttestations(await file('ftr.yaml', fill(uncomment(ftrTemplate, 'ARC-005')).replace('owner: someone', 'owner: ciso')), ftr);
    expect(set.get('ARC-005')?.[0]?.owner).toBe('ciso');
  });

  it('says which requirements are judged once for the partner and offers accounts only on the others', () => {
    expect(template).toContain('# SBR-002: Go-to-market strategy for SMB (applies to SaaS; automation: manual; judged once for the partner)');
    const entry = (id: string) => template.slice(template.indexOf(`  # ${id}: `), template.indexOf('#   # notes', template.indexOf(`  # ${id}: `)));
    expect(entry('IAM-005')).toContain('judged per account)');
    expect(entry('IAM-005')).toContain('  #   # accounts: ["111122223333", "Environment=production"]');
    expect(entry('SBR-002')).not.toContain('accounts:');
    expect(template).toContain('# exceptions:');
  });

  it('needsAttestation leaves out fully automated requirements only', () => {
    expect(needsAttestation({ id: 'X', title: 't', section: 's', appliesTo: ['saas'], automation: 'full', scope: 'account' })).toBe(false);
  });
});

/** What a partner does: delete the "# " in front of one entry's lines. */
function uncomment(template: string, id: string): string {
  const lines = template.split('\n');
  const start = lines.findIndex((l) => l === `  # ${id}:` || l === `  # "${id}":`);
  for (let i = start; i < start + 5; i++) lines[i] = lines[i]!.replace('  # ', '  ');
  return lines.join('\n');
}

/** What a partner does next: choose a status and fill in evidence and owner. */
function fill(uncommented: string): string {
  return uncommented.replace('    status: ""', '    status: met').replace('    evidence: []', '    evidence: [a document]').replace('    owner: ""', '    owner: someone');
}

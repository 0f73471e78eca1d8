import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'partner-audit-config-'));
});

async function configFile(name: string, text: string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

describe('loadConfig', () => {
  it('applies the schema defaults and resolves the attestations path against the config file', async () => {
    const file = await configFile('ok.yaml', ['accounts:', '  - "111111111111"', 'attestations: attest/partner.yaml', 'settings:', '  iam:', '    interactiveUsers: [alice]'].join('\n'));
    const config = await loadConfig(file);
    expect(config).toMatchObject({
      checklist: 'smb-competency',
      deploymentModel: 'saas',
      accounts: ['111111111111'],
      roleName: 'PartnerAuditReadOnly',
      attestations: [join(dir, 'attest/partner.yaml')],
      concurrency: { accounts: 'auto', accountStartsPerSecond: 10, requestsInFlight: 96, perService: 4 },
      settings: { iam: { interactiveUsers: ['alice'], maxServiceKeyAgeDays: 7, partnerCidrs: [] }, acm: { minDaysToExpiry: 30 } },
    });
  });

  it('treats an empty file as all defaults', async () => {
    const config = await loadConfig(await configFile('empty.yaml', '# nothing yet\n'));
    expect(config.checklist).toBe('smb-competency');
  });

  it.each([
    ['an unknown top-level key', 'checklist: smb-competency\nregoins: [eu-west-1]\n', 'bad.yaml:2: regoins: unknown key; did you mean "regions"?'],
    ['an unknown nested key', 'settings:\n  iam:\n    maxKeyAge: 3\n', 'bad.yaml:3: settings.iam.maxKeyAge: unknown key; allowed: interactiveUsers, maxServiceKeyAgeDays, partnerCidrs'],
    ['an invalid account ID in a list', 'accounts:\n  - "111111111111"\n  - "12345"\n', 'bad.yaml:3: accounts[1]: must be a 12-digit AWS account ID'],
    ['an unknown region', 'regions:\n  - eu-west-1\n  - europe\n', 'bad.yaml:3: regions[1]: must be an AWS region name such as eu-west-1'],
    ['a value of the wrong type', 'concurrency:\n  accounts: many\n', 'bad.yaml:2: concurrency.accounts: expected auto or a whole number from 1 to 256'],
    ['a value out of range', 'retry:\n  maxAttempts: 0\n', 'bad.yaml:2: retry.maxAttempts: too small: expected number to be >=1'],
    ['a bad enum value', 'deploymentModel: hybrid\n', 'bad.yaml:1: deploymentModel: invalid option: expected one of "saas"|"customer-deployed"'],
    ['an unknown checklist', '# comment\nchecklist: pci\n', 'bad.yaml:2: checklist: unknown checklist "pci"; known checklists: smb-competency@2025-08, ftr-partner-hosted@2026-02'],
    ['a list where a mapping belongs', 'accounts: []\norganization:\n  - enabled\n', 'bad.yaml:2: organization: invalid input: expected object, received array'],
    ['a document that is not a mapping', '- a\n- b\n', 'bad.yaml:1: (top level): invalid input: expected object, received array'],
    ['malformed YAML', 'checklist: smb-competency\nregions: [eu-west-1\nroleName: x\n', /^.*bad\.yaml:\d+: invalid YAML: .+$/],
    ['a duplicate key', 'roleName: a\nroleName: b\n', /^.*bad\.yaml:2: invalid YAML: Map keys must be unique$/],
    ['a malformed company email domain', 'company:\n  emailDomains: [example.com, example]\n', 'bad.yaml:2: company.emailDomains[1]: must be a domain such as example.com'],
    ['company facts under settings', 'settings:\n  company:\n    emailDomains: [example.com]\n', 'bad.yaml:2: settings.company: unknown key; allowed: iam, acm, ossec, iac, ftr'],
    ['an ExternalId shorter than STS takes', 'externalId: x\n', 'bad.yaml:1: externalId: must be 2 to 1,224 characters'],
    ['an ExternalId with a space', 'externalId: partner audit\n', 'bad.yaml:1: externalId: may hold only letters, digits and + = , . @ : / _ -'],
    ['a threshold that is not a whole number of days', 'settings:\n  ftr:\n    staleRoleDays: 0\n', 'bad.yaml:3: settings.ftr.staleRoleDays: too small: expected number to be >0'],
  ])('reports %s as one line naming file, line and field', async (_name, text, expected) => {
    const file = await configFile('bad.yaml', text);
    const error = await loadConfig(file).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    if (typeof expected === 'string') expect(message).toBe(join(dir, expected));
    else expect(message).toMatch(expected);
  });

  it('reports a missing file as a ConfigError', async () => {
    await expect(loadConfig(join(dir, 'missing.yaml'))).rejects.toThrow(new ConfigError(`${join(dir, 'missing.yaml')}: cannot read: ENOENT`));
  });
});

import { describe, expect, it } from 'vitest';
import check from '../../checks/iam-root-credentials-locked.js';
import type { CredentialReportEntry } from '../../src/datasets/iam/datasets.js';
import { accountSummary, credentialReport, organizationsFeatures, reportEntry, ROOT_ARN, rootEntry } from '../helpers/fixtures/iam.js';
import { accountInput, failed, ok, settings } from '../helpers/input.js';
import { firstMessage, runCheckCases, type CheckCase } from '../helpers/run-check-cases.js';

const TEN_DAYS_AGO = '2026-11-13T12:00:00.000Z';
const HALF_A_YEAR_AGO = '2026-05-20T12:00:00.000Z';

function root(passwordLastUsed?: string): CredentialReportEntry {
  return { ...rootEntry(), ...(passwordLastUsed && { passwordLastUsed }) };
}

function arc(options: { password?: boolean; mfa: boolean; lastUsed?: string; entries?: CredentialReportEntry[]; features?: CheckCase['input']['optional']['features']; window?: number }): CheckCase['input'] {
  return accountInput({
    settings: settings(options.window ? { ftr: { rootUseWindowDays: options.window } } : {}),
    data: { summary: accountSummary(options.password, options.mfa), report: credentialReport(...(options.entries ?? [root(options.lastUsed)])) },
    optional: { features: options.features ?? ok(organizationsFeatures()) },
  });
}

runCheckCases(check, [
  {
    name: 'no root password: nothing to lock away',
    input: arc({ password: false, mfa: false }),
    expected: [{ status: 'PASS', messageId: 'noPassword', resource: ROOT_ARN, params: { central: 'the organization manages member root credentials centrally (RootCredentialsManagement, RootSessions)' } }],
  },
  {
    name: 'a password and no MFA fails',
    input: arc({ password: true, mfa: false }),
    expected: [{ status: 'FAIL', messageId: 'noMfa', resource: ROOT_ARN }],
  },
  {
    name: 'a password with MFA used within the window warns with the date',
    input: arc({ password: true, mfa: true, lastUsed: TEN_DAYS_AGO }),
    expected: [{ status: 'WARN', messageId: 'usedRecently', resource: ROOT_ARN, params: { lastUsed: TEN_DAYS_AGO, days: 90 } }],
  },
  {
    name: 'a password with MFA not used within the window passes',
    input: arc({ password: true, mfa: true, lastUsed: HALF_A_YEAR_AGO }),
    expected: [{ status: 'PASS', messageId: 'lockedAway', resource: ROOT_ARN, params: { lastUsed: HALF_A_YEAR_AGO } }],
  },
  {
    name: 'ftr.rootUseWindowDays widens the window',
    input: arc({ password: true, mfa: true, lastUsed: HALF_A_YEAR_AGO, window: 365 }),
    expected: [{ status: 'WARN', messageId: 'usedRecently', resource: ROOT_ARN, params: { days: 365 } }],
  },
  {
    name: 'a password with MFA never used passes',
    input: arc({ password: true, mfa: true }),
    expected: [{ status: 'PASS', messageId: 'lockedAway', resource: ROOT_ARN, params: { lastUsed: 'never' } }],
  },
  {
    name: 'AccountPasswordPresent missing and no MFA: could not be judged',
    input: arc({ mfa: false }),
    expected: [{ status: 'ERROR', messageId: 'passwordUnknown', resource: ROOT_ARN }],
  },
  {
    name: 'AccountPasswordPresent missing with MFA: judged by the last use',
    input: arc({ mfa: true, lastUsed: TEN_DAYS_AGO }),
    expected: [{ status: 'WARN', messageId: 'usedRecently', resource: ROOT_ARN }],
  },
  {
    name: 'a report without a root row is an error',
    input: arc({ password: true, mfa: true, entries: [reportEntry('alice')] }),
    expected: [{ status: 'ERROR', messageId: 'rootMissing', resource: ROOT_ARN }],
  },
]);

describe('iam-root-credentials-locked evidence of centralized root access', () => {
  const central = (features: CheckCase['input']['optional']['features']) => firstMessage(check, arc({ password: false, mfa: false, features }));

  it('names a refusal from a caller that is not the management account, an unreadable dataset, and a feature that is off', () => {
    expect(central(ok(organizationsFeatures({ refusal: { code: 'AccountNotManagementOrDelegatedAdministrator', message: 'no' }, enabledFeatures: undefined })))).toContain(
      'could not be read from the scanning account (AccountNotManagementOrDelegatedAdministrator)',
    );
    expect(central(failed())).toContain('centralized root access could not be read (AccessDeniedException)');
    expect(central(ok(organizationsFeatures({ enabledFeatures: [] })))).toContain('does not manage member root credentials centrally');
  });
});

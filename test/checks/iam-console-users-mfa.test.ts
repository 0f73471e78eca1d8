import { describe, expect, it } from 'vitest';
import check from '../../checks/iam-console-users-mfa.js';
import type { CredentialReportEntry } from '../../src/datasets/iam/datasets.js';
import { consoleUser, credentialReport, identityProviders, reportEntry, rootEntry, userArn } from '../helpers/fixtures/iam.js';
import { identityCenter } from '../helpers/fixtures/keys.js';
import { ACCOUNT, accountInput, failed, ok, REGION } from '../helpers/input.js';
import { runCheckCases, type CheckCase } from '../helpers/run-check-cases.js';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1234567890abcdef';

function mfa(entries: CredentialReportEntry[], options: { instances?: string[]; saml?: string[]; providers?: CheckCase['input']['optional']['providers'] } = {}): CheckCase['input'] {
  return accountInput({
    regions: [REGION, 'us-east-1'],
    data: {
      report: credentialReport(rootEntry(), ...entries),
      identityCenter: { [REGION]: ok(identityCenter(...(options.instances ?? []))), 'us-east-1': ok(identityCenter()) },
    },
    optional: { providers: options.providers ?? ok(identityProviders(options.saml ?? [])) },
  });
}

runCheckCases(check, [
  {
    name: 'each console user without MFA fails; service users and root are not judged',
    input: mfa([consoleUser('alice', { mfaActive: false }), consoleUser('bob'), reportEntry('ci'), consoleUser('carol', { mfaActive: false })]),
    expected: [
      { status: 'FAIL', messageId: 'noMfa', resource: userArn('alice'), params: { user: 'alice' } },
      { status: 'FAIL', messageId: 'noMfa', resource: userArn('carol'), params: { user: 'carol' } },
    ],
  },
  {
    name: 'every console user with MFA passes, naming Identity Center as federation evidence',
    input: mfa([consoleUser('bob')], { instances: [INSTANCE] }),
    expected: [{ status: 'PASS', messageId: 'allMfa', resource: `arn:aws:iam::${ACCOUNT}:root`, params: { count: 1, federation: `people federate through IAM Identity Center (${INSTANCE}); attest that the identity provider enforces MFA` } }],
  },
  {
    name: 'no console users passes, naming the SAML providers',
    input: mfa([reportEntry('ci')], { saml: ['okta'] }),
    expected: [{ status: 'PASS', messageId: 'noConsoleUsers', resource: `arn:aws:iam::${ACCOUNT}:root`, params: { federation: 'people federate through 1 SAML provider(s); attest that the identity provider enforces MFA' } }],
  },
]);

describe('iam-console-users-mfa federation evidence', () => {
  it('says when no federation is visible and records what could not be read', () => {
    const input = mfa([], { providers: failed() });
    (input.data.identityCenter as Record<string, unknown>)['us-east-1'] = failed('UnrecognizedClientException', 'error');
    const [outcome] = check.evaluate(input as never);
    expect(outcome!.params?.federation).toBe('no Identity Center instance or SAML/OIDC provider is visible from this account');
    expect(outcome!.evidence?.federation).toMatchObject({ unreadable: { 'us-east-1': 'UnrecognizedClientException', 'IAM providers': 'AccessDeniedException' } });
  });

  it('counts OIDC providers', () => {
    const input = mfa([], { providers: ok(identityProviders([], ['token.actions.githubusercontent.com'])) });
    expect(check.evaluate(input as never)[0]!.params?.federation).toContain('1 OIDC provider(s)');
  });
});

// The identity, account and key checks end to end through the real scanner and SDK clients against
// the wire organization, with the refusals AWS gives: a key policy that shuts the audit role out, and
// IAM denies on Identity Center, Access Analyzer and contact information reads.

import { describe, expect, it } from 'vitest';
import { evaluateSnapshot } from '../../bench/scan-driver.js';
import type { Finding, Results } from '../../src/contract/results.js';
import type { Scenario } from '../fake-aws/index.js';
import { MGMT, PROD, wireScenario } from './fixtures.js';
import { VENDOR_ACCOUNT } from './fixtures-identity.js';
import { useFakeAws } from './harness.js';
import { scanOrganization, type ScanOutcome } from './scan.js';

/** The wire organization plus refusals: the key policy of one MGMT key, and IAM denies on evidence-only reads. */
function refusingScenario(): Scenario {
  const scenario = wireScenario();
  const accounts = scenario.accounts.map((account) => {
    if (account.id !== MGMT) return account;
    const eu = account.regions['eu-west-1']!;
    return { ...account, regions: { ...account.regions, 'eu-west-1': { ...eu, kms: { keys: [...(eu.kms?.keys ?? []), { id: 'locked-key', refuses: 'GetKeyPolicy' as const }] } } } };
  });
  const deny = [
    { action: 'sso:ListInstances', accountId: MGMT, region: 'us-east-1' },
    { action: 'access-analyzer:ListAnalyzers', accountId: MGMT, region: 'us-east-1' },
    { action: 'account:GetContactInformation', accountId: PROD },
  ];
  return { ...scenario, accounts, faults: { ...scenario.faults, deny } };
}

function findings(results: Results, accountId: string, checkId: string, region = 'global'): Finding[] {
  return results.findings.filter((f) => f.accountId === accountId && f.checkId === checkId && f.region === region);
}

const summary = (list: Finding[]) => list.map((f) => `${f.status} ${f.messageId.split('.').pop()} ${f.resource.split(':').pop()}`);

describe('identity, account and key checks against the wire organization', () => {
  const fake = useFakeAws(refusingScenario);
  let outcome: ScanOutcome;
  let ftr: Results;

  it('judges root use, contact emails and the FTR support recommendation', async () => {
    outcome = await scanOrganization();
    ftr = await evaluateSnapshot(outcome.dir, 'ftr-partner-hosted');
    expect(summary(findings(ftr, MGMT, 'iam-root-credentials-locked'))).toEqual(['WARN usedRecently root']);
    const [memberRoot] = findings(ftr, PROD, 'iam-root-credentials-locked');
    expect(memberRoot).toMatchObject({ status: 'PASS', messageId: 'iam-root-credentials-locked.noPassword' });
    expect(memberRoot!.message).toContain('could not be read from the scanning account (ServiceAccessNotEnabled)');
    const [emails] = findings(ftr, PROD, 'account-contact-emails-company-owned');
    expect(emails).toMatchObject({ status: 'PASS', messageId: 'account-contact-emails-company-owned.companyOwned' });
    expect(emails!.message).toContain(`root user aws+${PROD}@example.com`);
    expect(emails!.evidence.contactInformation).toEqual({ unreadable: 'AccessDeniedException' });
    expect(findings(ftr, MGMT, 'account-contact-emails-company-owned')[0]!.evidence.contactInformation).toMatchObject({ set: true, companyName: 'Wire Test Corp' });
    expect(summary(findings(ftr, MGMT, 'support-plan-business-recommended'))).toEqual(['WARN basicOrDeveloper root']);
  });

  it('judges MFA, old keys, the password policy and shared-looking logins', () => {
    expect(summary(findings(ftr, MGMT, 'iam-console-users-mfa'))).toEqual(['FAIL noMfa user/alice']);
    const [federated] = findings(ftr, PROD, 'iam-console-users-mfa');
    expect(federated!.message).toMatch(/people federate through IAM Identity Center \(arn:aws:sso:::instance\/ssoins-\w+\), 1 OIDC provider/);
    expect(findings(ftr, MGMT, 'iam-console-users-mfa')[0]!.evidence.federation).toMatchObject({ samlProviders: [`arn:aws:iam::${MGMT}:saml-provider/corporate-idp`], unreadable: { 'us-east-1': 'AccessDeniedException' } });
    expect(summary(findings(ftr, PROD, 'iam-access-keys-rotated-or-monitored'))).toEqual(['FAIL notRotatedUnmonitored user/legacy-sync/access-key/1']);
    expect(findings(ftr, PROD, 'iam-access-keys-rotated-or-monitored')[0]!.message).toContain('is not enabled in us-east-1');
    expect(summary(findings(ftr, MGMT, 'iam-password-policy-strong'))).toEqual(['FAIL noPolicy root']);
    expect(summary(findings(ftr, PROD, 'iam-password-policy-strong'))).toEqual(['PASS strong root']);
    expect(summary(findings(ftr, PROD, 'iam-console-users-individual'))).toEqual(['WARN sharedName user/admin']);
  });

  it('judges third-party roles, administrator policies and stale identities, with Access Analyzer as evidence', () => {
    const roles = findings(ftr, MGMT, 'iam-third-party-roles-external-id');
    expect(summary(roles)).toEqual(['WARN noExternalId role/vendor-monitoring', 'PASS externalId role/vendor-billing']);
    expect(roles[0]!.message).toContain(`arn:aws:iam::${VENDOR_ACCOUNT}:root, outside the organization o-wiretest01`);
    expect(roles[0]!.evidence.accessAnalyzerRegions).toEqual(['eu-west-1']);
    expect(summary(findings(ftr, PROD, 'iam-policies-least-privilege'))).toEqual(['FAIL fullAdmin policy/break-glass', 'WARN userPolicies user/etl']);
    expect(findings(ftr, MGMT, 'iam-policies-least-privilege')[0]!.evidence.unusedAccess).toMatchObject({
      analyzers: [{ region: 'eu-west-1', name: 'unused-access', activeFindings: { UnusedPermission: 1 } }],
      unreadable: { 'us-east-1': 'AccessDeniedException' },
    });
    expect(summary(findings(ftr, PROD, 'iam-identities-recently-used'))).toEqual(['WARN staleUser user/admin', 'WARN staleRole role/old-batch']);
    expect(fake().stats().byAction['access-analyzer:ListFindings']).toBe(2);
  });

  it('judges KMS keys for the SMB checklist: open policies, rotation, a key policy that shuts the audit role out', async () => {
    const smb = await evaluateSnapshot(outcome.dir, 'smb-competency');
    const keys = findings(smb, MGMT, 'kms-customer-keys-protected', 'eu-west-1');
    expect(keys.map((f) => `${f.status} ${f.messageId.split('.').pop()}`)).toEqual([
      'PASS protectedKey',
      'WARN rotationOff',
      'FAIL openPolicy',
      'PASS protectedKey',
      'PASS protectedKey',
      'ERROR unreadable',
    ]);
    expect(keys[0]!.evidence.counts).toEqual({ customerManaged: 7, usable: 6, pendingDeletion: 1, awsManaged: 1 });
    expect(keys[5]!.message).toContain('refuses the audit role kms:GetKeyPolicy');
    expect(summary(findings(smb, MGMT, 'kms-customer-keys-protected', 'us-east-1'))).toEqual(['NOT_APPLICABLE noCustomerKeys key']);
  });
});

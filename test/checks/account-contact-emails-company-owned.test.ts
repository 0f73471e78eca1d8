import { describe, expect, it } from 'vitest';
import check from '../../checks/account-contact-emails-company-owned.js';
import type { DatasetView } from '../../src/contract/check.js';
import type { AccountEmailsEvidence } from '../../src/datasets/organizations/datasets.js';
import { contact, contactInformation, contacts, rootEmails } from '../helpers/fixtures/account.js';
import { ACCOUNT, accountInput, failed, ok, settings } from '../helpers/input.js';
import { runCheckCases, type CheckCase } from '../helpers/run-check-cases.js';

const root = `arn:aws:iam::${ACCOUNT}:root`;
const allThree = [contact('BILLING'), contact('OPERATIONS'), contact('SECURITY')];

function acom(options: { root?: DatasetView<AccountEmailsEvidence>; contacts?: ReturnType<typeof contact>[]; domains?: string[] } = {}): CheckCase['input'] {
  return accountInput({
    settings: settings(options.domains ? { company: { emailDomains: options.domains } } : {}),
    data: { contacts: contacts(...(options.contacts ?? allThree)) },
    optional: { rootEmails: options.root ?? ok(rootEmails()), contactInformation: ok(contactInformation()) },
  });
}

const refused = (code: string): DatasetView<AccountEmailsEvidence> => ok({ refusal: { code, message: code } });

runCheckCases(check, [
  {
    name: 'root and alternate contacts on a company domain pass',
    input: acom(),
    expected: [{ status: 'PASS', messageId: 'companyOwned', resource: root, params: { kind: 'no free-mail domain' } }],
  },
  {
    name: 'with company.emailDomains set, its subdomains count as the company\'s',
    input: acom({ domains: ['example.com'], contacts: [contact('SECURITY', { email: 'soc@corp.example.com' })] }),
    expected: [{ status: 'PASS', messageId: 'companyOwned', resource: root, params: { kind: 'company domains (example.com)', emails: 'root user aws-root@example.com, SECURITY alternate contact soc@corp.example.com' } }],
  },
  {
    name: 'a free-mail root email and a free-mail contact fail each',
    input: acom({ root: ok(rootEmails('founder@gmail.com')), contacts: [contact('BILLING', { email: 'books@yahoo.co.uk' }), contact('SECURITY')] }),
    expected: [
      { status: 'FAIL', messageId: 'freeMail', resource: root, params: { who: 'root user', domain: 'gmail.com' } },
      { status: 'FAIL', messageId: 'freeMail', resource: `${root}/alternate-contact/BILLING`, params: { domain: 'yahoo.co.uk' } },
    ],
  },
  {
    name: 'with company.emailDomains set, any other domain fails too',
    input: acom({ domains: ['example.com'], contacts: [contact('OPERATIONS', { email: 'ops@contractor.io' })] }),
    expected: [{ status: 'FAIL', messageId: 'notCompanyDomain', resource: `${root}/alternate-contact/OPERATIONS`, params: { domains: 'example.com' } }],
  },
  {
    name: 'a standalone scanning account: the root email is unknown and the finding says so',
    input: acom({ root: refused('AWSOrganizationsNotInUseException') }),
    expected: [{ status: 'PASS', messageId: 'rootUnknown', resource: root, params: { why: 'the scanning account is in no organization, and no AWS API reads a standalone account\'s root email' } }],
  },
  {
    name: 'no alternate contact and an unknown root email: nothing to judge',
    input: acom({ root: refused('AccessDeniedException'), contacts: [] }),
    expected: [{ status: 'WARN', messageId: 'nothingToJudge', resource: root, params: { why: 'only the organization\'s management account or a delegated administrator may list it (AccessDeniedException)' } }],
  },
]);

describe('account-contact-emails-company-owned: why a root email is unknown', () => {
  const evidence = (input: CheckCase['input']) => check.evaluate(input as never)[0]!.evidence as Record<string, unknown>;

  it('names an unreadable listing and an account outside the caller\'s organization, and keeps the contact information', () => {
    expect(evidence(acom({ root: failed('TooManyRequestsException', 'throttled') })).rootEmailUnknown).toBe('organizations:ListAccounts could not be read: TooManyRequestsException');
    expect(evidence(acom({ root: ok(rootEmails('x@example.com', '999999999999')) })).rootEmailUnknown).toBe('the account is not in the scanning account\'s organization');
    expect(evidence(acom()).contactInformation).toMatchObject({ companyName: 'Example Corp', phoneNumber: '+1-206-555-0100' });
    const unreadable = accountInput({ data: { contacts: contacts(...allThree) }, optional: { rootEmails: ok(rootEmails()), contactInformation: failed() } });
    expect(evidence(unreadable).contactInformation).toEqual({ unreadable: 'AccessDeniedException' });
  });
});

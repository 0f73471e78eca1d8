import { alternateContacts, contactInformation } from '../src/datasets/account/datasets.js';
import { accountEmails, type AccountEmailsEvidence } from '../src/datasets/organizations/datasets.js';
import { defineCheck, type DatasetView, type Outcome } from '../src/contract/check.js';
import type { CompanySettings } from '../src/contract/settings.js';
import { accountArn } from './lib/arn.js';
import { emailDomain, isCompanyDomain, isFreeMailDomain } from './lib/free-mail-domains.js';

const MESSAGES = {
  freeMail: 'The {who} email {email} is on the free-mail domain {domain}, which the company does not own.',
  notCompanyDomain: 'The {who} email {email} is not on a company domain (company.emailDomains: {domains}).',
  companyOwned: 'Every contact email, root included, is on {kind}: {emails}.',
  rootUnknown: 'The alternate contact emails are on {kind}: {emails}. The root email could not be read ({why}): attest that it is company-owned.',
  nothingToJudge: 'No alternate contact email is set and the root email could not be read ({why}), so no contact email could be judged.',
} as const;

interface ContactEmail {
  who: string;
  email: string;
  resource: string;
}

const NOT_IN_ORGANIZATION = 'AWSOrganizationsNotInUseException';

/** The account's root email from the caller's ListAccounts, or why it is unknown. */
function rootEmailOf(view: DatasetView<AccountEmailsEvidence>, accountId: string): { email?: string; why?: string } {
  if (!view.ok) return { why: `organizations:ListAccounts could not be read: ${view.error.code}` };
  const { emails, refusal } = view.data;
  if (refusal?.code === NOT_IN_ORGANIZATION) return { why: 'the scanning account is in no organization, and no AWS API reads a standalone account\'s root email' };
  if (refusal) return { why: `only the organization's management account or a delegated administrator may list it (${refusal.code})` };
  const email = emails?.[accountId];
  return email ? { email } : { why: 'the account is not in the scanning account\'s organization' };
}

function problem(contact: ContactEmail, company: CompanySettings): Outcome<keyof typeof MESSAGES> | undefined {
  const domain = emailDomain(contact.email) ?? contact.email;
  const params = { who: contact.who, email: contact.email, domain };
  if (isFreeMailDomain(domain)) return { status: 'FAIL', messageId: 'freeMail', resource: contact.resource, params };
  if (company.emailDomains.length > 0 && !isCompanyDomain(domain, company.emailDomains)) {
    return { status: 'FAIL', messageId: 'notCompanyDomain', resource: contact.resource, params: { ...params, domains: company.emailDomains.join(', ') } };
  }
  return undefined;
}

export default defineCheck({
  id: 'account-contact-emails-company-owned',
  title: 'Account contact emails, root included, are company-owned',
  description:
    'Judges the root user email (from Organizations ListAccounts, readable only from the management account or a delegated administrator; ' +
    'a standalone account\'s root email is unknown and the finding says so) and the BILLING, OPERATIONS and SECURITY alternate contact ' +
    'emails. An email on a free-mail domain (the maintained list in checks/lib/free-mail-domains.ts: gmail.com, outlook.com, yahoo.com, ' +
    'icloud.com, proton.me, gmx.*, yandex.* and more) fails; when company.emailDomains is set, an email on any other domain (subdomains of ' +
    'those count as theirs) fails too. Account Management GetContactInformation (company name, phone, website) is evidence. That the ' +
    'addresses and phone numbers belong to the company is attested.',
  requirements: { 'ftr-partner-hosted': ['ACOM-002'] },
  severity: 'medium',
  scope: 'account',
  uses: { contacts: alternateContacts },
  optionalUses: { rootEmails: accountEmails, contactInformation },
  remediation:
    'Move each contact to a company mailbox: `aws account put-alternate-contact` for the alternate contacts, and for the root email the ' +
    'account\'s root user (Account settings) or, in an organization, `aws account start-primary-email-update` from the management account. ' +
    'Set company.emailDomains in the config so that any other domain fails.',
  docsUrl: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-root-user-email.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const resource = accountArn(input);
    const company = input.settings.company;
    const root = rootEmailOf(input.optional.rootEmails, input.accountId);
    const judged: ContactEmail[] = [
      ...(root.email ? [{ who: 'root user', email: root.email, resource }] : []),
      ...input.data.contacts.contacts.flatMap((c) => (c.email ? [{ who: `${c.type} alternate contact`, email: c.email, resource: `${resource}/alternate-contact/${c.type}` }] : [])),
    ];
    const info = input.optional.contactInformation;
    const evidence = {
      emails: judged.map(({ who, email }) => ({ who, email })),
      ...(root.why && { rootEmailUnknown: root.why }),
      companyEmailDomains: company.emailDomains,
      contactInformation: info.ok ? info.data : { unreadable: info.error.code },
    };
    const failures = judged.map((c) => problem(c, company)).filter((o) => o !== undefined);
    if (failures.length > 0) return failures.map((o) => ({ ...o, evidence }));
    if (judged.length === 0) return [{ status: 'WARN', messageId: 'nothingToJudge', resource, params: { why: root.why ?? '' }, evidence }];
    const kind = company.emailDomains.length > 0 ? `company domains (${company.emailDomains.join(', ')})` : 'no free-mail domain';
    const emails = judged.map((c) => `${c.who} ${c.email}`).join(', ');
    if (root.why) return [{ status: 'PASS', messageId: 'rootUnknown', resource, params: { kind, emails, why: root.why }, evidence }];
    return [{ status: 'PASS', messageId: 'companyOwned', resource, params: { kind, emails }, evidence }];
  },
});

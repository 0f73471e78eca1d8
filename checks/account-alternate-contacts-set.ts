import { defineCheck } from '../src/contract/check.js';
import { ALTERNATE_CONTACT_TYPES, alternateContacts } from '../src/datasets/account/datasets.js';
import { accountArn } from './lib/arn.js';

/** What AWS writes to each contact about, for the message. */
const ABOUT: Record<(typeof ALTERNATE_CONTACT_TYPES)[number], string> = {
  BILLING: 'invoices and payment problems',
  OPERATIONS: 'service events and maintenance',
  SECURITY: 'abuse reports and security incidents',
};

export default defineCheck({
  id: 'account-alternate-contacts-set',
  title: 'The account names billing, operations and security alternate contacts',
  description:
    'Reads the BILLING, OPERATIONS and SECURITY alternate contacts of each account through its own audit role (Account Management ' +
    'GetAlternateContact; "no such contact" is an answer, not an error). Each type that is not set fails on its own. When all three are ' +
    'set the finding passes and lists them; that each reaches a team mailbox rather than one person is attested.',
  requirements: { 'ftr-partner-hosted': ['ACOM-001'] },
  severity: 'medium',
  scope: 'account',
  uses: { contacts: alternateContacts },
  remediation:
    'Set each missing contact to a team mailbox: `aws account put-alternate-contact --alternate-contact-type SECURITY --email-address ' +
    'security@example.com --name "Security team" --title Team --phone-number <number>` (likewise BILLING and OPERATIONS), or from the ' +
    'management account for every member with --account-id.',
  docsUrl: 'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-update-contact-alternate.html',
  messages: {
    allSet: 'Billing, operations and security alternate contacts are set: {contacts}.',
    missing: 'The {type} alternate contact is not set, so AWS has no team to reach about {about}.',
  },
  evaluate: (input) => {
    const { contacts } = input.data.contacts;
    const resource = accountArn(input);
    const missing = ALTERNATE_CONTACT_TYPES.filter((type) => !contacts.some((c) => c.type === type));
    if (missing.length === 0) {
      const listed = contacts.map((c) => `${c.type} ${c.email ?? c.name ?? 'set'}`).join(', ');
      return [{ status: 'PASS', messageId: 'allSet', resource, params: { contacts: listed }, evidence: { contacts } }];
    }
    return missing.map((type) => ({
      status: 'FAIL',
      messageId: 'missing',
      resource: `${resource}/alternate-contact/${type}`,
      params: { type, about: ABOUT[type] },
      evidence: { contacts },
    }));
  },
});

// Account Management (restJson 1): alternate contacts of the calling account. A type that is not
// set answers ResourceNotFoundException, as AWS does.

import { FakeAwsError } from '../errors.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface AlternateContactSpec {
  name: string;
  email: string;
  title?: string;
  phone?: string;
}

declare module '../scenario.js' {
  interface AccountSpec {
    /** Alternate contacts by type (BILLING, OPERATIONS, SECURITY); a missing type is not set. */
    alternateContacts?: Partial<Record<'BILLING' | 'OPERATIONS' | 'SECURITY', AlternateContactSpec>>;
  }
}

function getAlternateContact(ctx: HandlerContext): unknown {
  const type = ctx.input.json.AlternateContactType as 'BILLING' | 'OPERATIONS' | 'SECURITY';
  const contact = ctx.account.alternateContacts?.[type];
  if (!contact) throw new FakeAwsError('ResourceNotFoundException', 404, 'No contact of the requested type can be found.');
  return {
    AlternateContact: {
      AlternateContactType: type,
      Name: contact.name,
      EmailAddress: contact.email,
      Title: contact.title ?? 'Team',
      PhoneNumber: contact.phone ?? '+1-206-555-0100',
    },
  };
}

export const account = defineService({
  signingName: 'account',
  actionPrefix: 'account',
  protocol: restJson,
  global: true,
  operations: {
    GetAlternateContact: { http: 'POST /getAlternateContact', handler: getAlternateContact },
  },
});

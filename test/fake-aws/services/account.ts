// Account Management (restJson 1): alternate contacts and contact information of the calling
// account. A type that is not set, and contact information that is not set, answer
// ResourceNotFoundException.

import { FakeAwsError } from '../errors.js';
import { restJson } from '../protocols/rest-json.js';
import { defineService, type HandlerContext } from '../service.js';

export interface AlternateContactSpec {
  name: string;
  email: string;
  title?: string;
  phone?: string;
}

export interface ContactInformationSpec {
  fullName: string;
  companyName?: string;
  phone: string;
  website?: string;
}

declare module '../scenario.js' {
  interface AccountSpec {
    /** Alternate contacts by type (BILLING, OPERATIONS, SECURITY); a missing type is not set. */
    alternateContacts?: Partial<Record<'BILLING' | 'OPERATIONS' | 'SECURITY', AlternateContactSpec>>;
    /** The primary contact (GetContactInformation); absent: not set. */
    contactInformation?: ContactInformationSpec;
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

function getContactInformation(ctx: HandlerContext): unknown {
  const info = ctx.account.contactInformation;
  if (!info) throw new FakeAwsError('ResourceNotFoundException', 404, 'The contact information for this account cannot be found.');
  return {
    ContactInformation: {
      FullName: info.fullName, AddressLine1: '410 Terry Ave N', City: 'Seattle', StateOrRegion: 'WA', PostalCode: '98109', CountryCode: 'US',
      PhoneNumber: info.phone, CompanyName: info.companyName, WebsiteUrl: info.website,
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
    GetContactInformation: { http: 'POST /getContactInformation', handler: getContactInformation },
  },
});

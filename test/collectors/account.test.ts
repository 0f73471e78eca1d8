import { AccessDeniedException, AccountClient, GetAlternateContactCommand, GetContactInformationCommand, ResourceNotFoundException } from '@aws-sdk/client-account';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { alternateContacts, contactInformation } from '../../src/datasets/account/datasets.js';
import { collect, testContext } from './context.js';

const account = mockClient(AccountClient);
const notSet = () => new ResourceNotFoundException({ message: 'No contact of the requested type can be found.', $metadata: {} });

describe('account.alternateContacts', () => {
  beforeEach(() => account.reset());

  it('reads the three contact types through the account itself, in us-east-1', async () => {
    account.on(GetAlternateContactCommand).callsFake(({ AlternateContactType }) => ({
      AlternateContact: { AlternateContactType, Name: `${AlternateContactType} team`, EmailAddress: `${AlternateContactType.toLowerCase()}@example.com` },
    }));
    const evidence = await collect(alternateContacts, testContext('us-east-1'));
    expect(alternateContacts.homeRegion).toBe('us-east-1');
    expect(evidence.contacts.map((c) => [c.type, c.email])).toEqual([
      ['BILLING', 'billing@example.com'],
      ['OPERATIONS', 'operations@example.com'],
      ['SECURITY', 'security@example.com'],
    ]);
    expect(account.commandCalls(GetAlternateContactCommand).map((c) => c.args[0].input)).toEqual([
      { AlternateContactType: 'BILLING' },
      { AlternateContactType: 'OPERATIONS' },
      { AlternateContactType: 'SECURITY' },
    ]);
  });

  it('leaves out a type that is not set: ResourceNotFoundException is an answer', async () => {
    account.on(GetAlternateContactCommand).rejects(notSet());
    account.on(GetAlternateContactCommand, { AlternateContactType: 'SECURITY' }).resolves({ AlternateContact: { AlternateContactType: 'SECURITY', EmailAddress: 'sec@example.com' } });
    expect((await collect(alternateContacts, testContext('us-east-1'))).contacts.map((c) => c.type)).toEqual(['SECURITY']);
  });

  it('lets AccessDenied propagate: a refused read is a failed dataset, never "no contact"', async () => {
    account.on(GetAlternateContactCommand).rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    await expect(collect(alternateContacts, testContext('us-east-1'))).rejects.toBeInstanceOf(AccessDeniedException);
  });
});

describe('account.contactInformation', () => {
  beforeEach(() => account.reset());

  it('keeps the company name, phone and website of the account itself', async () => {
    account.on(GetContactInformationCommand).resolves({
      ContactInformation: { FullName: 'Jane Doe', AddressLine1: '1 Main St', City: 'Seattle', PostalCode: '98109', CountryCode: 'US', PhoneNumber: '+1-206-555-0100', CompanyName: 'Example Corp', WebsiteUrl: 'https://example.com' },
    });
    expect(await collect(contactInformation, testContext('us-east-1'))).toEqual({ set: true, companyName: 'Example Corp', phoneNumber: '+1-206-555-0100', websiteUrl: 'https://example.com' });
    expect(account.commandCalls(GetContactInformationCommand)[0]!.args[0].input).toEqual({});
  });

  it('records contact information that is not set as an answer', async () => {
    account.on(GetContactInformationCommand).rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }));
    expect(await collect(contactInformation, testContext('us-east-1'))).toEqual({ set: false });
  });

  it('lets AccessDenied propagate', async () => {
    account.on(GetContactInformationCommand).rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    await expect(collect(contactInformation, testContext('us-east-1'))).rejects.toBeInstanceOf(AccessDeniedException);
  });
});

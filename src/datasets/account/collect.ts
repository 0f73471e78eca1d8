import type * as SdkAccount from '@aws-sdk/client-account';
import { defineCollector, type CollectContext } from '../../contract/collector.js';
import { isErrorNamed } from '../sdk.js';
import { ALTERNATE_CONTACT_TYPES, alternateContacts, contactInformation, type AlternateContact, type AlternateContactType } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  AccountClient,
  GetAlternateContactCommand,
  GetContactInformationCommand,
} = sdkModule<typeof SdkAccount>('@aws-sdk/client-account');

/** The contact of one type, read through the account's own role; undefined when none is set. */
async function contactOf(ctx: CollectContext, type: AlternateContactType): Promise<AlternateContact | undefined> {
  try {
    const { AlternateContact: contact } = await ctx.clients.get(AccountClient).send(new GetAlternateContactCommand({ AlternateContactType: type }));
    return { type, name: contact?.Name, title: contact?.Title, email: contact?.EmailAddress, phone: contact?.PhoneNumber };
  } catch (err) {
    // The API's answer for a contact type that is not set: a fact about the account, not a fault.
    if (isErrorNamed(err, 'ResourceNotFoundException')) return undefined;
    throw err;
  }
}

const collectAlternateContacts = defineCollector(alternateContacts, async (ctx) => {
  const contacts = await Promise.all(ALTERNATE_CONTACT_TYPES.map((type) => contactOf(ctx, type)));
  return { contacts: contacts.filter((c): c is AlternateContact => c !== undefined) };
});

// Read through the account's own role (no AccountId), like the alternate contacts.
const collectContactInformation = defineCollector(contactInformation, async (ctx) => {
  try {
    const { ContactInformation: info } = await ctx.clients.get(AccountClient).send(new GetContactInformationCommand({}));
    return { set: true, companyName: info?.CompanyName, phoneNumber: info?.PhoneNumber, websiteUrl: info?.WebsiteUrl };
  } catch (err) {
    if (isErrorNamed(err, 'ResourceNotFoundException')) return { set: false };
    throw err;
  }
});

export const COLLECTORS = [collectAlternateContacts, collectContactInformation];

// AWS Account Management datasets: the evidence shapes checks read and the declarations of the
// datasets. The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export const ALTERNATE_CONTACT_TYPES = ['BILLING', 'OPERATIONS', 'SECURITY'] as const;
export type AlternateContactType = (typeof ALTERNATE_CONTACT_TYPES)[number];

export interface AlternateContact {
  type: AlternateContactType;
  name?: string;
  title?: string;
  email?: string;
  phone?: string;
}

/** The account's alternate contacts; a type that is not set is simply absent. */
export interface AlternateContactsEvidence {
  contacts: AlternateContact[];
}

export const alternateContacts = defineDataset<AlternateContactsEvidence>({
  id: 'account.alternateContacts',
  scope: 'global',
  // The Account Management API is global, served from us-east-1 in the aws partition.
  homeRegion: 'us-east-1',
  actions: ['account:GetAlternateContact'],
});

/** The account's primary contact (GetContactInformation): the company-owned fields only; it holds no email. */
export interface ContactInformationEvidence {
  /** false when Account Management answers ResourceNotFoundException (no contact information set). */
  set: boolean;
  companyName?: string;
  phoneNumber?: string;
  websiteUrl?: string;
}

export const contactInformation = defineDataset<ContactInformationEvidence>({
  id: 'account.contactInformation',
  scope: 'global',
  homeRegion: 'us-east-1',
  actions: ['account:GetContactInformation'],
});

// AWS Health datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface HealthEvent {
  arn: string;
  eventTypeCode: string;
  service: string;
  statusCode: string;
  region?: string;
  startTime?: string;
}

export interface HealthRiskEventsEvidence {
  /** false when Health answered SubscriptionRequiredException. */
  subscribed: boolean;
  openEvents: HealthEvent[];
}

/** Collected once per scan with the caller's credentials (meaningful from the management account). */
export interface HealthOrganizationEvidence {
  /** DescribeHealthServiceStatusForOrganization; undefined when that call failed or could not say. */
  healthOrganizationView?: string;
  /**
   * The status call answered SubscriptionRequiredException: the management account's support plan
   * does not include the Health API, so it cannot say (organizational view itself works on every plan).
   */
  healthOrganizationViewUnknowable?: true;
  /** ListAWSServiceAccessForOrganization lists health.amazonaws.com; undefined when that call failed. */
  healthServiceAccessEnabled?: boolean;
  /** Delegated administrators for health.amazonaws.com; undefined when that call failed. */
  delegatedAdministrators?: string[];
  managementAccountId?: string;
  /** Errors of the individual calls, kept as evidence of what could not be seen. */
  callErrors: { action: string; code: string; message: string }[];
}

export const healthRiskEvents = defineDataset<HealthRiskEventsEvidence>({
  id: 'health.riskEvents',
  scope: 'global',
  // The Health API's global endpoint lives in us-east-1.
  homeRegion: 'us-east-1',
  actions: ['health:DescribeEvents'],
});

export const healthOrganization = defineDataset<HealthOrganizationEvidence>({
  id: 'health.organization',
  scope: 'organization',
  homeRegion: 'us-east-1',
  actions: [
    'health:DescribeHealthServiceStatusForOrganization',
    'organizations:DescribeOrganization',
    'organizations:ListAWSServiceAccessForOrganization',
    'organizations:ListDelegatedAdministrators',
  ],
});

// AWS CloudTrail datasets: the trails a region sees (its own, and the multi-region and organization
// trails that reach it) with the logging status of those homed there, and, behind
// settings.ftr.crossAccountAccess, a sample of the role assumptions into other accounts. The
// collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface TrailStatus {
  isLogging: boolean;
  latestDeliveryTime?: string;
  latestDeliveryError?: string;
}

export interface Trail {
  name: string;
  arn: string;
  homeRegion: string;
  multiRegion: boolean;
  organization: boolean;
  s3BucketName?: string;
  cloudWatchLogsLogGroupArn?: string;
  /** Read in the trail's home region only; absent elsewhere. */
  status?: TrailStatus;
  /**
   * Why the status could not be read in the home region: a member account cannot read its
   * organization's trail (TrailNotFoundException or CloudTrailARNInvalidException).
   */
  statusUnreadable?: string;
}

export interface TrailsEvidence {
  trails: Trail[];
}

export const cloudTrailTrails = defineDataset<TrailsEvidence>({
  id: 'cloudtrail.trails',
  scope: 'regional',
  actions: ['cloudtrail:DescribeTrails', 'cloudtrail:GetTrailStatus'],
});

export interface AssumeRoleEvent {
  eventId: string;
  time: string;
  /** The caller: the role (session issuer) or user that assumed the role. */
  callerArn: string;
  roleArn: string;
  /** The account that owns the assumed role. */
  targetAccount: string;
  /** Whether the call carried an external ID; its value is never kept, only a short hash to tell values apart. */
  externalId: boolean;
  externalIdHash?: string;
  errorCode?: string;
}

export interface AssumeRoleEventsEvidence {
  /** The window asked for: the last 30 days. */
  since: string;
  /** AssumeRole events read (newest first), of every caller. */
  scanned: number;
  /** True when every event of the window was read; false when the page limit stopped the sample. */
  complete: boolean;
  /** The oldest event read, when the sample stopped short of the window. */
  oldestScanned?: string;
  /** Only role assumptions into another account, by a user or role (never an AWS service). */
  events: AssumeRoleEvent[];
}

export const assumeRoleEvents = defineDataset<AssumeRoleEventsEvidence>({
  id: 'cloudtrail.assumeRoleEvents',
  scope: 'regional',
  actions: ['cloudtrail:LookupEvents'],
});

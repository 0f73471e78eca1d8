// AWS Health RISK events ("AWS Health Event"), with every field the schema marks required
// (https://docs.aws.amazon.com/health/latest/ug/aws-health-events-eventbridge-schema.html). Times are
// RFC 1123 strings and page/totalPages/backupEvent are strings, as in AWS's own samples. Seen through
// organizational view, `account` is the receiving account and `detail.affectedAccount` the member.

import type { EventIdentity } from './identity.js';
import { partitionOf } from './identity.js';

export const HEALTH_RISK_EVENT_CODES = [
  'AWS_RISK_CREDENTIALS_EXPOSED',
  'AWS_RISK_CREDENTIALS_COMPROMISED',
  'AWS_RISK_CREDENTIALS_EXPOSURE_SUSPECTED',
  'AWS_RISK_CREDENTIALS_COMPROMISE_SUSPECTED',
  'AWS_RISK_ACCOUNT_CONSOLE_COMPROMISE',
  'AWS_RISK_IAM_QUARANTINE',
] as const;

export type HealthRiskEventCode = (typeof HEALTH_RISK_EVENT_CODES)[number];

const STARTED = 'Mon, 02 Nov 2026 10:00:00 GMT';
const KEY = 'AKIAEXAMPLESAMPLE000';

export function healthRiskResources(): string[] {
  return [KEY];
}

/** Global events such as credential exposure are delivered to us-east-1 (`eventRegion` us-east-1). */
export function healthRiskDetail(code: HealthRiskEventCode, who: EventIdentity): Record<string, unknown> {
  return {
    eventArn: `arn:${partitionOf(who.region)}:health:us-east-1::event/RISK/${code}/${code}-SAMPLE`,
    service: 'RISK',
    eventTypeCode: code,
    eventTypeCategory: 'issue',
    eventScopeCode: 'ACCOUNT_SPECIFIC',
    communicationId: 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2-1',
    startTime: STARTED,
    lastUpdatedTime: STARTED,
    statusCode: 'open',
    eventRegion: 'us-east-1',
    eventDescription: [{ language: 'en_US', latestDescription: 'partner-audit routing sample' }],
    affectedEntities: [{ entityValue: KEY, lastUpdatedTime: STARTED }],
    page: '1',
    totalPages: '1',
    backupEvent: 'false',
    affectedAccount: who.subject,
  };
}

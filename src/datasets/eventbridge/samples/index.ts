// Sample events that a "routing rule" must match, as data, each built as AWS documents the event
// (see the files beside this one and docs/checks.md). Checks ask for samples by id; the eventbridge
// collector asks TestEventPattern (the authority on pattern semantics) whether each rule matches
// each sample asked, for the identities the event can have on that bus.

import { configNonCompliantDetail } from './config.js';
import { C2_ACTIVITY, CREDENTIAL_EXFILTRATION, guardDutyDetail, type GuardDutyFindingShape } from './guardduty.js';
import { HEALTH_RISK_EVENT_CODES, healthRiskDetail, healthRiskResources } from './health.js';
import type { EventIdentity } from './identity.js';
import { configAsff, controlAsff, guardDutyAsff, ocsfFinding, type AsffSample } from './security-hub.js';

export { HEALTH_RISK_EVENT_CODES, type HealthRiskEventCode } from './health.js';
export { deliveredIdentity, ownIdentity, type EventIdentity } from './identity.js';

export interface RoutingSample<Id extends string = string> {
  id: Id;
  source: string;
  detailType: string;
  /** AWS also delivers a member's event to a central account's bus (administrator, organizational view). */
  deliveredToCentral: boolean;
  /** The AWS page that documents the event's shape. */
  documentedAt: string;
  resources(who: EventIdentity): string[];
  detail(who: EventIdentity): Record<string, unknown>;
}

const HEALTH_EVENT_SCHEMA = 'https://docs.aws.amazon.com/health/latest/ug/aws-health-events-eventbridge-schema.html';

const healthSamples = HEALTH_RISK_EVENT_CODES.map(
  (code): RoutingSample<`health:${typeof code}`> => ({
    id: `health:${code}`,
    source: 'aws.health',
    detailType: 'AWS Health Event',
    deliveredToCentral: true,
    documentedAt: HEALTH_EVENT_SCHEMA,
    resources: healthRiskResources,
    detail: (who) => healthRiskDetail(code, who),
  }),
);

function guardDutySample<const Id extends string>(id: Id, shape: GuardDutyFindingShape): RoutingSample<Id> {
  return {
    id,
    source: 'aws.guardduty',
    detailType: 'GuardDuty Finding',
    deliveredToCentral: true,
    documentedAt: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html',
    resources: () => [],
    detail: (who) => guardDutyDetail(shape, who),
  };
}

function asffSample<const Id extends string>(id: Id, build: (who: EventIdentity) => AsffSample): RoutingSample<Id> {
  return {
    id,
    source: 'aws.securityhub',
    detailType: 'Security Hub Findings - Imported',
    deliveredToCentral: true,
    documentedAt: 'https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-cwe-event-formats.html',
    resources: (who) => [build(who).findingId],
    detail: (who) => ({ findings: [build(who).finding] }),
  };
}

function ocsfSample<const Id extends string>(id: Id, product: string, className: string): RoutingSample<Id> {
  return {
    id,
    source: 'aws.securityhub',
    detailType: 'Findings Imported V2',
    deliveredToCentral: true,
    documentedAt: 'https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-v2-cwe-event-formats.html',
    resources: () => ['e51603d1054aad9d9f498d82d6e81acf4cf6bc88140e8ad2273123c73b81084'],
    detail: (who) => ({ findings: [ocsfFinding(who, product, className)] }),
  };
}

export const ROUTING_SAMPLES = [
  ...healthSamples,
  guardDutySample('guardduty:credential-exfiltration', CREDENTIAL_EXFILTRATION),
  guardDutySample('guardduty:c2-activity', C2_ACTIVITY),
  asffSample('securityhub-v1:guardduty-credential-exfiltration', (who) => guardDutyAsff(CREDENTIAL_EXFILTRATION, who)),
  asffSample('securityhub-v1:guardduty-c2-activity', (who) => guardDutyAsff(C2_ACTIVITY, who)),
  asffSample('securityhub-v1:config', configAsff),
  asffSample('securityhub-v1:control', (who) => controlAsff(who, 'Security Hub')),
  asffSample('securityhub-v1:control-cspm', (who) => controlAsff(who, 'Security Hub CSPM')),
  ocsfSample('securityhub-v2:guardduty', 'GuardDuty', 'Detection Finding'),
  ocsfSample('securityhub-v2:config', 'Config', 'Compliance Finding'),
  ocsfSample('securityhub-v2:control', 'Security Hub', 'Compliance Finding'),
  {
    id: 'config:non-compliant' as const,
    source: 'aws.config',
    detailType: 'Config Rules Compliance Change',
    deliveredToCentral: false,
    documentedAt: 'https://docs.aws.amazon.com/config/latest/developerguide/example-config-rule-compliance-notification.html',
    resources: () => [],
    detail: configNonCompliantDetail,
  },
];

export type RoutingSampleId = (typeof ROUTING_SAMPLES)[number]['id'];

const BY_ID: ReadonlyMap<string, RoutingSample> = new Map(ROUTING_SAMPLES.map((s) => [s.id, s]));

export function routingSample(id: string): RoutingSample {
  const sample = BY_ID.get(id);
  if (!sample) throw new Error(`unknown routing sample ${id}`);
  return sample;
}

/** The full event TestEventPattern is given (it requires id, account, source, time, region, resources, detail-type). */
export function sampleEvent(sample: RoutingSample, who: EventIdentity): string {
  return JSON.stringify({
    version: '0',
    id: '7f1e2d3c-0000-4000-8000-000000000000',
    'detail-type': sample.detailType,
    source: sample.source,
    account: who.account,
    time: '2026-11-02T10:00:00Z',
    region: who.region,
    resources: sample.resources(who),
    detail: sample.detail(who),
  });
}

// Sample events that a "routing rule" must match, as data. Checks ask for samples by id; the
// eventbridge collector asks TestEventPattern (the authority on pattern semantics) whether each rule
// matches each sample asked, and checks read the verdicts.

export const HEALTH_RISK_EVENT_CODES = [
  'AWS_RISK_CREDENTIALS_EXPOSED',
  'AWS_RISK_CREDENTIALS_COMPROMISED',
  'AWS_RISK_CREDENTIALS_EXPOSURE_SUSPECTED',
  'AWS_RISK_CREDENTIALS_COMPROMISE_SUSPECTED',
  'AWS_RISK_ACCOUNT_CONSOLE_COMPROMISE',
  'AWS_RISK_IAM_QUARANTINE',
] as const;

export type RoutingSampleId =
  | `health:${(typeof HEALTH_RISK_EVENT_CODES)[number]}`
  | 'guardduty:credential-exfiltration'
  | 'guardduty:c2-activity'
  | 'securityhub-v1:guardduty'
  | 'securityhub-v2:guardduty'
  | 'securityhub-v1:config'
  | 'securityhub-v2:config'
  | 'config:non-compliant';

export interface RoutingSample {
  id: RoutingSampleId;
  source: string;
  detailType: string;
  /** The event's `detail` for this account and region. */
  detail(accountId: string, region: string): Record<string, unknown>;
  resources(accountId: string, region: string): string[];
}

const healthSamples: RoutingSample[] = HEALTH_RISK_EVENT_CODES.map((code) => ({
  id: `health:${code}` as const,
  source: 'aws.health',
  detailType: 'AWS Health Event',
  resources: () => [],
  detail: (accountId) => ({
    eventArn: `arn:aws:health:global::event/RISK/${code}/${code}_SAMPLE`,
    service: 'RISK',
    eventTypeCode: code,
    eventTypeCategory: 'issue',
    eventScopeCode: 'ACCOUNT_SPECIFIC',
    communicationId: 'sample',
    startTime: 'Mon, 02 Nov 2026 10:00:00 GMT',
    lastUpdatedTime: 'Mon, 02 Nov 2026 10:00:00 GMT',
    statusCode: 'open',
    eventRegion: 'global',
    eventDescription: [{ language: 'en_US', latestDescription: 'partner-audit routing sample' }],
    affectedAccount: accountId,
    affectedEntities: [{ entityValue: 'AKIAEXAMPLESAMPLE000' }],
  }),
}));

function guardDutyFinding(type: string, resourceType: string) {
  return (accountId: string, region: string) => ({
    schemaVersion: '2.0',
    accountId,
    region,
    partition: 'aws',
    id: 'sample0000000000000000000000000000',
    arn: `arn:aws:guardduty:${region}:${accountId}:detector/sample/finding/sample`,
    type,
    resource: { resourceType },
    service: { serviceName: 'guardduty', archived: false, count: 1 },
    severity: 8,
    createdAt: '2026-11-02T10:00:00.000Z',
    updatedAt: '2026-11-02T10:00:00.000Z',
    title: 'partner-audit routing sample',
    description: 'partner-audit routing sample',
  });
}

function securityHubV1(productName: string, productCode: string) {
  return (accountId: string, region: string) => ({
    findings: [
      {
        SchemaVersion: '2018-10-08',
        Id: `arn:aws:${productCode}:${region}:${accountId}:sample`,
        ProductArn: `arn:aws:securityhub:${region}::product/aws/${productCode}`,
        ProductName: productName,
        CompanyName: 'AWS',
        ProductFields: { 'aws/securityhub/ProductName': productName, 'aws/securityhub/CompanyName': 'AWS' },
        AwsAccountId: accountId,
        Region: region,
        Severity: { Label: 'HIGH', Normalized: 70 },
        Compliance: { Status: 'FAILED' },
        Workflow: { Status: 'NEW' },
        RecordState: 'ACTIVE',
        Title: 'partner-audit routing sample',
        Types: ['Software and Configuration Checks'],
        Resources: [{ Type: 'AwsAccount', Id: `AWS::::Account:${accountId}` }],
      },
    ],
  });
}

function securityHubV2(productName: string) {
  return (accountId: string, region: string) => ({
    findings: [
      {
        class_name: 'Detection Finding',
        activity_name: 'Create',
        severity: 'High',
        severity_id: 4,
        status: 'New',
        finding_info: { title: 'partner-audit routing sample', uid: 'sample' },
        cloud: { account: { uid: accountId }, region, provider: 'AWS' },
        metadata: { product: { name: productName, vendor_name: 'AWS' }, version: '1.5.0' },
      },
    ],
  });
}

export const ROUTING_SAMPLES: readonly RoutingSample[] = [
  ...healthSamples,
  {
    id: 'guardduty:credential-exfiltration',
    source: 'aws.guardduty',
    detailType: 'GuardDuty Finding',
    resources: () => [],
    detail: guardDutyFinding('UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS', 'AccessKey'),
  },
  {
    id: 'guardduty:c2-activity',
    source: 'aws.guardduty',
    detailType: 'GuardDuty Finding',
    resources: () => [],
    detail: guardDutyFinding('Backdoor:EC2/C&CActivity.B', 'Instance'),
  },
  {
    id: 'securityhub-v1:guardduty',
    source: 'aws.securityhub',
    detailType: 'Security Hub Findings - Imported',
    resources: () => [],
    detail: securityHubV1('GuardDuty', 'guardduty'),
  },
  {
    id: 'securityhub-v2:guardduty',
    source: 'aws.securityhub',
    detailType: 'Findings Imported V2',
    resources: () => [],
    detail: securityHubV2('GuardDuty'),
  },
  {
    id: 'securityhub-v1:config',
    source: 'aws.securityhub',
    detailType: 'Security Hub Findings - Imported',
    resources: () => [],
    detail: securityHubV1('Config', 'config'),
  },
  {
    id: 'securityhub-v2:config',
    source: 'aws.securityhub',
    detailType: 'Findings Imported V2',
    resources: () => [],
    detail: securityHubV2('Config'),
  },
  {
    id: 'config:non-compliant',
    source: 'aws.config',
    detailType: 'Config Rules Compliance Change',
    resources: () => [],
    detail: (accountId, region) => ({
      resourceId: 'sample-resource',
      awsRegion: region,
      awsAccountId: accountId,
      configRuleName: 'partner-audit-sample-rule',
      recordVersion: '1.0',
      configRuleARN: `arn:aws:config:${region}:${accountId}:config-rule/config-rule-sample`,
      messageType: 'ComplianceChangeNotification',
      newEvaluationResult: {
        evaluationResultIdentifier: {
          evaluationResultQualifier: {
            configRuleName: 'partner-audit-sample-rule',
            resourceType: 'AWS::EC2::Volume',
            resourceId: 'sample-resource',
          },
          orderingTimestamp: '2026-11-02T10:00:00.000Z',
        },
        complianceType: 'NON_COMPLIANT',
        resultRecordedTime: '2026-11-02T10:00:00.000Z',
        configRuleInvokedTime: '2026-11-02T10:00:00.000Z',
      },
      notificationCreationTime: '2026-11-02T10:00:00.000Z',
      resourceType: 'AWS::EC2::Volume',
    }),
  },
];

const BY_ID: ReadonlyMap<string, RoutingSample> = new Map(ROUTING_SAMPLES.map((s) => [s.id, s]));

export function routingSample(id: string): RoutingSample {
  const sample = BY_ID.get(id);
  if (!sample) throw new Error(`unknown routing sample ${id}`);
  return sample;
}

/** The full event TestEventPattern is given (it requires id, account, source, time, region, resources, detail-type). */
export function sampleEvent(sample: RoutingSample, accountId: string, region: string): string {
  return JSON.stringify({
    version: '0',
    id: '00000000-0000-0000-0000-000000000000',
    'detail-type': sample.detailType,
    source: sample.source,
    account: accountId,
    time: '2026-11-02T10:00:00Z',
    region,
    resources: sample.resources(accountId, region),
    detail: sample.detail(accountId, region),
  });
}

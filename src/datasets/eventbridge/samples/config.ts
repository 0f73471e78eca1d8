// An AWS Config rule turning NON_COMPLIANT ("Config Rules Compliance Change"): the body of AWS's
// ComplianceChangeNotification sample
// (https://docs.aws.amazon.com/config/latest/developerguide/example-config-rule-compliance-notification.html);
// captured events carry `resources: []`, the rule ARN only in the detail.

import type { EventIdentity } from './identity.js';
import { partitionOf } from './identity.js';

const RULE = 'partner-audit-sample-rule';

function evaluation(complianceType: string, at: string): Record<string, unknown> {
  return {
    evaluationResultIdentifier: {
      evaluationResultQualifier: { configRuleName: RULE, resourceType: 'AWS::EC2::Volume', resourceId: 'vol-0123456789abcdef0' },
      orderingTimestamp: at,
    },
    complianceType,
    resultRecordedTime: at,
    configRuleInvokedTime: at,
  };
}

export function configNonCompliantDetail(who: EventIdentity): Record<string, unknown> {
  return {
    resourceId: 'vol-0123456789abcdef0',
    awsRegion: who.region,
    awsAccountId: who.subject,
    configRuleName: RULE,
    recordVersion: '1.0',
    configRuleARN: `arn:${partitionOf(who.region)}:config:${who.region}:${who.subject}:config-rule/config-rule-sample`,
    messageType: 'ComplianceChangeNotification',
    newEvaluationResult: evaluation('NON_COMPLIANT', '2026-11-02T10:00:00.000Z'),
    oldEvaluationResult: evaluation('COMPLIANT', '2026-11-01T10:00:00.000Z'),
    notificationCreationTime: '2026-11-02T10:00:01.000Z',
    resourceType: 'AWS::EC2::Volume',
  };
}

// The committed deploy/ files, generated from the checks' declared actions (`npm run generate`);
// a test fails when they are stale.

import type { AnyCheck } from '../contract/check.js';
import { buildPolicyDocument, policyActions } from './policy.js';
import { roleCloudFormation } from './role-cloudformation.js';
import { roleTerraform } from './role-terraform.js';
import { scheduleCloudFormation } from './schedule-cloudformation.js';
import { neededActions } from './selection.js';

/** Repository-relative path → content, for the full check set. */
export function deployFiles(checks: readonly AnyCheck[]): Record<string, string> {
  const policy = buildPolicyDocument(policyActions(neededActions({}, checks)));
  return {
    'deploy/partner-audit-policy.json': `${JSON.stringify(policy, null, 2)}\n`,
    'deploy/partner-audit-role.cfn.yaml': roleCloudFormation(policy),
    'deploy/partner-audit-role.tf': roleTerraform(policy),
    'deploy/aws-schedule/partner-audit-schedule.cfn.yaml': scheduleCloudFormation(policy),
  };
}

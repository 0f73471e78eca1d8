import { defineCheck, type Outcome } from '../src/contract/check.js';
import { assumeRoleEvents } from '../src/datasets/cloudtrail/datasets.js';
import { callerOrganization } from '../src/datasets/organizations/datasets.js';
import { accountArn } from './lib/arn.js';
import { ASSUMPTION_MESSAGES, productAssumptionsOf, withoutEvidence, type AssumptionMessageId } from './lib/product-assumptions.js';

const MESSAGES = {
  withoutExternalId: 'The product assumed {role} in account {account} {count} time(s) without an external ID (latest {latest}): the role is open to the confused deputy.',
  externalIdUsed: 'Every AssumeRole by the product into customer accounts carried an external ID: {count} call(s), {roles} role(s), {distinct} distinct external ID(s).',
  ...ASSUMPTION_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES | AssumptionMessageId;

export default defineCheck({
  id: 'cloudtrail-assume-role-external-id',
  title: 'The product assumes customer roles with an external ID',
  description:
    'Only when settings.ftr.crossAccountAccess is true. In the sampled CloudTrail AssumeRole events of the last 30 days, each call by the ' +
    'product\'s principals into an account outside the organization must carry an external ID (requestParameters.externalId): a role ' +
    'assumed without one fails, once per role. The values are never kept, only a short hash to count distinct ones. A dedicated ' +
    'per-customer issuer URL (AssumeRoleWithWebIdentity) also qualifies and is attested.',
  requirements: { 'ftr-partner-hosted': ['CAA-002'] },
  severity: 'high',
  scope: 'account',
  uses: { events: assumeRoleEvents },
  optionalUses: { organization: callerOrganization },
  remediation:
    'Generate a unique external ID per customer, have the customer role\'s trust policy require it (Condition StringEquals sts:ExternalId), ' +
    'and pass it on every call: `aws sts assume-role --role-arn <arn> --role-session-name <name> --external-id <id>`.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const resource = accountArn(input);
    const found = productAssumptionsOf(input, resource);
    const none = withoutEvidence(found, resource);
    if (none) return none;
    const missing = found.events.filter((e) => !e.externalId);
    if (missing.length > 0) {
      const byRole = new Map<string, typeof missing>();
      for (const e of missing) byRole.set(e.roleArn, [...(byRole.get(e.roleArn) ?? []), e]);
      return [...byRole].map(([role, events]): Outcome<MessageId> => ({
        status: 'FAIL',
        messageId: 'withoutExternalId',
        resource: role,
        params: { role, account: events[0]!.targetAccount, count: events.length, latest: events.map((e) => e.time).sort().pop()!.slice(0, 10) },
        evidence: { events },
      }));
    }
    const params = {
      count: found.events.length,
      roles: new Set(found.events.map((e) => e.roleArn)).size,
      distinct: new Set(found.events.map((e) => e.externalIdHash)).size,
    };
    return [{ status: 'PASS', messageId: 'externalIdUsed', resource, params, evidence: { events: found.events, sample: found.sample } }];
  },
});

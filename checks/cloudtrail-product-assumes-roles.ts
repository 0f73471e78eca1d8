import { defineCheck, type Outcome } from '../src/contract/check.js';
import { assumeRoleEvents } from '../src/datasets/cloudtrail/datasets.js';
import { callerOrganization } from '../src/datasets/organizations/datasets.js';
import { accountArn } from './lib/arn.js';
import { ASSUMPTION_MESSAGES, productAssumptionsOf, withoutEvidence, type AssumptionMessageId } from './lib/product-assumptions.js';

const MESSAGES = {
  rolesAssumed: 'The product reaches customer accounts through roles: {count} AssumeRole call(s) by {principals} into {accounts} outside account(s) since {since}.',
  ...ASSUMPTION_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES | AssumptionMessageId;

export default defineCheck({
  id: 'cloudtrail-product-assumes-roles',
  title: 'The product reaches customer accounts through IAM roles',
  description:
    'Only when settings.ftr.crossAccountAccess is true. Samples the CloudTrail event history of the last 30 days (AssumeRole events, at ' +
    'most 1,000 per region, two calls a second): calls by the product\'s principals (settings.ftr.productPrincipals) into accounts outside ' +
    'the organization are evidence that customer accounts are reached through roles, and pass. None seen warns. That no stored customer ' +
    'keys are used instead is attested.',
  requirements: { 'ftr-partner-hosted': ['CAA-001'] },
  severity: 'medium',
  scope: 'account',
  uses: { events: assumeRoleEvents },
  optionalUses: { organization: callerOrganization },
  remediation:
    'Have customers create a role your product assumes (with an external ID), call sts:AssumeRole from the product\'s role, and name that ' +
    'role in settings.ftr.productPrincipals; stop storing customer access keys.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_third-party.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const resource = accountArn(input);
    const found = productAssumptionsOf(input, resource);
    const none = withoutEvidence(found, resource);
    if (none) return none;
    const params = {
      count: found.events.length,
      principals: [...new Set(found.events.map((e) => e.callerArn))].join(', '),
      accounts: new Set(found.events.map((e) => e.targetAccount)).size,
      since: found.sample.since,
    };
    const outcome: Outcome<MessageId> = { status: 'PASS', messageId: 'rolesAssumed', resource, params, evidence: { events: found.events, sample: found.sample, inside: found.inside } };
    return [outcome];
  },
});

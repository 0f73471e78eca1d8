// The cases both CAA checks share: no principals named, nothing seen in the sample, and the four
// ways a region's history can be unreadable.

import type { AssumeRoleEventsEvidence } from '../../src/datasets/cloudtrail/datasets.js';
import type { DatasetView } from '../../src/contract/check.js';
import { assumption, assumptions } from './fixtures/governance.js';
import { callerOrganization } from './fixtures/security.js';
import { ACCOUNT, accountInput, ok, orgView, REGION, settings } from './input.js';
import { unreadRegionCases, UNREAD_REGION } from './region-view-cases.js';
import type { CheckCase } from './run-check-cases.js';

export const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
export const PRODUCT = `arn:aws:iam::${ACCOUNT}:role/product`;
const regions = [REGION, UNREAD_REGION];

/** The account's input: the product principal named (unless `principals` says otherwise), the organization listing ACCOUNT and two others. */
export function caaInput(
  events: Record<string, DatasetView<AssumeRoleEventsEvidence>>,
  options: { principals?: string[]; closedRegions?: string[]; organization?: DatasetView<ReturnType<typeof callerOrganization>> } = {},
): CheckCase['input'] {
  return accountInput({
    regions,
    closedRegions: options.closedRegions ?? [],
    settings: settings({ ftr: { crossAccountAccess: true, productPrincipals: options.principals ?? [PRODUCT] } }),
    data: { events },
    optional: { organization: options.organization ?? ok(callerOrganization()) },
    org: orgView(),
  });
}

const quiet = ok(assumptions([]));

export const ASSUMPTION_CASES: CheckCase[] = [
  {
    name: 'no product principal named: WARN',
    input: caaInput({ [REGION]: ok(assumptions([assumption()])), [UNREAD_REGION]: quiet }, { principals: [] }),
    expected: [{ status: 'WARN', messageId: 'noPrincipals', resource: ROOT }],
  },
  {
    name: 'only other callers, or targets inside the organization: WARN nothing seen, saying the sample stopped short',
    input: caaInput({
      [REGION]: ok(assumptions([assumption({ callerArn: `arn:aws:iam::${ACCOUNT}:role/ci` }), assumption({ targetAccount: '444455556666', roleArn: 'arn:aws:iam::444455556666:role/x' })], { complete: false, scanned: 1000 })),
      [UNREAD_REGION]: quiet,
    }),
    expected: [{ status: 'WARN', messageId: 'noAssumptions', resource: ROOT, params: { scanned: 1000, partial: '; the sample stopped at its page limit, so older events were not read' } }],
  },
  ...unreadRegionCases({
    input: (view, closedRegions) => caaInput({ [REGION]: quiet, [UNREAD_REGION]: view }, { closedRegions }),
    resource: ROOT,
    then: [{ status: 'WARN', messageId: 'noAssumptions', resource: ROOT }],
  }),
];

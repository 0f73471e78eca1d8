// The four ways a region's dataset can fail, as an account-scope check that looks for evidence in
// any region reports them (checks/lib/region-evidence.ts), before its own verdict on what it read.

import type { DatasetView } from '../../src/contract/check.js';
import { failed } from './input.js';
import type { CheckCase, ExpectedOutcome } from './run-check-cases.js';

export const UNREAD_REGION = 'us-east-1';

export interface UnreadRegionOptions {
  /** The check's input with `view` in UNREAD_REGION and `closedRegions` as given. */
  input: (view: DatasetView<never>, closedRegions: string[]) => CheckCase['input'];
  resource: string;
  /** The check's verdict on the regions it did read, after the region's outcome. */
  then: ExpectedOutcome[];
}

export function unreadRegionCases({ input, resource, then }: UnreadRegionOptions): CheckCase[] {
  return [
    {
      name: `${UNREAD_REGION} closed by an SCP: nothing to judge there`,
      input: input(failed('AccessDenied', 'scp-denied'), [UNREAD_REGION]),
      expected: [{ status: 'NOT_APPLICABLE', messageId: 'regionClosed', resource }, ...then],
    },
    {
      name: `an SCP denies the service in the open ${UNREAD_REGION}: ERROR`,
      input: input(failed('AccessDenied', 'scp-denied'), []),
      expected: [{ status: 'ERROR', messageId: 'regionDeniedByScp', resource }, ...then],
    },
    {
      name: `${UNREAD_REGION} not enabled: nothing to judge there`,
      input: input(failed('UnrecognizedClientException', 'region-disabled'), []),
      expected: [{ status: 'NOT_APPLICABLE', messageId: 'regionDisabled', resource }, ...then],
    },
    {
      name: `${UNREAD_REGION} unreadable: ERROR naming it`,
      input: input(failed(), []),
      expected: [{ status: 'ERROR', messageId: 'regionUnreadable', resource, params: { region: UNREAD_REGION } }, ...then],
    },
  ];
}

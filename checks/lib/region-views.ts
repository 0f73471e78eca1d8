// Account-scope checks read regional datasets region by region, and each region may have failed on
// its own. A failed region is judged as the engine judges a region-scope check's missing evidence:
// a region that is not enabled, or that a service control policy closes, has nothing to judge; an
// SCP denying the service in an open region, and any other failure, is an ERROR naming it.

import type { DatasetView } from '../../src/contract/check.js';
import type { FindingStatus } from '../../src/contract/status.js';

export const REGION_VIEW_MESSAGES = {
  regionClosed: 'Region {region} is closed to the audit role by a service control policy ({code}); nothing to judge there.',
  regionDisabled: 'Region {region} is not enabled for this account ({code}); nothing to judge there.',
  regionUnreadable: 'Could not collect {dataset} in {region} ({code}: {message}), so this region could not be judged.',
  regionDeniedByScp: 'A service control policy denies {dataset} in {region} ({code}), although the region is open, so this region could not be judged.',
} as const;

type FailedView = Extract<DatasetView<unknown>, { ok: false }>;

export function failedRegion(
  view: FailedView,
  region: string,
  dataset: string,
  closedRegions: readonly string[],
): { status: FindingStatus; messageId: keyof typeof REGION_VIEW_MESSAGES; params: Record<string, string> } {
  const { kind, code, message } = view.error;
  if (kind === 'scp-denied' && closedRegions.includes(region)) return { status: 'NOT_APPLICABLE', messageId: 'regionClosed', params: { region, code } };
  if (kind === 'scp-denied') return { status: 'ERROR', messageId: 'regionDeniedByScp', params: { region, dataset, code } };
  if (kind === 'region-disabled') return { status: 'NOT_APPLICABLE', messageId: 'regionDisabled', params: { region, code } };
  return { status: 'ERROR', messageId: 'regionUnreadable', params: { region, dataset, code, message } };
}

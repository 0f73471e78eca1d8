// Resolves the datasets a check reads for one evaluation unit. A required dataset that is missing
// or failed stops the check before evaluate() runs: the engine reports why instead.

import type { Collector, DatasetRecord } from '../collect/collector.js';
import { GLOBAL } from '../model.js';
import type { AnyCheck, DatasetView } from './check.js';
import { type DatasetIndex, toView } from './datasets.js';

export interface Unit {
  accountId: string;
  /** The region evaluated, or `global` for account-scope checks. */
  region: string;
  /** The account's regions in scope. */
  regions: string[];
}

export interface Blocked {
  status: 'ERROR' | 'NOT_APPLICABLE';
  messageId: EngineMessageId;
  params: Record<string, string>;
}

export interface Resolved {
  data: Record<string, unknown>;
  optional: Record<string, DatasetView<unknown>>;
  requestIds: string[];
}

export const ENGINE_MESSAGES = {
  'engine.datasetMissing': 'Evidence {dataset} was not collected in {region}, so this check could not run.',
  'engine.datasetFailed': 'Could not collect {dataset} in {region} ({code}: {message}). The audit role needs {actions}.',
  'engine.regionDenied': 'Region {region} is closed to the audit role by a service control policy ({code}); nothing to judge there.',
  'engine.regionDisabled': 'Region {region} is not enabled for this account ({code}); nothing to judge there.',
  'engine.accountUnreachable': 'Account could not be scanned: {error}',
  'engine.checkFailed': 'The check failed while judging the evidence: {error}',
  'engine.noOutcome': 'The check returned no outcome for this evidence, so nothing could be concluded.',
} as const;

export type EngineMessageId = keyof typeof ENGINE_MESSAGES;

/** Where a collector's dataset for this unit lives. */
function recordFor(
  collector: Collector<unknown>,
  region: string,
  account: DatasetIndex,
  organization: DatasetIndex,
): DatasetRecord | undefined {
  if (collector.scope === 'organization') return organization.get(GLOBAL, collector.id);
  if (collector.scope === 'global') return account.get(GLOBAL, collector.id);
  return account.get(region, collector.id);
}

function blockedBy(collector: Collector<unknown>, region: string, record: DatasetRecord | undefined): Blocked {
  const place = collector.scope === 'regional' ? region : 'the account';
  if (!record) return { status: 'ERROR', messageId: 'engine.datasetMissing', params: { dataset: collector.id, region: place } };
  if (record.ok) throw new Error('blockedBy called with a successful dataset');
  const { kind, code, message, action } = record.error;
  if (kind === 'scp-denied') return { status: 'NOT_APPLICABLE', messageId: 'engine.regionDenied', params: { region, code } };
  if (kind === 'region-disabled') return { status: 'NOT_APPLICABLE', messageId: 'engine.regionDisabled', params: { region, code } };
  const actions = action ?? collector.actions.join(', ');
  return { status: 'ERROR', messageId: 'engine.datasetFailed', params: { dataset: collector.id, region: place, code, message, actions } };
}

function missingView(collector: Collector<unknown>, region: string): DatasetView<unknown> {
  return { ok: false, error: { kind: 'error', code: 'NotCollected', message: `${collector.id} was not collected in ${region}` } };
}

export function resolveInputs(
  check: AnyCheck,
  unit: Unit,
  account: DatasetIndex,
  organization: DatasetIndex,
): Resolved | Blocked {
  const resolved: Resolved = { data: {}, optional: {}, requestIds: [] };
  for (const [name, collector] of Object.entries(check.uses)) {
    if (check.scope === 'account' && collector.scope === 'regional') {
      const perRegion: Record<string, DatasetView<unknown>> = {};
      for (const region of unit.regions) {
        const record = account.get(region, collector.id);
        perRegion[region] = record ? toView(record) : missingView(collector, region);
        if (record?.ok) resolved.requestIds.push(...record.requestIds);
      }
      resolved.data[name] = perRegion;
      continue;
    }
    const record = recordFor(collector, unit.region, account, organization);
    if (!record?.ok) return blockedBy(collector, unit.region, record);
    resolved.data[name] = record.data;
    resolved.requestIds.push(...record.requestIds);
  }
  for (const [name, collector] of Object.entries(check.optionalUses ?? {})) {
    const record = recordFor(collector, unit.region, account, organization);
    resolved.optional[name] = record ? toView(record) : missingView(collector, unit.region);
    if (record?.ok) resolved.requestIds.push(...record.requestIds);
  }
  return resolved;
}

export function isBlocked(value: Resolved | Blocked): value is Blocked {
  return 'messageId' in value;
}

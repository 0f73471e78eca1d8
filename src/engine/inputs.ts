// Resolves the datasets a check reads for one evaluation unit. A required dataset that is missing
// or failed stops the check before evaluate() runs: the engine reports why instead.

import type { AnyCheck, DatasetView } from '../contract/check.js';
import type { AnyDataset } from '../contract/dataset.js';
import type { DatasetRecord } from '../contract/record.js';
import { GLOBAL } from '../contract/status.js';
import { type DatasetIndex, toView } from './datasets.js';

export interface Unit {
  accountId: string;
  /** The region evaluated, or `global` for account-scope checks. */
  region: string;
  /** The account's regions in scope. */
  regions: string[];
  /** A service control policy closes the evaluated region (the check is judged there all the same). */
  closed: boolean;
  /** Every region of the account an SCP closes. */
  closedRegions: readonly string[];
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
  'engine.questionsNotAsked':
    'Evidence {dataset} in {region} was collected without asking {questions}, so this check could not run; scan again to ask.',
  'engine.regionDenied': 'Region {region} is closed to the audit role by a service control policy ({code}); nothing to judge there.',
  'engine.regionClosed': 'Region {region} is closed to the audit role by a service control policy; nothing to judge there.',
  'engine.deniedByScp':
    'A service control policy denies {actions} in {region} ({code}), although the region is open, so {dataset} could not be collected: exempt the audit role from it.',
  'engine.regionDisabled': 'Region {region} is not enabled for this account ({code}); nothing to judge there.',
  'engine.accountUnreachable': 'Account could not be scanned: {error}',
  'engine.checkFailed': 'The check failed while judging the evidence: {error}',
  'engine.noOutcome': 'The check returned no outcome for this evidence, so nothing could be concluded.',
} as const;

export type EngineMessageId = keyof typeof ENGINE_MESSAGES;

/** Where a dataset for this unit lives. */
function recordFor(dataset: AnyDataset, region: string, account: DatasetIndex, organization: DatasetIndex): DatasetRecord | undefined {
  if (dataset.scope === 'organization') return organization.get(GLOBAL, dataset.id);
  if (dataset.scope === 'global') return account.get(GLOBAL, dataset.id);
  return account.get(region, dataset.id);
}

function placeOf(dataset: AnyDataset, region: string): string {
  return dataset.scope === 'regional' ? region : 'the account';
}

function blockedBy(dataset: AnyDataset, unit: Unit, record: DatasetRecord | undefined): Blocked {
  const { region } = unit;
  const place = placeOf(dataset, region);
  if (!record) return { status: 'ERROR', messageId: 'engine.datasetMissing', params: { dataset: dataset.id, region: place } };
  if (record.ok) throw new Error('blockedBy called with a successful dataset');
  const { kind, code, message, action } = record.error;
  const actions = action ?? dataset.actions.join(', ');
  if (kind === 'scp-denied' && unit.closed) return { status: 'NOT_APPLICABLE', messageId: 'engine.regionDenied', params: { region, code } };
  if (kind === 'scp-denied') return { status: 'ERROR', messageId: 'engine.deniedByScp', params: { dataset: dataset.id, region: place, code, actions } };
  if (kind === 'region-disabled') return { status: 'NOT_APPLICABLE', messageId: 'engine.regionDisabled', params: { region, code } };
  return { status: 'ERROR', messageId: 'engine.datasetFailed', params: { dataset: dataset.id, region: place, code, message, actions } };
}

/** The check's questions to `dataset` that the stored data did not answer (asked by no check at collection). */
function unanswered(check: AnyCheck, dataset: AnyDataset, data: unknown): string[] {
  if (!dataset.answered) return [];
  const answered = new Set(dataset.answered(data));
  const asked = (check.asks ?? []).filter((a) => a.dataset.id === dataset.id).flatMap((a) => a.questions);
  return asked.filter((q) => !answered.has(q));
}

function missingView(dataset: AnyDataset, region: string): DatasetView<unknown> {
  return { ok: false, error: { kind: 'error', code: 'NotCollected', message: `${dataset.id} was not collected in ${region}` } };
}

/** An optional dataset as the check sees it: a stored answer to none of its questions is a failed view. */
function optionalView(check: AnyCheck, dataset: AnyDataset, region: string, record: DatasetRecord | undefined): DatasetView<unknown> {
  if (!record) return missingView(dataset, region);
  const missing = record.ok ? unanswered(check, dataset, record.data) : [];
  if (missing.length === 0) return toView(record);
  const message = `${dataset.id} was collected without asking ${missing.join(', ')}; scan again to ask`;
  return { ok: false, error: { kind: 'error', code: 'QuestionsNotAsked', message } };
}

export function resolveInputs(check: AnyCheck, unit: Unit, account: DatasetIndex, organization: DatasetIndex): Resolved | Blocked {
  const resolved: Resolved = { data: {}, optional: {}, requestIds: [] };
  for (const [name, dataset] of Object.entries(check.uses)) {
    if (check.scope === 'account' && dataset.scope === 'regional') {
      const perRegion: Record<string, DatasetView<unknown>> = {};
      for (const region of unit.regions) {
        const record = account.get(region, dataset.id);
        perRegion[region] = record ? toView(record) : missingView(dataset, region);
        if (record?.ok) resolved.requestIds.push(...record.requestIds);
      }
      resolved.data[name] = perRegion;
      continue;
    }
    const record = recordFor(dataset, unit.region, account, organization);
    if (!record?.ok) return blockedBy(dataset, unit, record);
    const missing = unanswered(check, dataset, record.data);
    if (missing.length > 0) {
      const params = { dataset: dataset.id, region: placeOf(dataset, unit.region), questions: missing.join(', ') };
      return { status: 'ERROR', messageId: 'engine.questionsNotAsked', params };
    }
    resolved.data[name] = record.data;
    resolved.requestIds.push(...record.requestIds);
  }
  for (const [name, dataset] of Object.entries(check.optionalUses ?? {})) {
    const record = recordFor(dataset, unit.region, account, organization);
    resolved.optional[name] = optionalView(check, dataset, unit.region, record);
    if (record?.ok) resolved.requestIds.push(...record.requestIds);
  }
  return resolved;
}

export function isBlocked(value: Resolved | Blocked): value is Blocked {
  return 'messageId' in value;
}

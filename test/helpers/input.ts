// Check inputs with sensible defaults: one account, one region, a fixed clock, default settings.

import type { CheckInput, DatasetView, OrgView } from '../../src/contract/check.js';
import type { DatasetDeclaration } from '../../src/contract/dataset.js';
import type { DatasetErrorKind } from '../../src/contract/record.js';
import { eventRules, type EventRulesEvidence } from '../../src/datasets/eventbridge/datasets.js';
import { checkSettingsSchema, type CheckSettings } from '../../src/contract/settings.js';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const CENTRAL_ACCOUNT = '777788889999';
export const REGION = 'eu-west-1';
export const NOW = new Date('2026-11-23T12:00:00.000Z');

export function ok<T>(data: T): DatasetView<T> {
  return { ok: true, data, requestIds: ['req-1'] };
}

export function failed(code = 'AccessDeniedException', kind: DatasetErrorKind = 'access-denied'): DatasetView<never> {
  return { ok: false, error: { kind, code, message: `${code} (test)` } };
}

export function settings(overrides: Record<string, unknown> = {}): CheckSettings {
  return checkSettingsSchema.parse(overrides);
}

interface OrgViewOptions {
  /** Scanned accounts besides the evaluated one. */
  scanned?: string[];
  /** Other accounts' event rules by `account/region`. */
  rules?: Record<string, DatasetView<EventRulesEvidence>>;
  /** Other accounts' datasets: dataset id → `account/region` → view. */
  datasets?: Record<string, Record<string, DatasetView<unknown>>>;
}

export function orgView(options: OrgViewOptions = {}): OrgView {
  const byDataset = { ...options.datasets, ...(options.rules ? { [eventRules.id]: options.rules } : {}) };
  return {
    scannedAccounts: new Set([ACCOUNT, ...(options.scanned ?? [])]),
    dataset: <T,>(dataset: DatasetDeclaration<T>, accountId: string, region: string) =>
      byDataset[dataset.id]?.[`${accountId}/${region}`] as DatasetView<T> | undefined,
  };
}

type Input = CheckInput<Record<string, unknown>, Record<string, unknown>>;

export function input(partial: Partial<Input> & Pick<Input, 'data'>): Input {
  const region = partial.region ?? REGION;
  return {
    accountId: ACCOUNT,
    region,
    regions: [region === 'global' ? REGION : region],
    closedRegions: [],
    now: NOW,
    settings: settings(),
    optional: {},
    org: orgView(),
    ...partial,
  };
}

/** Account-scope input: evaluated under `global`. */
export function accountInput(partial: Partial<Input> & Pick<Input, 'data'>): Input {
  return input({ region: 'global', regions: [REGION], ...partial });
}

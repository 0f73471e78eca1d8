// Check inputs with sensible defaults: one account, one region, a fixed clock, default settings.

import type { EventRulesEvidence } from '../../src/collect/evidence.js';
import type { CheckInput, DatasetView, OrgView } from '../../src/engine/check.js';
import { checkSettingsSchema, type CheckSettings } from '../../src/config/schema.js';

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const CENTRAL_ACCOUNT = '777788889999';
export const REGION = 'eu-west-1';
export const NOW = new Date('2026-11-23T12:00:00.000Z');

export function ok<T>(data: T): DatasetView<T> {
  return { ok: true, data, requestIds: ['req-1'] };
}

export function failed(code = 'AccessDeniedException', kind: 'access-denied' | 'error' | 'scp-denied' | 'region-disabled' = 'access-denied'): DatasetView<never> {
  return { ok: false, error: { kind, code, message: `${code} (test)` } };
}

export function settings(overrides: Record<string, unknown> = {}): CheckSettings {
  return checkSettingsSchema.parse(overrides);
}

/** Scanned accounts (the evaluated one always) and their rules by `account/region`. */
export function orgView(options: { scanned?: string[]; rules?: Record<string, DatasetView<EventRulesEvidence>> } = {}): OrgView {
  return {
    scannedAccounts: new Set([ACCOUNT, ...(options.scanned ?? [])]),
    eventRules: (accountId, region) => options.rules?.[`${accountId}/${region}`],
  };
}

type Input = CheckInput<Record<string, unknown>, Record<string, unknown>>;

export function input(partial: Partial<Input> & Pick<Input, 'data'>): Input {
  const region = partial.region ?? REGION;
  return {
    accountId: ACCOUNT,
    region,
    regions: [region === 'global' ? REGION : region],
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

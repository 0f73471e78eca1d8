// Honest results across the catalog: an account-level check whose every dataset is regional, given
// regions of which none could be read, says so (ERROR) and nothing else: no PASS, no WARN about what
// it "did not see", no NOT_APPLICABLE, since it saw nothing.

import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.js';
import type { AnyCheck } from '../../src/contract/check.js';
import { checkSettingsSchema } from '../../src/contract/settings.js';
import { accountInput, failed, REGION } from '../helpers/input.js';
import { UNREAD_REGION } from '../helpers/region-view-cases.js';

const regions = [REGION, UNREAD_REGION];
/** Settings a check needs before it reads anything (else it warns about its own configuration). */
const settings = checkSettingsSchema.parse({ ftr: { crossAccountAccess: true, productPrincipals: ['arn:aws:iam::111111111111:role/product'] } });

function onlyRegional(check: AnyCheck): boolean {
  const uses = Object.values(check.uses);
  return check.scope === 'account' && uses.length > 0 && uses.every((dataset) => dataset.scope === 'regional') && !check.readsOtherAccounts?.length;
}

const unreadEverywhere = () => Object.fromEntries(regions.map((region) => [region, failed()]));

describe.each(ALL_CHECKS.filter(onlyRegional).map((check) => [check.id, check] as const))('%s', (_id, check) => {
  it('reports only ERROR when no region of any dataset could be read', () => {
    const data = Object.fromEntries(Object.keys(check.uses).map((name) => [name, unreadEverywhere()]));
    const optional = Object.fromEntries(Object.keys(check.optionalUses ?? {}).map((name) => [name, failed()]));
    const outcomes = check.evaluate(accountInput({ regions, data, optional, settings }) as Parameters<typeof check.evaluate>[0]);
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.status !== 'ERROR').map((o) => `${o.status} ${o.messageId}`)).toEqual([]);
  });
});

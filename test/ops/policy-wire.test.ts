// Wire level: a real scan against the fake AWS calls only actions the generated policy allows (so a
// role holding exactly that policy meets no AccessDenied), and a re-scan after the world changed
// yields the drift we expect.
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.js';
import type { Results } from '../../src/contract/results.js';
import { diffRuns } from '../../src/bookkeeping/diff.js';
import { buildPolicyDocument, policyActions } from '../../src/policy/policy.js';
import { neededActions } from '../../src/policy/selection.js';
import { startFakeAws, type FakeAwsStats, type Scenario } from '../fake-aws/index.js';
import { MGMT, PROD, wireScenario } from '../wire/fixtures.js';
import { BASE_CREDENTIALS } from '../wire/harness.js';
import { scanOrganization, type ScanOutcome } from '../wire/scan.js';
import { readDatasetFiles } from './wire-helpers.js';

async function scanAgainst(scenario: Scenario): Promise<{ outcome: ScanOutcome; stats: FakeAwsStats }> {
  const fake = await startFakeAws(scenario);
  const env: Record<string, string | undefined> = {
    AWS_ENDPOINT_URL: fake.endpoint,
    AWS_ACCESS_KEY_ID: BASE_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: BASE_CREDENTIALS.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_PROFILE: undefined,
    AWS_SESSION_TOKEN: undefined,
  };
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const apply = (values: Record<string, string | undefined>): void => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(env);
  try {
    const outcome = await scanOrganization();
    return { outcome, stats: fake.stats() };
  } finally {
    apply(saved);
    await fake.stop();
  }
}

/** The wire scenario without injected denies or throttling: only the policy can refuse a call. */
function cleanScenario(change: (s: Scenario) => void = () => {}): Scenario {
  const scenario = { ...wireScenario(), faults: {} };
  change(scenario);
  return scenario;
}

const supportRequirement = (): string => {
  const check = ALL_CHECKS.find((c) => c.id === 'support-plan-business-or-higher')!;
  return check.requirements['smb-competency']![0]!;
};

describe('generated policy against a real scan', () => {
  it('allows every action the scan calls, and the scan meets no AccessDenied', async () => {
    const { outcome, stats } = await scanAgainst(cleanScenario());
    const allowed = new Set(buildPolicyDocument(policyActions(neededActions({}, ALL_CHECKS))).Statement.flatMap((s) => s.Action));
    // AssumeRole is the scanner principal's own permission, not the audit role's.
    const called = Object.keys(stats.byAction).filter((action) => action !== 'sts:AssumeRole');
    expect(called.length).toBeGreaterThan(15);
    expect(called.filter((action) => !allowed.has(action))).toEqual([]);
    const records = await readDatasetFiles(outcome.dir);
    expect(records.filter((r) => !r.ok && ['access-denied', 'scp-denied'].includes(r.error.kind))).toEqual([]);
  });
});

describe('drift across two wire scans', () => {
  it('reports the requirement that regressed and the one that was fixed', async () => {
    const before: Results = (
      await scanAgainst(cleanScenario((s) => (s.accounts = s.accounts.map((a) => (a.id === MGMT ? { ...a, supportPlan: 'business' } : a)))))
    ).outcome.results;
    const after: Results = (
      await scanAgainst(
        cleanScenario((s) => {
          s.accounts = s.accounts.map((a) =>
            a.id === MGMT ? { ...a, supportPlan: 'basic' } : a.id === PROD ? { ...a, supportPlan: 'business' } : a,
          );
        }),
      )
    ).outcome.results;
    const diff = diffRuns(before, after, new Date());
    const requirementId = supportRequirement();
    expect(diff.requirements.regressions).toContainEqual(
      expect.objectContaining({ accountId: MGMT, requirementId, after: 'FAIL' }),
    );
    expect(diff.requirements.fixed).toContainEqual(
      expect.objectContaining({ accountId: PROD, requirementId, before: 'FAIL' }),
    );
    expect(diff.accounts.new).toEqual([]);
    expect(diff.accounts.gone).toEqual([]);
    expect(diff.findings.newlyFailing.map((f) => `${f.accountId}:${f.checkId}`)).toContain(`${MGMT}:support-plan-business-or-higher`);
  });
});

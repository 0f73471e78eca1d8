import { credentialReport, type CredentialReportEntry, type CredentialReportKey } from '../src/datasets/iam/datasets.js';
import { guardDutyDetectors, type GuardDutyEvidence } from '../src/datasets/guardduty/datasets.js';
import { defineCheck, type Outcome, type PerRegion } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';
import { failedRegion } from './lib/region-views.js';
import { daysSince } from './lib/time.js';

const MESSAGES = {
  noOldKeys: 'No active access key is older than {maxAge} days ({count} active key(s), credential report of {generatedAt}).',
  unusedKey: 'User {user}\'s active key in slot {slot} is {age} days old and {use}: unused key, remove it.',
  notRotated:
    'User {user}\'s active key in slot {slot} is {age} days old and was last used on {lastUsed}: not rotated, so it requires a key inventory, GuardDuty monitoring (enabled in every open region) and a revocation runbook; attest the inventory and runbook.',
  notRotatedUnmonitored:
    'User {user}\'s active key in slot {slot} is {age} days old and was last used on {lastUsed}, but GuardDuty, which must watch a key that is not rotated, is not enabled in {regions}.',
  monitoringUnknown:
    'User {user}\'s active key in slot {slot} is {age} days old and was last used on {lastUsed}; whether GuardDuty watches it could not be read in {regions}.',
} as const;

type MessageId = keyof typeof MESSAGES;

interface Coverage {
  /** Open regions without an ENABLED detector. */
  missing: string[];
  /** Regions whose detectors could not be read, with the error code. */
  unknown: string[];
}

/** GuardDuty in every region in scope that an SCP does not close and that is enabled for the account. */
function guardDutyCoverage(detectors: PerRegion<GuardDutyEvidence>, closedRegions: readonly string[]): Coverage {
  const coverage: Coverage = { missing: [], unknown: [] };
  for (const [region, view] of Object.entries(detectors)) {
    if (view.ok) {
      if (!view.data.detectors.some((d) => d.status === 'ENABLED')) coverage.missing.push(region);
      continue;
    }
    const failed = failedRegion(view, region, guardDutyDetectors.id, closedRegions);
    if (failed.status === 'ERROR') coverage.unknown.push(`${region} (${view.error.code})`);
  }
  return coverage;
}

function judgeKey(entry: CredentialReportEntry, key: CredentialReportKey, age: number, context: { staleDays: number; now: Date; coverage: Coverage }): Outcome<MessageId> {
  const resource = `${entry.arn}/access-key/${key.slot}`;
  const base = { user: entry.user, slot: key.slot, age };
  const evidence = { key, guardDuty: context.coverage };
  if (!key.lastUsed || daysSince(context.now, key.lastUsed) >= context.staleDays) {
    const use = key.lastUsed ? `was last used on ${key.lastUsed}, over ${context.staleDays} days ago` : 'was never used';
    return { status: 'FAIL', messageId: 'unusedKey', resource, params: { ...base, use }, evidence };
  }
  const params = { ...base, lastUsed: key.lastUsed };
  const { missing, unknown } = context.coverage;
  if (missing.length > 0) return { status: 'FAIL', messageId: 'notRotatedUnmonitored', resource, params: { ...params, regions: missing.join(', ') }, evidence };
  if (unknown.length > 0) return { status: 'ERROR', messageId: 'monitoringUnknown', resource, params: { ...params, regions: unknown.join(', ') }, evidence };
  return { status: 'WARN', messageId: 'notRotated', resource, params, evidence };
}

export default defineCheck({
  id: 'iam-access-keys-rotated-or-monitored',
  title: 'Static access keys are rotated, or inventoried, watched by GuardDuty and revocable',
  description:
    'Reads every active access key of the IAM users in the credential report (root keys are ARC-004\'s). A key older than ' +
    'settings.ftr.maxKeyAgeDays (its last rotation) that was never used, or not used for settings.ftr.staleIdentityDays, fails: remove it. ' +
    'One that is in use warns, because the FTR then requires a key inventory, anomaly monitoring and a revocation runbook, which are ' +
    'attested; and it fails when GuardDuty is not enabled in every region in scope that no service control policy closes. Keys younger ' +
    'than the threshold pass.',
  requirements: { 'ftr-partner-hosted': ['IAM-002'] },
  severity: 'high',
  scope: 'account',
  uses: { report: credentialReport, detectors: guardDutyDetectors },
  remediation:
    'Replace long-lived keys with roles (IAM Identity Center for people, instance or task roles for workloads). Delete unused keys ' +
    '(`aws iam delete-access-key`); rotate the rest (create a second key, switch, delete the old one). Where a key must stay, keep an ' +
    'inventory of it, enable GuardDuty in every region and write the runbook that revokes it.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
  messages: MESSAGES,
  evaluate: (input) => {
    const { report, detectors } = input.data;
    const { maxKeyAgeDays, staleIdentityDays } = input.settings.ftr;
    const coverage = guardDutyCoverage(detectors, input.closedRegions);
    const active = report.entries.filter((e) => !e.isRoot).flatMap((entry) => entry.keys.filter((k) => k.active).map((key) => ({ entry, key })));
    // The report dates every active key's creation or last rotation.
    const old = active
      .flatMap(({ entry, key }) => (key.lastRotated ? [{ entry, key, age: daysSince(input.now, key.lastRotated) }] : []))
      .filter(({ age }) => age > maxKeyAgeDays);
    if (old.length === 0) {
      const params = { maxAge: maxKeyAgeDays, count: active.length, generatedAt: report.generatedAt };
      return [{ status: 'PASS', messageId: 'noOldKeys', resource: accountArn(input), params, evidence: { reportGeneratedAt: report.generatedAt, maxKeyAgeDays } }];
    }
    const context = { staleDays: staleIdentityDays, now: input.now, coverage };
    return old.map(({ entry, key, age }) => {
      const outcome = judgeKey(entry, key, age, context);
      return { ...outcome, evidence: { ...outcome.evidence, reportGeneratedAt: report.generatedAt, maxKeyAgeDays, staleIdentityDays } };
    });
  },
});

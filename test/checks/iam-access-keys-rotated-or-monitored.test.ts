import check from '../../checks/iam-access-keys-rotated-or-monitored.js';
import type { DatasetView } from '../../src/contract/check.js';
import type { GuardDutyEvidence } from '../../src/datasets/guardduty/datasets.js';
import type { CredentialReportEntry } from '../../src/datasets/iam/datasets.js';
import { consoleUser, credentialReport, keyUser, reportEntry, rootEntry, userArn } from '../helpers/fixtures/iam.js';
import { detector, guardDuty } from '../helpers/fixtures/security.js';
import { ACCOUNT, accountInput, failed, ok, REGION, settings } from '../helpers/input.js';
import { runCheckCases, type CheckCase } from '../helpers/run-check-cases.js';

const OLD = '2026-01-10T00:00:00.000Z'; // 317 days before NOW
const RECENT_USE = '2026-11-20T00:00:00.000Z';
const LONG_AGO_USE = '2026-06-01T00:00:00.000Z'; // 175 days before NOW
const OTHER = 'us-west-2';

function keys(entries: CredentialReportEntry[], detectors: Record<string, DatasetView<GuardDutyEvidence>> = { [REGION]: ok(guardDuty(detector())) }, options: Partial<CheckCase['input']> = {}): CheckCase['input'] {
  return accountInput({ regions: Object.keys(detectors), data: { report: credentialReport(rootEntry(1), ...entries), detectors }, ...options });
}

const key = (user: string) => `${userArn(user)}/access-key/1`;

runCheckCases(check, [
  {
    name: 'no key older than the threshold passes (root keys are not judged here)',
    input: keys([reportEntry('ci'), consoleUser('alice')]),
    expected: [{ status: 'PASS', messageId: 'noOldKeys', resource: `arn:aws:iam::${ACCOUNT}:root`, params: { maxAge: 90, count: 1 } }],
  },
  {
    name: 'an old key never used, or unused for 90 days, fails: remove it',
    input: keys([keyUser('never', OLD), keyUser('idle', OLD, LONG_AGO_USE)]),
    expected: [
      { status: 'FAIL', messageId: 'unusedKey', resource: key('never'), params: { age: 317, use: 'was never used' } },
      { status: 'FAIL', messageId: 'unusedKey', resource: key('idle'), params: { use: `was last used on ${LONG_AGO_USE}, over 90 days ago` } },
    ],
  },
  {
    name: 'an old key in use warns when GuardDuty watches every open region',
    input: keys([keyUser('etl', OLD, RECENT_USE)]),
    expected: [{ status: 'WARN', messageId: 'notRotated', resource: key('etl'), params: { lastUsed: RECENT_USE } }],
  },
  {
    name: 'an old key in use fails when GuardDuty is off in an open region',
    input: keys([keyUser('etl', OLD, RECENT_USE)], { [REGION]: ok(guardDuty(detector())), [OTHER]: ok(guardDuty(detector({ status: 'DISABLED' }))) }),
    expected: [{ status: 'FAIL', messageId: 'notRotatedUnmonitored', resource: key('etl'), params: { regions: OTHER } }],
  },
  {
    name: 'a region a service control policy closes does not count',
    input: keys([keyUser('etl', OLD, RECENT_USE)], { [REGION]: ok(guardDuty(detector())), [OTHER]: failed('AccessDeniedException', 'scp-denied') }, { closedRegions: [OTHER] }),
    expected: [{ status: 'WARN', messageId: 'notRotated', resource: key('etl') }],
  },
  {
    name: 'an unreadable region makes the verdict unknown',
    input: keys([keyUser('etl', OLD, RECENT_USE)], { [REGION]: ok(guardDuty(detector())), [OTHER]: failed() }),
    expected: [{ status: 'ERROR', messageId: 'monitoringUnknown', resource: key('etl'), params: { regions: `${OTHER} (AccessDeniedException)` } }],
  },
  {
    name: 'ftr.maxKeyAgeDays moves the line',
    input: keys([keyUser('etl', OLD, RECENT_USE)], undefined, { settings: settings({ ftr: { maxKeyAgeDays: 400 } }) }),
    expected: [{ status: 'PASS', messageId: 'noOldKeys', resource: `arn:aws:iam::${ACCOUNT}:root`, params: { maxAge: 400 } }],
  },
]);

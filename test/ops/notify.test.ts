import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunDiff } from '../../src/bookkeeping/diff.js';
import { RuntimeError, UsageError } from '../../src/errors.js';
import { notificationText, notifyDrift, parseNotifyTarget, worthTelling } from '../../src/bookkeeping/notify.js';

const sns = mockClient(SNSClient);
afterEach(() => sns.reset());

const SECRET_URL = 'https://hooks.slack.com/services/T000/B000/very-secret-token';
const TOPIC = 'arn:aws:sns:eu-west-1:401234567890:partner-audit-drift';

function diff(changes: Partial<{ regressed: boolean; newFail: boolean; expiring: boolean; fixed: boolean }> = {}): RunDiff {
  return {
    checklist: { id: 'smb-competency', version: '2025-08' },
    from: { startedAt: '2026-12-01T03:17:00.000Z', finishedAt: '2026-12-01T03:30:00.000Z' },
    to: { startedAt: '2026-12-02T03:17:00.000Z', finishedAt: '2026-12-02T03:30:00.000Z' },
    requirements: {
      regressions: changes.regressed ? [{ kind: 'regression', accountId: '402345678901', requirementId: 'SUP-001', before: 'PASS', after: 'FAIL' }] : [],
      fixed: changes.fixed ? [{ kind: 'fixed', accountId: '402345678901', requirementId: 'IAM-002', before: 'FAIL', after: 'PASS' }] : [],
      changed: [],
    },
    accounts: { new: [], gone: [], statusChanged: [] },
    findings: {
      new: [],
      gone: [],
      newlyFailing: changes.newFail ? [{ checkId: 'guardduty-enabled', accountId: '403456789012', region: 'us-west-2', resource: 'arn:aws:guardduty:us-west-2:403456789012:detector', status: 'FAIL', requirementIds: ['SECOPS-007'] }] : [],
      fixed: [],
    },
    attestations: { expired: [], expiring: changes.expiring ? [{ requirementId: 'PRG-001', owner: 'cto@example.com', expires: '2026-12-20', daysLeft: 18 }] : [] },
    exceptions: { expired: [], expiring: [] },
    current: { failing: 1, erroring: 0 },
  } as RunDiff;
}

describe('--notify target', () => {
  it.each([
    [TOPIC, { kind: 'sns', topicArn: TOPIC, region: 'eu-west-1' }],
    [SECRET_URL, { kind: 'webhook' }],
  ])('%s is accepted', (value, expected) => {
    expect(parseNotifyTarget(value, true)).toMatchObject(expected);
  });

  it.each(['http://hooks.example.com/x', 'arn:aws:sns:eu-west-1:123:topic', 'not a target', 'mailto:team@example.com'])('%s is refused without echoing it', (value) => {
    expect(() => parseNotifyTarget(value, true)).toThrow(UsageError);
    expect(() => parseNotifyTarget(value, true)).toThrow(/^--notify takes an SNS topic ARN .* or an https:\/\/ webhook URL$/);
  });

  it('needs --baseline', () => {
    expect(() => parseNotifyTarget(TOPIC, false)).toThrow('--notify sends what changed since --baseline: give --baseline <run-dir> too');
  });
});

describe('what is worth telling', () => {
  it.each([
    [{}, false],
    [{ fixed: true }, false],
    [{ regressed: true }, true],
    [{ newFail: true }, true],
    [{ expiring: true }, true],
  ])('%j → %s', (changes, expected) => expect(worthTelling(diff(changes))).toBe(expected));

  it('says each change in a line of its own', () => {
    expect(notificationText([diff({ regressed: true, newFail: true, expiring: true })], 'run-2026-12-02')).toBe(
      [
        'partner-audit: drift in run run-2026-12-02',
        '',
        'smb-competency 2025-08, since the run of 2026-12-01T03:17:00.000Z:',
        'Regressed (1):',
        '• SUP-001 402345678901: PASS → FAIL',
        'New FAIL findings (1):',
        '• guardduty-enabled 403456789012/us-west-2 arn:aws:guardduty:us-west-2:403456789012:detector',
        'Attestations expired or expiring (1):',
        '• PRG-001 partner (owner cto@example.com) expires 2026-12-20 (18 days)',
      ].join('\n'),
    );
  });
});

describe('sending', () => {
  it('sends nothing when nothing worth telling changed', async () => {
    const calls: unknown[] = [];
    const sent = await notifyDrift(parseNotifyTarget(SECRET_URL, true), [diff({ fixed: true })], 'run', { fetch: (async (...args: unknown[]) => calls.push(args)) as unknown as typeof fetch });
    expect(sent).toBe(false);
    expect(calls).toEqual([]);
    expect(sns.commandCalls(PublishCommand)).toEqual([]);
  });

  it('posts {"text": ...} to a webhook', async () => {
    const bodies: string[] = [];
    const fake = (async (_url: URL, init: RequestInit) => {
      bodies.push(String(init.body));
      return new Response('ok', { status: 200 });
    }) as unknown as typeof fetch;
    expect(await notifyDrift(parseNotifyTarget(SECRET_URL, true), [diff({ regressed: true })], 'run', { fetch: fake })).toBe(true);
    expect(Object.keys(JSON.parse(bodies[0]!) as object)).toEqual(['text']);
  });

  it('a webhook that refuses or cannot be reached fails without printing its URL', async () => {
    const refusing = (async () => new Response('no', { status: 403 })) as unknown as typeof fetch;
    const unreachable = (async () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    }) as unknown as typeof fetch;
    for (const [fake, message] of [
      [refusing, '--notify: the webhook at hooks.slack.com answered HTTP 403'],
      [unreachable, '--notify: the webhook at hooks.slack.com could not be reached (ECONNREFUSED)'],
    ] as const) {
      const sending = notifyDrift(parseNotifyTarget(SECRET_URL, true), [diff({ regressed: true })], 'run', { fetch: fake });
      await expect(sending).rejects.toThrow(RuntimeError);
      await expect(sending).rejects.toThrow(message);
    }
  });

  it('publishes to the SNS topic in its region', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    expect(await notifyDrift(parseNotifyTarget(TOPIC, true), [diff({ expiring: true })], 'run')).toBe(true);
    const [call] = sns.commandCalls(PublishCommand);
    expect(call!.args[0].input).toMatchObject({ TopicArn: TOPIC, Subject: 'partner-audit: drift since the baseline' });
    expect(await sns.call(0).thisValue.config.region()).toBe('eu-west-1');
  });
});

// `--notify <target>` (with --baseline): tells someone what drifted since the baseline, only when
// something did: to an SNS topic in the partner's own account (sns:Publish, base credentials) or to
// an https webhook taking Slack/Teams-compatible JSON (`{"text": ...}`). A webhook URL is a secret:
// it is never printed, only its host.

import type * as SdkSns from '@aws-sdk/client-sns';
import { classifyError } from '../aws/errors.js';
import type { RunDiff } from './diff.js';
import { RuntimeError, UsageError } from '../errors.js';
import { sdkModule } from '../aws/sdk-module.js';

const { PublishCommand, SNSClient } = sdkModule<typeof SdkSns>('@aws-sdk/client-sns');

export type NotifyTarget = { kind: 'sns'; topicArn: string; region: string } | { kind: 'webhook'; url: URL };

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:([a-z0-9-]+):\d{12}:[\w-]{1,256}$/;
/** A webhook that does not answer within this long is given up on. */
const WEBHOOK_TIMEOUT_MS = 10_000;
/** Lines listed per section; the rest are counted. */
const LINES_PER_SECTION = 15;

/** Checked before the first AWS call; the value is never echoed (a webhook URL carries its secret). */
export function parseNotifyTarget(value: string, hasBaseline: boolean): NotifyTarget {
  if (!hasBaseline) throw new UsageError('--notify sends what changed since --baseline: give --baseline <run-dir> too');
  const arn = TOPIC_ARN.exec(value);
  if (arn) return { kind: 'sns', topicArn: value, region: arn[1]! };
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol === 'https:' && url.hostname) return { kind: 'webhook', url };
  throw new UsageError('--notify takes an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>) or an https:// webhook URL');
}

/** Where a notification goes, safe to print: the topic ARN, or only the webhook's host. */
export function describeTarget(target: NotifyTarget): string {
  return target.kind === 'sns' ? target.topicArn : `webhook at ${target.url.hostname}`;
}

/** Regressions, new FAILs, and attestations or exceptions expired or expiring within 30 days. */
export function worthTelling(diff: RunDiff): boolean {
  return (
    diff.requirements.regressions.length > 0 ||
    newFails(diff).length > 0 ||
    diff.attestations.expired.length + diff.attestations.expiring.length > 0 ||
    diff.exceptions.expired.length + diff.exceptions.expiring.length > 0
  );
}

function newFails(diff: RunDiff): string[] {
  const where = (f: { checkId: string; accountId: string; region: string; resource: string }): string => `${f.checkId} ${f.accountId}/${f.region} ${f.resource}`;
  return [...diff.findings.newlyFailing.map(where), ...diff.findings.new.filter((f) => f.status === 'FAIL').map(where)];
}

/** The message: one headline, then each non-empty section, a few lines each. */
export function notificationText(diffs: readonly RunDiff[], runName: string): string {
  const lines = [`partner-audit: drift in run ${runName}`];
  const section = (title: string, items: string[]): void => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length}):`, ...items.slice(0, LINES_PER_SECTION).map((item) => `• ${item}`));
    if (items.length > LINES_PER_SECTION) lines.push(`• and ${items.length - LINES_PER_SECTION} more (diff.md in the run)`);
  };
  const subject = (row: { accountId?: string }): string => row.accountId ?? 'partner';
  const expiry = (a: { expires: string; daysLeft: number }): string => (a.daysLeft > 0 ? `expires ${a.expires} (${a.daysLeft} days)` : `expired ${a.expires}`);
  for (const diff of diffs.filter(worthTelling)) {
    lines.push('', `${diff.checklist.id} ${diff.checklist.version}, since the run of ${diff.from.startedAt}:`);
    section('Regressed', diff.requirements.regressions.map((c) => `${c.requirementId} ${subject(c)}: ${c.before ?? '(none)'} → ${c.after ?? '(none)'}`));
    section('New FAIL findings', newFails(diff));
    const attestations = [...diff.attestations.expired, ...diff.attestations.expiring];
    section('Attestations expired or expiring', attestations.map((a) => `${a.requirementId} ${subject(a)} (owner ${a.owner}) ${expiry(a)}`));
    const exceptions = [...diff.exceptions.expired, ...diff.exceptions.expiring];
    section('Exceptions expired or expiring', exceptions.map((e) => `${e.checkId} ${e.resource} (owner ${e.owner}) ${expiry(e)}`));
  }
  return lines.join('\n');
}

export interface NotifyOptions {
  profile?: string;
  /** For tests: the fetch to use. */
  fetch?: typeof fetch;
}

/** Sends the drift when something worth telling changed; returns whether it sent anything. */
export async function notifyDrift(target: NotifyTarget, diffs: readonly RunDiff[], runName: string, options: NotifyOptions = {}): Promise<boolean> {
  if (!diffs.some(worthTelling)) return false;
  const text = notificationText(diffs, runName);
  if (target.kind === 'sns') await publish(target, text, options.profile);
  else await postWebhook(target.url, text, options.fetch ?? fetch);
  return true;
}

async function publish(target: Extract<NotifyTarget, { kind: 'sns' }>, text: string, profile: string | undefined): Promise<void> {
  const client = new SNSClient({ region: target.region, ...(profile ? { profile } : {}) });
  try {
    // SNS subjects are at most 100 characters; e-mail subscribers see it as the subject line.
    await client.send(new PublishCommand({ TopicArn: target.topicArn, Subject: 'partner-audit: drift since the baseline', Message: text }));
  } catch (err) {
    const e = classifyError(err, 'sns:Publish');
    throw new RuntimeError(`--notify: publishing to ${target.topicArn} failed: ${e.code}: ${e.message}`);
  } finally {
    client.destroy();
  }
}

/** Slack incoming webhooks and Teams workflows both take `{"text": ...}`. */
async function postWebhook(url: URL, text: string, send: typeof fetch): Promise<void> {
  const where = `the webhook at ${url.hostname}`;
  let response: Response;
  try {
    response = await send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
  } catch (err) {
    // Never the URL itself: its path is the secret.
    const reason = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : errorCause(err);
    throw new RuntimeError(`--notify: ${where} could not be reached (${reason})`);
  }
  await response.body?.cancel();
  if (!response.ok) throw new RuntimeError(`--notify: ${where} answered HTTP ${response.status}`);
}

/** The cause's code or words (undici names host and port at most, never the path). */
function errorCause(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.name : 'error');
}

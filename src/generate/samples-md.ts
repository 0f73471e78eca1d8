// The routing sample events section of docs/checks.md: each sample's source, detail type, the
// fields it carries and the identities it has on the buses that can receive it, from the sample data.

import { deliveredIdentity, ownIdentity, ROUTING_SAMPLES, sampleEvent, type RoutingSample } from '../datasets/eventbridge/samples/index.js';

const OWN = '111111111111';
const CENTRAL = '999999999999';

/** Dotted paths of an event's fields, two levels into `detail` (arrays by their first element). */
function fieldPaths(value: unknown, prefix = '', depth = 0): string[] {
  const item = Array.isArray(value) ? value[0] : value;
  if (typeof item !== 'object' || item === null || depth > 2) return prefix ? [prefix] : [];
  return Object.entries(item).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof inner === 'object' && inner !== null && depth < 2 && prefix ? fieldPaths(inner, path, depth + 1) : [path];
  });
}

function sampleRow(sample: RoutingSample): string {
  const event = JSON.parse(sampleEvent(sample, ownIdentity(OWN, 'us-east-1'))) as { detail: unknown };
  const fields = fieldPaths(event.detail, 'detail').join(', ');
  const delivered = JSON.parse(sampleEvent(sample, deliveredIdentity(OWN, CENTRAL, 'us-east-1'))) as { account: string };
  const identities = sample.deliveredToCentral
    ? `own and forwarded: \`account\` is the originating account; delivered to a central account: \`account\` ${delivered.account === CENTRAL ? 'is the central account' : 'stays the member'}, the detail names the member`
    : 'own and forwarded only: `account` is the originating account';
  return `| \`${sample.id}\` | ${sample.source} / ${sample.detailType} | ${fields} | ${identities} | ${sample.documentedAt} |`;
}

export function routingSamplesSection(): string {
  return [
    '## Routing sample events',
    'The routing checks ask EventBridge TestEventPattern whether each rule matches these events. Each is built as AWS documents it, ' +
      'with the envelope every event carries (`version`, `id`, `detail-type`, `source`, `account`, `time`, `region`, `resources`) and ' +
      'the detail fields below. A rule whose pattern names an account field (`account`, `detail.accountId`, `detail.affectedAccount`, ' +
      "`AwsAccountId`, OCSF `cloud.account.uid`) is also tested against every scanned account's events as they arrive on its bus: " +
      "forwarded from that account (the sender's identity kept), or delivered by AWS to the central account.",
    'Assumptions where AWS does not say: a member\'s GuardDuty finding in the administrator\'s bus carries the administrator (the bus owner) ' +
      'as `account` and the member as `detail.accountId`; severities are 8 (inside GuardDuty\'s documented High band); the product names ' +
      "of Security Hub V2 (OCSF) findings, which AWS does not document, are GuardDuty, Config and Security Hub. An event crosses to another " +
      'account at most once: EventBridge does not forward again an event it received from another account.',
    ['| Sample | Source / detail type | Detail fields | Identities | Documented at |', '| --- | --- | --- | --- | --- |', ...ROUTING_SAMPLES.map(sampleRow)].join('\n'),
  ].join('\n\n');
}

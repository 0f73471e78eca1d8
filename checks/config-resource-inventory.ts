import { defineCheck, type Outcome } from '../src/contract/check.js';
import { configResourceCounts } from '../src/datasets/config/datasets.js';
import { accountArn } from './lib/arn.js';
import { readRegions, type RegionViewMessageId } from './lib/region-evidence.js';
import { REGION_VIEW_MESSAGES } from './lib/region-views.js';

const MESSAGES = {
  inventory: 'AWS Config records {total} resource(s) of {types} type(s) in {regions}; most: {top}.',
  noInventory: 'No AWS Config recorder records in any region scanned, so there is no resource inventory to show what runs on AWS; attest the hosting model with the architecture diagram.',
  ...REGION_VIEW_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES | RegionViewMessageId;

export default defineCheck({
  id: 'config-resource-inventory',
  title: 'The resources the product runs on AWS are inventoried',
  description:
    'Counts the resources AWS Config records, by type and region (GetDiscoveredResourceCounts, asked only where a recorder records): ' +
    'evidence of what the product runs on AWS. It cannot show that nothing critical runs elsewhere, so the requirement stays WARN until ' +
    'the hosting model is attested with the architecture diagram. No recording recorder anywhere warns.',
  requirements: { 'ftr-partner-hosted': ['HOST-001'] },
  severity: 'low',
  scope: 'account',
  uses: { counts: configResourceCounts },
  remediation:
    'Record resources with AWS Config in every region that runs the product (`aws configservice put-configuration-recorder` with ' +
    'allSupported=true, then start-configuration-recorder), and attach the architecture diagram to the attestation.',
  docsUrl: 'https://docs.aws.amazon.com/config/latest/developerguide/resource-config-reference.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const resource = accountArn(input);
    const { read, unread } = readRegions(input.data.counts, configResourceCounts.id, input.closedRegions, resource);
    // Nothing read, nothing to say about what exists: the unread regions' errors are the whole verdict.
    if (read.length === 0) return unread;
    const recording = read.filter(({ data }) => data.recording);
    if (recording.length === 0) {
      const outcomes: Outcome<MessageId>[] = [...unread, { status: 'WARN', messageId: 'noInventory', resource }];
      return outcomes;
    }
    const byType = new Map<string, number>();
    for (const { data } of recording) for (const c of data.counts) byType.set(c.resourceType, (byType.get(c.resourceType) ?? 0) + c.count);
    const ranked = [...byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const params = {
      total: ranked.reduce((sum, [, n]) => sum + n, 0),
      types: ranked.length,
      regions: recording.map((r) => r.region).join(', '),
      top: ranked.slice(0, 5).map(([type, n]) => `${type} ${n}`).join(', ') || 'none',
    };
    const evidence = { byRegion: Object.fromEntries(recording.map(({ region, data }) => [region, data.counts])), notRecording: read.filter((r) => !r.data.recording).map((r) => r.region) };
    return [{ status: 'PASS', messageId: 'inventory', resource, params, evidence }];
  },
});

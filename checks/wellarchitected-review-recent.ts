import { defineCheck, type Outcome } from '../src/contract/check.js';
import { wellArchitectedWorkloads, type WellArchitectedWorkload } from '../src/datasets/wellarchitected/datasets.js';
import { accountArn } from './lib/arn.js';
import { readRegions, type RegionViewMessageId } from './lib/region-evidence.js';
import { REGION_VIEW_MESSAGES } from './lib/region-views.js';
import { daysSince } from './lib/time.js';

/** The review is yearly. */
const MAX_AGE_DAYS = 365;

const MESSAGES = {
  reviewed: 'Well-Architected workload {workload} ({region}) was reviewed on {date}{milestone}; {high} high risk(s) open.',
  stale: 'The last Well-Architected review ({workload}, {region}) dates from {date}, more than 12 months ago; attest a more recent review.',
  noWorkload: 'No workload in the Well-Architected Tool in any region scanned; attest the last yearly architecture review and its standard.',
  ...REGION_VIEW_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES | RegionViewMessageId;

/** The latest sign of review: the workload's last update or its latest milestone. */
function reviewedAt(w: WellArchitectedWorkload): string | undefined {
  return [w.updatedAt, w.lastMilestoneAt].filter((d): d is string => d !== undefined).sort().pop();
}

export default defineCheck({
  id: 'wellarchitected-review-recent',
  title: 'The workload had an architecture review within 12 months',
  description:
    'Reads the Well-Architected Tool workloads of every region scanned: a workload updated or given a milestone within the last 12 ' +
    'months is evidence of the yearly review and passes, naming its open high risks. Older reviews, or no workload, warn: an internal ' +
    'AWS-aware review standard also qualifies, so its date and outcome are attested.',
  requirements: { 'ftr-partner-hosted': ['WAFR-001'] },
  severity: 'low',
  scope: 'account',
  uses: { workloads: wellArchitectedWorkloads },
  remediation:
    'Review the production workload against the Well-Architected Framework in the Well-Architected Tool (or your own AWS-aware ' +
    'standard) at least yearly, and save a milestone when the review is done.',
  docsUrl: 'https://docs.aws.amazon.com/wellarchitected/latest/userguide/workloads.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const resource = accountArn(input);
    const { read, unread } = readRegions(input.data.workloads, wellArchitectedWorkloads.id, input.closedRegions, resource);
    // Nothing read, nothing to say about what exists: the unread regions' errors are the whole verdict.
    if (read.length === 0) return unread;
    const dated = read
      .flatMap(({ region, data }) => data.workloads.map((w) => ({ region, workload: w, at: reviewedAt(w) })))
      .filter((r): r is { region: string; workload: WellArchitectedWorkload; at: string } => r.at !== undefined)
      .sort((a, b) => b.at.localeCompare(a.at));
    const latest = dated[0];
    const evidence = { workloads: dated.map(({ region, workload, at }) => ({ region, name: workload.name, arn: workload.arn, reviewedAt: at, riskCounts: workload.riskCounts })) };
    if (latest && daysSince(input.now, latest.at) <= MAX_AGE_DAYS) {
      const milestone = latest.at === latest.workload.lastMilestoneAt ? ' (milestone)' : '';
      const params = { workload: latest.workload.name, region: latest.region, date: latest.at.slice(0, 10), milestone, high: latest.workload.riskCounts.HIGH ?? 0 };
      return [{ status: 'PASS', messageId: 'reviewed', resource: latest.workload.arn, params, evidence }];
    }
    const verdict: Outcome<MessageId> = latest
      ? { status: 'WARN', messageId: 'stale', resource: latest.workload.arn, params: { workload: latest.workload.name, region: latest.region, date: latest.at.slice(0, 10) }, evidence }
      : { status: 'WARN', messageId: 'noWorkload', resource, evidence };
    const outcomes: Outcome<MessageId>[] = [...unread, verdict];
    return outcomes;
  },
});

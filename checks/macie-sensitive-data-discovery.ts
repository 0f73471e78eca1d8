import { defineCheck, type Outcome } from '../src/contract/check.js';
import { macieStatus } from '../src/datasets/macie2/datasets.js';
import { accountArn } from './lib/arn.js';
import { readRegions, type RegionViewMessageId } from './lib/region-evidence.js';
import { REGION_VIEW_MESSAGES } from './lib/region-views.js';

const MESSAGES = {
  discovering: 'Amazon Macie runs sensitive-data discovery jobs: {jobs} job(s) in {regions}.',
  enabledWithoutJobs: 'Amazon Macie is enabled in {regions} but runs no classification job; attest your data classification.',
  notEnabled: 'Amazon Macie is not enabled in any region scanned; attest your data classification (the classification of the workload\'s sensitive data is what the requirement asks).',
  ...REGION_VIEW_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES | RegionViewMessageId;

export default defineCheck({
  id: 'macie-sensitive-data-discovery',
  title: 'Sensitive data in S3 is identified by Amazon Macie',
  description:
    'Reads Amazon Macie in every region scanned: enabled (not paused) with at least one classification job that is not cancelled is ' +
    'evidence that sensitive data is being identified, and passes. Macie enabled without jobs, or not enabled, warns. Macie covers S3 ' +
    'only; the classification of the workload\'s data (PII, PHI, ...) is attested.',
  requirements: { 'ftr-partner-hosted': ['SDAT-001'] },
  severity: 'medium',
  scope: 'account',
  uses: { macie: macieStatus },
  remediation:
    'Enable Macie (`aws macie2 enable-macie`) and create a classification job over the buckets that may hold sensitive data ' +
    '(`aws macie2 create-classification-job`), or turn on automated sensitive data discovery; record the data classification itself.',
  docsUrl: 'https://docs.aws.amazon.com/macie/latest/user/discovery-jobs.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const resource = accountArn(input);
    const { read, unread } = readRegions(input.data.macie, macieStatus.id, input.closedRegions, resource);
    // Nothing read, nothing to say about what exists: the unread regions' errors are the whole verdict.
    if (read.length === 0) return unread;
    const enabled = read.filter(({ data }) => data.enabled && data.status === 'ENABLED');
    const withJobs = enabled.filter(({ data }) => data.jobs.some((job) => job.status !== 'CANCELLED'));
    const evidence = { macie: Object.fromEntries(read.map(({ region, data }) => [region, data])) };
    if (withJobs.length > 0) {
      const jobs = withJobs.reduce((sum, { data }) => sum + data.jobs.filter((job) => job.status !== 'CANCELLED').length, 0);
      return [{ status: 'PASS', messageId: 'discovering', resource, params: { jobs, regions: withJobs.map((r) => r.region).join(', ') }, evidence }];
    }
    const verdict: Outcome<MessageId> =
      enabled.length > 0
        ? { status: 'WARN', messageId: 'enabledWithoutJobs', resource, params: { regions: enabled.map((r) => r.region).join(', ') }, evidence }
        : { status: 'WARN', messageId: 'notEnabled', resource, evidence };
    return [...unread, verdict];
  },
});

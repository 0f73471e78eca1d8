import { defineCheck, type Outcome } from '../src/contract/check.js';
import { CIS_STANDARD, FTR_CIS_CONTROLS, securityHubStandards } from '../src/datasets/securityhub/datasets.js';
import { accountArn } from './lib/arn.js';
import { readRegions, type RegionViewMessageId } from './lib/region-evidence.js';
import { REGION_VIEW_MESSAGES } from './lib/region-views.js';

const MESSAGES = {
  cisEnabled: 'Security Hub runs the CIS AWS Foundations Benchmark v{versions} in {regions}; resources failing the FTR\'s CIS controls: {failed}.',
  notEnabled: 'No region scanned runs the CIS AWS Foundations Benchmark in Security Hub: optional, but a CIS report speeds up the review.',
  ...REGION_VIEW_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES | RegionViewMessageId;

export default defineCheck({
  id: 'securityhub-cis-benchmark-enabled',
  title: 'A CIS AWS Foundations Benchmark report is available from Security Hub',
  description:
    'Reads the Security Hub standards of every region scanned: a CIS AWS Foundations Benchmark standard that is READY is evidence of an ' +
    'automated CIS report, and passes with the number of resources failing each control the FTR ties to a CIS item (IAM.4, Account.1, IAM.5, ' +
    'IAM.3, IAM.15, IAM.16, EC2.53, EC2.54, EC2.2; active, unsuppressed FAILED findings, each resource once). Not enabled warns: the report ' +
    'is optional.',
  requirements: { 'ftr-partner-hosted': ['CIS'] },
  severity: 'informational',
  scope: 'account',
  uses: { standards: securityHubStandards },
  remediation:
    'Enable the CIS AWS Foundations Benchmark standard in Security Hub (`aws securityhub batch-enable-standards --standards-subscription-requests ' +
    'StandardsArn=arn:aws:securityhub:<region>::standards/cis-aws-foundations-benchmark/v/5.0.0`) and attach its report to the review.',
  docsUrl: 'https://docs.aws.amazon.com/securityhub/latest/userguide/cis-aws-foundations-benchmark.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const resource = accountArn(input);
    const { read, unread } = readRegions(input.data.standards, securityHubStandards.id, input.closedRegions, resource);
    // Nothing read, nothing to say about what exists: the unread regions' errors are the whole verdict.
    if (read.length === 0) return unread;
    const cis = read.filter(({ data }) => data.standards.some((s) => CIS_STANDARD.test(s.standardsArn) && s.status === 'READY'));
    if (cis.length === 0) {
      const outcomes: Outcome<MessageId>[] = [...unread, { status: 'WARN', messageId: 'notEnabled', resource }];
      return outcomes;
    }
    const versions = new Set(cis.flatMap(({ data }) => data.standards.flatMap((s) => CIS_STANDARD.exec(s.standardsArn)?.[1] ?? [])));
    const failed = FTR_CIS_CONTROLS.map((control) => [control, cis.reduce((sum, { data }) => sum + (data.failedResourcesByControl?.[control] ?? 0), 0)] as const);
    const params = {
      versions: [...versions].sort().join(', v'),
      regions: cis.map((r) => r.region).join(', '),
      failed: failed.filter(([, n]) => n > 0).map(([control, n]) => `${control} ${n}`).join(', ') || 'none',
    };
    const evidence = { byRegion: Object.fromEntries(cis.map(({ region, data }) => [region, data])), failedResourcesByControl: Object.fromEntries(failed) };
    return [{ status: 'PASS', messageId: 'cisEnabled', resource, params, evidence }];
  },
});

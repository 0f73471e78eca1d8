import { experiments } from '../src/datasets/fis/datasets.js';
import { appAssessments } from '../src/datasets/resiliencehub/datasets.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { accountArn, regionalArn } from './lib/arn.js';
import { zonalActions } from './lib/fis.js';
import { failedRegion, REGION_VIEW_MESSAGES } from './lib/region-views.js';
import { monthsBefore } from './lib/time.js';

const MESSAGES = {
  azTested: 'An Availability Zone impairment was tested with AWS FIS within 12 months: {experiments}.{assessments}',
  otherTestsOnly: 'AWS FIS experiments completed within 12 months ({experiments}), but none impaired an Availability Zone: attest the AZ test.{assessments}',
  assessedOnly: 'No AWS FIS experiment completed within 12 months; Resilience Hub assessed {apps}, which is not a test: attest the last resilience test.',
  noTest: 'No resilience test visible (no AWS FIS experiment completed since {since}, no Resilience Hub assessment): attest the date and result of the last one.',
  ...REGION_VIEW_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES;

interface Seen {
  azTests: string[];
  otherTests: string[];
  assessed: string[];
  failures: Outcome<MessageId>[];
}

export default defineCheck({
  id: 'fis-az-impairment-tested',
  title: 'Resilience is tested at least yearly, an Availability Zone impairment included',
  description:
    'Reads the AWS FIS experiments of every region and describes those that completed within the last 13 months. One that completed ' +
    'within 12 months and impaired an Availability Zone passes (naming it): it ran a zonal action (insufficient-capacity errors, ' +
    'ElastiCache AZ power interruption, zonal autoshift) or an action whose targets are filtered to a zone. Resilience Hub assessments ' +
    'that succeeded are listed as evidence. Anything less warns, because tests run with other tools are invisible here: the date and ' +
    'result of the last test are attested. Regions where AWS offers no FIS or Resilience Hub endpoint have nothing to show.',
  requirements: { 'ftr-partner-hosted': ['RES-004'] },
  severity: 'medium',
  scope: 'account',
  uses: { experiments, assessments: appAssessments },
  remediation:
    'Run the FIS "AZ Availability: Power Interruption" scenario (FIS console > Scenario library) against a staging copy of the ' +
    'workload, record its result, and repeat it yearly and after major changes.',
  docsUrl: 'https://docs.aws.amazon.com/fis/latest/userguide/az-availability-scenario.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const since = monthsBefore(input.now, 12);
    const seen: Seen = { azTests: [], otherTests: [], assessed: [], failures: [] };
    for (const region of input.regions) {
      const fis = input.data.experiments[region]!;
      const hub = input.data.assessments[region]!;
      for (const [view, dataset, service, kind] of [[fis, experiments.id, 'fis', 'experiment'], [hub, appAssessments.id, 'resiliencehub', 'app-assessment']] as const) {
        if (view.ok) continue;
        const failure = failedRegion(view, region, dataset, input.closedRegions);
        seen.failures.push({ ...failure, resource: regionalArn({ accountId: input.accountId, region }, service, kind), region });
      }
      if (fis.ok) {
        for (const e of fis.data.completed.filter((x) => (x.endTime ?? x.creationTime ?? '') >= since)) {
          const zonal = zonalActions(e);
          const label = `${e.id} in ${region} (${(e.endTime ?? e.creationTime ?? '').slice(0, 10)}${zonal.length ? `, ${zonal.join(', ')}` : ''})`;
          (zonal.length > 0 ? seen.azTests : seen.otherTests).push(label);
        }
      }
      if (hub.ok) seen.assessed.push(...hub.data.assessments.map((a) => `${a.appArn?.split('/').pop() ?? a.arn} (${a.complianceStatus ?? a.status}) in ${region}`));
    }
    const resource = accountArn(input);
    const assessments = seen.assessed.length ? ` Resilience Hub assessments: ${seen.assessed.join(', ')}.` : '';
    const evidence = { since, azTests: seen.azTests, otherTests: seen.otherTests, resilienceHubAssessments: seen.assessed };
    if (seen.azTests.length > 0) return [{ status: 'PASS', messageId: 'azTested', resource, params: { experiments: seen.azTests.join('; '), assessments }, evidence }];
    if (seen.failures.some((f) => f.status === 'ERROR')) return seen.failures;
    const judged: Outcome<MessageId> =
      seen.otherTests.length > 0
        ? { status: 'WARN', messageId: 'otherTestsOnly', resource, params: { experiments: seen.otherTests.join('; '), assessments }, evidence }
        : seen.assessed.length > 0
          ? { status: 'WARN', messageId: 'assessedOnly', resource, params: { apps: seen.assessed.join(', ') }, evidence }
          : { status: 'WARN', messageId: 'noTest', resource, params: { since: since.slice(0, 10) }, evidence };
    return [...seen.failures, judged];
  },
});

import { defineCheck, type Outcome } from '../src/contract/check.js';
import { serviceLevelObjectives } from '../src/datasets/applicationsignals/datasets.js';
import { cloudWatchDashboards } from '../src/datasets/cloudwatch/datasets.js';
import { syntheticsCanaries } from '../src/datasets/synthetics/datasets.js';
import { accountArn } from './lib/arn.js';
import { readTogether, type RegionViewMessageId } from './lib/region-evidence.js';
import { REGION_VIEW_MESSAGES } from './lib/region-views.js';

const MESSAGES = {
  kpisSeen: 'Measures of customer-facing performance exist: {dashboards} dashboard(s), {slos} service-level objective(s), {canaries} Synthetics canar(ies); attest the KPIs and their thresholds.',
  noneSeen: 'No CloudWatch dashboard, Application Signals service-level objective or Synthetics canary; attest the KPIs, how each is measured and its threshold.',
  ...REGION_VIEW_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES | RegionViewMessageId;

export default defineCheck({
  id: 'cloudwatch-kpis-defined',
  title: 'Customer-facing KPIs are measured',
  description:
    'Counts the account\'s CloudWatch dashboards (each once, though every region lists them), and in every region scanned its Application Signals service-level objectives and ' +
    'Synthetics canaries: any is evidence that performance is measured; which KPIs are customer-facing and their thresholds is attested, ' +
    'so the requirement stays WARN until then. None warns.',
  requirements: { 'smb-competency': ['PRF-001'] },
  severity: 'low',
  scope: 'account',
  uses: { dashboards: cloudWatchDashboards, slos: serviceLevelObjectives, canaries: syntheticsCanaries },
  remediation:
    'Define the KPIs (latency, availability, error rate per customer-facing flow) as Application Signals SLOs or CloudWatch alarms with ' +
    'thresholds, watch them on a dashboard, and probe the customer paths with Synthetics canaries.',
  docsUrl: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-ServiceLevelObjectives.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const resource = accountArn(input);
    const { read, unread } = readTogether(
      { dashboards: input.data.dashboards, slos: input.data.slos, canaries: input.data.canaries },
      { dashboards: cloudWatchDashboards.id, slos: serviceLevelObjectives.id, canaries: syntheticsCanaries.id },
      input.closedRegions,
      resource,
    );
    // Every region lists the account's dashboards: each counts once.
    const dashboards = [...new Map(read.flatMap(({ data }) => data.dashboards.dashboards).map((d) => [d.arn ?? d.name, d])).values()];
    const slos = read.flatMap(({ data }) => data.slos.slos);
    const canaries = read.flatMap(({ data }) => data.canaries.canaries);
    const evidence = { dashboards: dashboards.map((d) => d.name), slos, canaries };
    if (dashboards.length + slos.length + canaries.length > 0) {
      return [{ status: 'PASS', messageId: 'kpisSeen', resource, params: { dashboards: dashboards.length, slos: slos.length, canaries: canaries.length }, evidence }];
    }
    // Nothing read, nothing to say about what exists: the unread regions' errors are the whole verdict.
    if (read.length === 0) return unread;
    const outcomes: Outcome<MessageId>[] = [...unread, { status: 'WARN', messageId: 'noneSeen', resource, evidence }];
    return outcomes;
  },
});

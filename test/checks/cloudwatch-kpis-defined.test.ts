import check from '../../checks/cloudwatch-kpis-defined.js';
import { ACCOUNT, accountInput, failed, ok, REGION } from '../helpers/input.js';
import { unreadRegionCases, UNREAD_REGION } from '../helpers/region-view-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const regions = [REGION, UNREAD_REGION];
const noSlos = ok({ available: true, slos: [] });
const noCanaries = ok({ canaries: [] });
const noDashboards = ok({ dashboards: [] });
const kpis = { dashboards: [{ name: 'kpis', arn: `arn:aws:cloudwatch::${ACCOUNT}:dashboard/kpis` }] };

runCheckCases(check, [
  {
    name: 'dashboards, SLOs and canaries counted: PASS',
    input: accountInput({
      regions,
      data: {
        dashboards: { [REGION]: ok(kpis), [UNREAD_REGION]: ok(kpis) },
        slos: { [REGION]: ok({ available: true, slos: [{ arn: 'arn:slo', name: 'checkout-latency' }] }), [UNREAD_REGION]: ok({ available: false, slos: [] }) },
        canaries: { [REGION]: noCanaries, [UNREAD_REGION]: ok({ canaries: [{ name: 'home', state: 'RUNNING' }] }) },
      },
    }),
    expected: [{ status: 'PASS', messageId: 'kpisSeen', resource: ROOT, params: { dashboards: 1, slos: 1, canaries: 1 } }],
  },
  {
    name: 'nothing: WARN',
    input: accountInput({ regions, data: { dashboards: { [REGION]: noDashboards, [UNREAD_REGION]: noDashboards }, slos: { [REGION]: noSlos, [UNREAD_REGION]: noSlos }, canaries: { [REGION]: noCanaries, [UNREAD_REGION]: noCanaries } } }),
    expected: [{ status: 'WARN', messageId: 'noneSeen', resource: ROOT }],
  },
  {
    name: 'no region read: only the errors, never "none seen"',
    input: accountInput({ regions, data: { dashboards: { [REGION]: failed(), [UNREAD_REGION]: failed() }, slos: { [REGION]: noSlos, [UNREAD_REGION]: noSlos }, canaries: { [REGION]: noCanaries, [UNREAD_REGION]: noCanaries } } }),
    expected: [
      { status: 'ERROR', messageId: 'regionUnreadable', resource: ROOT },
      { status: 'ERROR', messageId: 'regionUnreadable', resource: ROOT },
    ],
  },
  ...unreadRegionCases({
    input: (view, closedRegions) => accountInput({ regions, closedRegions, data: { dashboards: { [REGION]: noDashboards, [UNREAD_REGION]: noDashboards }, slos: { [REGION]: noSlos, [UNREAD_REGION]: view }, canaries: { [REGION]: noCanaries, [UNREAD_REGION]: noCanaries } } }),
    resource: ROOT,
    then: [{ status: 'WARN', messageId: 'noneSeen', resource: ROOT }],
  }),
]);

import check from '../../checks/cloudwatch-central-monitoring.js';
import { alarm, alarms, oam } from '../helpers/fixtures/observability.js';
import { ACCOUNT, accountInput, CENTRAL_ACCOUNT, failed, ok, REGION } from '../helpers/input.js';
import { unreadRegionCases, UNREAD_REGION } from '../helpers/region-view-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const regions = [REGION, UNREAD_REGION];
const quiet = { links: ok(oam()), alarms: ok(alarms(alarm('cpu'))) };

function data(here: Partial<typeof quiet>, there: Partial<typeof quiet> = {}) {
  return {
    links: { [REGION]: here.links ?? quiet.links, [UNREAD_REGION]: there.links ?? quiet.links },
    alarms: { [REGION]: here.alarms ?? quiet.alarms, [UNREAD_REGION]: there.alarms ?? quiet.alarms },
  };
}

runCheckCases(check, [
  {
    name: 'linked to a monitoring account: PASS naming it',
    input: accountInput({ regions, data: data({ links: ok(oam([CENTRAL_ACCOUNT])) }) }),
    expected: [{ status: 'PASS', messageId: 'linked', resource: ROOT, params: { accounts: CENTRAL_ACCOUNT, regions: REGION } }],
  },
  {
    name: 'the monitoring account itself: PASS naming its sinks',
    input: accountInput({ regions, data: data({}, { links: ok(oam([], ['central'])) }) }),
    expected: [{ status: 'PASS', messageId: 'monitoringAccount', resource: ROOT, params: { sinks: 'central' } }],
  },
  {
    name: 'alarms notifying another account\'s topic (disabled ones not counted): PASS',
    input: accountInput({
      regions,
      data: data({ alarms: ok(alarms(alarm('cpu', { alarmActions: [`arn:aws:sns:${REGION}:${CENTRAL_ACCOUNT}:ops`] }), alarm('off', { actionsEnabled: false, alarmActions: [`arn:aws:sns:${REGION}:999999999999:x`] }))) }),
    }),
    expected: [{ status: 'PASS', messageId: 'sharedTopic', resource: ROOT, params: { topics: `arn:aws:sns:${REGION}:${CENTRAL_ACCOUNT}:ops` } }],
  },
  {
    name: 'nothing central: WARN',
    input: accountInput({ regions, data: data({}) }),
    expected: [{ status: 'WARN', messageId: 'notCentral', resource: ROOT }],
  },
  {
    name: 'no region read: only the errors, never "nothing central"',
    input: accountInput({ regions, data: data({ links: failed() }, { links: failed() }) }),
    expected: [
      { status: 'ERROR', messageId: 'regionUnreadable', resource: ROOT },
      { status: 'ERROR', messageId: 'regionUnreadable', resource: ROOT },
    ],
  },
  ...unreadRegionCases({
    input: (view, closedRegions) => accountInput({ regions, closedRegions, data: data({}, { links: view }) }),
    resource: ROOT,
    then: [{ status: 'WARN', messageId: 'notCentral', resource: ROOT }],
  }),
]);

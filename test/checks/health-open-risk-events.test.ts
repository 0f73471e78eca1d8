import check from '../../checks/health-open-risk-events.js';
import { healthEvent } from '../helpers/fixtures/security.js';
import { ACCOUNT, accountInput } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const account = `arn:aws:iam::${ACCOUNT}:root`;
const exposed = healthEvent();
const quarantine = healthEvent({ eventTypeCode: 'AWS_RISK_IAM_QUARANTINE', startTime: undefined });

runCheckCases(check, [
  {
    name: 'no open RISK events passes',
    input: accountInput({ data: { events: { subscribed: true, openEvents: [] } } }),
    expected: [{ status: 'PASS', messageId: 'noOpenEvents', resource: account }],
  },
  {
    name: 'each open RISK event warns on its own ARN',
    input: accountInput({ data: { events: { subscribed: true, openEvents: [exposed, quarantine] } } }),
    expected: [
      { status: 'WARN', messageId: 'openEvent', resource: exposed.arn, params: { code: 'AWS_RISK_CREDENTIALS_EXPOSED', start: '2026-11-20T08:00:00.000Z' } },
      { status: 'WARN', messageId: 'openEvent', resource: quarantine.arn, params: { code: 'AWS_RISK_IAM_QUARANTINE', start: 'an unknown time' } },
    ],
  },
  {
    name: 'SubscriptionRequiredException: not applicable',
    input: accountInput({ data: { events: { subscribed: false, openEvents: [] } } }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noHealthApi', resource: account }],
  },
]);

import { describe, expect, it } from 'vitest';
import { ticketingLookup, ticketingSystemOf, type TicketingEvidence } from '../../../checks/lib/ticketing.js';
import { apiDestination, apiDestinations, subscription, subscriptions } from '../../helpers/fixtures/observability.js';
import { snsTopic } from '../../helpers/fixtures/eventbridge.js';
import { ACCOUNT, CENTRAL_ACCOUNT, ok, orgView, REGION } from '../../helpers/input.js';

const here = (evidence: TicketingEvidence) => () => evidence;

describe('ticketingSystemOf', () => {
  it.each([
    ['an OpsItem alarm action', `arn:aws:ssm:${REGION}:${ACCOUNT}:opsitem:3#CATEGORY=Security`, 'ticketing', 'Systems Manager OpsCenter'],
    ['an Incident Manager response plan', `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/sev1`, 'ticketing', 'Incident Manager (response-plan/sev1)'],
    ['a Lambda function', `arn:aws:lambda:${REGION}:${ACCOUNT}:function:triage`, 'unknown', `lambda arn:aws:lambda:${REGION}:${ACCOUNT}:function:triage`],
  ])('%s', (_name, target, kind, system) => {
    expect(ticketingSystemOf(target, here({}))).toEqual({ target, kind, system });
  });

  it('names API destinations by host, and says when they were not read', () => {
    const snow = apiDestination('snow', 'acme.service-now.com');
    expect(ticketingSystemOf(snow.arn, here({ apiDestinations: [snow] })).system).toBe('ServiceNow (acme.service-now.com via API destination snow)');
    expect(ticketingSystemOf(snow.arn, here({})).system).toBe(`API destination ${snow.arn} (not read)`);
    const odd = apiDestination('odd', 'hooks.example.com');
    expect(ticketingSystemOf(odd.arn, here({ apiDestinations: [odd] }))).toMatchObject({ kind: 'unknown', system: 'an unknown endpoint (hooks.example.com via API destination odd)' });
  });

  it('judges SNS topics by their confirmed subscriptions', () => {
    const topic = snsTopic('alerts');
    const of = (list: ReturnType<typeof subscription>[] | undefined) => ticketingSystemOf(topic, here(list ? { subscriptions: list } : {}));
    expect(of([subscription(topic, 'https', 'acme.atlassian.net'), subscription(topic, 'email', 'example.com')])).toMatchObject({ kind: 'ticketing', system: `Jira (acme.atlassian.net via SNS topic ${topic})` });
    expect(of([subscription(topic, 'email', 'example.com')])).toMatchObject({ kind: 'email' });
    expect(of([subscription(topic, 'sqs', 'arn:aws:sqs:eu-west-1:1:q')])).toMatchObject({ kind: 'unknown', system: `SNS topic ${topic} (sqs:arn:aws:sqs:eu-west-1:1:q)` });
    expect(of([subscription(topic, 'https', 'events.pagerduty.com', false)])).toMatchObject({ kind: 'unconfirmed' });
    expect(of([])).toMatchObject({ kind: 'unconfirmed', system: `SNS topic ${topic} (no subscription)` });
    expect(of(undefined)).toMatchObject({ kind: 'unknown', system: `SNS topic ${topic} (subscriptions not read)` });
  });
});

describe('ticketingLookup', () => {
  it('reads this region\'s evidence as given and other accounts\' through the organization view', () => {
    const central = snsTopic('soc', CENTRAL_ACCOUNT);
    const lookup = ticketingLookup({
      accountId: ACCOUNT,
      region: REGION,
      destinations: apiDestinations(),
      org: orgView({ datasets: { 'sns.subscriptions': { [`${CENTRAL_ACCOUNT}/${REGION}`]: ok(subscriptions(subscription(central, 'https', 'acme.opsgenie.com'))) } } }),
    });
    expect(lookup(ACCOUNT, REGION)).toEqual({ apiDestinations: [] });
    expect(ticketingSystemOf(central, lookup).kind).toBe('ticketing');
  });
});

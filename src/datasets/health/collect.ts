import type * as SdkHealth from '@aws-sdk/client-health';
import type { Event as SdkHealthEvent } from '@aws-sdk/client-health';
import type * as SdkOrganizations from '@aws-sdk/client-organizations';
import { classifyError } from '../../aws/errors.js';
import { defineCollector, type CollectContext } from '../../contract/collector.js';
import { healthRiskEvents, healthOrganization } from './datasets.js';
import type { HealthEvent, HealthOrganizationEvidence } from './datasets.js';
import { NOT_IN_ORGANIZATION } from '../organizations/collect.js';
import { collectPages, isErrorNamed, isoDate, required } from '../sdk.js';
import { sdkModule } from '../../aws/sdk-module.js';

const {
  DescribeHealthServiceStatusForOrganizationCommand,
  HealthClient,
  paginateDescribeEvents,
} = sdkModule<typeof SdkHealth>('@aws-sdk/client-health');
const {
  DescribeOrganizationCommand,
  OrganizationsClient,
  paginateListAWSServiceAccessForOrganization,
  paginateListDelegatedAdministrators,
} = sdkModule<typeof SdkOrganizations>('@aws-sdk/client-organizations');

const HEALTH_PRINCIPAL = 'health.amazonaws.com';

function toHealthEvent(event: SdkHealthEvent): HealthEvent {
  return {
    arn: required(event.arn, 'arn'),
    eventTypeCode: required(event.eventTypeCode, 'eventTypeCode'),
    service: required(event.service, 'service'),
    statusCode: required(event.statusCode, 'statusCode'),
    region: event.region,
    startTime: isoDate(event.startTime),
  };
}

const collectHealthRiskEvents = defineCollector(healthRiskEvents, async (ctx) => {
  const health = ctx.clients.get(HealthClient);
  const pages = paginateDescribeEvents({ client: health }, { filter: { services: ['RISK'], eventStatusCodes: ['open'] } });
  try {
    const events = await collectPages(pages, (page) => page.events);
    return { subscribed: true, openEvents: events.map(toHealthEvent) };
  } catch (err) {
    // Accounts without Business/Enterprise support get this answer from the Health API.
    if (isErrorNamed(err, 'SubscriptionRequiredException')) return { subscribed: false, openEvents: [] };
    throw err;
  }
});

type OrganizationFacts = Omit<HealthOrganizationEvidence, 'callErrors'>;

/** One call of the organization view: fills its part of the evidence, or fails on its own. */
interface OrganizationCall {
  action: string;
  run(ctx: CollectContext): Promise<Partial<OrganizationFacts>>;
}

const ORGANIZATION_CALLS: OrganizationCall[] = [
  {
    action: 'health:DescribeHealthServiceStatusForOrganization',
    run: async (ctx) => {
      try {
        const out = await ctx.clients.get(HealthClient).send(new DescribeHealthServiceStatusForOrganizationCommand({}));
        return { healthOrganizationView: out.healthServiceAccessStatusForOrganization };
      } catch (err) {
        // The SDK models no class for it: matched by name. An answer about the plan, not a fault.
        if (isErrorNamed(err, 'SubscriptionRequiredException')) return { healthOrganizationViewUnknowable: true };
        throw err;
      }
    },
  },
  {
    action: 'organizations:DescribeOrganization',
    run: withoutOrganization({}, async (ctx) => {
      const { Organization } = await ctx.clients.get(OrganizationsClient).send(new DescribeOrganizationCommand({}));
      return { managementAccountId: Organization?.MasterAccountId };
    }),
  },
  {
    action: 'organizations:ListAWSServiceAccessForOrganization',
    run: withoutOrganization({ healthServiceAccessEnabled: false }, async (ctx) => {
      const pages = paginateListAWSServiceAccessForOrganization({ client: ctx.clients.get(OrganizationsClient) }, {});
      const services = await collectPages(pages, (page) => page.EnabledServicePrincipals);
      return { healthServiceAccessEnabled: services.some((s) => s.ServicePrincipal === HEALTH_PRINCIPAL) };
    }),
  },
  {
    action: 'organizations:ListDelegatedAdministrators',
    run: withoutOrganization({ delegatedAdministrators: [] }, async (ctx) => {
      const client = ctx.clients.get(OrganizationsClient);
      const pages = paginateListDelegatedAdministrators({ client }, { ServicePrincipal: HEALTH_PRINCIPAL });
      const admins = await collectPages(pages, (page) => page.DelegatedAdministrators);
      return { delegatedAdministrators: admins.map((admin) => required(admin.Id, 'DelegatedAdministrator.Id')) };
    }),
  },
];

/** "No organization" is an answer for the Organizations calls: it yields `answer`, not an error. */
function withoutOrganization(answer: Partial<OrganizationFacts>, run: OrganizationCall['run']): OrganizationCall['run'] {
  return async (ctx) => {
    try {
      return await run(ctx);
    } catch (err) {
      if (isErrorNamed(err, NOT_IN_ORGANIZATION)) return answer;
      throw err;
    }
  };
}

function callError(action: string, err: unknown): HealthOrganizationEvidence['callErrors'][number] {
  const { code, message } = classifyError(err, action);
  return { action, code, message };
}

const collectHealthOrganization = defineCollector(healthOrganization, async (ctx) => {
  const settled = await Promise.allSettled(ORGANIZATION_CALLS.map((call) => call.run(ctx)));
  const failures = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  // Each call shows one part of the picture; only when none answered is there no evidence at all.
  if (failures.length === settled.length) throw failures[0];
  // A part whose call failed stays undefined; its error is listed in callErrors.
  const evidence: HealthOrganizationEvidence = { callErrors: [] };
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') Object.assign(evidence, result.value);
    else evidence.callErrors.push(callError(ORGANIZATION_CALLS[i]!.action, result.reason));
  });
  return evidence;
});

export const COLLECTORS = [collectHealthRiskEvents, collectHealthOrganization];

// The role assumptions the partner's product makes into customer accounts (FTR CAA-001, CAA-002),
// from the sampled CloudTrail AssumeRole events: made by one of settings.ftr.productPrincipals, into
// an account outside the organization (outside the scanned accounts when its list is unreadable).

import type { DatasetView, Outcome, PerRegion } from '../../src/contract/check.js';
import type { AssumeRoleEvent, AssumeRoleEventsEvidence } from '../../src/datasets/cloudtrail/datasets.js';
import type { CallerOrganizationEvidence } from '../../src/datasets/organizations/datasets.js';
import { readRegions, type RegionViewMessageId } from './region-evidence.js';
import { REGION_VIEW_MESSAGES } from './region-views.js';

export const ASSUMPTION_MESSAGES = {
  noPrincipals: 'settings.ftr.productPrincipals names no IAM role or user of the product, so its role assumptions into customer accounts cannot be picked out; name them.',
  noAssumptions:
    'No AssumeRole by the product\'s principals into an account outside the organization in the CloudTrail event history sampled ({scanned} AssumeRole events since {since}{partial}); attest how customer accounts are reached.',
  ...REGION_VIEW_MESSAGES,
} as const;

export type AssumptionMessageId = keyof typeof ASSUMPTION_MESSAGES | RegionViewMessageId;

const IAM_PRINCIPAL = /^arn:[\w-]+:iam::(\d{12}):(role|user)\/(?:.*\/)?([^/]+)$/;

/** Same account, kind and name: a role's path may be left out of the configured ARN. */
function samePrincipal(a: string, b: string): boolean {
  const [x, y] = [IAM_PRINCIPAL.exec(a), IAM_PRINCIPAL.exec(b)];
  return x !== null && y !== null && x[1] === y[1] && x[2] === y[2] && x[3] === y[3];
}

export interface ProductAssumptions {
  principals: string[];
  /** The product's assumptions into outside accounts, with the region whose history logged them. */
  events: (AssumeRoleEvent & { region: string })[];
  sample: { scanned: number; since: string; complete: boolean };
  /** Regions whose history could not be read. */
  unread: Outcome<AssumptionMessageId>[];
  /** How many regions' history was read. */
  regionsRead: number;
  /** How "outside the organization" was decided. */
  inside: string;
}

interface Input {
  principals: string[];
  events: PerRegion<AssumeRoleEventsEvidence>;
  organization: DatasetView<CallerOrganizationEvidence> | undefined;
  scannedAccounts: ReadonlySet<string>;
  closedRegions: readonly string[];
  resource: string;
}

function productAssumptions(input: Input): ProductAssumptions {
  const { read, unread } = readRegions(input.events, 'cloudtrail.assumeRoleEvents', input.closedRegions, input.resource);
  const members = input.organization?.ok ? input.organization.data.memberAccountIds : undefined;
  const inside = new Set(members ?? input.scannedAccounts);
  const events = read.flatMap(({ region, data }) =>
    data.events.filter((e) => !inside.has(e.targetAccount) && input.principals.some((p) => samePrincipal(e.callerArn, p))).map((e) => ({ ...e, region })),
  );
  return {
    principals: input.principals,
    events,
    sample: {
      scanned: read.reduce((sum, r) => sum + r.data.scanned, 0),
      since: read[0]?.data.since.slice(0, 10) ?? '?',
      complete: read.every((r) => r.data.complete),
    },
    unread,
    regionsRead: read.length,
    inside: members ? 'the organization\'s account list' : 'the scanned accounts (the organization\'s account list could not be read)',
  };
}

/** What a CAA check is given, as the product's assumptions need it. */
interface AssumptionCheckInput {
  settings: { ftr: { productPrincipals: string[] } };
  data: { events: PerRegion<AssumeRoleEventsEvidence> };
  optional: { organization: DatasetView<CallerOrganizationEvidence> | undefined };
  org: { scannedAccounts: ReadonlySet<string> };
  closedRegions: readonly string[];
}

/** The product's assumptions as a CAA check reads them from its input. */
export function productAssumptionsOf(input: AssumptionCheckInput, resource: string): ProductAssumptions {
  return productAssumptions({
    principals: input.settings.ftr.productPrincipals,
    events: input.data.events,
    organization: input.optional.organization,
    scannedAccounts: input.org.scannedAccounts,
    closedRegions: input.closedRegions,
    resource,
  });
}

/** The verdicts every CAA check shares: no principals named, or no assumption seen. */
export function withoutEvidence(found: ProductAssumptions, resource: string): Outcome<AssumptionMessageId>[] | undefined {
  if (found.principals.length === 0) return [{ status: 'WARN', messageId: 'noPrincipals', resource }];
  if (found.events.length > 0) return undefined;
  // Nothing read, nothing to say about what happened: the unread regions' errors are the whole verdict.
  if (found.regionsRead === 0) return found.unread;
  const partial = found.sample.complete ? '' : '; the sample stopped at its page limit, so older events were not read';
  return [
    ...found.unread,
    { status: 'WARN', messageId: 'noAssumptions', resource, params: { scanned: found.sample.scanned, since: found.sample.since, partial }, evidence: { sample: found.sample, inside: found.inside } },
  ];
}

// A checklist as data: every requirement, in our own words, with what a scanner can see of it.

export type AppliesTo = 'saas' | 'customer-deployed';

/**
 * - `full`: read-only APIs decide it.
 * - `partial`: APIs see part of it; the rest needs the partner's attestation.
 * - `manual`: documents, process or people; the partner attests.
 */
export type AutomationLevel = 'full' | 'partial' | 'manual';

/**
 * A setup some requirements apply to only when the partner's config says so (src/catalog/applicability.ts
 * names the setting): `crossAccountAccess`, the product calls customer accounts (FTR CAA-*).
 */
export type RequirementCondition = 'crossAccountAccess';

/**
 * - `account`: judged per account, from that account's configuration.
 * - `partner`: judged once for the partner: its processes, documents and programme status. Where
 *   checks see evidence of it (a reviewed workload lives in one account), one account showing it
 *   is enough.
 */
export type RequirementScope = 'account' | 'partner';

export interface Requirement {
  id: string;
  /** Short title in our own words. */
  title: string;
  section: string;
  appliesTo: AppliesTo[];
  automation: AutomationLevel;
  scope: RequirementScope;
  /** For partial and manual requirements: what the partner must attest and show. */
  attest?: string;
  /** Requirements asked once per submitted customer example (UCR, PS, CO). */
  perCustomerExample?: boolean;
  /**
   * A `met` attestation turns failing automated findings into ATTESTED: the checks see only one
   * way to meet it (e.g. SUP-001, where Partner-Led Support is invisible to the Support API).
   */
  attestationOverridesFail?: boolean;
  /** Applies only in this setup; otherwise the requirement rolls up NOT_APPLICABLE and its checks do not run. */
  onlyWhen?: RequirementCondition;
}

export interface Checklist {
  id: string;
  version: string;
  title: string;
  /** Where AWS publishes it (for the report header). */
  source: string;
  requirements: Requirement[];
}

/** Marks a requirement as judged once for the partner rather than per account. */
export function onceForPartner(requirement: Requirement): Requirement {
  return { ...requirement, scope: 'partner' };
}

/** Keeps the checklist's id as a literal type, so the set of checklist IDs derives from the data. */
export function defineChecklist<const Id extends string>(checklist: Checklist & { id: Id }): Checklist & { id: Id } {
  return checklist;
}

// The policies that apply to an IAM user, and the statements IAM-002 looks for in them.

import type { AwsManagedPoliciesEvidence, IamAuthorizationEvidence, IamUserDetail, ManagedPolicyRef } from '../../src/datasets/iam/datasets.js';
import type { PolicyDocument, PolicyStatement } from '../../src/datasets/policy-types.js';
import { asIpv4IfMapped, contains, formatCidr, parseCidr } from './cidr.js';

export interface AppliedPolicy {
  /** Where it comes from, in words: `inline policy X`, `group G: managed policy Y`, `permissions boundary Z`. */
  source: string;
  /** Absent only for an AWS-managed permissions boundary, whose document is not fetched (a boundary grants nothing). */
  document?: PolicyDocument;
  awsManagedName?: string;
  boundary: boolean;
}

export interface UserPolicies {
  applied: AppliedPolicy[];
  /** Policies or groups the evidence does not hold: the user cannot be judged. */
  missing: string[];
}

interface Evidence {
  auth: IamAuthorizationEvidence;
  awsManaged: AwsManagedPoliciesEvidence;
}

const AWS_MANAGED_ARN = /^arn:[\w-]+:iam::aws:policy\//;

function managed(ref: Pick<ManagedPolicyRef, 'arn' | 'name'>, evidence: Evidence, prefix: string, boundary: boolean, out: UserPolicies): void {
  const detail = evidence.auth.policies.find((p) => p.arn === ref.arn);
  const source = `${prefix}managed policy ${ref.name}`;
  if (detail?.awsManaged || (!detail && AWS_MANAGED_ARN.test(ref.arn))) {
    const document = evidence.awsManaged.policies.find((p) => p.arn === ref.arn)?.document;
    if (document || boundary) out.applied.push({ source, ...(document && { document }), awsManagedName: ref.name, boundary });
    else out.missing.push(ref.arn);
  } else if (detail?.document) {
    out.applied.push({ source, document: detail.document, boundary });
  } else {
    out.missing.push(ref.arn);
  }
}

export function policiesOf(user: IamUserDetail, evidence: Evidence): UserPolicies {
  const out: UserPolicies = { applied: [], missing: [] };
  for (const policy of user.inlinePolicies) out.applied.push({ source: `inline policy ${policy.name}`, document: policy.document, boundary: false });
  for (const ref of user.attachedPolicies) managed(ref, evidence, '', false, out);
  for (const groupName of user.groups) {
    const group = evidence.auth.groups.find((g) => g.groupName === groupName);
    if (!group) {
      out.missing.push(`group ${groupName}`);
      continue;
    }
    for (const policy of group.inlinePolicies) {
      out.applied.push({ source: `group ${groupName}: inline policy ${policy.name}`, document: policy.document, boundary: false });
    }
    for (const ref of group.attachedPolicies) managed(ref, evidence, `group ${groupName}: `, false, out);
  }
  if (user.permissionsBoundaryArn) {
    const arn = user.permissionsBoundaryArn;
    managed({ arn, name: arn.slice(arn.lastIndexOf('/') + 1) }, evidence, 'permissions boundary: ', true, out);
  }
  return out;
}

type Sourced = { source: string; statement: PolicyStatement };

function statementsOf(policies: AppliedPolicy[]): Sourced[] {
  return policies.flatMap((p) => (p.document?.statements ?? []).map((statement) => ({ source: p.source, statement })));
}

function where({ source, statement }: Sourced): string {
  return `${source}${statement.sid ? ` (${statement.sid})` : ''}`;
}

const lower = (values: string[]) => values.map((v) => v.toLowerCase());

// Keys a call from the internet does not carry: they are set only for calls through a VPC endpoint.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourcevpc
const ABSENT_FROM_INTERNET_CALLS = new Set(['aws:sourcevpc', 'aws:sourcevpce', 'aws:vpcsourceip']);
const NEGATED = new Set([
  'StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'NumericNotEquals', 'DateNotEquals', 'NotIpAddress', 'ArnNotEquals', 'ArnNotLike',
]);

/**
 * Whether a condition is true for a call from the internet. On a key such calls lack, a negated
 * operator, an `...IfExists` one, `Null: true` and a `ForAllValues:` set are true; a `ForAnyValue:` set
 * is false (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html,
 * reference_policies_multi-value-conditions.html). "Not via an AWS service" is true for a direct call.
 */
function trueForInternetCalls(operator: string, key: string, values: string[]): boolean {
  if (operator.startsWith('ForAnyValue:')) return false;
  const base = operator.replace(/IfExists$/, '');
  if (ABSENT_FROM_INTERNET_CALLS.has(key)) {
    if (operator.startsWith('ForAllValues:') || operator !== base || NEGATED.has(base)) return true;
    return base === 'Null' && lower(values).every((v) => v === 'true');
  }
  return key === 'aws:viaawsservice' && base === 'Bool' && lower(values).every((v) => v === 'false');
}

const IP_TEST = new Set(['NotIpAddress', 'NotIpAddressIfExists']);

/** The allowed ranges of a Deny's `NotIpAddress aws:SourceIp`, and the first other condition false for internet calls. */
function readCondition(condition: Record<string, Record<string, string[]>>): { cidrs?: string[]; breaking?: string } {
  let cidrs: string[] | undefined;
  let breaking: string | undefined;
  for (const [operator, keys] of Object.entries(condition)) {
    for (const [key, values] of Object.entries(keys)) {
      const name = key.toLowerCase();
      if (IP_TEST.has(operator) && name === 'aws:sourceip') cidrs = values;
      else if (!breaking && !trueForInternetCalls(operator, name, values)) breaking = `${operator} ${key}`;
    }
  }
  return { cidrs, breaking };
}

export interface IpDeny {
  source: string;
  sid?: string;
  cidrs: string[];
}

/** A Deny shaped like the IP restriction whose other condition keeps it from binding calls from the internet. */
export interface BrokenIpDeny {
  source: string;
  sid?: string;
  /** The operator and key of that condition, e.g. `ForAnyValue:StringNotEquals aws:SourceVpce`. */
  condition: string;
}

const EVERY_ACTION = (a: string) => a === '*' || a === '*:*';

/** Denies of every action on every resource unless the request comes from the listed addresses. */
export function ipRestrictingDenies(policies: AppliedPolicy[]): { fences: IpDeny[]; broken: BrokenIpDeny[] } {
  const fences: IpDeny[] = [];
  const broken: BrokenIpDeny[] = [];
  for (const { source, statement: s } of statementsOf(policies)) {
    if (s.effect !== 'Deny' || s.notAction || s.notResource || !s.condition) continue;
    if (!s.action?.some(EVERY_ACTION) || !s.resource?.includes('*')) continue;
    const { cidrs, breaking } = readCondition(s.condition);
    if (!cidrs) continue;
    const sid = s.sid ? { sid: s.sid } : {};
    if (breaking) broken.push({ source, ...sid, condition: breaking });
    else fences.push({ source, ...sid, cidrs });
  }
  return { fences, broken };
}

const WIDEST_PREFIX = { 4: 8, 6: 32 } as const;

/** Why the allowed ranges are too wide: wider than /8 (IPv4) or /32 (IPv6), or outside the partner's ranges. */
export function cidrProblems(cidrs: string[], partnerCidrs: string[]): string[] {
  const partner = partnerCidrs.map(parseCidr).filter((c) => c !== undefined).map(asIpv4IfMapped);
  return cidrs.flatMap((text) => {
    const parsed = parseCidr(text);
    if (!parsed) return [`${text} is not an address range`];
    const cidr = asIpv4IfMapped(parsed);
    const shown = cidr === parsed ? text : `${text} (IPv4 ${formatCidr(cidr)})`;
    const widest = WIDEST_PREFIX[cidr.version];
    if (cidr.prefix < widest) return [`${shown} is wider than /${widest}`];
    if (partner.length > 0 && !partner.some((outer) => contains(outer, cidr))) return [`${shown} is outside iam.partnerCidrs`];
    return [];
  });
}

/** AWS-managed policies that are broad by name, and what their name says that a statement-by-statement reading may not. */
const BROAD_MANAGED: Record<string, string> = {
  AdministratorAccess: 'it grants full access',
  PowerUserAccess: 'it grants full access outside IAM and Organizations',
  IAMFullAccess: 'iam:* lets the key grant itself any permission',
};
const SERVICE_WILDCARD = /^[\w-]+:\*$/;

function statementGrants(policy: AppliedPolicy): { fail: string[]; warn: string[] } {
  const fail: string[] = [];
  const warn: string[] = [];
  for (const sourced of statementsOf([policy])) {
    const s = sourced.statement;
    if (s.effect !== 'Allow') continue;
    if (s.action?.some(EVERY_ACTION)) fail.push(`${where(sourced)} allows every action`);
    if (s.notAction) fail.push(`${where(sourced)} allows with NotAction`);
    if (s.notResource) fail.push(`${where(sourced)} allows with NotResource`);
    const services = (s.action ?? []).filter((a) => SERVICE_WILDCARD.test(a) && a !== '*:*');
    if (services.length > 0 && s.resource?.includes('*')) warn.push(`${where(sourced)} allows ${services.join(', ')} on every resource`);
  }
  return { fail, warn };
}

/** Grants a boundary cannot make: boundaries only limit, so their Allows are skipped. */
export function broadGrants(policies: AppliedPolicy[]): { fail: string[]; warn: string[] } {
  const fail: string[] = [];
  const warn: string[] = [];
  for (const policy of policies.filter((p) => !p.boundary)) {
    const grants = statementGrants(policy);
    fail.push(...grants.fail);
    warn.push(...grants.warn);
    const byName = policy.awsManagedName ? BROAD_MANAGED[policy.awsManagedName] : undefined;
    if (byName && grants.fail.length === 0) fail.push(`${policy.source} is attached: ${byName}`);
  }
  return { fail, warn };
}

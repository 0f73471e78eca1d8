// The policies that apply to an IAM user, and the statements IAM-002 looks for in them.

import type { IamAuthorizationEvidence, IamUserDetail, ManagedPolicyRef } from '../../src/datasets/iam/datasets.js';
import type { PolicyDocument, PolicyStatement } from '../../src/datasets/policy-types.js';
import { contains, parseCidr } from './cidr.js';

export interface AppliedPolicy {
  /** Where it comes from, in words: `inline policy X`, `group G: managed policy Y`, `permissions boundary Z`. */
  source: string;
  /** Absent for AWS-managed policies, whose documents the collector does not fetch. */
  document?: PolicyDocument;
  awsManagedName?: string;
  boundary: boolean;
}

export interface UserPolicies {
  applied: AppliedPolicy[];
  /** Customer-managed policies or groups the evidence does not hold: the user cannot be judged. */
  missing: string[];
}

const AWS_MANAGED_ARN = /^arn:[\w-]+:iam::aws:policy\//;

function managed(ref: Pick<ManagedPolicyRef, 'arn' | 'name'>, auth: IamAuthorizationEvidence, prefix: string, boundary: boolean, out: UserPolicies): void {
  const detail = auth.policies.find((p) => p.arn === ref.arn);
  const source = `${prefix}managed policy ${ref.name}`;
  if (detail?.awsManaged || (!detail && AWS_MANAGED_ARN.test(ref.arn))) {
    out.applied.push({ source, awsManagedName: ref.name, boundary });
  } else if (detail?.document) {
    out.applied.push({ source, document: detail.document, boundary });
  } else {
    out.missing.push(ref.arn);
  }
}

export function policiesOf(user: IamUserDetail, auth: IamAuthorizationEvidence): UserPolicies {
  const out: UserPolicies = { applied: [], missing: [] };
  for (const policy of user.inlinePolicies) out.applied.push({ source: `inline policy ${policy.name}`, document: policy.document, boundary: false });
  for (const ref of user.attachedPolicies) managed(ref, auth, '', false, out);
  for (const groupName of user.groups) {
    const group = auth.groups.find((g) => g.groupName === groupName);
    if (!group) {
      out.missing.push(`group ${groupName}`);
      continue;
    }
    for (const policy of group.inlinePolicies) {
      out.applied.push({ source: `group ${groupName}: inline policy ${policy.name}`, document: policy.document, boundary: false });
    }
    for (const ref of group.attachedPolicies) managed(ref, auth, `group ${groupName}: `, false, out);
  }
  if (user.permissionsBoundaryArn) {
    const arn = user.permissionsBoundaryArn;
    managed({ arn, name: arn.slice(arn.lastIndexOf('/') + 1) }, auth, 'permissions boundary: ', true, out);
  }
  return out;
}

function statementsOf(policies: AppliedPolicy[]): { source: string; statement: PolicyStatement }[] {
  return policies.flatMap((p) => (p.document?.statements ?? []).map((statement) => ({ source: p.source, statement })));
}

const lower = (values: string[] | undefined) => (values ?? []).map((v) => v.toLowerCase());

/** Condition operators a Deny may carry besides the IP test: only "not via an AWS service". */
function onlyIpCondition(condition: Record<string, Record<string, string[]>>): string[] | undefined {
  let cidrs: string[] | undefined;
  for (const [operator, keys] of Object.entries(condition)) {
    const entries = Object.entries(keys).map(([key, values]) => [key.toLowerCase(), values] as const);
    if (operator === 'NotIpAddress' && entries.length === 1 && entries[0]![0] === 'aws:sourceip') {
      cidrs = entries[0]![1];
    } else if (!((operator === 'Bool' || operator === 'BoolIfExists') && entries.every(([k, v]) => k === 'aws:viaawsservice' && lower(v).every((x) => x === 'false')))) {
      return undefined;
    }
  }
  return cidrs;
}

export interface IpDeny {
  source: string;
  sid?: string;
  cidrs: string[];
}

/** Deny of every action on every resource unless the request comes from the listed addresses. */
export function ipRestrictingDenies(policies: AppliedPolicy[]): IpDeny[] {
  return statementsOf(policies).flatMap(({ source, statement: s }) => {
    if (s.effect !== 'Deny' || s.notAction || s.notResource || !s.condition) return [];
    if (!s.action?.includes('*') || !s.resource?.includes('*')) return [];
    const cidrs = onlyIpCondition(s.condition);
    return cidrs ? [{ source, ...(s.sid && { sid: s.sid }), cidrs }] : [];
  });
}

/** Why the allowed ranges are too wide: a prefix shorter than /8, or outside the partner's ranges. */
export function cidrProblems(cidrs: string[], partnerCidrs: string[]): string[] {
  const partner = partnerCidrs.map(parseCidr).filter((c) => c !== undefined);
  return cidrs.flatMap((text) => {
    const cidr = parseCidr(text);
    if (!cidr) return [`${text} is not an address range`];
    if (cidr.prefix < 8) return [`${text} is wider than /8`];
    if (partner.length > 0 && !partner.some((outer) => contains(outer, cidr))) return [`${text} is outside iam.partnerCidrs`];
    return [];
  });
}

const BROAD_MANAGED = new Set(['AdministratorAccess', 'PowerUserAccess', 'IAMFullAccess']);
const SERVICE_WILDCARD = /^[\w-]+:\*$/;

/** Grants a boundary cannot make: boundaries only limit, so their Allows are skipped. */
export function broadGrants(policies: AppliedPolicy[]): { fail: string[]; warn: string[] } {
  const granting = policies.filter((p) => !p.boundary);
  const fail = granting.filter((p) => p.awsManagedName && BROAD_MANAGED.has(p.awsManagedName)).map((p) => `${p.source} is attached`);
  const warn: string[] = [];
  for (const { source, statement: s } of statementsOf(granting)) {
    if (s.effect !== 'Allow') continue;
    const where = `${source}${s.sid ? ` (${s.sid})` : ''}`;
    if (s.action?.some((a) => a === '*' || a === '*:*')) fail.push(`${where} allows every action`);
    if (s.notAction) fail.push(`${where} allows with NotAction`);
    if (s.notResource) fail.push(`${where} allows with NotResource`);
    const services = (s.action ?? []).filter((a) => SERVICE_WILDCARD.test(a) && a !== '*:*');
    if (services.length > 0 && s.resource?.includes('*')) warn.push(`${where} allows ${services.join(', ')} on every resource`);
  }
  return { fail, warn };
}

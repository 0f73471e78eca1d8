// The least-privilege IAM policy of the audit role: exactly the actions the selected checks'
// collectors call, plus what the scanner itself calls. Deterministic, so the committed
// deploy/ files can be compared with what the code generates.

import { UsageError } from '../errors.js';

/** What the scanner calls in every account, whatever checks run. */
export const SCANNER_ACTIONS = ['ec2:DescribeRegions', 'sts:GetCallerIdentity'] as const;

/**
 * Read by the scanner in the management (or delegated administrator) account for `--org`.
 * Harmless elsewhere: Organizations refuses them outside the management account.
 */
export const ORGANIZATION_ACTIONS = [
  'organizations:DescribeOrganization',
  'organizations:ListAccounts',
  'organizations:ListTagsForResource',
] as const;

/** The only actions that are not a plain read; both are needed and change nothing in the account. */
export const ALLOWED_NON_READ_ACTIONS = ['iam:GenerateCredentialReport', 'sts:AssumeRole'] as const;

/**
 * Reads whose IAM action is not named like one: API Gateway authorizes every read as its HTTP verb,
 * and CloudTrail's event history search is LookupEvents.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonapigatewaymanagement.html
 */
export const READ_ACTIONS_NAMED_OTHERWISE = ['apigateway:GET', 'cloudtrail:LookupEvents'] as const;

const ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;
const READ_VERB = /^(Describe|Get|List|BatchGet|Test)[A-Z]/;

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** True when the action only reads (or is one of the two allowed exceptions). */
export function isReadOnlyAction(action: string): boolean {
  const verb = action.split(':')[1] ?? '';
  return READ_VERB.test(verb) || [...ALLOWED_NON_READ_ACTIONS, ...READ_ACTIONS_NAMED_OTHERWISE].includes(action as never);
}

/** The sorted union of the given actions and the scanner's own; rejects wildcards and writes. */
export function policyActions(needed: Iterable<string>): string[] {
  const all = new Set<string>([...SCANNER_ACTIONS, ...ORGANIZATION_ACTIONS, ...needed]);
  for (const action of all) {
    if (!ACTION.test(action)) throw new UsageError(`not an exact IAM action (no wildcards): ${action}`);
    if (!isReadOnlyAction(action)) throw new UsageError(`not a read-only IAM action: ${action}`);
  }
  return [...all].sort();
}

/** One statement per service, Resource "*" (list and describe APIs take no resource ARN). */
export function buildPolicyDocument(actions: readonly string[]): PolicyDocument {
  const byService = new Map<string, string[]>();
  for (const action of [...actions].sort()) {
    const service = action.split(':')[0] as string;
    byService.set(service, [...(byService.get(service) ?? []), action]);
  }
  const Statement = [...byService].map(([service, serviceActions]) => ({
    Sid: `Read${sidWord(service)}`,
    Effect: 'Allow' as const,
    Action: serviceActions,
    Resource: '*',
  }));
  return { Version: '2012-10-17', Statement };
}

/**
 * The scanner principal's policy: the same reads (its own account is scanned with its own
 * credentials) plus assuming the audit role in the other accounts.
 */
export function scannerPolicyDocument(policy: PolicyDocument, roleName: string, writes: ScannerWrites = {}): PolicyDocument {
  const assume: PolicyStatement = {
    Sid: 'AssumeAuditRole',
    Effect: 'Allow',
    Action: ['sts:AssumeRole'],
    Resource: `arn:aws:iam::*:role/${roleName}`,
  };
  // Optional: only for `scan --security-hub`, into the scanner's own account's default product.
  const importFindings: PolicyStatement = {
    Sid: 'ImportFindingsIntoOwnSecurityHub',
    Effect: 'Allow',
    Action: ['securityhub:BatchImportFindings'],
    Resource: 'arn:aws:securityhub:*:*:product/*/default',
  };
  return { ...policy, Statement: [...policy.Statement, assume, ...(writes.securityHub ? [importFindings] : [])] };
}

/** The opt-in writes of the scanner, each behind its scan flag. */
export interface ScannerWrites {
  securityHub?: boolean;
}

/** `securityhub` → `Securityhub`, `config` → `Config`: Sids allow only [A-Za-z0-9]. */
function sidWord(service: string): string {
  const clean = service.replace(/[^a-z0-9]/gi, '');
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}

// The fake AWS's world, as JSON: an organization, its accounts, and per account and region the
// resources partner-audit's collectors read. Dates are ISO strings or offsets from the server's
// "now" (`-30d`, `+20d`, `-4h`, `now`), so a scenario file never goes stale.

export type When = string;

export interface Scenario {
  /** The caller's (management) account: base credentials map to it. */
  managementAccountId: string;
  /** IAM user the base credentials belong to. Default `auditor`. */
  callerUserName?: string;
  /** Role the scanner assumes in member accounts. Default `PartnerAuditReadOnly`. */
  roleName?: string;
  /** When set, AssumeRole must carry this ExternalId. */
  externalId?: string;
  /** Absent: the management account is not in an organization. */
  organization?: OrganizationSpec;
  accounts: AccountSpec[];
  faults?: FaultSpec;
}

export interface OrganizationSpec {
  id: string;
  /** DescribeHealthServiceStatusForOrganization. */
  healthOrganizationView?: 'ENABLED' | 'DISABLED';
  /** ListAWSServiceAccessForOrganization, e.g. `health.amazonaws.com`. */
  serviceAccess?: string[];
  delegatedAdministrators?: { accountId: string; servicePrincipal: string }[];
  /** Page size of ListAccounts (AWS allows up to 20). */
  pageSize?: number;
  /** ListAccounts answers an empty first page that still carries a NextToken, as AWS may. */
  emptyFirstPage?: boolean;
}

export interface AccountSpec {
  id: string;
  name: string;
  email?: string;
  status?: 'ACTIVE' | 'SUSPENDED';
  tags?: Record<string, string>;
  /** `denied`: the role does not trust the caller (AssumeRole answers AccessDenied). */
  assumeRole?: 'ok' | 'denied';
  supportPlan?: SupportPlan;
  iam?: IamSpec;
  health?: HealthSpec;
  /** Every region the account knows. Regions not listed here answer like a disabled region. */
  regions: Record<string, RegionSpec>;
}

export type SupportPlan = 'basic' | 'developer' | 'business' | 'enterprise-on-ramp' | 'enterprise';

export type OptInStatus = 'opt-in-not-required' | 'opted-in' | 'not-opted-in';

export interface RegionSpec {
  optInStatus?: OptInStatus;
  eventBridge?: EventBridgeSpec;
  guardDuty?: GuardDutySpec;
  securityHub?: SecurityHubSpec;
  config?: ConfigSpec;
  acm?: AcmCertificateSpec[];
  ec2?: Ec2Spec;
}

// ---------- IAM ----------
export interface AccessKeySpec {
  /** Generated from the user name when absent. */
  id?: string;
  status?: 'Active' | 'Inactive';
  created: When;
  lastUsed?: When;
}

export interface PolicyDocumentJson {
  Version?: string;
  Statement: Record<string, unknown>[] | Record<string, unknown>;
}

export interface InlinePolicySpec {
  name: string;
  document: PolicyDocumentJson;
}

export interface IamUserSpec {
  name: string;
  created?: When;
  /** Console password set. */
  console?: boolean;
  passwordLastUsed?: When;
  mfa?: boolean;
  keys?: AccessKeySpec[];
  groups?: string[];
  inlinePolicies?: InlinePolicySpec[];
  /** Managed policy names (customer) or ARNs (`arn:aws:iam::aws:policy/...`). */
  attachedPolicies?: string[];
  permissionsBoundary?: string;
}

export interface IamGroupSpec {
  name: string;
  inlinePolicies?: InlinePolicySpec[];
  attachedPolicies?: string[];
}

export interface IamSpec {
  root?: { keys?: AccessKeySpec[]; mfa?: boolean; created?: When };
  users?: IamUserSpec[];
  groups?: IamGroupSpec[];
  /** Customer-managed policies. */
  policies?: InlinePolicySpec[];
  serverCertificates?: { name: string; expiration: When; uploaded?: When }[];
  /** When the existing credential report was generated; absent: none exists until generated. */
  credentialReportGenerated?: When;
  /** GetCredentialReport answers ReportInProgress this many times after a generation starts. */
  credentialReportPolls?: number;
}

// ---------- Health ----------
export interface HealthSpec {
  events?: {
    eventTypeCode: string;
    service?: string;
    statusCode?: 'open' | 'closed' | 'upcoming';
    region?: string;
    category?: string;
    start: When;
  }[];
}

// ---------- EventBridge ----------
export interface EventBridgeSpec {
  /** Custom buses; `default` always exists. */
  buses?: string[];
  rules?: EventRuleSpec[];
}

export interface EventRuleSpec {
  name: string;
  bus?: string;
  state?: 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
  /** The pattern as JSON (it is sent as a string on the wire). */
  pattern?: Record<string, unknown>;
  schedule?: string;
  targets?: { id: string; arn: string }[];
}

// ---------- GuardDuty / Security Hub ----------
export interface GuardDutySpec {
  detectorId?: string;
  status?: 'ENABLED' | 'DISABLED';
  administrator?: { accountId: string; relationshipStatus?: string };
}

export interface SecurityHubSpec {
  enabled: boolean;
  administrator?: { accountId: string; memberStatus?: string };
}

// ---------- Config ----------
export interface ConfigSpec {
  recorders?: {
    name: string;
    servicePrincipal?: string;
    recording?: boolean;
    lastStatus?: 'Pending' | 'Success' | 'Failure' | 'NotApplicable';
    allSupported?: boolean;
    includeGlobalResourceTypes?: boolean;
    resourceTypes?: string[];
  }[];
  deliveryChannels?: { name: string; s3BucketName?: string; snsTopicArn?: string }[];
  rules?: { name: string; state?: 'ACTIVE' | 'DELETING' | 'DELETING_RESULTS' | 'EVALUATING'; sourceIdentifier?: string }[];
  conformancePacks?: { name: string; state?: 'CREATE_COMPLETE' | 'CREATE_IN_PROGRESS' | 'CREATE_FAILED' | 'DELETE_IN_PROGRESS' | 'DELETE_FAILED' }[];
}

// ---------- ACM ----------
export interface AcmCertificateSpec {
  /** Certificate id (the ARN's last part); generated from the domain when absent. */
  id?: string;
  domain: string;
  sans?: string[];
  type?: 'AMAZON_ISSUED' | 'IMPORTED' | 'PRIVATE';
  status?: 'PENDING_VALIDATION' | 'ISSUED' | 'INACTIVE' | 'EXPIRED' | 'VALIDATION_TIMED_OUT' | 'REVOKED' | 'FAILED';
  keyAlgorithm?: 'RSA_1024' | 'RSA_2048' | 'RSA_3072' | 'RSA_4096' | 'EC_prime256v1' | 'EC_secp384r1' | 'EC_secp521r1';
  validation?: 'DNS' | 'EMAIL' | 'HTTP';
  managedBy?: 'CLOUDFRONT';
  notAfter: When;
  inUseBy?: string[];
  renewalEligibility?: 'ELIGIBLE' | 'INELIGIBLE';
  renewalStatus?: 'PENDING_AUTO_RENEWAL' | 'PENDING_VALIDATION' | 'SUCCESS' | 'FAILED';
  exportable?: boolean;
}

// ---------- EC2 ----------
export interface MetadataOptionsSpec {
  httpTokens?: 'optional' | 'required';
  httpEndpoint?: 'enabled' | 'disabled';
  hopLimit?: number;
}

export interface Ec2Spec {
  instances?: ({
    id: string;
    state?: 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';
    imageId?: string;
    instanceType?: string;
  } & MetadataOptionsSpec)[];
  launchTemplates?: ({ id: string; name: string; imageId?: string; defaultVersion?: number } & MetadataOptionsSpec)[];
  images?: { id: string; imdsSupport?: 'v2.0' }[];
  /** Account-level IMDS defaults of the region (GetInstanceMetadataDefaults). */
  imdsDefaults?: MetadataOptionsSpec;
}

// ---------- Faults ----------
export interface FaultSpec {
  /** Every response waits a uniformly random time in this range. */
  latencyMs?: [number, number];
  /** The first `count` calls of `action` (per account and region) answer the service's throttling error. */
  throttle?: { action: string; count: number; accountId?: string; region?: string }[];
  /** A token bucket per account: calls beyond it answer the service's throttling error. */
  tokenBucket?: { ratePerSecond: number; burst: number };
  /** IAM or SCP denies; `action` `*` denies every action of the region. */
  deny?: DenySpec[];
}

export interface DenySpec {
  action: string;
  accountId?: string;
  region?: string;
  /** `scp`: explicit deny in a service control policy. Default: no identity-based policy allows it. */
  by?: 'iam' | 'scp';
}

/** Resolves `When` values against the server's clock. */
export function resolveWhen(when: When, now: Date): Date {
  if (when === 'now') return new Date(now);
  const rel = /^([+-])(\d+(?:\.\d+)?)([dhm])$/.exec(when);
  if (!rel) {
    const abs = new Date(when);
    if (Number.isNaN(abs.getTime())) throw new Error(`scenario: bad date ${JSON.stringify(when)}`);
    return abs;
  }
  const unitMs = { d: 86_400_000, h: 3_600_000, m: 60_000 }[rel[3] as 'd' | 'h' | 'm'];
  const sign = rel[1] === '-' ? -1 : 1;
  return new Date(now.getTime() + sign * Number(rel[2]) * unitMs);
}

export function findAccount(scenario: Scenario, accountId: string): AccountSpec | undefined {
  return scenario.accounts.find((a) => a.id === accountId);
}

export function roleNameOf(scenario: Scenario): string {
  return scenario.roleName ?? 'PartnerAuditReadOnly';
}

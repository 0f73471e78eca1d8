// Normalized dataset shapes: the contract between collectors (which produce them) and checks
// (which read them). Dates are ISO-8601 strings; absent optional values are omitted.

// ---------- Support ----------
export interface SupportPlanEvidence {
  /** false when Support answered SubscriptionRequiredException (Basic or Developer plan). */
  subscribed: boolean;
  /** Severity codes the plan offers (e.g. low, normal, high, urgent, critical). */
  severityCodes: string[];
}

// ---------- IAM ----------
export interface CredentialReportKey {
  slot: 1 | 2;
  active: boolean;
  lastRotated?: string;
  lastUsed?: string;
}

export interface CredentialReportEntry {
  user: string;
  arn: string;
  isRoot: boolean;
  userCreationTime?: string;
  /** Absent when the report says not_supported (the root row). */
  passwordEnabled?: boolean;
  /** Absent when the password was never used or no use was recorded. */
  passwordLastUsed?: string;
  mfaActive?: boolean;
  /** Always both slots (1 and 2); a slot without a key is inactive with no dates. */
  keys: CredentialReportKey[];
}

export interface CredentialReportEvidence {
  /** When IAM generated the report (can be up to 4 hours before the scan). */
  generatedAt: string;
  entries: CredentialReportEntry[];
}

export interface PolicyStatement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  action?: string[];
  notAction?: string[];
  resource?: string[];
  notResource?: string[];
  /** operator -> condition key -> values, as in the policy language. */
  condition?: Record<string, Record<string, string[]>>;
}

export interface PolicyDocument {
  statements: PolicyStatement[];
}

export interface NamedPolicy {
  name: string;
  document: PolicyDocument;
}

export interface ManagedPolicyRef {
  name: string;
  arn: string;
}

export interface IamUserDetail {
  userName: string;
  arn: string;
  inlinePolicies: NamedPolicy[];
  attachedPolicies: ManagedPolicyRef[];
  groups: string[];
  permissionsBoundaryArn?: string;
}

export interface IamGroupDetail {
  groupName: string;
  arn: string;
  inlinePolicies: NamedPolicy[];
  attachedPolicies: ManagedPolicyRef[];
}

export interface ManagedPolicyDetail {
  name: string;
  arn: string;
  /** The default version's document. Present for customer-managed policies. */
  document?: PolicyDocument;
  awsManaged: boolean;
}

/** From GetAccountAuthorizationDetails (users, groups, customer-managed policies). */
export interface IamAuthorizationEvidence {
  users: IamUserDetail[];
  groups: IamGroupDetail[];
  /** Customer-managed policies with documents; AWS-managed ones are referenced by name/ARN only. */
  policies: ManagedPolicyDetail[];
}

export interface AccessKeyMetadata {
  accessKeyId: string;
  status: 'Active' | 'Inactive';
  createDate: string;
}

/** ListAccessKeys, re-read for each user the credential report shows with an active key. */
export interface AccessKeysEvidence {
  users: { userName: string; keys: AccessKeyMetadata[] }[];
  /** Users the report listed with an active key that IAM no longer knows (deleted since the report). */
  deletedUsers?: string[];
}

export interface ServerCertificate {
  name: string;
  arn: string;
  expiration: string;
  uploadDate?: string;
}

export interface ServerCertificatesEvidence {
  certificates: ServerCertificate[];
}

// ---------- EventBridge ----------
export interface EventBusInfo {
  name: string;
  arn: string;
}

export interface EventRuleTarget {
  id: string;
  arn: string;
}

export interface EventRuleInfo {
  name: string;
  arn: string;
  busName: string;
  state: string;
  eventPattern?: string;
  targets: EventRuleTarget[];
  /**
   * sample id -> TestEventPattern's verdict, for every sample when the rule has a pattern (none when it
   * is schedule-only). Samples whose source a plain top-level `source` list excludes are not sent: false.
   */
  sampleMatches: Record<string, boolean>;
}

/** Every bus of the region and every rule on it, with TestEventPattern verdicts for the routing samples. */
export interface EventRulesEvidence {
  buses: EventBusInfo[];
  rules: EventRuleInfo[];
}

// ---------- Health / Organizations ----------
export interface HealthEvent {
  arn: string;
  eventTypeCode: string;
  service: string;
  statusCode: string;
  region?: string;
  startTime?: string;
}

export interface HealthRiskEventsEvidence {
  /** false when Health answered SubscriptionRequiredException. */
  subscribed: boolean;
  openEvents: HealthEvent[];
}

export interface OrganizationMembershipEvidence {
  inOrganization: boolean;
  organizationId?: string;
  managementAccountId?: string;
}

/** Collected once per scan with the caller's credentials (meaningful from the management account). */
export interface HealthOrganizationEvidence {
  /** DescribeHealthServiceStatusForOrganization; undefined when that call failed. */
  healthOrganizationView?: string;
  /** ListAWSServiceAccessForOrganization lists health.amazonaws.com; undefined when that call failed. */
  healthServiceAccessEnabled?: boolean;
  /** Delegated administrators for health.amazonaws.com; undefined when that call failed. */
  delegatedAdministrators?: string[];
  managementAccountId?: string;
  /** Errors of the individual calls, kept as evidence of what could not be seen. */
  callErrors: { action: string; code: string; message: string }[];
}

// ---------- GuardDuty / Security Hub ----------
export interface GuardDutyDetector {
  detectorId: string;
  arn: string;
  status: string;
  administrator?: { accountId: string; relationshipStatus: string };
}

export interface GuardDutyEvidence {
  detectors: GuardDutyDetector[];
}

export interface SecurityHubEvidence {
  enabled: boolean;
  hubArn?: string;
  administrator?: { accountId: string; memberStatus: string };
}

// ---------- AWS Config ----------
export interface ConfigRecorder {
  name: string;
  arn?: string;
  /** Set for service-linked recorders, which do not count as the partner's guardrail. */
  servicePrincipal?: string;
  recording: boolean;
  lastStatus?: string;
  allSupported: boolean;
  includeGlobalResourceTypes: boolean;
  resourceTypes: string[];
  /** recordingGroup.recordingStrategy.useOnly, e.g. EXCLUSION_BY_RESOURCE_TYPES. */
  recordingStrategy?: string;
  /** recordingGroup.exclusionByResourceTypes.resourceTypes. */
  excludedResourceTypes?: string[];
}

export interface ConfigDeliveryChannel {
  name: string;
  snsTopicArn?: string;
  s3BucketName?: string;
}

export interface ConfigRecordersEvidence {
  recorders: ConfigRecorder[];
  deliveryChannels: ConfigDeliveryChannel[];
}

export interface ConfigRulesEvidence {
  rules: { name: string; arn: string; state: string }[];
  conformancePacks: { name: string; arn: string; state: string }[];
}

// ---------- ACM ----------
export interface AcmDomainValidation {
  domain: string;
  method?: 'DNS' | 'EMAIL' | 'HTTP';
  status?: string;
}

export interface AcmCertificate {
  arn: string;
  domainName: string;
  type: string;
  status: string;
  keyAlgorithm?: string;
  notAfter?: string;
  inUseBy: string[];
  renewalEligibility?: string;
  renewalStatus?: string;
  domainValidation: AcmDomainValidation[];
  /** Public certificate issued with export enabled. */
  exported: boolean;
  /** HTTP validation whose redirect CloudFront manages. */
  managedBy?: string;
}

export interface AcmEvidence {
  certificates: AcmCertificate[];
}

// ---------- EC2 ----------
export interface RegionInfo {
  name: string;
  optInStatus: string;
}

export interface RegionsEvidence {
  regions: RegionInfo[];
}

export interface Ec2Instance {
  instanceId: string;
  arn: string;
  state: string;
  httpTokens?: string;
  httpEndpoint?: string;
  hopLimit?: number;
  imageId?: string;
}

export interface Ec2InstancesEvidence {
  instances: Ec2Instance[];
}

export interface LaunchTemplateInfo {
  id: string;
  name: string;
  arn: string;
  defaultVersion: number;
  httpTokens?: string;
  httpEndpoint?: string;
  hopLimit?: number;
  imageId?: string;
}

export interface LaunchTemplatesEvidence {
  templates: LaunchTemplateInfo[];
}

export interface ImdsDefaultsEvidence {
  httpTokens?: string;
  httpEndpoint?: string;
}

export interface ImagesEvidence {
  images: { imageId: string; imdsSupport?: string }[];
  /** AMIs referenced by launch templates that DescribeImages did not return. */
  unresolved: string[];
}

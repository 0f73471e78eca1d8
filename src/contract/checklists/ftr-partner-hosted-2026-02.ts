// The AWS Foundational Technical Review (FTR) Partner Hosted checklist, February 2026 edition, as
// data. Partner hosted means SaaS, so every item applies to `saas`. Automation reflects the checks
// this tool has, not what the APIs could show: an item no check of ours covers is `manual`.
// ARC-003 (root MFA) is left out: it is not part of this edition.

import { defineChecklist, onceForPartner, type AppliesTo, type Requirement } from './types.js';

const SAAS: AppliesTo[] = ['saas'];

function manual(id: string, section: string, title: string, attest: string): Requirement {
  return { id, title, section, appliesTo: SAAS, automation: 'manual', scope: 'account', attest };
}

/** Checks see part of it; the partner attests the rest. */
function partial(id: string, section: string, title: string, attest: string): Requirement {
  return { ...manual(id, section, title, attest), automation: 'partial' };
}

const PREREQ = 'FTR prerequisite';
const META = 'Partner hosted FTR requirements';
const ROOT = 'AWS root account';
const COMMS = 'Communications from AWS';
const IAM = 'Identity and access management';
const SECOPS = 'Operational and network security';
const BACKUP = 'Backups, recovery and resiliency';
const S3 = 'Amazon S3 bucket access';
const CROSS = 'Cross-account access (only if the product calls customer accounts)';
const DATA = 'Sensitive data and regulatory compliance';

const meta: Requirement[] = [
  onceForPartner(manual('1.1', PREREQ, 'Enrolled in the Software Path', 'the Software Path enrolment shown in Partner Central')),
  manual('CIS', META, 'CIS benchmark scan report (optional)', 'an automated CIS benchmark report of the hosting accounts, if you have one'),
  onceForPartner(manual('GA', META, 'Solution generally available', 'that customers can buy the submitted solution today')),
  onceForPartner(manual('HOST-001', META, 'Whole product hosted on AWS', 'the architecture diagram showing control and application planes on AWS, with any allowed exceptions')),
  // The support check decides the Business Support branch in full; below it, the check warns and
  // the attested plan for issues needing AWS Support settles it (a met attestation: ATTESTED).
  {
    id: 'SUP-001',
    title: 'Business Support, or a plan for issues needing AWS Support',
    section: META,
    appliesTo: SAAS,
    automation: 'full',
    scope: 'account',
    attest: 'without Business Support: the documented plan for issues that need AWS Support',
  },
  onceForPartner(manual('WAFR-001', META, 'Yearly architecture review', 'the date and outcome of the last review against a documented, AWS-aware standard')),
  onceForPartner(manual('WAFR-002', META, 'Shared responsibility reviewed', 'how architecture and operations cover the customer-side duties of the shared responsibility models')),
];

const root: Requirement[] = [
  partial('ARC-001', ROOT, 'Root user used only when required', 'that root is used only for the tasks that need it and its credentials are locked away'),
  { id: 'ARC-004', title: 'No access keys for the root user', section: ROOT, appliesTo: SAAS, automation: 'full', scope: 'account' },
  onceForPartner(manual('ARC-005', ROOT, 'Incident management plan', 'the maintained plan to detect, contain and recover from security incidents')),
];

const communications: Requirement[] = [
  partial('ACOM-001', COMMS, 'Alternate contacts set to team mailboxes', 'that each alternate contact is a team mailbox, not one person'),
  partial('ACOM-002', COMMS, 'Company-owned contact details', 'that account emails, including root, and phone numbers belong to the company'),
];

const identity: Requirement[] = [
  partial('IAM-001', IAM, 'MFA for every human', 'where MFA is enforced for people (IdP and any console IAM users)'),
  partial('IAM-002', IAM, 'Static IAM credentials monitored and secured', 'key rotation, or the key inventory, unused-key removal, anomaly monitoring and revocation runbook'),
  { ...manual('IAM-003', IAM, 'Strong password policy', 'how users are taught to avoid weak or reused passwords'), automation: 'full' },
  partial('IAM-004', IAM, 'One identity per person', 'that no logins are shared, so every action is attributable'),
  partial('IAM-005', IAM, 'Roles for third-party access', 'that outside parties reach your accounts through cross-account roles, never IAM user keys'),
  partial('IAM-006', IAM, 'Least privilege', 'how permissions are scoped and granted through groups or attributes'),
  partial('IAM-007', IAM, 'Access follows joiners, movers and leavers', 'the process that grants and removes access as people join, move and leave'),
  onceForPartner(manual('IAM-008', IAM, 'Quarterly identity review', 'the last quarterly review of identities, roles and unused permissions')),
  partial('IAM-009', IAM, 'No credentials in code', 'how secrets are kept out of source code and version control'),
  partial('IAM-010', IAM, 'Secrets stored securely', 'the secret store used, with encryption, fine-grained access and read logging'),
  onceForPartner(manual('IAM-011', IAM, 'End-user credentials protected', 'how customer credentials are encrypted and passwords hashed, or the managed identity store used')),
  partial('IAM-012', IAM, 'Temporary credentials for workloads on AWS', 'that workloads on AWS compute get credentials from attached roles'),
];

const security: Requirement[] = [
  manual('SECOPS-001', SECOPS, 'Vulnerability scanning and patching', 'how and how often dependencies and operating systems are scanned and patched'),
  { id: 'NETSEC-001', title: 'Least-permissive security groups', section: SECOPS, appliesTo: SAAS, automation: 'full', scope: 'account' },
  partial('NETSEC-002', SECOPS, 'Public subnets only where needed', 'that only resources that must accept public traffic sit in public subnets'),
];

const resiliency: Requirement[] = [
  partial('BAR-001', BACKUP, 'Automatic backups', 'the backup schedule and storage of critical data, or the customer instructions where backup is theirs'),
  onceForPartner(partial('BAR-002', BACKUP, 'Restore tests', 'the schedule and latest result of restore tests')),
  onceForPartner(manual('RES-001', BACKUP, 'Recovery point objective defined', 'the RPO, as a time')),
  onceForPartner(manual('RES-002', BACKUP, 'Recovery time objective defined', 'the RTO, as a time')),
  onceForPartner(partial('RES-004', BACKUP, 'Resilience tested yearly', 'the date and result of the last resilience test, covering at least an AZ impairment')),
  onceForPartner(manual('RES-005', BACKUP, 'Customer resilience duties documented', 'the documents stating the customer\'s backup duty and availability options')),
  partial('RES-006', BACKUP, 'Architecture supports the SLA', 'the uptime target and the architecture and configuration that support it'),
  onceForPartner(manual('RES-007', BACKUP, 'Outage communication plan', 'how customers are informed during and after outages')),
];

const buckets: Requirement[] = [
  manual('S3-001', S3, 'Bucket access reviewed', 'the justification for any public bucket and the review of bucket access'),
];

const crossAccount: Requirement[] = [
  onceForPartner(manual('CAA-001', CROSS, 'Cross-account roles into customer accounts', 'that customer accounts are reached through roles, never stored customer keys')),
  onceForPartner(manual('CAA-007', CROSS, 'Least-privilege customer role setup', 'the minimal policy or template customers use to create the role')),
  onceForPartner(manual('CAA-002', CROSS, 'External ID or dedicated issuer URL', 'that every role assumption uses an external ID or a per-customer issuer URL')),
  onceForPartner(manual('CAA-004', CROSS, 'Partner-generated external ID', 'that the external ID or issuer URL is generated by you, not the customer')),
  onceForPartner(manual('CAA-005', CROSS, 'External ID unique per customer', 'that no external ID or issuer URL is shared between customers')),
  onceForPartner(manual('CAA-006', CROSS, 'External ID read-only to customers', 'that customers can see but not change the value')),
  onceForPartner(manual('CAA-003', CROSS, 'Customer IAM keys deprecated', 'that key-based access is marked deprecated and no longer offered to new customers')),
];

const data: Requirement[] = [
  onceForPartner(manual('SDAT-001', DATA, 'Sensitive data identified', 'the classification of the workload\'s sensitive data')),
  partial('SDAT-002', DATA, 'Sensitive data encrypted at rest', 'that every store holding sensitive data is encrypted'),
  manual('SDAT-003', DATA, 'Sensitive data encrypted in transit outside the VPC', 'the encrypted protocols used wherever sensitive data leaves the VPC'),
  onceForPartner(manual('RCVP-001', DATA, 'Compliance claims kept true', 'the process that maintains each compliance claim (PCI DSS, HIPAA, ...)')),
];

export const ftrPartnerHosted202602 = defineChecklist({
  id: 'ftr-partner-hosted',
  version: '2026-02',
  title: 'AWS Foundational Technical Review: Partner Hosted',
  source: 'https://apn-checklists.s3.amazonaws.com/foundational/partner-hosted/partner-hosted/CVLHEC5X7.html',
  requirements: [
    ...meta,
    ...root,
    ...communications,
    ...identity,
    ...security,
    ...resiliency,
    ...buckets,
    ...crossAccount,
    ...data,
  ],
});

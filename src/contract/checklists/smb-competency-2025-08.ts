// The AWS SMB Competency validation checklist, release 2025-08, as data. Titles and attest lines are
// our own short paraphrases; the checklist itself is the authority on wording.

import { defineChecklist, onceForPartner, type AppliesTo, type Requirement } from './types.js';

const SAAS: AppliesTo[] = ['saas'];
const CUSTOMER_DEPLOYED: AppliesTo[] = ['customer-deployed'];
const BOTH: AppliesTo[] = ['saas', 'customer-deployed'];

/** A requirement only people and documents can show, judged per account. */
function manual(id: string, section: string, appliesTo: AppliesTo[], title: string, attest: string): Requirement {
  return { id, title, section, appliesTo, automation: 'manual', scope: 'account', attest };
}

/** A requirement about the partner (programme status, documents, processes): one row, not one per account. */
function partnerItem(id: string, section: string, appliesTo: AppliesTo[], title: string, attest: string): Requirement {
  return onceForPartner(manual(id, section, appliesTo, title, attest));
}

/** Asked once for each submitted customer example. */
function perExample(id: string, section: string, appliesTo: AppliesTo[], title: string, attest: string): Requirement {
  return { ...partnerItem(id, section, appliesTo, title, attest), perCustomerExample: true };
}

const MEMBERSHIP = 'Prerequisites: APN program membership';
const EXAMPLES = 'Prerequisites: example customer deployments';
const SELF_ASSESSMENT = 'Prerequisites: self-assessment';
const SMB_PREREQ = 'Prerequisites: SMB experience';
const SBR = 'SMB business requirements';
const SSF = 'SMB solution features';
const SUPPORT = 'Support';
const DOCS = 'Documentation';
const IAM = 'Security: identity and access management';
const OSSEC = 'Security: operating system and application';
const SECOPS = 'Security: IT operations';
const TENANT = 'Tenant isolation';
const AWSAPI = 'AWS API integration';
const REL = 'Reliability';
const PRF = 'Performance efficiency';
const OPE = 'Operational excellence';
const UCR = 'Customer example: use case relevance';
const PS = 'Customer example: partner solution';
const CO = 'Customer example: customer outcomes';

const prerequisites: Requirement[] = [
  partnerItem('1.1', MEMBERSHIP, BOTH, 'Program guidelines read', 'confirmation that the program guidelines were read before applying'),
  partnerItem('1.2', MEMBERSHIP, BOTH, 'Validated or Differentiated stage of the Software Path', 'the Software Path stage shown in Partner Central'),
  partnerItem('1.3', MEMBERSHIP, BOTH, 'Valid FTR for this very solution', 'the approved FTR of the submitted solution, with its expiry date'),
  partnerItem('1.4', MEMBERSHIP, BOTH, 'SMB category chosen; solution is SaaS on AWS', 'the chosen SMB solution area and that the offering is SaaS on AWS'),
  partnerItem('1.5', MEMBERSHIP, BOTH, 'FTR kept approved and solution kept Active', 'the approved FTR and the Active status of the Partner Central solution'),
  partnerItem('2.1', EXAMPLES, BOTH, 'Four production SMB customer examples', 'four production SMB customer examples from the last 18 months, with architecture diagrams'),
  partnerItem('2.2', EXAMPLES, BOTH, 'Two public case studies', 'URLs of at least two public case studies with the details the checklist lists'),
  partnerItem('2.3', EXAMPLES, BOTH, 'Anonymized public case studies where names are private', 'for anonymized case studies: the public URL and the customer name given privately'),
  partnerItem('2.4', EXAMPLES, BOTH, 'Case studies tied to ACE and written for SMB', 'the ACE opportunity ID of each case study and SMB-specific wording'),
  partnerItem('3.1', SELF_ASSESSMENT, BOTH, 'Self-assessment completed and uploaded', 'the completed self-assessment spreadsheet uploaded with the application'),
  partnerItem('4.1', SMB_PREREQ, BOTH, 'More than 100 SMB customers on the SaaS product', 'a count of SMB customers using the SaaS product on AWS'),
];

const business: Requirement[] = [
  partnerItem('SBR-001', SBR, SAAS, 'Fit with an SMB solution area', 'how the solution maps to one or more SMB solution areas'),
  partnerItem('SBR-002', SBR, SAAS, 'Go-to-market strategy for SMB', 'the SMB go-to-market strategy document'),
  partnerItem('SBR-003', SBR, SAAS, 'Public SMB thought leadership', 'a URL on your own domain to an SMB thought-leadership asset'),
  partnerItem('SBR-004', SBR, SAAS, 'At least 100 active SMB customers', 'the SMB customer list and launched ACE opportunities'),
  partnerItem('SSF-001', SSF, SAAS, 'Buyable on AWS Marketplace or self-service', 'Marketplace listing URLs, or the self-service purchase path where there is no listing'),
];

const support: Requirement[] = [
  {
    id: 'SUP-001',
    title: 'Business Support or higher on production accounts',
    section: SUPPORT,
    appliesTo: BOTH,
    automation: 'full',
    scope: 'account',
    attest: 'for Partner-Led Support: the support contract reference covering each production account',
    attestationOverridesFail: true,
  },
  partnerItem('SUP-002', SUPPORT, BOTH, 'Product support for customers', 'the support channels (web chat, phone or email) offered to customers'),
];

const documentation: Requirement[] = [
  partnerItem('DOC-001', DOCS, BOTH, 'Architecture diagrams of the solution', 'architecture diagrams showing services, VPCs, AZs, subnets and outside connections'),
  partnerItem('DOC-002', DOCS, CUSTOMER_DEPLOYED, 'Deployment guide', 'the deployment guide with the sections the FTR guide asks for'),
  partnerItem('DOC-003', DOCS, BOTH, 'Accurate customer-facing documentation', 'a link to or copy of the customer documentation'),
  partnerItem('DOC-005', DOCS, BOTH, 'Seller toolkit for the field', 'sales collateral: customer deck, one-pager and success stories'),
  partnerItem('DOC-006', DOCS, BOTH, 'Marketplace listing link, if listed', 'the AWS Marketplace listing URL, if there is one'),
];

const identity: Requirement[] = [
  {
    id: 'IAM-002',
    title: 'Static access keys only for people, or tightly limited services',
    section: IAM,
    appliesTo: BOTH,
    automation: 'partial',
    scope: 'account',
    attest: 'why a role is not feasible for each service user with a key, and that people keep their keys on devices they control',
  },
  {
    id: 'IAM-005',
    title: 'AWS Health RISK events open tickets within an SLA',
    section: IAM,
    appliesTo: SAAS,
    automation: 'partial',
    scope: 'account',
    attest: 'the SLA for RISK events, that routed events open tickets in the issue tracker, and the alerts on new tickets and SLA breaches',
  },
  manual('IAM-007', IAM, SAAS, 'Paid API and UI requests authenticated; OWASP Top 10 mitigated', 'how paid requests are authenticated and which controls address the OWASP Top 10'),
];

const operatingSystem: Requirement[] = [
  { ...manual('OSSEC-001', OSSEC, SAAS, 'Automated OS and container image hardening', 'the hardening baseline (CIS or equal) and the automation that applies it to all compute'), automation: 'partial' },
];

const itOperations: Requirement[] = [
  manual('SECOPS-001', SECOPS, SAAS, 'Change detection on compute, logs kept elsewhere', 'the tool that detects OS and application file changes and where its records are kept durably'),
  {
    id: 'SECOPS-004',
    title: 'Managed encryption keys',
    section: SECOPS,
    appliesTo: BOTH,
    automation: 'partial',
    scope: 'account',
    attest: 'how keys are protected at rest and in transit and how their use is controlled (KMS or equal)',
  },
  manual('SECOPS-006', SECOPS, BOTH, 'Security issue tracking system', 'the system the security team uses to track reported and detected issues'),
  {
    id: 'SECOPS-007',
    title: 'Threat detection on CloudTrail activity, alerts into the security tracker',
    section: SECOPS,
    appliesTo: SAAS,
    automation: 'partial',
    scope: 'account',
    attest: 'that detection findings open tickets in the security tracker (SECOPS-006) and alert security staff',
  },
  {
    id: 'SECOPS-008',
    title: 'Threat detection on VPC network activity, alerts into the security tracker',
    section: SECOPS,
    appliesTo: SAAS,
    automation: 'partial',
    scope: 'account',
    attest: 'that network threat findings for production VPCs open tickets in the security tracker and alert security staff',
  },
  {
    id: 'SECOPS-009',
    title: 'Configuration guardrails monitored, violations ticketed',
    section: SECOPS,
    appliesTo: SAAS,
    automation: 'partial',
    scope: 'account',
    attest: 'the guardrail policies you defined and that violations open tickets in the central ticketing system',
  },
  {
    id: 'SECOPS-011',
    title: 'TLS certificates renew automatically',
    section: SECOPS,
    appliesTo: SAAS,
    automation: 'full',
    scope: 'account',
    attest: 'how the TLS certificates serving production are renewed and redeployed automatically',
  },
];

const tenantIsolation: Requirement[] = [
  partnerItem('TI-001', TENANT, SAAS, 'Shared components isolate tenants in code', 'how shared components carry tenant identity and keep tenant data apart'),
  partnerItem('TI-002', TENANT, SAAS, 'Single-tenant components in per-tenant VPCs', 'that single-tenant components run in per-tenant VPCs, with customers live on that model'),
  partnerItem('TI-003', TENANT, SAAS, 'Per-tenant least-privilege IAM roles', 'the per-tenant roles and a policy example that limits each to its tenant\'s resources'),
];

const apiIntegration: Requirement[] = [
  partnerItem('AWSAPI-001', AWSAPI, BOTH, 'Official SDK or retries with backoff', 'that an official AWS SDK is used, or how retries with backoff and jitter are done'),
  partnerItem('AWSAPI-002', AWSAPI, BOTH, 'Rate-limited calls into customer accounts', 'how calls into customer accounts are rate limited'),
  partnerItem('AWSAPI-003', AWSAPI, BOTH, 'Events instead of polling where possible', 'which resource state is tracked and how, and why any remaining polling cannot throttle'),
  {
    id: 'AWSAPI-004',
    title: 'IMDSv2 supported in customer accounts',
    section: AWSAPI,
    appliesTo: CUSTOMER_DEPLOYED,
    automation: 'full',
    scope: 'account',
    attest: 'that every component works with IMDSv1 disabled, and the AWS SDK version it uses',
  },
];

const reliability: Requirement[] = [
  { ...manual('REL-001', REL, SAAS, 'Highly available network connectivity', 'redundant connectivity, including redundant VPN or Direct Connect where used'), automation: 'partial' },
  manual('REL-002', REL, SAAS, 'Health monitoring with alarms', 'the metrics and thresholds per component and the tools that alert operators'),
  manual('REL-003', REL, SAAS, 'Central log management', 'the single system that holds application and AWS logs'),
  manual('REL-004', REL, SAAS, 'Central monitoring and alarms', 'the central monitoring and how alarms reach operations staff'),
  { ...manual('REL-005', REL, SAAS, 'Infrastructure as code', 'the provisioning tool (CloudFormation, Terraform or similar) and that routine changes avoid the console'), automation: 'partial' },
];

const performance: Requirement[] = [
  partnerItem('PRF-001', PRF, BOTH, 'Customer-facing KPIs with thresholds', 'the list of KPIs, how each is measured and its threshold'),
  partnerItem('PRF-002', PRF, BOTH, 'Performance tests before releases', 'the performance tests run before major releases'),
];

const operations: Requirement[] = [
  { ...manual('OPE-001', OPE, SAAS, 'Automated deployments, no interactive sessions', 'the deployment pipeline and that no SSH or RDP session deploys changes'), automation: 'partial' },
  partnerItem('OPE-002', OPE, SAAS, 'Runbooks and escalation paths', 'the runbooks and the escalation process, including escalation to AWS Support'),
  partnerItem('OPE-003', OPE, BOTH, 'Peer code review before release', 'the code review rule (e.g. required approvals before merge)'),
  partnerItem('OPE-004', OPE, BOTH, 'Automated functional tests before release', 'the automated test suites run before each release'),
  partnerItem('OPE-005', OPE, BOTH, 'Issue tracker for backlog, defects and operational issues', 'the issue tracking tool in use'),
  partnerItem('OPE-006', OPE, BOTH, 'Formal process for customer-impacting issues', 'the process that tracks customer-reported bugs and incidents to resolution'),
];

const customerExamples: Requirement[] = [
  perExample('UCR-001', UCR, BOTH, 'Who the customer is', 'customer background: name (unless anonymous), industry, size and segment'),
  perExample('UCR-002', UCR, BOTH, 'The customer\'s business challenge', 'the challenge and the risk of leaving it unsolved, with figures'),
  perExample('UCR-003', UCR, BOTH, 'Customer goals', 'the business and technical goals of the engagement'),
  perExample('UCR-004', UCR, BOTH, 'Fit with the competency definition', 'how the example fits the competency definition and the chosen category'),
  perExample('PS-001', PS, CUSTOMER_DEPLOYED, 'Architecture of the deployment', 'the architecture diagram with failure handling, scaling and high availability'),
  perExample('PS-002', PS, BOTH, 'Technical solution explained', 'each service chosen, the alternatives rejected and the integration points'),
  perExample('PS-003', PS, BOTH, 'Why this solution was the best option', 'the options considered before this solution'),
  perExample('PS-004', PS, BOTH, 'Live in production', 'the estimated AWS ARR the solution drives'),
  perExample('PS-005', PS, BOTH, 'Opportunity registered in ACE', 'the ACE opportunity ID and the AWS account ID'),
  perExample('CO-001', CO, BOTH, 'Two measured KPIs', 'two KPIs with baseline, target, result and how they were measured'),
  perExample('CO-002', CO, BOTH, 'Lessons learned', 'the challenges met and what changed for later customers'),
];

export const smbCompetency202508 = defineChecklist({
  id: 'smb-competency',
  version: '2025-08',
  title: 'AWS SMB Competency validation checklist',
  source: 'https://apn-checklists.s3.amazonaws.com/competency/small-and-medium-business-(smb)/technology/CQOokK8QS.html',
  requirements: [
    ...prerequisites,
    ...business,
    ...support,
    ...documentation,
    ...identity,
    ...operatingSystem,
    ...itOperations,
    ...tenantIsolation,
    ...apiIntegration,
    ...reliability,
    ...performance,
    ...operations,
    ...customerExamples,
  ],
});

import { acmCertificates } from '../src/datasets/acm/datasets.js';
import type { AcmCertificate, AcmEvidence } from '../src/datasets/acm/datasets.js';
import { cloudFrontDistributions } from '../src/datasets/cloudfront/datasets.js';
import { classicLoadBalancers } from '../src/datasets/elb/datasets.js';
import { elbv2LoadBalancers } from '../src/datasets/elbv2/datasets.js';
import { serverCertificates } from '../src/datasets/iam/datasets.js';
import type { CheckSettings } from '../src/contract/settings.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';
import { anyCertificateInUse, hasExpired, isAcme } from './lib/certificate-use.js';
import { failedRegion, REGION_VIEW_MESSAGES } from './lib/region-views.js';
import { daysUntil } from './lib/time.js';

const MESSAGES = {
  autoRenews: 'Certificate {domain} ({type}, used by {inUse}) renews automatically: {how}.',
  emailValidation: 'Certificate {domain} ({type}, used by {inUse}) is validated by email for {emailDomains}: each renewal waits for a person to approve the mail.',
  renewalFailed: 'ACM could not renew certificate {domain} ({type}; renewal status FAILED); it expires in {days} day(s).',
  ineligibleInUse: 'Certificate {domain} ({type}) is used by {inUse} but ACM marks it INELIGIBLE for renewal.',
  expiredInUse: 'Certificate {domain} ({type}) is {status} yet still used by {inUse}.',
  expiredUnused: 'Certificate {domain} ({type}) expired on {notAfter} and nothing uses it: expired and unused, delete it.',
  notIssuedInUse: 'Certificate {domain} ({type}) has status {status} yet is used by {inUse}.',
  pendingValidationSoon: 'Renewal of certificate {domain} ({type}) waits for domain validation and it expires in {days} day(s) (limit {minDays}).',
  pendingValidation: 'Renewal of certificate {domain} ({type}) waits for domain validation; it expires in {days} day(s).',
  redeployManually: 'Certificate {domain} ({type}) is renewed by ACM but {why}: redeployment of the renewed certificate must be automated.',
  renewalUnclear: 'Certificate {domain} ({type}, used by {inUse}) is eligible for renewal, but its validation ({methods}) does not show that renewal needs no person.',
  importedExpiring: 'Imported certificate {domain} expires in {days} day(s) (limit {minDays}); ACM never renews imported certificates.',
  imported: 'Imported certificate {domain} expires in {days} day(s); ACM never renews imported certificates, so its replacement must be automated.',
  acmeRenewedByClient:
    'Certificate {domain} was issued through ACME and expires in {days} day(s): renewed by the ACME client; attest that renewal is automated.',
  acmeExpiring:
    'Certificate {domain} was issued through ACME and {expiry} (limit {minDays}), with no later certificate for the domain: its ACME client has not renewed it.',
  acmeSuperseded: 'Certificate {domain} was issued through ACME and its client has since obtained {successor}, valid until {successorNotAfter}.',
  unused: 'Certificate {domain} ({type}, status {status}) is not in use.',
  noCertificates: 'ACM holds no certificates in {region}.',
  ...REGION_VIEW_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES;
type Judgement = { status: Outcome<MessageId>['status']; messageId: MessageId; params?: Record<string, string | number> };

const isPrivate = (cert: AcmCertificate) => cert.type === 'PRIVATE';

/** A later, issued ACME certificate for the same domain in the region: what the ACME client renewed this one into. */
function successorOf(cert: AcmCertificate, all: AcmCertificate[]): AcmCertificate | undefined {
  const later = all.filter(
    (other) => isAcme(other) && other.domainName === cert.domainName && other.status === 'ISSUED' && (other.notAfter ?? '') > (cert.notAfter ?? ''),
  );
  return later.sort((a, b) => (a.notAfter! < b.notAfter! ? 1 : -1))[0];
}

/**
 * ACM neither attaches nor renews a certificate whose key stays with its ACME client; each renewal is
 * a new certificate in ACM (an inference from https://docs.aws.amazon.com/acm/latest/userguide/acm-acme-issuance.html),
 * so an old one with a later successor is the evidence of a renewal, not a failing certificate.
 */
function acme(cert: AcmCertificate, days: number | undefined, minDays: number, successor: AcmCertificate | undefined): Judgement {
  if (successor) {
    const params = { successor: successor.arn, successorNotAfter: successor.notAfter ?? 'unknown' };
    return hasExpired(cert, days) ? { status: 'WARN', messageId: 'expiredUnused' } : { status: 'NOT_APPLICABLE', messageId: 'acmeSuperseded', params };
  }
  if (days !== undefined && days >= minDays) return { status: 'WARN', messageId: 'acmeRenewedByClient' };
  const expiry = days === undefined ? 'has no known expiry' : days < 0 ? `expired ${-days} day(s) ago` : `expires in ${days} day(s)`;
  return { status: 'FAIL', messageId: 'acmeExpiring', params: { expiry } };
}

function imported(inUse: boolean, days: number | undefined, minDays: number): Judgement {
  if (inUse && days !== undefined && days < 0) return { status: 'FAIL', messageId: 'expiredInUse' };
  return days !== undefined && days < minDays
    ? { status: 'FAIL', messageId: 'importedExpiring' }
    : { status: 'WARN', messageId: 'imported' };
}

/** Amazon-issued or private: the failures first, then what stands between ACM and a hands-off renewal. */
function managed(cert: AcmCertificate, days: number | undefined, minDays: number): Judgement {
  const inUse = cert.inUseBy.length > 0;
  if (inUse && hasExpired(cert, days)) return { status: 'FAIL', messageId: 'expiredInUse' };
  if (cert.renewalStatus === 'FAILED') return { status: 'FAIL', messageId: 'renewalFailed' };
  if (inUse && cert.renewalEligibility !== 'ELIGIBLE') return { status: 'FAIL', messageId: 'ineligibleInUse' };
  if (inUse && cert.status !== 'ISSUED') return { status: 'FAIL', messageId: 'notIssuedInUse' };
  if (cert.renewalStatus === 'PENDING_VALIDATION') {
    return days !== undefined && days < minDays
      ? { status: 'FAIL', messageId: 'pendingValidationSoon' }
      : { status: 'WARN', messageId: 'pendingValidation' };
  }
  if (cert.exported) return { status: 'WARN', messageId: 'redeployManually', params: { why: 'it was exported' } };
  if (!inUse) {
    return cert.renewalEligibility === 'ELIGIBLE' && cert.status === 'ISSUED'
      ? { status: 'WARN', messageId: 'redeployManually', params: { why: 'no AWS service uses it' } }
      : { status: 'NOT_APPLICABLE', messageId: 'unused' };
  }
  return validation(cert);
}

function validation(cert: AcmCertificate): Judgement {
  if (isPrivate(cert)) return { status: 'PASS', messageId: 'autoRenews', params: { how: 'private certificates need no validation' } };
  const methods = cert.domainValidation.map((v) => v.method);
  const email = cert.domainValidation.filter((v) => v.method === 'EMAIL').map((v) => v.domain);
  if (email.length > 0) return { status: 'WARN', messageId: 'emailValidation', params: { emailDomains: email.join(', ') } };
  if (methods.length > 0 && methods.every((m) => m === 'DNS')) {
    return { status: 'PASS', messageId: 'autoRenews', params: { how: 'every domain is validated by DNS' } };
  }
  if (methods.length > 0 && methods.every((m) => m === 'HTTP') && cert.managedBy === 'CLOUDFRONT') {
    return { status: 'PASS', messageId: 'autoRenews', params: { how: 'HTTP validation is managed by CloudFront' } };
  }
  return { status: 'WARN', messageId: 'renewalUnclear', params: { methods: methods.map((m) => m ?? 'unknown').join(', ') || 'none reported' } };
}

function judgement(cert: AcmCertificate, days: number | undefined, minDays: number, all: AcmCertificate[]): Judgement {
  if (isAcme(cert)) return acme(cert, days, minDays, successorOf(cert, all));
  // An exported certificate may serve traffic outside AWS: its use is unknown, so it is not unused.
  const inUse = cert.inUseBy.length > 0 || cert.exported;
  if (!inUse && hasExpired(cert, days)) return { status: 'WARN', messageId: 'expiredUnused' };
  return cert.type === 'IMPORTED' ? imported(inUse, days, minDays) : managed(cert, days, minDays);
}

interface Context {
  accountId: string;
  now: Date;
  settings: CheckSettings;
  region: string;
  all: AcmCertificate[];
  /** False when nothing anywhere in the account uses a certificate: the findings are then advisory. */
  accountUsesCertificates: boolean;
  /** Where "anywhere" looked: the regions in scope and us-east-1. */
  regions: string[];
}

function judge(cert: AcmCertificate, context: Context): Outcome<MessageId> {
  const days = cert.notAfter ? daysUntil(context.now, cert.notAfter) : undefined;
  const minDays = context.settings.acm.minDaysToExpiry;
  const { status, messageId, params: extra } = judgement(cert, days, minDays, context.all);
  const params = {
    domain: cert.domainName,
    type: cert.type,
    status: cert.status,
    inUse: cert.inUseBy.join(', ') || 'nothing',
    days: days ?? 'an unknown number of',
    notAfter: cert.notAfter ?? 'an unknown date',
    minDays,
    ...extra,
  };
  const nothingInUse = context.accountUsesCertificates ? {} : { nothingInUseIn: context.regions };
  const evidence = { certificate: cert, daysToExpiry: days, accountUsesCertificates: context.accountUsesCertificates, ...nothingInUse };
  const advisory = context.accountUsesCertificates ? {} : { advisory: true };
  return { status, messageId, resource: cert.arn, region: context.region, params, evidence, ...advisory };
}

function judgeRegion(region: string, view: { ok: true; data: AcmEvidence; requestIds: string[] }, context: Omit<Context, 'region' | 'all'>): Outcome<MessageId>[] {
  const { certificates } = view.data;
  const requestIds = view.requestIds;
  if (certificates.length === 0) {
    const resource = regionalArn({ accountId: context.accountId, region }, 'acm', 'certificate');
    return [{ status: 'NOT_APPLICABLE', messageId: 'noCertificates', resource, region, params: { region }, requestIds }];
  }
  return certificates.map((cert) => ({ ...judge(cert, { ...context, region, all: certificates }), requestIds }));
}

export default defineCheck({
  id: 'acm-certificates-auto-renew',
  title: 'TLS certificates in ACM renew and redeploy without a person',
  description:
    'Describes every ACM certificate of every key type and key-pair origin (ACME included) in each region in scope and in us-east-1 ' +
    '(where CloudFront certificates live). An issued certificate in use passes when ACM can renew it unattended: private, validated by DNS ' +
    'for every domain, or HTTP-validated through CloudFront. Email validation, exported certificates and certificates no service uses warn; ' +
    'failed or blocked renewals of certificates in use fail; imported certificates, which ACM never renews, warn and fail within ' +
    'acm.minDaysToExpiry days of expiry. A certificate issued through ACME is renewed by its ACME client, not ACM: it warns so the partner ' +
    'attests that renewal is automated, and fails within acm.minDaysToExpiry days of expiry unless a later ACME certificate for the same ' +
    'domain shows the renewal. A certificate that has expired and that nothing uses (not attached, not exported) warns "delete it", never ' +
    'fails. When no certificate of the account is in use anywhere (ACM in every region scanned and us-east-1, and IAM server certificates ' +
    'that no load balancer or CloudFront distribution names), the findings are advisory and SECOPS-011 asks for an attestation; evidence ' +
    'that could not be read counts as use.',
  requirements: { 'smb-competency': ['SECOPS-011'] },
  severity: 'high',
  scope: 'account',
  regions: { always: ['us-east-1'] },
  // CloudFront's certificates live in us-east-1: judged there whenever ACM answers, even if an SCP closes it.
  judgedWhenClosed: ['us-east-1'],
  uses: { certificates: acmCertificates, loadBalancers: elbv2LoadBalancers, classicLoadBalancers },
  optionalUses: { serverCertificates, distributions: cloudFrontDistributions },
  remediation:
    'Request ACM certificates with DNS validation (`aws acm request-certificate --domain-name <name> --validation-method DNS`) and keep the CNAME records in place; ' +
    'replace email-validated and imported certificates with DNS-validated ones, automate the redeployment of exported certificates ' +
    '(e.g. an EventBridge rule on "ACM Certificate Available"), schedule your ACME client\'s renewal, and delete expired certificates nothing uses ' +
    '(`aws acm delete-certificate --certificate-arn <arn>`).',
  docsUrl: 'https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { certificates, loadBalancers, classicLoadBalancers: classic } = input.data;
    const { serverCertificates: iam, distributions } = input.optional;
    const evidence = { acm: certificates, serverCertificates: iam, loadBalancers, classicLoadBalancers: classic, distributions };
    const accountUsesCertificates = anyCertificateInUse(evidence, input.now);
    const context = { accountId: input.accountId, now: input.now, settings: input.settings, accountUsesCertificates, regions: input.regions };
    return input.regions.flatMap((region): Outcome<MessageId>[] => {
      const view = certificates[region]!;
      if (view.ok) return judgeRegion(region, view, context);
      const failure = failedRegion(view, region, acmCertificates.id, input.closedRegions);
      return [{ ...failure, resource: regionalArn({ accountId: input.accountId, region }, 'acm', 'certificate'), region }];
    });
  },
});

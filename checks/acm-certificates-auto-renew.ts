import { acmCertificates } from '../src/datasets/acm/datasets.js';
import type { AcmCertificate } from '../src/datasets/acm/datasets.js';
import type { CheckSettings } from '../src/contract/settings.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';
import { daysUntil } from './lib/time.js';

const MESSAGES = {
  autoRenews: 'Certificate {domain} ({type}, used by {inUse}) renews automatically: {how}.',
  emailValidation: 'Certificate {domain} ({type}, used by {inUse}) is validated by email for {emailDomains}: each renewal waits for a person to approve the mail.',
  renewalFailed: 'ACM could not renew certificate {domain} ({type}; renewal status FAILED); it expires in {days} day(s).',
  ineligibleInUse: 'Certificate {domain} ({type}) is used by {inUse} but ACM marks it INELIGIBLE for renewal.',
  expiredInUse: 'Certificate {domain} ({type}) is {status} yet still used by {inUse}.',
  notIssuedInUse: 'Certificate {domain} ({type}) has status {status} yet is used by {inUse}.',
  pendingValidationSoon: 'Renewal of certificate {domain} ({type}) waits for domain validation and it expires in {days} day(s) (limit {minDays}).',
  pendingValidation: 'Renewal of certificate {domain} ({type}) waits for domain validation; it expires in {days} day(s).',
  redeployManually: 'Certificate {domain} ({type}) is renewed by ACM but {why}: redeployment of the renewed certificate must be automated.',
  renewalUnclear: 'Certificate {domain} ({type}, used by {inUse}) is eligible for renewal, but its validation ({methods}) does not show that renewal needs no person.',
  importedExpiring: 'Imported certificate {domain} expires in {days} day(s) (limit {minDays}); ACM never renews imported certificates.',
  imported: 'Imported certificate {domain} expires in {days} day(s); ACM never renews imported certificates, so its replacement must be automated.',
  unused: 'Certificate {domain} ({type}, status {status}) is not in use.',
  noCertificates: 'ACM holds no certificates in {region}.',
} as const;

type MessageId = keyof typeof MESSAGES;
type Judgement = { status: Outcome<MessageId>['status']; messageId: MessageId; params?: Record<string, string | number> };

const isPrivate = (cert: AcmCertificate) => cert.type === 'PRIVATE';
const expired = (cert: AcmCertificate, days: number | undefined) => cert.status === 'EXPIRED' || (days !== undefined && days < 0);

function imported(days: number | undefined, minDays: number): Judgement {
  return days !== undefined && days < minDays
    ? { status: 'FAIL', messageId: 'importedExpiring' }
    : { status: 'WARN', messageId: 'imported' };
}

/** Amazon-issued or private: the failures first, then what stands between ACM and a hands-off renewal. */
function managed(cert: AcmCertificate, days: number | undefined, minDays: number): Judgement {
  const inUse = cert.inUseBy.length > 0;
  if (inUse && expired(cert, days)) return { status: 'FAIL', messageId: 'expiredInUse' };
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

function judge(cert: AcmCertificate, now: Date, settings: CheckSettings): Outcome<MessageId> {
  const days = cert.notAfter ? daysUntil(now, cert.notAfter) : undefined;
  const minDays = settings.acm.minDaysToExpiry;
  const judgement = cert.type === 'IMPORTED' ? imported(days, minDays) : managed(cert, days, minDays);
  const params = {
    domain: cert.domainName,
    type: cert.type,
    status: cert.status,
    inUse: cert.inUseBy.join(', ') || 'nothing',
    days: days ?? 'an unknown number of',
    minDays,
    ...judgement.params,
  };
  return { status: judgement.status, messageId: judgement.messageId, resource: cert.arn, params, evidence: { certificate: cert, daysToExpiry: days } };
}

export default defineCheck({
  id: 'acm-certificates-auto-renew',
  title: 'TLS certificates in ACM renew and redeploy without a person',
  description:
    'Describes every ACM certificate of every key type in each region in scope and in us-east-1 (where CloudFront certificates live). ' +
    'An issued certificate in use passes when ACM can renew it unattended: private, validated by DNS for every domain, or HTTP-validated through CloudFront. ' +
    'Email validation, exported certificates and certificates no service uses warn; failed or blocked renewals of certificates in use fail; ' +
    'imported certificates, which ACM never renews, warn and fail within the configured number of days of expiry.',
  requirements: { 'smb-competency': ['SECOPS-011'] },
  severity: 'high',
  scope: 'region',
  regions: { always: ['us-east-1'] },
  uses: { certificates: acmCertificates },
  remediation:
    'Request ACM certificates with DNS validation (`aws acm request-certificate --domain-name <name> --validation-method DNS`) and keep the CNAME records in place; ' +
    'replace email-validated and imported certificates with DNS-validated ones, and automate the redeployment of exported certificates ' +
    '(e.g. an EventBridge rule on "ACM Certificate Available").',
  docsUrl: 'https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { certificates } = input.data.certificates;
    if (certificates.length === 0) {
      const resource = regionalArn(input, 'acm', 'certificate');
      return [{ status: 'NOT_APPLICABLE', messageId: 'noCertificates', resource, params: { region: input.region } }];
    }
    return certificates.map((cert) => judge(cert, input.now, input.settings));
  },
});

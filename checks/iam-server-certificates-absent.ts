import { acmCertificates } from '../src/datasets/acm/datasets.js';
import { cloudFrontDistributions } from '../src/datasets/cloudfront/datasets.js';
import { classicLoadBalancers } from '../src/datasets/elb/datasets.js';
import { elbv2LoadBalancers } from '../src/datasets/elbv2/datasets.js';
import { serverCertificates } from '../src/datasets/iam/datasets.js';
import type { ServerCertificate } from '../src/datasets/iam/datasets.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';
import { anyCertificateInUse, serverCertificateUse, type CertificateEvidence, type ServerCertificateUse } from './lib/certificate-use.js';
import { daysUntil } from './lib/time.js';

const MESSAGES = {
  expiring: 'IAM server certificate {name} ({use}) expires in {days} day(s) (limit {minDays}); IAM never renews server certificates.',
  expiredInUse: 'IAM server certificate {name} expired on {expiration} yet {use}.',
  expiredUnused: 'IAM server certificate {name} expired on {expiration} and nothing uses it: expired and unused, delete it.',
  notRenewed: 'IAM server certificate {name} ({use}) expires in {days} day(s); IAM never renews server certificates, so its replacement must be automated.',
  none: 'The account holds no IAM server certificates.',
} as const;

type MessageId = keyof typeof MESSAGES;

function describeUse(use: ServerCertificateUse): string {
  if (use.state === 'used') return `used by ${use.by.join(', ')}`;
  if (use.state === 'unused') return 'no load balancer or CloudFront distribution uses it';
  return `its use is unknown: ${use.unread.join(', ')} could not be read`;
}

interface Context {
  now: Date;
  minDays: number;
  /** True when nothing anywhere in the account uses a certificate. */
  advisory: boolean;
  /** Where "anywhere" looked: the regions in scope and us-east-1. */
  regions: string[];
}

function judge(cert: ServerCertificate, evidence: CertificateEvidence, context: Context): Outcome<MessageId> {
  const days = daysUntil(context.now, cert.expiration);
  const use = serverCertificateUse(cert, evidence);
  const messageId: MessageId =
    days < 0 ? (use.state === 'unused' ? 'expiredUnused' : 'expiredInUse') : days < context.minDays ? 'expiring' : 'notRenewed';
  return {
    status: messageId === 'notRenewed' || messageId === 'expiredUnused' ? 'WARN' : 'FAIL',
    messageId,
    resource: cert.arn,
    params: { name: cert.name, days, minDays: context.minDays, expiration: cert.expiration, use: describeUse(use) },
    evidence: { certificate: cert, daysToExpiry: days, use, accountUsesCertificates: !context.advisory, ...(context.advisory && { nothingInUseIn: context.regions }) },
    ...(context.advisory && { advisory: true }),
  };
}

export default defineCheck({
  id: 'iam-server-certificates-absent',
  title: 'No TLS certificates are kept as IAM server certificates',
  description:
    'Lists the IAM server certificates of the account and finds who uses each: the Application, Network and Classic Load Balancer ' +
    'listeners of every region in scope and us-east-1 that name it, and the CloudFront distributions whose viewer certificate it is. ' +
    'Nothing renews them, so each one warns, and fails within the configured number of days of its expiry (acm.minDaysToExpiry) or once ' +
    'expired while in use. An expired certificate that nothing uses warns "delete it"; use that could not be read counts as use. When ' +
    'no certificate of the account is in use anywhere (IAM, or ACM in any region scanned and us-east-1), the findings are advisory and ' +
    'SECOPS-011 asks for an attestation. An account without any has nothing to judge here.',
  requirements: { 'smb-competency': ['SECOPS-011'] },
  severity: 'medium',
  scope: 'account',
  regions: { always: ['us-east-1'] },
  uses: { certificates: serverCertificates, acm: acmCertificates, loadBalancers: elbv2LoadBalancers, classicLoadBalancers },
  optionalUses: { distributions: cloudFrontDistributions },
  remediation:
    'Move the certificate to ACM (a DNS-validated public certificate, or import it there while you automate its replacement), switch the ' +
    'load balancer or CloudFront listener to the ACM certificate, then `aws iam delete-server-certificate --server-certificate-name <name>`.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { certificates, acm, loadBalancers, classicLoadBalancers: classic } = input.data;
    if (certificates.certificates.length === 0) {
      return [{ status: 'NOT_APPLICABLE', messageId: 'none', resource: accountArn(input) }];
    }
    const serverCertificatesView = { ok: true as const, data: certificates, requestIds: [] };
    const evidence = { acm, serverCertificates: serverCertificatesView, loadBalancers, classicLoadBalancers: classic, distributions: input.optional.distributions };
    const advisory = !anyCertificateInUse(evidence, input.now);
    const context = { now: input.now, minDays: input.settings.acm.minDaysToExpiry, advisory, regions: input.regions };
    return certificates.certificates.map((cert) => judge(cert, evidence, context));
  },
});

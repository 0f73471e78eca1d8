import { serverCertificates } from '../src/datasets/iam/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';
import { daysUntil } from './lib/time.js';

export default defineCheck({
  id: 'iam-server-certificates-absent',
  title: 'No TLS certificates are kept as IAM server certificates',
  description:
    'Lists the IAM server certificates of the account. Nothing renews them, so each one warns, and fails within the configured ' +
    'number of days of its expiry (acm.minDaysToExpiry). An account without any has nothing to judge here.',
  requirements: { 'smb-competency': ['SECOPS-011'] },
  severity: 'medium',
  scope: 'account',
  uses: { certificates: serverCertificates },
  remediation:
    'Move the certificate to ACM (a DNS-validated public certificate, or import it there while you automate its replacement), switch the ' +
    'load balancer or CloudFront listener to the ACM certificate, then `aws iam delete-server-certificate --server-certificate-name <name>`.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html',
  messages: {
    expiring: 'IAM server certificate {name} expires in {days} day(s) (limit {minDays}); IAM never renews server certificates.',
    notRenewed: 'IAM server certificate {name} expires in {days} day(s); IAM never renews server certificates, so its replacement must be automated.',
    none: 'The account holds no IAM server certificates.',
  },
  evaluate: (input) => {
    const { certificates } = input.data.certificates;
    if (certificates.length === 0) {
      return [{ status: 'NOT_APPLICABLE', messageId: 'none', resource: accountArn(input) }];
    }
    const minDays = input.settings.acm.minDaysToExpiry;
    return certificates.map((cert) => {
      const days = daysUntil(input.now, cert.expiration);
      return {
        status: days < minDays ? 'FAIL' : 'WARN',
        messageId: days < minDays ? 'expiring' : 'notRenewed',
        resource: cert.arn,
        params: { name: cert.name, days, minDays },
        evidence: { certificate: cert, daysToExpiry: days },
      };
    });
  },
});

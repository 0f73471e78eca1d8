// ACM (awsJson 1.1): ListCertificates returns RSA_2048 certificates only unless Includes.keyTypes
// asks for others, and leaves ACME certificates out unless CertificateKeyPairOrigins asks for them,
// as the real service does; DescribeCertificate gives the full record.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate, requiredString, stableId } from '../params.js';
import { awsJson, epochSeconds } from '../protocols/json.js';
import { resolveWhen, type When } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

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
  /** Default: CUSTOMER_PROVIDED for imported certificates, AWS_MANAGED for the others. */
  keyPairOrigin?: 'AWS_MANAGED' | 'CUSTOMER_PROVIDED' | 'ACME';
}

declare module '../scenario.js' {
  interface RegionSpec {
    acm?: AcmCertificateSpec[];
  }
}

const DEFAULT_KEY_TYPES = ['RSA_2048'];
// "Default filtering returns only certificates with key pair origin of AWS_MANAGED and CUSTOMER_PROVIDED" (ListCertificates API reference).
const DEFAULT_KEY_PAIR_ORIGINS = ['AWS_MANAGED', 'CUSTOMER_PROVIDED'];

function keyPairOrigin(cert: AcmCertificateSpec): string {
  return cert.keyPairOrigin ?? (cert.type === 'IMPORTED' ? 'CUSTOMER_PROVIDED' : 'AWS_MANAGED');
}

function certId(cert: AcmCertificateSpec): string {
  return cert.id ?? `${stableId(cert.domain, 8)}-${stableId(`${cert.domain}/1`, 4)}-${stableId(`${cert.domain}/2`, 4)}-${stableId(`${cert.domain}/3`, 4)}-${stableId(`${cert.domain}/4`, 12)}`;
}

function certArn(ctx: HandlerContext, cert: AcmCertificateSpec): string {
  return `arn:aws:acm:${ctx.region}:${ctx.account.id}:certificate/${certId(cert)}`;
}

function certificates(ctx: HandlerContext): AcmCertificateSpec[] {
  return ctx.regionSpec.acm ?? [];
}

function listCertificates(ctx: HandlerContext): unknown {
  const { json } = ctx.input;
  const keyTypes = ((json.Includes as { keyTypes?: string[] } | undefined)?.keyTypes ?? DEFAULT_KEY_TYPES);
  const origins = (json.CertificateKeyPairOrigins as string[] | undefined) ?? DEFAULT_KEY_PAIR_ORIGINS;
  const statuses = json.CertificateStatuses as string[] | undefined;
  const matching = certificates(ctx).filter(
    (c) =>
      keyTypes.includes(c.keyAlgorithm ?? 'RSA_2048') &&
      origins.includes(keyPairOrigin(c)) &&
      (!statuses || statuses.includes(c.status ?? 'ISSUED')),
  );
  const page = paginate(matching, json.NextToken, optionalNumber(json.MaxItems) ?? 1000, 'InvalidArgsException');
  return {
    CertificateSummaryList: page.items.map((c) => ({
      CertificateArn: certArn(ctx, c),
      DomainName: c.domain,
      SubjectAlternativeNameSummaries: [c.domain, ...(c.sans ?? [])],
      KeyAlgorithm: keyAlgorithmLabel(c.keyAlgorithm ?? 'RSA_2048'),
      Type: c.type ?? 'AMAZON_ISSUED',
      Status: c.status ?? 'ISSUED',
      InUse: (c.inUseBy ?? []).length > 0,
      RenewalEligibility: c.renewalEligibility ?? 'ELIGIBLE',
      NotAfter: epochSeconds(resolveWhen(c.notAfter, ctx.now)),
      ExportOption: c.exportable ? 'ENABLED' : 'DISABLED',
      ManagedBy: c.managedBy,
      CertificateKeyPairOrigin: keyPairOrigin(c),
    })),
    NextToken: page.nextToken,
  };
}

/** ListCertificates filters use RSA_2048; the certificate's KeyAlgorithm uses RSA-2048 / EC-prime256v1. */
function keyAlgorithmLabel(keyType: string): string {
  return keyType.replace('_', '-');
}

function describeCertificate(ctx: HandlerContext): unknown {
  const arn = requiredString(ctx.input.json.CertificateArn, 'certificateArn');
  const cert = certificates(ctx).find((c) => certArn(ctx, c) === arn);
  if (!cert) throw new FakeAwsError('ResourceNotFoundException', 400, `Could not find certificate ${arn}.`);
  const type = cert.type ?? 'AMAZON_ISSUED';
  const notAfter = resolveWhen(cert.notAfter, ctx.now);
  const issued = new Date(notAfter.getTime() - 395 * 86_400_000);
  const domains = [cert.domain, ...(cert.sans ?? [])];
  const acme = keyPairOrigin(cert) === 'ACME';
  // ACME certificates are validated beforehand on the ACME endpoint, not per certificate.
  const validation = type === 'AMAZON_ISSUED' && !acme ? domains.map((d) => domainValidation(cert, d)) : undefined;
  return {
    Certificate: {
      CertificateArn: arn,
      DomainName: cert.domain,
      SubjectAlternativeNames: domains,
      DomainValidationOptions: validation,
      Serial: stableId(arn, 32).replace(/(..)(?=.)/g, '$1:'),
      Subject: `CN=${cert.domain}`,
      Issuer: type === 'IMPORTED' ? 'Example CA' : 'Amazon',
      CreatedAt: epochSeconds(issued),
      IssuedAt: type === 'IMPORTED' ? undefined : epochSeconds(issued),
      ImportedAt: type === 'IMPORTED' ? epochSeconds(issued) : undefined,
      Status: cert.status ?? 'ISSUED',
      NotBefore: epochSeconds(issued),
      NotAfter: epochSeconds(notAfter),
      KeyAlgorithm: keyAlgorithmLabel(cert.keyAlgorithm ?? 'RSA_2048'),
      SignatureAlgorithm: (cert.keyAlgorithm ?? 'RSA').startsWith('EC') ? 'SHA256WITHECDSA' : 'SHA256WITHRSA',
      InUseBy: cert.inUseBy ?? [],
      Type: type,
      RenewalSummary: cert.renewalStatus
        ? { RenewalStatus: cert.renewalStatus, DomainValidationOptions: validation ?? [], UpdatedAt: epochSeconds(ctx.now) }
        : undefined,
      RenewalEligibility: cert.renewalEligibility ?? (type === 'IMPORTED' || acme ? 'INELIGIBLE' : 'ELIGIBLE'),
      Options: { CertificateTransparencyLoggingPreference: 'ENABLED', Export: cert.exportable ? 'ENABLED' : 'DISABLED' },
      ManagedBy: cert.managedBy,
      CertificateKeyPairOrigin: keyPairOrigin(cert),
    },
  };
}

function domainValidation(cert: AcmCertificateSpec, domain: string): unknown {
  const method = cert.validation ?? 'DNS';
  return {
    DomainName: domain,
    ValidationDomain: domain,
    ValidationStatus: (cert.status ?? 'ISSUED') === 'PENDING_VALIDATION' ? 'PENDING_VALIDATION' : 'SUCCESS',
    ValidationMethod: method,
    ValidationEmails: method === 'EMAIL' ? [`admin@${domain}`] : undefined,
    ResourceRecord: method === 'DNS' ? { Name: `_x1.${domain}.`, Type: 'CNAME', Value: `_x2.acm-validations.aws.` } : undefined,
    HttpRedirect: method === 'HTTP' ? { RedirectFrom: `http://${domain}/.well-known/pki-validation/x.txt`, RedirectTo: 'https://validation.example/x.txt' } : undefined,
  };
}

export const acm = defineService({
  signingName: 'acm',
  actionPrefix: 'acm',
  protocol: awsJson('CertificateManager'),
  operations: { ListCertificates: listCertificates, DescribeCertificate: describeCertificate },
});

import check from '../../checks/acm-certificates-auto-renew.js';
import type { DatasetView } from '../../src/contract/check.js';
import type { AcmCertificate, AcmEvidence } from '../../src/datasets/acm/datasets.js';
import type { ServerCertificatesEvidence } from '../../src/datasets/iam/datasets.js';
import { certificate } from '../helpers/fixtures/compute.js';
import { serverCertificate, serverCertificates } from '../helpers/fixtures/iam.js';
import { classicLoadBalancers, distributions, loadBalancer, loadBalancers } from '../helpers/fixtures/network.js';
import { ACCOUNT, accountInput, failed, ok, REGION, settings } from '../helpers/input.js';
import { type CheckCase, runCheckCases } from '../helpers/run-check-cases.js';

const ARN = certificate().arn;
const SOON = '2026-12-13T12:00:00.000Z'; // 20 days after NOW
const PAST = '2026-11-01T00:00:00.000Z'; // 22 days before NOW
const LEGACY = serverCertificate('legacy', '2027-11-23T12:00:00.000Z');

interface Options {
  /** ACM per region; default: `certificates` in REGION. */
  acm?: Record<string, DatasetView<AcmEvidence>>;
  certificates?: AcmCertificate[];
  /** Default: an IAM server certificate an ALB serves, so some certificate is in use elsewhere. */
  serverCertificates?: DatasetView<ServerCertificatesEvidence>;
  /** Certificates the REGION's ALB serves. */
  servedByLoadBalancer?: string[];
  minDaysToExpiry?: number;
  /** Regions an SCP closes (us-east-1 is judged there all the same). */
  closedRegions?: string[];
}

function acm(options: Options): CheckCase['input'] {
  const byRegion = options.acm ?? { [REGION]: ok({ certificates: options.certificates ?? [] }) };
  const regions = Object.keys(byRegion);
  const served = options.servedByLoadBalancer ?? [LEGACY.arn];
  const lbs = (region: string) => ok(region === REGION && served.length > 0 ? loadBalancers(loadBalancer('web', served)) : loadBalancers());
  return accountInput({
    regions,
    closedRegions: options.closedRegions ?? [],
    settings: settings(options.minDaysToExpiry === undefined ? {} : { acm: { minDaysToExpiry: options.minDaysToExpiry } }),
    data: {
      certificates: byRegion,
      loadBalancers: Object.fromEntries(regions.map((r) => [r, lbs(r)])),
      classicLoadBalancers: Object.fromEntries(regions.map((r) => [r, ok(classicLoadBalancers())])),
    },
    optional: { serverCertificates: options.serverCertificates ?? ok(serverCertificates(LEGACY)), distributions: ok(distributions()) },
  });
}

const one = (overrides: Parameters<typeof certificate>[0], options: Omit<Options, 'certificates'> = {}) =>
  acm({ certificates: [certificate(overrides)], ...options });
/** Nothing else in the account is in use: no IAM server certificate. */
const alone = { serverCertificates: ok(serverCertificates()), servedByLoadBalancer: [] };
const acmeCert = (id: string, notAfter: string, overrides: Partial<AcmCertificate> = {}) =>
  certificate({ arn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/${id}`, keyPairOrigin: 'ACME', inUseBy: [], domainValidation: [], renewalEligibility: 'INELIGIBLE', notAfter, ...overrides });

runCheckCases(check, [
  {
    name: 'issued, eligible, in use, DNS-validated: PASS',
    input: one({}),
    expected: [{ status: 'PASS', messageId: 'autoRenews', resource: ARN, params: { how: 'every domain is validated by DNS' } }],
  },
  {
    name: 'a non-RSA (EC) certificate is judged like any other',
    input: one({ keyAlgorithm: 'EC_secp384r1' }),
    expected: [{ status: 'PASS', messageId: 'autoRenews', resource: ARN }],
  },
  {
    name: 'private certificate in use: PASS without validation',
    input: one({ type: 'PRIVATE', domainValidation: [] }),
    expected: [{ status: 'PASS', messageId: 'autoRenews', resource: ARN, params: { how: 'private certificates need no validation' } }],
  },
  {
    name: 'HTTP validation managed by CloudFront: PASS',
    input: one({ domainValidation: [{ domain: 'app.example.com', method: 'HTTP' }], managedBy: 'CLOUDFRONT' }),
    expected: [{ status: 'PASS', messageId: 'autoRenews', resource: ARN, params: { how: 'HTTP validation is managed by CloudFront' } }],
  },
  {
    name: 'HTTP validation not managed by CloudFront: renewal unclear, WARN',
    input: one({ domainValidation: [{ domain: 'app.example.com', method: 'HTTP' }] }),
    expected: [{ status: 'WARN', messageId: 'renewalUnclear', resource: ARN, params: { methods: 'HTTP' } }],
  },
  {
    name: 'no validation reported: renewal unclear, WARN',
    input: one({ domainValidation: [] }),
    expected: [{ status: 'WARN', messageId: 'renewalUnclear', resource: ARN, params: { methods: 'none reported' } }],
  },
  {
    name: 'one domain by email: WARN naming it',
    input: one({ domainValidation: [{ domain: 'app.example.com', method: 'DNS' }, { domain: 'www.example.com', method: 'EMAIL' }] }),
    expected: [{ status: 'WARN', messageId: 'emailValidation', resource: ARN, params: { emailDomains: 'www.example.com' } }],
  },
  {
    name: 'renewal FAILED: FAIL',
    input: one({ renewalStatus: 'FAILED' }),
    expected: [{ status: 'FAIL', messageId: 'renewalFailed', resource: ARN }],
  },
  {
    name: 'renewal FAILED even when unused: FAIL',
    input: one({ renewalStatus: 'FAILED', inUseBy: [] }),
    expected: [{ status: 'FAIL', messageId: 'renewalFailed', resource: ARN }],
  },
  {
    name: 'ineligible while in use: FAIL',
    input: one({ renewalEligibility: 'INELIGIBLE' }),
    expected: [{ status: 'FAIL', messageId: 'ineligibleInUse', resource: ARN }],
  },
  {
    name: 'expired while in use: FAIL',
    input: one({ status: 'EXPIRED', notAfter: '2026-11-01T00:00:00.000Z' }),
    expected: [{ status: 'FAIL', messageId: 'expiredInUse', resource: ARN, params: { status: 'EXPIRED' } }],
  },
  {
    name: 'revoked while in use: FAIL',
    input: one({ status: 'REVOKED' }),
    expected: [{ status: 'FAIL', messageId: 'notIssuedInUse', resource: ARN, params: { status: 'REVOKED' } }],
  },
  {
    name: 'renewal pending validation within 30 days of expiry: FAIL',
    input: one({ renewalStatus: 'PENDING_VALIDATION', notAfter: SOON }),
    expected: [{ status: 'FAIL', messageId: 'pendingValidationSoon', resource: ARN, params: { days: 20, minDays: 30 } }],
  },
  {
    name: 'renewal pending validation further out: WARN',
    input: one({ renewalStatus: 'PENDING_VALIDATION' }),
    expected: [{ status: 'WARN', messageId: 'pendingValidation', resource: ARN }],
  },
  {
    name: 'acm.minDaysToExpiry moves the line',
    input: one({ renewalStatus: 'PENDING_VALIDATION', notAfter: SOON }, { minDaysToExpiry: 10 }),
    expected: [{ status: 'WARN', messageId: 'pendingValidation', resource: ARN }],
  },
  {
    name: 'exported: WARN, redeployment must be automated',
    input: one({ exported: true }),
    expected: [{ status: 'WARN', messageId: 'redeployManually', resource: ARN, params: { why: 'it was exported' } }],
  },
  {
    name: 'eligible but used by nothing: WARN',
    input: one({ inUseBy: [] }),
    expected: [{ status: 'WARN', messageId: 'redeployManually', resource: ARN, params: { why: 'no AWS service uses it' } }],
  },
  {
    name: 'imported, far from expiry: WARN (never renewed)',
    input: one({ type: 'IMPORTED', renewalEligibility: 'INELIGIBLE', domainValidation: [] }),
    expected: [{ status: 'WARN', messageId: 'imported', resource: ARN, params: { days: 189 } }],
  },
  {
    name: 'imported within 30 days of expiry: FAIL',
    input: one({ type: 'IMPORTED', renewalEligibility: 'INELIGIBLE', notAfter: SOON }),
    expected: [{ status: 'FAIL', messageId: 'importedExpiring', resource: ARN, params: { days: 20 } }],
  },
  {
    name: 'other unused certificates (ineligible, never issued): NOT_APPLICABLE',
    input: acm({
      certificates: [
        certificate({ inUseBy: [], renewalEligibility: 'INELIGIBLE' }),
        certificate({ inUseBy: [], status: 'PENDING_VALIDATION', notAfter: undefined, renewalEligibility: 'INELIGIBLE' }),
      ],
    }),
    expected: [
      { status: 'NOT_APPLICABLE', messageId: 'unused', resource: ARN },
      { status: 'NOT_APPLICABLE', messageId: 'unused', resource: ARN, params: { status: 'PENDING_VALIDATION' } },
    ],
  },
  {
    name: 'expired and unused, whatever its type or renewal state: WARN "delete it", never FAIL',
    input: acm({
      certificates: [
        certificate({ inUseBy: [], status: 'EXPIRED', notAfter: '2026-01-01T00:00:00.000Z', renewalEligibility: 'INELIGIBLE' }),
        certificate({ inUseBy: [], notAfter: PAST, renewalStatus: 'FAILED' }),
        certificate({ inUseBy: [], type: 'IMPORTED', renewalEligibility: 'INELIGIBLE', domainValidation: [], notAfter: PAST }),
        certificate({ inUseBy: [], type: 'PRIVATE', status: 'EXPIRED', notAfter: PAST }),
      ],
    }),
    expected: [
      { status: 'WARN', messageId: 'expiredUnused', resource: ARN, params: { notAfter: '2026-01-01T00:00:00.000Z' } },
      { status: 'WARN', messageId: 'expiredUnused', resource: ARN },
      { status: 'WARN', messageId: 'expiredUnused', resource: ARN },
      { status: 'WARN', messageId: 'expiredUnused', resource: ARN },
    ],
  },
  {
    name: 'imported, expired and still in use: FAIL',
    input: one({ type: 'IMPORTED', renewalEligibility: 'INELIGIBLE', domainValidation: [], status: 'EXPIRED', notAfter: PAST }),
    expected: [{ status: 'FAIL', messageId: 'expiredInUse', resource: ARN, params: { status: 'EXPIRED' } }],
  },
  {
    name: 'expired but exported: its use is unknown, so not "unused"',
    input: one({ inUseBy: [], exported: true, notAfter: PAST }),
    expected: [{ status: 'WARN', messageId: 'redeployManually', resource: ARN, params: { why: 'it was exported' } }],
  },
  {
    name: 'ACME, far from expiry: WARN, the ACME client renews it',
    input: acm({ certificates: [acmeCert('acme-1', '2027-02-21T12:00:00.000Z')] }),
    expected: [{ status: 'WARN', messageId: 'acmeRenewedByClient', resource: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/acme-1`, params: { days: 90 } }],
  },
  {
    name: 'ACME within 30 days of expiry, no later certificate: FAIL',
    input: acm({ certificates: [acmeCert('acme-1', SOON)] }),
    expected: [{ status: 'FAIL', messageId: 'acmeExpiring', resource: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/acme-1`, params: { expiry: 'expires in 20 day(s)' } }],
  },
  {
    name: 'ACME expired, no later certificate: FAIL',
    input: acm({ certificates: [acmeCert('acme-1', PAST)] }),
    expected: [{ status: 'FAIL', messageId: 'acmeExpiring', resource: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/acme-1`, params: { expiry: 'expired 23 day(s) ago' } }],
  },
  {
    name: 'ACME renewed into a later certificate: the old one is superseded, or expired and unused',
    input: acm({
      certificates: [acmeCert('old', SOON), acmeCert('older', PAST), acmeCert('new', '2027-02-21T12:00:00.000Z'), acmeCert('other-domain', SOON, { domainName: 'b.example.com' })],
    }),
    expected: [
      { status: 'NOT_APPLICABLE', messageId: 'acmeSuperseded', resource: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/old`, params: { successor: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/new` } },
      { status: 'WARN', messageId: 'expiredUnused', resource: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/older` },
      { status: 'WARN', messageId: 'acmeRenewedByClient', resource: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/new` },
      { status: 'FAIL', messageId: 'acmeExpiring', resource: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/other-domain` },
    ],
  },
  {
    name: 'no certificate in use anywhere (ACM or IAM): the unused ones are advisory, so SECOPS-011 asks for an attestation',
    input: acm({
      certificates: [certificate({ inUseBy: [] }), certificate({ inUseBy: [], notAfter: PAST, renewalStatus: 'FAILED' })],
      serverCertificates: ok(serverCertificates(serverCertificate('idle', '2027-11-23T12:00:00.000Z'))),
      servedByLoadBalancer: [],
    }),
    expected: [
      { status: 'WARN', messageId: 'redeployManually', resource: ARN, advisory: true },
      { status: 'WARN', messageId: 'expiredUnused', resource: ARN, advisory: true },
    ],
  },
  {
    name: 'an IAM server certificate a load balancer serves is a certificate in use: unused ACM ones count',
    input: one({ inUseBy: [] }),
    expected: [{ status: 'WARN', messageId: 'redeployManually', resource: ARN, advisory: false }],
  },
  {
    name: 'a valid ACME certificate is in use outside ACM\'s sight: unused ones count',
    input: acm({ certificates: [certificate({ inUseBy: [] }), acmeCert('acme-1', '2027-02-21T12:00:00.000Z')], ...alone }),
    expected: [
      { status: 'WARN', messageId: 'redeployManually', resource: ARN, advisory: false },
      { status: 'WARN', messageId: 'acmeRenewedByClient', resource: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/acme-1`, advisory: false },
    ],
  },
  {
    name: 'IAM server certificates unreadable: use unknown, so unused ones count',
    input: one({ inUseBy: [] }, { serverCertificates: failed('AccessDenied'), servedByLoadBalancer: [] }),
    expected: [{ status: 'WARN', messageId: 'redeployManually', resource: ARN, advisory: false }],
  },
  {
    name: 'ACM unreadable in another region: ERROR there, and use is unknown, so unused ones count',
    input: acm({
      acm: { [REGION]: ok({ certificates: [certificate({ inUseBy: [] })] }), 'us-east-1': failed('ThrottlingException', 'throttled') },
      ...alone,
    }),
    expected: [
      { status: 'WARN', messageId: 'redeployManually', resource: ARN, advisory: false },
      { status: 'ERROR', messageId: 'regionUnreadable', resource: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate`, params: { region: 'us-east-1', code: 'ThrottlingException' } },
    ],
  },
  {
    name: 'a region not enabled has nothing to judge and hides no certificate in use',
    input: acm({
      acm: { [REGION]: ok({ certificates: [certificate({ inUseBy: [] })] }), 'ap-east-1': failed('UnrecognizedClientException', 'region-disabled') },
      ...alone,
    }),
    expected: [
      { status: 'WARN', messageId: 'redeployManually', resource: ARN, advisory: true },
      { status: 'NOT_APPLICABLE', messageId: 'regionDisabled', resource: `arn:aws:acm:ap-east-1:${ACCOUNT}:certificate` },
    ],
  },
  {
    name: 'a region closed by SCP has nothing to judge, but its certificates\' use is unknown',
    input: acm({
      acm: { [REGION]: ok({ certificates: [certificate({ inUseBy: [] })] }), 'us-east-1': failed('AccessDeniedException', 'scp-denied') },
      closedRegions: ['us-east-1'],
      ...alone,
    }),
    expected: [
      { status: 'WARN', messageId: 'redeployManually', resource: ARN, advisory: false },
      { status: 'NOT_APPLICABLE', messageId: 'regionClosed', resource: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate` },
    ],
  },
  {
    name: 'an SCP denying ACM in an open region is an error there, not a closed region',
    input: acm({
      acm: { [REGION]: ok({ certificates: [certificate({ inUseBy: [] })] }), 'us-east-1': failed('AccessDeniedException', 'scp-denied') },
      ...alone,
    }),
    expected: [
      { status: 'WARN', messageId: 'redeployManually', resource: ARN, advisory: false },
      { status: 'ERROR', messageId: 'regionDeniedByScp', resource: `arn:aws:acm:us-east-1:${ACCOUNT}:certificate` },
    ],
  },
  {
    name: 'no certificates in a region: NOT_APPLICABLE there (with none anywhere the requirement rolls up MANUAL)',
    input: acm({ acm: { [REGION]: ok({ certificates: [] }), 'us-east-1': ok({ certificates: [certificate({ arn: 'arn:aws:acm:us-east-1:111122223333:certificate/x' })] }) } }),
    expected: [
      { status: 'NOT_APPLICABLE', messageId: 'noCertificates', resource: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate`, params: { region: REGION } },
      { status: 'PASS', messageId: 'autoRenews', resource: 'arn:aws:acm:us-east-1:111122223333:certificate/x' },
    ],
  },
]);

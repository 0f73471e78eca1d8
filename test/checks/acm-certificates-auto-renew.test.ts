import check from '../../checks/acm-certificates-auto-renew.js';
import { certificate } from '../helpers/fixtures/compute.js';
import { ACCOUNT, input, REGION, settings } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ARN = certificate().arn;
const SOON = '2026-12-13T12:00:00.000Z'; // 20 days after NOW
const one = (overrides: Parameters<typeof certificate>[0]) => ({ certificates: { certificates: [certificate(overrides)] } });

runCheckCases(check, [
  {
    name: 'issued, eligible, in use, DNS-validated: PASS',
    input: input({ data: one({}) }),
    expected: [{ status: 'PASS', messageId: 'autoRenews', resource: ARN, params: { how: 'every domain is validated by DNS' } }],
  },
  {
    name: 'a non-RSA (EC) certificate is judged like any other',
    input: input({ data: one({ keyAlgorithm: 'EC_secp384r1' }) }),
    expected: [{ status: 'PASS', messageId: 'autoRenews', resource: ARN }],
  },
  {
    name: 'private certificate in use: PASS without validation',
    input: input({ data: one({ type: 'PRIVATE', domainValidation: [] }) }),
    expected: [{ status: 'PASS', messageId: 'autoRenews', resource: ARN, params: { how: 'private certificates need no validation' } }],
  },
  {
    name: 'HTTP validation managed by CloudFront: PASS',
    input: input({ data: one({ domainValidation: [{ domain: 'app.example.com', method: 'HTTP' }], managedBy: 'CLOUDFRONT' }) }),
    expected: [{ status: 'PASS', messageId: 'autoRenews', resource: ARN, params: { how: 'HTTP validation is managed by CloudFront' } }],
  },
  {
    name: 'HTTP validation not managed by CloudFront: renewal unclear, WARN',
    input: input({ data: one({ domainValidation: [{ domain: 'app.example.com', method: 'HTTP' }] }) }),
    expected: [{ status: 'WARN', messageId: 'renewalUnclear', resource: ARN, params: { methods: 'HTTP' } }],
  },
  {
    name: 'no validation reported: renewal unclear, WARN',
    input: input({ data: one({ domainValidation: [] }) }),
    expected: [{ status: 'WARN', messageId: 'renewalUnclear', resource: ARN, params: { methods: 'none reported' } }],
  },
  {
    name: 'one domain by email: WARN naming it',
    input: input({
      data: one({ domainValidation: [{ domain: 'app.example.com', method: 'DNS' }, { domain: 'www.example.com', method: 'EMAIL' }] }),
    }),
    expected: [{ status: 'WARN', messageId: 'emailValidation', resource: ARN, params: { emailDomains: 'www.example.com' } }],
  },
  {
    name: 'renewal FAILED: FAIL',
    input: input({ data: one({ renewalStatus: 'FAILED' }) }),
    expected: [{ status: 'FAIL', messageId: 'renewalFailed', resource: ARN }],
  },
  {
    name: 'renewal FAILED even when unused: FAIL',
    input: input({ data: one({ renewalStatus: 'FAILED', inUseBy: [] }) }),
    expected: [{ status: 'FAIL', messageId: 'renewalFailed', resource: ARN }],
  },
  {
    name: 'ineligible while in use: FAIL',
    input: input({ data: one({ renewalEligibility: 'INELIGIBLE' }) }),
    expected: [{ status: 'FAIL', messageId: 'ineligibleInUse', resource: ARN }],
  },
  {
    name: 'expired while in use: FAIL',
    input: input({ data: one({ status: 'EXPIRED', notAfter: '2026-11-01T00:00:00.000Z' }) }),
    expected: [{ status: 'FAIL', messageId: 'expiredInUse', resource: ARN, params: { status: 'EXPIRED' } }],
  },
  {
    name: 'revoked while in use: FAIL',
    input: input({ data: one({ status: 'REVOKED' }) }),
    expected: [{ status: 'FAIL', messageId: 'notIssuedInUse', resource: ARN, params: { status: 'REVOKED' } }],
  },
  {
    name: 'renewal pending validation within 30 days of expiry: FAIL',
    input: input({ data: one({ renewalStatus: 'PENDING_VALIDATION', notAfter: SOON }) }),
    expected: [{ status: 'FAIL', messageId: 'pendingValidationSoon', resource: ARN, params: { days: 20, minDays: 30 } }],
  },
  {
    name: 'renewal pending validation further out: WARN',
    input: input({ data: one({ renewalStatus: 'PENDING_VALIDATION' }) }),
    expected: [{ status: 'WARN', messageId: 'pendingValidation', resource: ARN }],
  },
  {
    name: 'acm.minDaysToExpiry moves the line',
    input: input({ settings: settings({ acm: { minDaysToExpiry: 10 } }), data: one({ renewalStatus: 'PENDING_VALIDATION', notAfter: SOON }) }),
    expected: [{ status: 'WARN', messageId: 'pendingValidation', resource: ARN }],
  },
  {
    name: 'exported: WARN, redeployment must be automated',
    input: input({ data: one({ exported: true }) }),
    expected: [{ status: 'WARN', messageId: 'redeployManually', resource: ARN, params: { why: 'it was exported' } }],
  },
  {
    name: 'eligible but used by nothing: WARN',
    input: input({ data: one({ inUseBy: [] }) }),
    expected: [{ status: 'WARN', messageId: 'redeployManually', resource: ARN, params: { why: 'no AWS service uses it' } }],
  },
  {
    name: 'imported, far from expiry: WARN (never renewed)',
    input: input({ data: one({ type: 'IMPORTED', renewalEligibility: 'INELIGIBLE', domainValidation: [] }) }),
    expected: [{ status: 'WARN', messageId: 'imported', resource: ARN, params: { days: 189 } }],
  },
  {
    name: 'imported within 30 days of expiry: FAIL',
    input: input({ data: one({ type: 'IMPORTED', renewalEligibility: 'INELIGIBLE', notAfter: SOON }) }),
    expected: [{ status: 'FAIL', messageId: 'importedExpiring', resource: ARN, params: { days: 20 } }],
  },
  {
    name: 'other unused certificates (ineligible, expired, never issued): NOT_APPLICABLE',
    input: input({
      data: {
        certificates: {
          certificates: [
            certificate({ inUseBy: [], renewalEligibility: 'INELIGIBLE' }),
            certificate({ inUseBy: [], status: 'EXPIRED', notAfter: '2026-01-01T00:00:00.000Z' }),
            certificate({ inUseBy: [], status: 'PENDING_VALIDATION', notAfter: undefined, renewalEligibility: 'INELIGIBLE' }),
          ],
        },
      },
    }),
    expected: [
      { status: 'NOT_APPLICABLE', messageId: 'unused', resource: ARN },
      { status: 'NOT_APPLICABLE', messageId: 'unused', resource: ARN },
      { status: 'NOT_APPLICABLE', messageId: 'unused', resource: ARN, params: { status: 'PENDING_VALIDATION' } },
    ],
  },
  {
    name: 'no certificates in the region: NOT_APPLICABLE (the requirement then rolls up MANUAL)',
    input: input({ data: { certificates: { certificates: [] } } }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noCertificates', resource: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate` }],
  },
]);

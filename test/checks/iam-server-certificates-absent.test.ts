import check from '../../checks/iam-server-certificates-absent.js';
import type { DatasetView } from '../../src/contract/check.js';
import type { CloudFrontDistributionsEvidence } from '../../src/datasets/cloudfront/datasets.js';
import type { ClassicLoadBalancersEvidence } from '../../src/datasets/elb/datasets.js';
import type { Elbv2LoadBalancersEvidence } from '../../src/datasets/elbv2/datasets.js';
import type { ServerCertificate } from '../../src/datasets/iam/datasets.js';
import { certificate } from '../helpers/fixtures/compute.js';
import { serverCertificate, serverCertificates } from '../helpers/fixtures/iam.js';
import { classicLoadBalancer, classicLoadBalancers, distribution, distributions, loadBalancer, loadBalancers } from '../helpers/fixtures/network.js';
import { ACCOUNT, accountInput, failed, ok, REGION, settings } from '../helpers/input.js';
import { type CheckCase, runCheckCases } from '../helpers/run-check-cases.js';

const FAR = '2027-11-23T12:00:00.000Z'; // 365 days after NOW
const SOON = '2026-12-13T12:00:00.000Z'; // 20 days after NOW
const PAST = '2026-11-01T00:00:00.000Z'; // 23 days before NOW
const far = serverCertificate('far', FAR);
const soon = serverCertificate('soon', SOON);
const gone = serverCertificate('gone', PAST);

interface Options {
  certificates: ServerCertificate[];
  loadBalancers?: DatasetView<Elbv2LoadBalancersEvidence>;
  classic?: DatasetView<ClassicLoadBalancersEvidence>;
  distributions?: DatasetView<CloudFrontDistributionsEvidence>;
  /** Default: an ACM certificate in use in REGION, so some certificate is in use. */
  acmInUse?: boolean;
  minDaysToExpiry?: number;
}

function iam(options: Options): CheckCase['input'] {
  const acm = options.acmInUse === false ? [] : [certificate()];
  return accountInput({
    settings: settings(options.minDaysToExpiry === undefined ? {} : { acm: { minDaysToExpiry: options.minDaysToExpiry } }),
    data: {
      certificates: serverCertificates(...options.certificates),
      acm: { [REGION]: ok({ certificates: acm }) },
      loadBalancers: { [REGION]: options.loadBalancers ?? ok(loadBalancers()) },
      classicLoadBalancers: { [REGION]: options.classic ?? ok(classicLoadBalancers()) },
    },
    optional: { distributions: options.distributions ?? ok(distributions()) },
  });
}

runCheckCases(check, [
  {
    name: 'no server certificates: nothing to judge',
    input: iam({ certificates: [] }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'none', resource: `arn:aws:iam::${ACCOUNT}:root` }],
  },
  {
    name: 'far from expiry warns (never renewed); within 30 days fails',
    input: iam({ certificates: [far, soon] }),
    expected: [
      { status: 'WARN', messageId: 'notRenewed', resource: far.arn, params: { days: 365, use: 'no load balancer or CloudFront distribution uses it' } },
      { status: 'FAIL', messageId: 'expiring', resource: soon.arn, params: { days: 20, minDays: 30 } },
    ],
  },
  {
    name: 'acm.minDaysToExpiry moves the line',
    input: iam({ certificates: [soon], minDaysToExpiry: 10 }),
    expected: [{ status: 'WARN', messageId: 'notRenewed', resource: soon.arn }],
  },
  {
    name: 'expired and unused: WARN "delete it", never FAIL',
    input: iam({ certificates: [gone] }),
    expected: [{ status: 'WARN', messageId: 'expiredUnused', resource: gone.arn, params: { expiration: PAST } }],
  },
  {
    name: 'expired and served by an ALB listener: FAIL naming it',
    input: iam({ certificates: [gone], loadBalancers: ok(loadBalancers(loadBalancer('web', ['arn:aws:acm:x', gone.arn]))) }),
    expected: [
      {
        status: 'FAIL',
        messageId: 'expiredInUse',
        resource: gone.arn,
        params: { use: `used by arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/web/0123456789abcdef` },
      },
    ],
  },
  {
    name: 'expired and served by a Classic Load Balancer: FAIL',
    input: iam({ certificates: [gone], classic: ok(classicLoadBalancers(classicLoadBalancer('legacy', gone.arn))) }),
    expected: [{ status: 'FAIL', messageId: 'expiredInUse', resource: gone.arn, params: { use: `used by arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/legacy` } }],
  },
  {
    name: 'expired and the viewer certificate of a CloudFront distribution (by its ID): FAIL',
    input: iam({ certificates: [gone], distributions: ok(distributions(distribution('E1', gone.id), distribution('E2'))) }),
    expected: [{ status: 'FAIL', messageId: 'expiredInUse', resource: gone.arn, params: { use: `used by arn:aws:cloudfront::${ACCOUNT}:distribution/E1` } }],
  },
  {
    name: 'expired, and the load balancers could not be read: use unknown counts as use, FAIL',
    input: iam({ certificates: [gone], loadBalancers: failed('AccessDenied') }),
    expected: [
      {
        status: 'FAIL',
        messageId: 'expiredInUse',
        resource: gone.arn,
        params: { use: `its use is unknown: elbv2.loadBalancers in ${REGION} (AccessDenied) could not be read` },
      },
    ],
  },
  {
    name: 'expired, and CloudFront could not be read: use unknown, FAIL',
    input: iam({ certificates: [gone], distributions: failed('AccessDenied') }),
    expected: [{ status: 'FAIL', messageId: 'expiredInUse', resource: gone.arn }],
  },
  {
    name: 'no certificate in use anywhere (IAM or ACM): advisory, so SECOPS-011 asks for an attestation',
    input: iam({ certificates: [far, gone], acmInUse: false }),
    expected: [
      { status: 'WARN', messageId: 'notRenewed', resource: far.arn, advisory: true },
      { status: 'WARN', messageId: 'expiredUnused', resource: gone.arn, advisory: true },
    ],
  },
  {
    name: 'an IAM server certificate in use makes the others count',
    input: iam({ certificates: [far, gone], acmInUse: false, distributions: ok(distributions(distribution('E1', far.id))) }),
    expected: [
      { status: 'WARN', messageId: 'notRenewed', resource: far.arn, advisory: false },
      { status: 'WARN', messageId: 'expiredUnused', resource: gone.arn, advisory: false },
    ],
  },
]);

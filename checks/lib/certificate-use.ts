// Whether TLS certificates are in use: ACM says so itself (InUseBy); IAM server certificates are in
// use when a load balancer listener (by ARN) or a CloudFront distribution (by ServerCertificateId)
// names them. Evidence that could not be read makes use unknown, and unknown use counts as use.

import type { DatasetView, PerRegion } from '../../src/contract/check.js';
import type { AcmCertificate, AcmEvidence } from '../../src/datasets/acm/datasets.js';
import type { CloudFrontDistributionsEvidence } from '../../src/datasets/cloudfront/datasets.js';
import type { ClassicLoadBalancersEvidence } from '../../src/datasets/elb/datasets.js';
import type { Elbv2LoadBalancersEvidence } from '../../src/datasets/elbv2/datasets.js';
import type { ServerCertificate, ServerCertificatesEvidence } from '../../src/datasets/iam/datasets.js';
import { daysUntil } from './time.js';

export interface CertificateEvidence {
  acm: PerRegion<AcmEvidence>;
  serverCertificates: DatasetView<ServerCertificatesEvidence>;
  loadBalancers: PerRegion<Elbv2LoadBalancersEvidence>;
  classicLoadBalancers: PerRegion<ClassicLoadBalancersEvidence>;
  distributions: DatasetView<CloudFrontDistributionsEvidence>;
}

export type ServerCertificateUse =
  | { state: 'used'; by: string[] }
  | { state: 'unused' }
  /** No reference found in what was read, but some evidence could not be read. */
  | { state: 'unknown'; unread: string[] };

function unreadable(dataset: string, where: string, view: DatasetView<unknown>): string[] {
  return view.ok ? [] : [`${dataset} in ${where} (${view.error.code})`];
}

/** A Classic Load Balancer's ARN, in the partition and account of the certificate it serves. */
function classicArn(certArn: string, region: string, name: string): string {
  const [, partition, , , account] = certArn.split(':');
  return `arn:${partition}:elasticloadbalancing:${region}:${account}:loadbalancer/${name}`;
}

/** The load balancers and distributions (ARNs) that name an IAM server certificate. */
export function serverCertificateUse(cert: ServerCertificate, evidence: CertificateEvidence): ServerCertificateUse {
  const by: string[] = [];
  const unread: string[] = [];
  for (const [region, view] of Object.entries(evidence.loadBalancers)) {
    unread.push(...unreadable('elbv2.loadBalancers', region, view));
    if (!view.ok) continue;
    for (const lb of view.data.loadBalancers) {
      if (lb.listeners.some((listener) => listener.certificates.some((c) => c.arn === cert.arn))) by.push(lb.arn);
    }
  }
  for (const [region, view] of Object.entries(evidence.classicLoadBalancers)) {
    unread.push(...unreadable('elb.loadBalancers', region, view));
    if (!view.ok) continue;
    for (const lb of view.data.loadBalancers) {
      if (lb.listeners.some((listener) => listener.sslCertificateId === cert.arn)) by.push(classicArn(cert.arn, region, lb.name));
    }
  }
  const { distributions } = evidence;
  unread.push(...unreadable('cloudfront.distributions', 'the account', distributions));
  if (distributions.ok) {
    by.push(...distributions.data.distributions.filter((d) => d.viewerCertificate.iamCertificateId === cert.id).map((d) => d.arn));
  }
  if (by.length > 0) return { state: 'used', by };
  return unread.length > 0 ? { state: 'unknown', unread } : { state: 'unused' };
}

export function isAcme(cert: AcmCertificate): boolean {
  return cert.keyPairOrigin === 'ACME';
}

export function hasExpired(cert: { status?: string }, days: number | undefined): boolean {
  return cert.status === 'EXPIRED' || (days !== undefined && days < 0);
}

/**
 * Whether an ACM certificate may serve traffic: attached to an AWS service, or, still valid, held
 * outside ACM's sight (exported, or an ACME certificate whose key stays with its client).
 */
export function acmCertificateInUse(cert: AcmCertificate, now: Date): boolean {
  if (cert.inUseBy.length > 0) return true;
  const days = cert.notAfter ? daysUntil(now, cert.notAfter) : undefined;
  return (cert.exported || isAcme(cert)) && !hasExpired(cert, days);
}

/**
 * Whether any certificate of the account is, or may be, in use: false only when every region's ACM
 * certificates, the IAM server certificates and everything that could reference them were read and
 * nothing uses any of them.
 */
export function anyCertificateInUse(evidence: CertificateEvidence, now: Date): boolean {
  for (const view of Object.values(evidence.acm)) {
    if (!view.ok && view.error.kind !== 'region-disabled') return true;
    if (view.ok && view.data.certificates.some((cert) => acmCertificateInUse(cert, now))) return true;
  }
  if (!evidence.serverCertificates.ok) return true;
  return evidence.serverCertificates.data.certificates.some((cert) => serverCertificateUse(cert, evidence).state !== 'unused');
}

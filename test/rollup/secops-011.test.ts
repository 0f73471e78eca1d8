// SECOPS-011 through the real certificate checks, the engine and the roll-up: an account with no
// certificate in use anywhere rolls up MANUAL (nothing to judge; attest), not WARN for its unused ones.

import { describe, expect, it } from 'vitest';
import acmCheck from '../../checks/acm-certificates-auto-renew.js';
import iamCheck from '../../checks/iam-server-certificates-absent.js';
import { getChecklist } from '../../src/catalog/index.js';
import type { DatasetRecord } from '../../src/contract/record.js';
import { checkSettingsSchema } from '../../src/contract/settings.js';
import type { AcmCertificate } from '../../src/datasets/acm/datasets.js';
import type { ServerCertificate } from '../../src/datasets/iam/datasets.js';
import { evaluateRun, type EvidenceSource } from '../../src/engine/evaluate.js';
import { rollupAccountRequirement } from '../../src/engine/rollup.js';
import type { Manifest } from '../../src/snapshot/manifest.js';
import { certificate } from '../helpers/fixtures/compute.js';
import { serverCertificate } from '../helpers/fixtures/iam.js';
import { ACCOUNT, NOW, REGION } from '../helpers/input.js';

const REGIONS = [REGION, 'us-east-1'];

function record(region: string, collector: string, data: unknown): DatasetRecord {
  return { accountId: ACCOUNT, region, collector, startedAt: 't', finishedAt: 't', requestIds: [`${collector}@${region}`], ok: true, data };
}

/** An account's certificate evidence: ACM certificates in REGION and IAM server certificates, nothing serving any of them. */
function evidence(acm: AcmCertificate[], iam: ServerCertificate[] = []): EvidenceSource {
  const records = [
    ...REGIONS.flatMap((region) => [
      record(region, 'acm.certificates', { certificates: region === REGION ? acm : [] }),
      record(region, 'elbv2.loadBalancers', { loadBalancers: [] }),
      record(region, 'elb.loadBalancers', { loadBalancers: [] }),
    ]),
    record('global', 'iam.serverCertificates', { certificates: iam }),
    record('global', 'cloudfront.distributions', { distributions: [] }),
  ];
  const manifest = {
    callerIdentity: { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/auditor` },
    accounts: [{ accountId: ACCOUNT, status: 'SCANNED', regions: [REGION], skippedRegions: [], calls: {} }],
  } as unknown as Manifest;
  return { manifest, datasets: async function* () { yield* records; } };
}

async function secops011(source: EvidenceSource): Promise<string> {
  const checklist = getChecklist('smb-competency');
  const findings = await evaluateRun(source, {
    checks: [acmCheck, iamCheck],
    checklist,
    settings: checkSettingsSchema.parse({}),
    applicableRequirements: new Set(['SECOPS-011']),
    now: NOW,
    redact: (e) => e,
  });
  const requirement = checklist.requirements.find((r) => r.id === 'SECOPS-011')!;
  const mapped = findings.filter((f) => f.requirementIds.includes('SECOPS-011'));
  return rollupAccountRequirement({ requirement, accountId: ACCOUNT, findings: mapped, deploymentModel: 'saas', settings: checkSettingsSchema.parse({}), now: NOW }).status;
}

describe('SECOPS-011 roll-up', () => {
  it('is MANUAL when no certificate is in use anywhere, unused ones included', async () => {
    const unused = certificate({ inUseBy: [] });
    const idle = serverCertificate('idle', '2027-06-01T00:00:00.000Z');
    expect(await secops011(evidence([unused], [idle]))).toBe('MANUAL');
  });

  it('is MANUAL when the account holds no certificate at all', async () => {
    expect(await secops011(evidence([]))).toBe('MANUAL');
  });

  it('counts unused certificates once any certificate is in use', async () => {
    expect(await secops011(evidence([certificate({ inUseBy: [] }), certificate()]))).toBe('WARN');
  });

  it('passes when every certificate in use renews itself', async () => {
    expect(await secops011(evidence([certificate()]))).toBe('PASS');
  });
});

// The read-only guarantee: the code can send only reads (Describe*, List*, Get*, TestEventPattern)
// plus sts:AssumeRole, sts:GetCallerIdentity and iam:GenerateCredentialReport. Checked statically
// over every SDK command imported in src/ and checks/, and at run time over every operation the
// fake AWS served during a full scan (see scan-e2e.test.ts for the scan itself).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wireScenario } from './fixtures.js';
import { useFakeAws } from './harness.js';
import { scanOrganization } from './scan.js';
import { isAllowedAction, sdkUses } from './sdk-commands.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Writes the tool makes to the partner's own resources at the user's explicit request, never to
 * an audited account's configuration. Each is pinned to its file so a new write anywhere fails.
 */
const OWN_OUTPUT_WRITES: { file: string; action: string; why: string }[] = [
  { file: 'src/storage/upload.ts', action: 's3:PutObject', why: 'uploads the run directory to the bucket named by --upload' },
  { file: 'src/bundle/sign.ts', action: 'kms:Sign', why: 'signs the evidence bundle with the KMS key named by the user' },
  { file: 'src/storage/security-hub.ts', action: 'securityhub:BatchImportFindings', why: "imports the findings into the caller's own Security Hub with --security-hub" },
  { file: 'src/bookkeeping/notify.ts', action: 'sns:Publish', why: "sends the drift to the partner's own SNS topic named by --notify" },
];

describe('read-only guarantee (static)', () => {
  const { uses, unscannable } = sdkUses(ROOT, ['src', 'checks']);

  it('finds the SDK commands the collectors and the scanner send', () => {
    const actions = new Set(uses.map((u) => u.action));
    for (const expected of ['sts:AssumeRole', 'iam:GenerateCredentialReport', 'ec2:DescribeInstances', 'events:TestEventPattern', 'organizations:ListAccounts']) {
      expect(actions).toContain(expected);
    }
  });

  it('reads the commands destructured from an sdkModule load, and flags a load it cannot read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'partner-audit-sdk-uses-'));
    try {
      mkdirSync(join(dir, 'src'));
      const load = "sdkModule<typeof SdkEc2>('@aws-sdk/client-ec2');\n";
      writeFileSync(join(dir, 'src/read.ts'), `const {\n  EC2Client,\n  DeleteVpcCommand: Delete,\n  paginateDescribeVpcs,\n} = ${load}`);
      writeFileSync(join(dir, 'src/hidden.ts'), `const ec2 = ${load}`);
      const found = sdkUses(dir, ['src']);
      expect(found.uses.map((u) => `${u.file} ${u.action}`).sort()).toEqual(['src/read.ts ec2:DeleteVpc', 'src/read.ts ec2:DescribeVpcs']);
      expect(found.unscannable).toEqual(['src/hidden.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('imports SDK clients only in forms the scan can read', () => {
    expect(unscannable).toEqual([]);
  });

  it('sends nothing but reads, the three allowed calls and the pinned own-output writes', () => {
    const offending = uses
      .filter((u) => !isAllowedAction(u.action))
      .filter((u) => !OWN_OUTPUT_WRITES.some((w) => w.file === u.file && w.action === u.action))
      .map((u) => `${u.file}: ${u.action}`);
    expect(offending).toEqual([]);
  });

  it('keeps the own-output writes out of the collectors and the scanner', () => {
    for (const write of OWN_OUTPUT_WRITES) {
      expect(write.file).not.toMatch(/^src\/(collect|datasets|aws|engine)\//);
    }
  });
});

describe('read-only guarantee (at run time)', () => {
  const fake = useFakeAws(wireScenario);

  it('serves only allowed operations during a full organization scan', async () => {
    await scanOrganization();
    const served = Object.keys(fake().stats().byAction);
    expect(served).toContain('ec2:DescribeInstances');
    expect(served.filter((action) => !isAllowedAction(action))).toEqual([]);
  });
});

// The ops commands as a user calls them: options, output and usage errors (before any AWS call).
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register as registerMerge } from '../../src/cli/commands/merge.js';
import { register as registerPolicy } from '../../src/cli/commands/policy.js';
import { register as registerPreflight } from '../../src/cli/commands/preflight.js';
import { UsageError } from '../../src/errors.js';
import type { CliContext } from '../../src/cli/context.js';
import { ALL_CHECKS } from '../../checks/index.js';

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(register: (program: Command, context: CliContext) => void, args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const program = new Command().exitOverride();
  program.configureOutput({ writeErr: () => {} });
  register(program, { checks: ALL_CHECKS });
  await program.parseAsync(['node', 'partner-audit', ...args]);
  return out;
}

describe('partner-audit policy', () => {
  it('prints the JSON policy for the chosen checks', async () => {
    const policy = JSON.parse(await run(registerPolicy, ['policy', '--checks', 'support-plan-business-or-higher']));
    expect(policy.Statement.find((s: { Sid: string }) => s.Sid === 'ReadSupport').Action).toEqual(['support:DescribeSeverityLevels']);
    expect(policy.Statement.flatMap((s: { Action: string[] }) => s.Action)).not.toContain('guardduty:ListDetectors');
  });

  it('prints CloudFormation and Terraform', async () => {
    expect(await run(registerPolicy, ['policy', '--format', 'cloudformation'])).toMatch(/^# Audit role[\s\S]*Type: AWS::IAM::Role/);
    expect(await run(registerPolicy, ['policy', '--format', 'terraform'])).toContain('resource "aws_iam_role" "partner_audit"');
  });

  it('prints the scanner principal\'s policy: the reads plus assuming the audit role', async () => {
    const policy = JSON.parse(await run(registerPolicy, ['policy', '--scanner', '--role-name', 'AuditRO']));
    expect(policy.Statement.at(-1)).toEqual({
      Sid: 'AssumeAuditRole', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: 'arn:aws:iam::*:role/AuditRO',
    });
    expect(policy.Statement.slice(0, -1)).toEqual(JSON.parse(await run(registerPolicy, ['policy'])).Statement);
    await expect(run(registerPolicy, ['policy', '--scanner', '--format', 'terraform'])).rejects.toThrow(/--scanner prints a JSON policy/);
    await expect(run(registerPolicy, ['policy', '--scanner', '--role-name', 'a b'])).rejects.toThrow(/not a valid IAM role name/);
  });

  it('refuses unknown formats, checks and checklists', async () => {
    await expect(run(registerPolicy, ['policy', '--format', 'xml'])).rejects.toThrow(/Allowed choices are json, cloudformation, terraform/);
    await expect(run(registerPolicy, ['policy', '--checks', 'nope'])).rejects.toThrow(UsageError);
    await expect(run(registerPolicy, ['policy', '--checklist', 'nope'])).rejects.toThrow(/unknown checklist "nope"/);
  });
});

describe('partner-audit preflight: usage errors come before any AWS call', () => {
  it.each([
    [['--accounts', '12345'], /--accounts: "12345" is not a 12-digit AWS account ID/],
    [['--sample', '0'], /"0" is not a positive whole number/],
    [['--regions', 'mars-1'], /unknown region "mars-1"/],
    [['--org', '--accounts', '111111111111'], /choose either --accounts or --org/],
    [['--include-tag', 'novalue'], /tag filter "novalue" must be key=value/],
    [['--checks', 'nope'], /unknown check id: nope/],
    [['--config', '/nonexistent/partner-audit.yaml'], /cannot read/],
  ])('%j', async (args, message) => {
    await expect(run(registerPreflight, ['preflight', ...args])).rejects.toThrow(message);
  });
});

describe('partner-audit merge', () => {
  it('refuses a malformed --upload before reading anything', async () => {
    await expect(run(registerMerge, ['merge', 'out', 'a', '--upload', 'bucket/x'])).rejects.toThrow(/not an S3 location, expected s3:\/\/bucket\[\/prefix\]: "bucket\/x"/);
  });
});

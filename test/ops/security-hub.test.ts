import { BatchImportFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { RuntimeError } from '../../src/errors.js';
import { scannerPolicyDocument } from '../../src/policy/policy.js';
import type { AsffFinding } from '../../src/report/asff.js';
import { forImport, importFindings } from '../../src/storage/security-hub.js';

const hub = mockClient(SecurityHubClient);
afterEach(() => hub.reset());

const TARGET = { accountId: '401234567890', region: 'eu-west-1', partition: 'aws' };

function finding(i: number, accountId = '402345678901'): AsffFinding {
  return {
    SchemaVersion: '2018-10-08',
    Id: `partner-audit/f-${i}`,
    ProductArn: `arn:aws:securityhub:us-east-1:${accountId}:product/${accountId}/default`,
    GeneratorId: 'partner-audit/guardduty-enabled',
    AwsAccountId: accountId,
    ProductName: 'partner-audit',
    ProductFields: { 'partner-audit/Status': 'FAIL' },
  } as unknown as AsffFinding;
}

describe('--security-hub import', () => {
  it("carries the caller's default product ARN and account, and keeps the audited account in a product field", () => {
    const imported = forImport(finding(1), TARGET);
    expect(imported.ProductArn).toBe('arn:aws:securityhub:eu-west-1:401234567890:product/401234567890/default');
    expect(imported.AwsAccountId).toBe('401234567890');
    expect(imported.ProductFields).toEqual({ 'partner-audit/Status': 'FAIL', 'partner-audit/AuditedAccountId': '402345678901' });
  });

  it('sends at most 100 findings per call', async () => {
    hub.on(BatchImportFindingsCommand).callsFake((input: { Findings: unknown[] }) => ({ SuccessCount: input.Findings.length, FailedCount: 0, FailedFindings: [] }));
    const outcome = await importFindings(new SecurityHubClient({ region: 'eu-west-1' }), Array.from({ length: 250 }, (_, i) => finding(i)), TARGET);
    expect(outcome.imported).toBe(250);
    expect(hub.commandCalls(BatchImportFindingsCommand).map((c) => c.args[0].input.Findings!.length)).toEqual([100, 100, 50]);
  });

  it('imports the rest, then fails naming the refused findings', async () => {
    hub.on(BatchImportFindingsCommand).resolves({
      SuccessCount: 1,
      FailedCount: 1,
      FailedFindings: [{ Id: 'partner-audit/f-1', ErrorCode: 'InvalidInput', ErrorMessage: 'Finding size exceeded 240 KB.' }],
    });
    const run = importFindings(new SecurityHubClient({ region: 'eu-west-1' }), [finding(0), finding(1)], TARGET);
    await expect(run).rejects.toThrow(RuntimeError);
    await expect(run).rejects.toThrow('Security Hub refused 1 of 2 finding(s) (partner-audit/f-1: InvalidInput Finding size exceeded 240 KB.)');
  });

  it('a refused call names the account, region and the code', async () => {
    hub.on(BatchImportFindingsCommand).rejects(Object.assign(new Error('Account is not subscribed to AWS Security Hub'), { name: 'InvalidAccessException' }));
    await expect(importFindings(new SecurityHubClient({ region: 'eu-west-1' }), [finding(0)], TARGET)).rejects.toThrow(
      'Security Hub import into 401234567890 eu-west-1 failed after 0 finding(s): InvalidAccessException: Account is not subscribed to AWS Security Hub',
    );
  });

  it('the scanner policy names securityhub:BatchImportFindings only when asked', () => {
    const reads = { Version: '2012-10-17' as const, Statement: [] };
    const actions = (doc: ReturnType<typeof scannerPolicyDocument>) => doc.Statement.flatMap((s) => s.Action);
    expect(actions(scannerPolicyDocument(reads, 'PartnerAuditReadOnly'))).toEqual(['sts:AssumeRole']);
    expect(actions(scannerPolicyDocument(reads, 'PartnerAuditReadOnly', { securityHub: true }))).toEqual(['sts:AssumeRole', 'securityhub:BatchImportFindings']);
  });
});

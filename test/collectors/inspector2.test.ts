import { AccessDeniedException, BatchGetAccountStatusCommand, Inspector2Client, ListFindingsCommand } from '@aws-sdk/client-inspector2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { inspectorCriticalFindings, inspectorStatus } from '../../src/datasets/inspector2/datasets.js';
import { ACCOUNT_ID, collect, testContext } from './context.js';

const inspector = mockClient(Inspector2Client);
const state = (status: string) => ({ status: status as 'ENABLED', errorCode: 'ALREADY_ENABLED' as const, errorMessage: '' });

describe('inspector2.accountStatus and criticalFindings', () => {
  beforeEach(() => inspector.reset());

  it('reads scanning per resource type and the active critical findings', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves({
      accounts: [{ accountId: ACCOUNT_ID, state: state('ENABLED'), resourceState: { ec2: state('ENABLED'), ecr: state('DISABLED'), lambda: state('ENABLED') } }],
    });
    inspector.on(ListFindingsCommand).resolves({
      findings: [{ firstObservedAt: new Date('2026-09-01T00:00:00Z'), resources: [{ type: 'AWS_EC2_INSTANCE', id: 'i-1' }] }] as never,
    });
    const ctx = testContext();
    expect(await collect(inspectorStatus, ctx)).toEqual({ status: 'ENABLED', resources: { ec2: 'ENABLED', ecr: 'DISABLED', lambda: 'ENABLED' } });
    expect(await collect(inspectorCriticalFindings, ctx)).toEqual({
      enabled: true,
      findings: [{ firstObservedAt: '2026-09-01T00:00:00.000Z', resourceType: 'AWS_EC2_INSTANCE', resourceId: 'i-1' }],
    });
    expect(inspector.commandCalls(ListFindingsCommand)[0]!.args[0].input.filterCriteria).toEqual({
      severity: [{ comparison: 'EQUALS', value: 'CRITICAL' }],
      findingStatus: [{ comparison: 'EQUALS', value: 'ACTIVE' }],
    });
  });

  it('keeps a failed status report as data, and asks no findings where Inspector is off', async () => {
    inspector.on(BatchGetAccountStatusCommand).resolves({ accounts: [], failedAccounts: [{ accountId: ACCOUNT_ID, status: 'DISABLED', errorCode: 'RESOURCE_NOT_FOUND', errorMessage: 'x' }] });
    const ctx = testContext();
    expect(await collect(inspectorStatus, ctx)).toEqual({ status: 'DISABLED', resources: {}, errorCode: 'RESOURCE_NOT_FOUND' });
    expect(await collect(inspectorCriticalFindings, ctx)).toEqual({ enabled: false, findings: [] });
    expect(inspector.commandCalls(ListFindingsCommand)).toHaveLength(0);
  });

  it('lets a refused call propagate', async () => {
    inspector.on(BatchGetAccountStatusCommand).rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    await expect(collect(inspectorStatus, testContext())).rejects.toBeInstanceOf(AccessDeniedException);
  });
});

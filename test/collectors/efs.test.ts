import { DescribeBackupPolicyCommand, DescribeFileSystemsCommand, EFSClient } from '@aws-sdk/client-efs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { fileSystems } from '../../src/datasets/efs/datasets.js';
import { awsError, collect, testContext } from './context.js';

const efs = mockClient(EFSClient);
beforeEach(() => efs.reset());

const fs = (id: string, Encrypted = true) => ({ FileSystemId: id, FileSystemArn: `arn:${id}`, LifeCycleState: 'available' as const, Encrypted, OwnerId: '1', CreationToken: id, CreationTime: new Date(), NumberOfMountTargets: 1, SizeInBytes: { Value: 1 }, PerformanceMode: 'generalPurpose' as const, Tags: [] });

describe('efs.fileSystems', () => {
  it('reads each backup policy; PolicyNotFound means none, FileSystemNotFound drops the file system', async () => {
    efs.on(DescribeFileSystemsCommand).resolvesOnce({ FileSystems: [fs('fs-1')], NextMarker: 'n' }).resolvesOnce({ FileSystems: [fs('fs-2', false), fs('fs-3')] });
    efs.on(DescribeBackupPolicyCommand, { FileSystemId: 'fs-1' }).resolves({ BackupPolicy: { Status: 'ENABLED' } });
    efs.on(DescribeBackupPolicyCommand, { FileSystemId: 'fs-2' }).rejects(awsError('PolicyNotFound'));
    efs.on(DescribeBackupPolicyCommand, { FileSystemId: 'fs-3' }).rejects(awsError('FileSystemNotFound'));
    const evidence = await collect(fileSystems, testContext());
    expect(evidence.fileSystems.map((f) => [f.fileSystemId, f.encrypted, f.automaticBackups])).toEqual([
      ['fs-1', true, 'ENABLED'],
      ['fs-2', false, 'NOT_SET'],
    ]);
  });

  it('lets other errors propagate', async () => {
    efs.on(DescribeFileSystemsCommand).resolves({ FileSystems: [fs('fs-1')] });
    efs.on(DescribeBackupPolicyCommand).rejects(awsError('AccessDeniedException'));
    await expect(collect(fileSystems, testContext())).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

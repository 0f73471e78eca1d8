import type * as SdkEfs from '@aws-sdk/client-efs';
import type { FileSystemDescription } from '@aws-sdk/client-efs';
import { defineCollector } from '../../contract/collector.js';
import { collectPages, isErrorNamed, required } from '../sdk.js';
import { fileSystems, type FileSystemInfo } from './datasets.js';
import { sdkModule } from '../../aws/sdk-module.js';

const { DescribeBackupPolicyCommand, EFSClient, paginateDescribeFileSystems } = sdkModule<typeof SdkEfs>('@aws-sdk/client-efs');
type EFSClient = SdkEfs.EFSClient;

/**
 * PolicyNotFound is EFS's answer for a file system without a backup policy (automatic backups off),
 * for regional as well as One Zone file systems. FileSystemNotFound: deleted since the listing.
 */
async function automaticBackups(client: EFSClient, fileSystemId: string): Promise<string | undefined> {
  try {
    const out = await client.send(new DescribeBackupPolicyCommand({ FileSystemId: fileSystemId }));
    return required(out.BackupPolicy?.Status, 'BackupPolicy.Status');
  } catch (err) {
    if (isErrorNamed(err, 'PolicyNotFound')) return 'NOT_SET';
    if (isErrorNamed(err, 'FileSystemNotFound')) return undefined;
    throw err;
  }
}

async function toFileSystem(client: EFSClient, fs: FileSystemDescription): Promise<FileSystemInfo | undefined> {
  const fileSystemId = required(fs.FileSystemId, 'FileSystemId');
  const backups = await automaticBackups(client, fileSystemId);
  if (backups === undefined) return undefined;
  return {
    fileSystemId,
    arn: required(fs.FileSystemArn, 'FileSystemArn'),
    name: fs.Name,
    lifeCycleState: required(fs.LifeCycleState, 'LifeCycleState'),
    encrypted: fs.Encrypted ?? false,
    kmsKeyId: fs.KmsKeyId,
    availabilityZoneName: fs.AvailabilityZoneName,
    automaticBackups: backups,
  };
}

const collectFileSystems = defineCollector(fileSystems, async (ctx) => {
  const client = ctx.clients.get(EFSClient);
  const listed = await collectPages(paginateDescribeFileSystems({ client }, {}), (page) => page.FileSystems);
  const found = await Promise.all(listed.map((fs) => toFileSystem(client, fs)));
  return { fileSystems: found.filter((fs): fs is FileSystemInfo => fs !== undefined) };
});

export const COLLECTORS = [collectFileSystems];

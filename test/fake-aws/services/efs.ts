// EFS (restJson 1, signing name elasticfilesystem): file systems and their automatic-backup policy.
// A file system without one answers PolicyNotFound (404), as EFS does.

import { FakeAwsError } from '../errors.js';
import { optionalNumber, paginate } from '../params.js';
import { epochSeconds } from '../protocols/json.js';
import { restJson } from '../protocols/rest-json.js';
import { resolveWhen } from '../scenario.js';
import { defineService, type HandlerContext } from '../service.js';

export interface FileSystemSpec {
  id: string;
  encrypted?: boolean;
  /** Absent: no backup policy (PolicyNotFound). */
  backup?: 'ENABLED' | 'DISABLED';
}

declare module '../scenario.js' {
  interface RegionSpec {
    efs?: FileSystemSpec[];
  }
}

function describeFileSystems(ctx: HandlerContext): unknown {
  const page = paginate(ctx.regionSpec.efs ?? [], ctx.input.form.get('Marker'), optionalNumber(ctx.input.form.get('MaxItems')) ?? 100, 'BadRequest');
  return {
    FileSystems: page.items.map((fs) => ({
      OwnerId: ctx.account.id,
      CreationToken: fs.id,
      FileSystemId: fs.id,
      FileSystemArn: `arn:aws:elasticfilesystem:${ctx.region}:${ctx.account.id}:file-system/${fs.id}`,
      CreationTime: epochSeconds(resolveWhen('-300d', ctx.now)),
      LifeCycleState: 'available',
      NumberOfMountTargets: 2,
      SizeInBytes: { Value: 6144 },
      PerformanceMode: 'generalPurpose',
      Encrypted: fs.encrypted ?? true,
      ThroughputMode: 'elastic',
      Tags: [],
    })),
    NextMarker: page.nextToken,
  };
}

function describeBackupPolicy(ctx: HandlerContext): unknown {
  const id = ctx.input.pathParams.FileSystemId;
  const fs = (ctx.regionSpec.efs ?? []).find((f) => f.id === id);
  if (!fs) throw new FakeAwsError('FileSystemNotFound', 404, `File system '${id}' does not exist.`);
  if (!fs.backup) throw new FakeAwsError('PolicyNotFound', 404, `Backup policy for file system '${id}' does not exist.`);
  return { BackupPolicy: { Status: fs.backup } };
}

export const efs = defineService({
  signingName: 'elasticfilesystem',
  actionPrefix: 'elasticfilesystem',
  protocol: restJson,
  operations: {
    DescribeFileSystems: { http: 'GET /2015-02-01/file-systems', handler: describeFileSystems },
    DescribeBackupPolicy: { http: 'GET /2015-02-01/file-systems/{FileSystemId}/backup-policy', handler: describeBackupPolicy },
  },
});

// Amazon EFS datasets: the evidence shapes checks read and the declarations. The collectors that
// fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface FileSystemInfo {
  fileSystemId: string;
  arn: string;
  name?: string;
  lifeCycleState: string;
  encrypted: boolean;
  kmsKeyId?: string;
  /** Set for One Zone file systems. */
  availabilityZoneName?: string;
  /** The automatic-backup policy: ENABLED, ENABLING, DISABLED, DISABLING, or NOT_SET when the file system has none. */
  automaticBackups: string;
}

export interface FileSystemsEvidence {
  fileSystems: FileSystemInfo[];
}

export const fileSystems = defineDataset<FileSystemsEvidence>({
  id: 'efs.fileSystems',
  scope: 'regional',
  actions: ['elasticfilesystem:DescribeFileSystems', 'elasticfilesystem:DescribeBackupPolicy'],
});

import { fileSystems } from '../src/datasets/efs/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

const MESSAGES = {
  unencrypted: 'EFS file system {id}{name} stores its files unencrypted.',
  encrypted: 'EFS file system {id}{name} is encrypted at rest.',
  noFileSystems: 'No EFS file systems in {region}.',
} as const;

export default defineCheck({
  id: 'efs-file-systems-encrypted',
  title: 'EFS file systems are encrypted at rest',
  description: 'Reads the EFS file systems of each region. A file system created without encryption at rest fails; encrypted ones pass.',
  requirements: { 'ftr-partner-hosted': ['SDAT-002'] },
  severity: 'high',
  scope: 'region',
  uses: { fileSystems },
  remediation:
    'Encryption is chosen when a file system is created: create an encrypted one (`aws efs create-file-system --encrypted`), copy the data ' +
    'across (AWS DataSync or AWS Backup restore) and switch the mounts.',
  docsUrl: 'https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const all = input.data.fileSystems.fileSystems;
    if (all.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noFileSystems', resource: regionalArn(input, 'elasticfilesystem', 'file-system'), params: { region: input.region } }];
    return all.map((fs) => ({
      status: fs.encrypted ? 'PASS' : 'FAIL',
      messageId: fs.encrypted ? 'encrypted' : 'unencrypted',
      resource: fs.arn,
      params: { id: fs.fileSystemId, name: fs.name ? ` (${fs.name})` : '' },
      evidence: { fileSystem: fs },
    }));
  },
});

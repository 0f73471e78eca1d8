import check from '../../checks/efs-file-systems-encrypted.js';
import { fileSystem } from '../helpers/fixtures/network-area.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const filesystems = (...list: ReturnType<typeof fileSystem>[]) => input({ data: { fileSystems: { fileSystems: list } } });

runCheckCases(check, [
  {
    name: 'unencrypted: FAIL; encrypted: PASS',
    input: filesystems(fileSystem('fs-1', { encrypted: false, name: 'scratch' }), fileSystem('fs-2')),
    expected: [
      { status: 'FAIL', messageId: 'unencrypted', resource: fileSystem('fs-1').arn, params: { name: ' (scratch)' } },
      { status: 'PASS', messageId: 'encrypted', resource: fileSystem('fs-2').arn, params: { name: '' } },
    ],
  },
  {
    name: 'none: NOT_APPLICABLE',
    input: filesystems(),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noFileSystems', resource: 'arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system' }],
  },
]);

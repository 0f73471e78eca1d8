import check from '../../checks/ec2-volumes-encrypted.js';
import { attachedTo, volume } from '../helpers/fixtures/network-area.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const vols = (...volumes: ReturnType<typeof volume>[]) => input({ data: { volumes: { volumes } } });

runCheckCases(check, [
  {
    name: 'unencrypted in use: FAIL; unencrypted unattached: WARN; encrypted: PASS',
    input: vols(
      volume('vol-1', { encrypted: false, attachments: attachedTo('i-1') }),
      volume('vol-2', { encrypted: false, state: 'available' }),
      volume('vol-3', { kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k' }),
      volume('vol-4'),
    ),
    expected: [
      { status: 'FAIL', messageId: 'unencryptedInUse', resource: volume('vol-1').arn, params: { instances: 'i-1' } },
      { status: 'WARN', messageId: 'unencryptedUnattached', resource: volume('vol-2').arn },
      { status: 'PASS', messageId: 'encrypted', resource: volume('vol-3').arn, params: { key: ' with arn:aws:kms:eu-west-1:111122223333:key/k' } },
      { status: 'PASS', messageId: 'encrypted', resource: volume('vol-4').arn, params: { key: '' } },
    ],
  },
  {
    name: 'no volumes: NOT_APPLICABLE',
    input: vols(),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noVolumes', resource: 'arn:aws:ec2:eu-west-1:111122223333:volume' }],
  },
]);

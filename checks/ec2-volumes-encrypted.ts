import { volumes } from '../src/datasets/ec2/datasets.js';
import type { VolumeInfo } from '../src/datasets/ec2/datasets.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

const MESSAGES = {
  unencryptedInUse: 'Volume {id} is not encrypted and is attached to {instances}.',
  unencryptedUnattached: 'Volume {id} is not encrypted and is attached to nothing: encrypt a copy before use, or delete it.',
  encrypted: 'Volume {id} is encrypted{key}.',
  noVolumes: 'No EBS volumes in {region}.',
} as const;

type MessageId = keyof typeof MESSAGES;

function judge(volume: VolumeInfo): Outcome<MessageId> {
  const base = { resource: volume.arn, evidence: { volume } };
  const instances = volume.attachments.map((a) => a.instanceId);
  if (volume.encrypted) return { ...base, status: 'PASS', messageId: 'encrypted', params: { id: volume.volumeId, key: volume.kmsKeyId ? ` with ${volume.kmsKeyId}` : '' } };
  if (instances.length > 0) return { ...base, status: 'FAIL', messageId: 'unencryptedInUse', params: { id: volume.volumeId, instances: instances.join(', ') } };
  return { ...base, status: 'WARN', messageId: 'unencryptedUnattached', params: { id: volume.volumeId } };
}

export default defineCheck({
  id: 'ec2-volumes-encrypted',
  title: 'EBS volumes are encrypted at rest',
  description:
    'Reads every EBS volume of each region. An unencrypted volume attached to an instance fails: whatever the instance stores is on it. ' +
    'An unencrypted volume attached to nothing warns (it holds data but serves nothing). Encrypted volumes pass with their KMS key. ' +
    'Which stores hold sensitive data (SDAT-001) is attested.',
  requirements: { 'ftr-partner-hosted': ['SDAT-002'] },
  severity: 'high',
  scope: 'region',
  uses: { volumes },
  remediation:
    'EBS cannot encrypt a volume in place: snapshot it, copy the snapshot with encryption (`aws ec2 copy-snapshot --encrypted --kms-key-id <key>`), ' +
    'create a volume from the copy and swap it in; turn on encryption by default so new volumes are encrypted.',
  docsUrl: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const all = input.data.volumes.volumes;
    if (all.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noVolumes', resource: regionalArn(input, 'ec2', 'volume'), params: { region: input.region } }];
    return all.map(judge);
  },
});

import { ebsEncryptionByDefault } from '../src/datasets/ec2/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

const MESSAGES = {
  enabled: 'EBS encryption by default is on in {region} ({type}): every new volume is encrypted.',
  disabled: 'EBS encryption by default is off in {region}: a new volume is unencrypted unless whoever creates it asks.',
} as const;

export default defineCheck({
  id: 'ec2-ebs-encryption-by-default',
  title: 'New EBS volumes are encrypted by default in every region',
  description:
    'Reads the account\'s EBS encryption-by-default setting of each region (GetEbsEncryptionByDefault). Off warns: existing volumes are ' +
    'judged by ec2-volumes-encrypted, and the setting only protects volumes created later. On passes.',
  requirements: { 'ftr-partner-hosted': ['SDAT-002'] },
  severity: 'medium',
  scope: 'region',
  uses: { setting: ebsEncryptionByDefault },
  remediation: 'Turn it on in each region: `aws ec2 enable-ebs-encryption-by-default --region <region>` (optionally `modify-ebs-default-kms-key-id`).',
  docsUrl: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { enabled, sseType } = input.data.setting;
    const resource = regionalArn(input, 'ec2', 'ebs-encryption-by-default');
    const params = { region: input.region, type: sseType ?? 'encrypted' };
    return [enabled ? { status: 'PASS', messageId: 'enabled', resource, params, evidence: { ...input.data.setting } } : { status: 'WARN', messageId: 'disabled', resource, params, evidence: { ...input.data.setting } }];
  },
});

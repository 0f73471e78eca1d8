import { credentialReport } from '../src/datasets/iam/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';

export default defineCheck({
  id: 'iam-root-access-key-absent',
  title: 'The root user has no active access key',
  description:
    'Reads the root row of the IAM credential report (generated up to 4 hours before the scan; its time is kept as evidence). ' +
    'An active root access key fails; inactive keys do not count.',
  requirements: { 'smb-competency': ['IAM-002'], 'ftr-partner-hosted': ['ARC-004'] },
  severity: 'critical',
  scope: 'account',
  uses: { report: credentialReport },
  remediation:
    'Sign in as root, open Security credentials > Access keys, move anything that uses the key to role credentials, then deactivate and delete the key. ' +
    'In an organization, centralised root access lets the management account delete member root credentials.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
  messages: {
    noActiveKey: 'The root user has no active access key (credential report of {generatedAt}).',
    activeKey: 'The root user has {count} active access key(s) (slot {slots}; credential report of {generatedAt}).',
    rootMissing: 'The credential report of {generatedAt} has no root row, so root access keys could not be judged.',
  },
  evaluate: (input) => {
    const { report } = input.data;
    const root = report.entries.find((entry) => entry.isRoot);
    const resource = root?.arn ?? accountArn(input);
    const generatedAt = report.generatedAt;
    if (!root) return [{ status: 'ERROR', messageId: 'rootMissing', resource, params: { generatedAt }, evidence: { generatedAt } }];
    const active = root.keys.filter((key) => key.active);
    const evidence = { generatedAt, keys: root.keys };
    if (active.length === 0) return [{ status: 'PASS', messageId: 'noActiveKey', resource, params: { generatedAt }, evidence }];
    const params = { generatedAt, count: active.length, slots: active.map((k) => k.slot).join(', ') };
    return [{ status: 'FAIL', messageId: 'activeKey', resource, params, evidence }];
  },
});

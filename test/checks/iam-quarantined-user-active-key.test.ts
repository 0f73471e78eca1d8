import check from '../../checks/iam-quarantined-user-active-key.js';
import {
  accessKey,
  accessKeys,
  authorization,
  awsManagedRef,
  credentialReport,
  iamGroup,
  iamUser,
  reportEntry,
  rootEntry,
  userArn,
} from '../helpers/fixtures/iam.js';
import { ACCOUNT, accountInput } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const quarantined = iamUser('leaky', { attachedPolicies: [awsManagedRef('AWSCompromisedKeyQuarantineV3')] });
const key = accessKey('AKIAEXAMPLELEAKY0001', '2026-11-01T00:00:00.000Z');

runCheckCases(check, [
  {
    name: 'no quarantined users passes',
    input: accountInput({ data: { authorization: authorization({ users: [iamUser('deploy')] }), report: credentialReport(rootEntry()), keys: accessKeys({}) } }),
    expected: [{ status: 'PASS', messageId: 'noQuarantinedUsers', resource: `arn:aws:iam::${ACCOUNT}:root` }],
  },
  {
    name: 'a quarantined user that still has an active key fails',
    input: accountInput({
      data: { authorization: authorization({ users: [quarantined] }), report: credentialReport(reportEntry('leaky')), keys: accessKeys({ leaky: [key] }) },
    }),
    expected: [{ status: 'FAIL', messageId: 'activeKey', resource: userArn('leaky'), params: { keys: 'AKIAEXAMPLELEAKY0001', policies: 'AWSCompromisedKeyQuarantineV3' } }],
  },
  {
    name: 'quarantine through a group counts too',
    input: accountInput({
      data: {
        authorization: authorization({
          users: [iamUser('leaky', { groups: ['jail'] })],
          groups: [iamGroup('jail', { attachedPolicies: [awsManagedRef('AWSCompromisedKeyQuarantineV2')] })],
        }),
        report: credentialReport(reportEntry('leaky')),
        keys: accessKeys({ leaky: [key] }),
      },
    }),
    expected: [{ status: 'FAIL', messageId: 'activeKey', resource: userArn('leaky') }],
  },
  {
    name: 'a quarantined user without an active key in the report passes',
    input: accountInput({
      data: { authorization: authorization({ users: [quarantined] }), report: credentialReport(reportEntry('leaky', { activeKeys: 0 })), keys: accessKeys({}) },
    }),
    expected: [{ status: 'PASS', messageId: 'noActiveKey', resource: userArn('leaky') }],
  },
  {
    name: 'the key was deactivated after the report: the re-read wins',
    input: accountInput({
      data: {
        authorization: authorization({ users: [quarantined] }),
        report: credentialReport(reportEntry('leaky')),
        keys: accessKeys({ leaky: [accessKey('AKIAEXAMPLELEAKY0001', '2026-11-01T00:00:00.000Z', 'Inactive')] }),
      },
    }),
    expected: [{ status: 'PASS', messageId: 'noActiveKey', resource: userArn('leaky') }],
  },
  {
    name: 'the user was deleted after the report: no active key',
    input: accountInput({
      data: { authorization: authorization({ users: [quarantined] }), report: credentialReport(reportEntry('leaky')), keys: accessKeys({}, ['leaky']) },
    }),
    expected: [{ status: 'PASS', messageId: 'noActiveKey', resource: userArn('leaky') }],
  },
  {
    name: 'active in the report but not re-read: ERROR',
    input: accountInput({
      data: { authorization: authorization({ users: [quarantined] }), report: credentialReport(reportEntry('leaky')), keys: accessKeys({}) },
    }),
    expected: [{ status: 'ERROR', messageId: 'keysNotReRead', resource: userArn('leaky') }],
  },
]);

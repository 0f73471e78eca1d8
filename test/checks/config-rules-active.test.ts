import check from '../../checks/config-rules-active.js';
import { configRecorders, configRules, recorder, serviceLinkedRecorder } from '../helpers/fixtures/security.js';
import { ACCOUNT, input, REGION } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const resource = `arn:aws:config:${REGION}:${ACCOUNT}:config-rule`;
const recording = configRecorders([recorder()]);

runCheckCases(check, [
  {
    name: 'an ACTIVE rule passes',
    input: input({ data: { recorders: recording, rules: configRules({ rules: [['ebs-encrypted', 'ACTIVE'], ['old', 'DELETING']] }) } }),
    expected: [{ status: 'PASS', messageId: 'active', resource, params: { ruleCount: 1, packCount: 0, examples: 'ebs-encrypted' } }],
  },
  {
    name: 'rules EVALUATING or DELETING_RESULTS count as active',
    input: input({ data: { recorders: recording, rules: configRules({ rules: [['new-rule', 'EVALUATING'], ['purging', 'DELETING_RESULTS']] }) } }),
    expected: [{ status: 'PASS', messageId: 'active', resource, params: { ruleCount: 2, packCount: 0, examples: 'new-rule, purging' } }],
  },
  {
    name: 'a deployed conformance pack passes',
    input: input({ data: { recorders: recording, rules: configRules({ packs: [['guardrails', 'CREATE_COMPLETE']] }) } }),
    expected: [{ status: 'PASS', messageId: 'active', resource, params: { ruleCount: 0, packCount: 1 } }],
  },
  {
    name: 'only rules being deleted and a failed pack: fails',
    input: input({ data: { recorders: recording, rules: configRules({ rules: [['old', 'DELETING']], packs: [['broken', 'CREATE_FAILED']] }) } }),
    expected: [{ status: 'FAIL', messageId: 'noneActive', resource, params: { ruleTotal: 1, packTotal: 1 } }],
  },
  {
    name: 'no rules at all fails',
    input: input({ data: { recorders: recording, rules: configRules() } }),
    expected: [{ status: 'FAIL', messageId: 'noneActive', resource }],
  },
  {
    name: 'a region where no own recorder records is not applicable',
    input: input({ data: { recorders: configRecorders([serviceLinkedRecorder(), recorder({ recording: false })]), rules: configRules() } }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'notRecording', resource }],
  },
]);

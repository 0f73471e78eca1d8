import { configRecorders, configRules } from '../src/datasets/config/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';
import { recordingRecorder } from './lib/config-recorders.js';

// A deployed rule passes through EVALUATING and DELETING_RESULTS on its own; both still enforce it.
// https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRule.html (ConfigRuleState)
const ACTIVE_STATES = new Set(['ACTIVE', 'EVALUATING', 'DELETING_RESULTS']);

export default defineCheck({
  id: 'config-rules-active',
  title: 'AWS Config rules enforce guardrails in every recording region',
  description:
    'In each region where a Config recorder of the account is recording, lists the Config rules and conformance packs. ' +
    'The region passes when at least one rule is active (ACTIVE, or in the passing states EVALUATING and DELETING_RESULTS) or one ' +
    'conformance pack is deployed (CREATE_COMPLETE).',
  requirements: { 'smb-competency': ['SECOPS-009'] },
  severity: 'medium',
  scope: 'region',
  uses: { recorders: configRecorders, rules: configRules },
  remediation:
    'Deploy the guardrails you defined as Config rules or a conformance pack in every recording region, e.g. ' +
    '`aws configservice put-conformance-pack --conformance-pack-name guardrails --template-s3-uri s3://<bucket>/<template>.yaml --region <region>`, ' +
    'or Config console > Rules > Add rule.',
  docsUrl: 'https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config.html',
  messages: {
    active: 'In {region}, {ruleCount} Config rule(s) are active and {packCount} conformance pack(s) are deployed, e.g. {examples}.',
    noneActive: 'Config records in {region}, but no Config rule is active and no conformance pack is deployed ({ruleTotal} rule(s) and {packTotal} pack(s) found).',
    notRecording: 'No Config recorder of the account records in {region}, so rules there evaluate nothing (config-recorder-recording reports this).',
  },
  evaluate: (input) => {
    const resource = regionalArn(input, 'config', 'config-rule');
    if (!recordingRecorder(input.data.recorders)) {
      return [{ status: 'NOT_APPLICABLE', messageId: 'notRecording', resource, params: { region: input.region } }];
    }
    const { rules, conformancePacks } = input.data.rules;
    const active = rules.filter((rule) => ACTIVE_STATES.has(rule.state));
    const packs = conformancePacks.filter((pack) => pack.state === 'CREATE_COMPLETE');
    const evidence = { rules, conformancePacks };
    if (active.length + packs.length === 0) {
      const params = { region: input.region, ruleTotal: rules.length, packTotal: conformancePacks.length };
      return [{ status: 'FAIL', messageId: 'noneActive', resource, params, evidence }];
    }
    const examples = [...packs, ...active].slice(0, 3).map((item) => item.name).join(', ');
    const params = { region: input.region, ruleCount: active.length, packCount: packs.length, examples };
    return [{ status: 'PASS', messageId: 'active', resource, params, evidence }];
  },
});

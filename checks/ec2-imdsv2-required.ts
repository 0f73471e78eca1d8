import { ec2Instances } from '../src/datasets/ec2/datasets.js';
import type { Ec2Instance } from '../src/datasets/ec2/datasets.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

/** Instances that exist or can be started again; terminated and shutting-down ones are ignored. */
const LIVE_STATES = new Set(['pending', 'running', 'stopping', 'stopped']);

const MESSAGES = {
  tokensRequired: 'Instance {id} ({state}) requires IMDSv2 session tokens (HttpTokens=required).',
  endpointDisabled: 'Instance {id} ({state}) has its instance metadata endpoint disabled.',
  tokensOptional: 'Instance {id} ({state}) still answers IMDSv1 requests (HttpTokens={tokens}).',
  optionsMissing: 'The metadata options of instance {id} ({state}) were not reported, so IMDSv2 could not be judged.',
  noInstances: 'No pending, running, stopping or stopped instances in {region}.',
} as const;

function judge(instance: Ec2Instance): Outcome<keyof typeof MESSAGES> {
  const params = { id: instance.instanceId, state: instance.state, tokens: instance.httpTokens ?? 'not set' };
  const base = { resource: instance.arn, params, evidence: { instance } };
  if (instance.httpEndpoint === 'disabled') return { ...base, status: 'PASS', messageId: 'endpointDisabled' };
  if (instance.httpTokens === undefined) return { ...base, status: 'ERROR', messageId: 'optionsMissing' };
  if (instance.httpTokens === 'required') return { ...base, status: 'PASS', messageId: 'tokensRequired' };
  return { ...base, status: 'FAIL', messageId: 'tokensOptional' };
}

export default defineCheck({
  id: 'ec2-imdsv2-required',
  title: 'EC2 instances require IMDSv2 session tokens',
  description:
    'Reads the metadata options of every pending, running, stopping or stopped instance in each region. An instance passes when its ' +
    'metadata endpoint is disabled or HttpTokens is required; any other setting lets IMDSv1 requests through and fails.',
  requirements: { 'smb-competency': ['AWSAPI-004'] },
  severity: 'high',
  scope: 'region',
  uses: { instances: ec2Instances },
  remediation:
    'Require tokens on each instance: `aws ec2 modify-instance-metadata-options --instance-id <id> --http-tokens required --http-endpoint enabled`, ' +
    'and make it the default for new instances with `aws ec2 modify-instance-metadata-defaults --http-tokens required`. Check first that the software uses an AWS SDK released after November 2019.',
  docsUrl: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const live = input.data.instances.instances.filter((i) => LIVE_STATES.has(i.state));
    if (live.length === 0) {
      return [{ status: 'NOT_APPLICABLE', messageId: 'noInstances', resource: regionalArn(input, 'ec2', 'instance'), params: { region: input.region } }];
    }
    return live.map(judge);
  },
});

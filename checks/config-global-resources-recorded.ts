import { configRecorders } from '../src/datasets/config/datasets.js';
import type { ConfigRecorder } from '../src/datasets/config/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';
import { customerRecorders, isRecording } from './lib/config-recorders.js';

const IAM_TYPES = ['AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::Policy'];

/**
 * IAM users, groups, roles and policies are global: one region must record them, through
 * includeGlobalResourceTypes, by listing them, or by an exclusion strategy that leaves them in.
 */
function recordsGlobalTypes(recorder: ConfigRecorder): boolean {
  if (!isRecording(recorder)) return false;
  if (recorder.recordingStrategy === 'EXCLUSION_BY_RESOURCE_TYPES') {
    return IAM_TYPES.some((type) => !(recorder.excludedResourceTypes ?? []).includes(type));
  }
  return (recorder.allSupported && recorder.includeGlobalResourceTypes) || recorder.resourceTypes.some((type) => IAM_TYPES.includes(type));
}

/** Region answers that are about the region, not a fault of the scan. */
const REGION_ANSWERS = new Set(['scp-denied', 'region-disabled']);

export default defineCheck({
  id: 'config-global-resources-recorded',
  title: 'AWS Config records global IAM resources in one region',
  description:
    'Across the regions in scope, looks for a recording Config recorder of the account that includes global resource types ' +
    '(IAM users, groups, roles and policies): through includeGlobalResourceTypes, by listing those types, or by an exclusion strategy that leaves them in. ' +
    'Advisory: guardrails on IAM resources need them recorded somewhere.',
  requirements: { 'smb-competency': ['SECOPS-009'] },
  severity: 'low',
  scope: 'account',
  uses: { recorders: configRecorders },
  remediation:
    'Record global resource types in exactly one region (usually the home region): Config console > Settings > Edit > ' +
    '"Include globally recorded IAM resource types", or `aws configservice put-configuration-recorder` with includeGlobalResourceTypes=true.',
  docsUrl: 'https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html',
  messages: {
    recorded: 'Config records global IAM resource types in {regions}.',
    notRecorded: 'No recording Config recorder includes global IAM resource types in any of the {count} region(s) scanned.',
    unknown: 'No region read so far records global IAM resource types, and the recorders of {failed} could not be read.',
  },
  evaluate: (input) => {
    const resource = accountArn(input);
    const views = Object.entries(input.data.recorders);
    const recording = views
      .filter(([, view]) => view.ok && customerRecorders(view.data).some(recordsGlobalTypes))
      .map(([region]) => region);
    const failed = views
      .filter(([, view]) => !view.ok && !REGION_ANSWERS.has(view.error.kind))
      .map(([region, view]) => ({ region, error: view.ok ? undefined : view.error }));
    const evidence = { recordingRegions: recording, failedRegions: failed };
    if (recording.length > 0) {
      return [{ status: 'PASS', messageId: 'recorded', resource, advisory: true, params: { regions: recording.join(', ') }, evidence }];
    }
    if (failed.length > 0) {
      const params = { failed: failed.map((f) => `${f.region} (${f.error?.code})`).join(', ') };
      return [{ status: 'ERROR', messageId: 'unknown', resource, advisory: true, params, evidence }];
    }
    const count = views.filter(([, view]) => view.ok).length;
    return [{ status: 'WARN', messageId: 'notRecorded', resource, advisory: true, params: { count }, evidence }];
  },
});

import { configRecorders } from '../src/datasets/config/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';
import { customerRecorders } from './lib/config-recorders.js';

export default defineCheck({
  id: 'config-recorder-recording',
  title: 'An AWS Config recorder records in every region',
  description:
    'Reads the configuration recorders of each region and their status. The region passes when a recorder the account owns ' +
    '(service-linked recorders do not count) is recording and its last status is not Failure.',
  requirements: { 'smb-competency': ['SECOPS-009'] },
  severity: 'high',
  scope: 'region',
  uses: { recorders: configRecorders },
  remediation:
    'Set up AWS Config in every region (Config console > Settings > Recording, or the Control Tower / organization conformance setup), ' +
    'then `aws configservice start-configuration-recorder --configuration-recorder-name <name> --region <region>`. ' +
    'If the last status is Failure, check the recorder role and the delivery channel bucket permissions.',
  docsUrl: 'https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html',
  messages: {
    recording: 'Config recorder {name} is recording in {region} (last status {lastStatus}).',
    stopped: 'Config recorder {name} in {region} is not recording.',
    lastFailed: 'Config recorder {name} in {region} is switched on but its last recording attempt failed (last status {lastStatus}).',
    noRecorder: 'No AWS Config recorder owned by the account exists in {region}{serviceLinkedNote}.',
  },
  evaluate: (input) => {
    const { recorders } = input.data;
    const own = customerRecorders(recorders);
    if (own.length === 0) {
      const serviceLinked = recorders.recorders.map((r) => r.name);
      const serviceLinkedNote = serviceLinked.length ? ` (service-linked recorders ${serviceLinked.join(', ')} do not count)` : '';
      return [{
        status: 'FAIL',
        messageId: 'noRecorder',
        resource: regionalArn(input, 'config', 'configuration-recorder'),
        params: { region: input.region, serviceLinkedNote },
        evidence: { recorders: recorders.recorders },
      }];
    }
    return own.map((recorder) => {
      const lastStatus = recorder.lastStatus ?? 'not reported';
      const messageId = !recorder.recording ? 'stopped' : lastStatus.toLowerCase() === 'failure' ? 'lastFailed' : 'recording';
      return {
        status: messageId === 'recording' ? 'PASS' : 'FAIL',
        messageId,
        resource: recorder.arn ?? regionalArn(input, 'config', `configuration-recorder/${recorder.name}`),
        params: { region: input.region, name: recorder.name, lastStatus },
        evidence: { recorder },
      };
    });
  },
});

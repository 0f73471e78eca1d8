// Which AWS Config recorders count as the partner's guardrail, and whether they record.

import type { ConfigRecorder, ConfigRecordersEvidence } from '../../src/datasets/config/datasets.js';

/** Service-linked recorders (with a service principal) belong to another AWS service. */
export function customerRecorders(evidence: ConfigRecordersEvidence): ConfigRecorder[] {
  return evidence.recorders.filter((recorder) => recorder.servicePrincipal === undefined);
}

/** Recording, and the last recording attempt did not fail (`NotApplicable` and `Pending` are fine). */
export function isRecording(recorder: ConfigRecorder): boolean {
  return recorder.recording && recorder.lastStatus?.toLowerCase() !== 'failure';
}

export function recordingRecorder(evidence: ConfigRecordersEvidence): ConfigRecorder | undefined {
  return customerRecorders(evidence).find(isRecording);
}

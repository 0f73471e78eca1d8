// CloudWatch cross-account observability (Observability Access Manager) datasets: the links that
// share this account's telemetry with a monitoring account, and the sinks that make it one. The
// collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface OamEvidence {
  /** False where the service has no endpoint. */
  available: boolean;
  /** Links to monitoring-account sinks; the sink's ARN names the monitoring account. */
  links: { arn: string; label?: string; sinkArn: string; resourceTypes: string[] }[];
  /** Sinks in this account: it is a monitoring account. */
  sinks: { arn: string; name?: string }[];
}

export const oamLinks = defineDataset<OamEvidence>({
  id: 'oam.links',
  scope: 'regional',
  actions: ['oam:ListLinks', 'oam:ListSinks'],
});

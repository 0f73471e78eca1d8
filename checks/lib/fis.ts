// Whether a FIS experiment impaired an Availability Zone (FTR RES-004). Some actions are zonal by
// nature; others count when a target or the action itself is limited to a zone, as the "AZ
// Availability: Power Interruption" scenario does
// (https://docs.aws.amazon.com/fis/latest/userguide/az-availability-scenario.html).

import type { ExperimentInfo } from '../../src/datasets/fis/datasets.js';

/** Actions that act on one Availability Zone whatever their targets. */
const ZONAL_ACTIONS = new Set([
  'aws:ec2:api-insufficient-instance-capacity-error',
  'aws:ec2:asg-insufficient-instance-capacity-error',
  'aws:elasticache:interrupt-cluster-az-power',
  'aws:elasticache:replicationgroup-interrupt-az-power',
  'aws:arc:start-zonal-autoshift',
]);

/** Target filter paths and parameters that pin resources or the fault to zones. */
const ZONE_FILTER = /availabilityzone/i;
const ZONE_PARAMETER = /^availabilityZoneIdentifiers?$/;

/** The action IDs of the experiment that impaired one zone; empty when none did. */
export function zonalActions(experiment: ExperimentInfo): string[] {
  const zonalTargets = new Set(
    experiment.targets
      .filter((t) => t.filters.some((f) => ZONE_FILTER.test(f.path)) || Object.keys(t.parameters).some((k) => ZONE_PARAMETER.test(k)))
      .map((t) => t.name),
  );
  return experiment.actions
    .filter(
      (a) =>
        ZONAL_ACTIONS.has(a.actionId) ||
        Object.keys(a.parameters).some((k) => ZONE_PARAMETER.test(k)) ||
        Object.values(a.targets).some((target) => zonalTargets.has(target)),
    )
    .map((a) => a.actionId);
}

// Whether a requirement applies to this scan: to its deployment model, and, for requirements that
// apply only in some setups (`onlyWhen`), to what the partner's config says. A check mapped only to
// requirements whose setup is absent is switched off: the plan collects nothing for it and the
// engine does not run it, so a flag such as settings.ftr.crossAccountAccess also keeps its API calls
// (CloudTrail LookupEvents) out of the scan.

import type { AnyCheck } from '../contract/check.js';
import type { Requirement, RequirementCondition } from '../contract/checklists/types.js';
import type { DeploymentModel } from '../contract/results.js';
import type { CheckSettings } from '../contract/settings.js';
import { findRequirement, listChecklists } from './index.js';
import { APPLIES_TO_LABEL } from './labels.js';

const CONDITIONS: Record<RequirementCondition, { holds: (settings: CheckSettings) => boolean; unmet: string }> = {
  crossAccountAccess: {
    holds: (settings) => settings.ftr.crossAccountAccess,
    unmet: 'applies only when the product calls customer accounts, and settings.ftr.crossAccountAccess is not true',
  },
};

export type Applicability = { applies: true } | { applies: false; reason: string };

function conditionHolds(requirement: Requirement, settings: CheckSettings | undefined): boolean {
  return requirement.onlyWhen === undefined || settings === undefined || CONDITIONS[requirement.onlyWhen].holds(settings);
}

/** Without settings only the deployment model is judged (the setup was settled where they were known). */
export function applicabilityOf(requirement: Requirement, deploymentModel: DeploymentModel, settings: CheckSettings | undefined): Applicability {
  if (!requirement.appliesTo.includes(deploymentModel)) {
    const to = requirement.appliesTo.map((m) => APPLIES_TO_LABEL[m]).join(' and ');
    return { applies: false, reason: `applies to ${to} only; this scan is for ${APPLIES_TO_LABEL[deploymentModel]}` };
  }
  if (!conditionHolds(requirement, settings)) return { applies: false, reason: CONDITIONS[requirement.onlyWhen!].unmet };
  return { applies: true };
}

/** True when every requirement the check maps to, in any checklist, applies only in a setup the settings leave out. */
export function isSwitchedOff(check: AnyCheck, settings: CheckSettings): boolean {
  const requirements = Object.entries(check.requirements).flatMap(([checklistId, ids]) =>
    listChecklists()
      .filter((list) => list.id === checklistId)
      .flatMap((list) => (ids ?? []).map((id) => findRequirement(list, id)))
      .filter((r): r is Requirement => r !== undefined),
  );
  return requirements.length > 0 && requirements.every((r) => !conditionHolds(r, settings));
}

/** The checks the settings leave switched on. */
export function checksToRun(checks: readonly AnyCheck[], settings: CheckSettings): AnyCheck[] {
  return checks.filter((check) => !isSwitchedOff(check, settings));
}

// Who the credential report shows as people: able to sign in to the console, or named as people in
// settings; every other IAM user with a key is a service user.

import type { CredentialReportEntry, CredentialReportEvidence } from '../../src/datasets/iam/datasets.js';
import type { CheckSettings } from '../../src/contract/settings.js';

/** IAM users with a console password (root aside: it is judged on its own). */
export function consoleUsers(report: CredentialReportEvidence): CredentialReportEntry[] {
  return report.entries.filter((entry) => !entry.isRoot && entry.passwordEnabled === true);
}

/** Why the user counts as a person (an interactive user); `undefined` for a service user. */
export function interactiveReason(entry: CredentialReportEntry, settings: CheckSettings): string | undefined {
  if (entry.passwordEnabled === true) return 'console password';
  if (settings.iam.interactiveUsers.includes(entry.user)) return 'listed in iam.interactiveUsers';
  return undefined;
}

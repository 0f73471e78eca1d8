// Who the credential report shows as able to sign in to the console.

import type { CredentialReportEntry, CredentialReportEvidence } from '../../src/datasets/iam/datasets.js';

/** IAM users with a console password (root aside: it is judged on its own). */
export function consoleUsers(report: CredentialReportEvidence): CredentialReportEntry[] {
  return report.entries.filter((entry) => !entry.isRoot && entry.passwordEnabled === true);
}

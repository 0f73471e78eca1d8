// Access keys as they are now: the credential report picks the users, ListAccessKeys re-reads them.

import type { AccessKeyMetadata, AccessKeysEvidence, CredentialReportEntry } from '../../src/datasets/iam/datasets.js';

export function hasActiveKeyInReport(entry: CredentialReportEntry): boolean {
  return entry.keys.some((key) => key.active);
}

/** The user's active keys per ListAccessKeys; `undefined` when the user was not re-read. */
export function currentActiveKeys(userName: string, evidence: AccessKeysEvidence): AccessKeyMetadata[] | undefined {
  return evidence.users.find((u) => u.userName === userName)?.keys.filter((key) => key.status === 'Active');
}

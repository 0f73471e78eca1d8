// IAM Access Analyzer datasets: the evidence shapes checks read and the declarations of the datasets.
// The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export const EXTERNAL_ACCESS_TYPES = ['ACCOUNT', 'ORGANIZATION'] as const;
export const UNUSED_ACCESS_TYPES = ['ACCOUNT_UNUSED_ACCESS', 'ORGANIZATION_UNUSED_ACCESS'] as const;

export interface AccessAnalyzer {
  arn: string;
  name: string;
  /** ACCOUNT, ORGANIZATION (external access), ACCOUNT_UNUSED_ACCESS, ORGANIZATION_UNUSED_ACCESS, or an internal-access type. */
  type: string;
  /** ACTIVE, CREATING, DISABLED or FAILED; findings are read only from ACTIVE analyzers. */
  status: string;
  /** External-access analyzers: ARNs of the IAM roles with an active finding (an organization analyzer names roles of every member). */
  rolesWithExternalAccess?: string[];
  /** Unused-access analyzers: active findings counted by finding type (UnusedIAMRole, UnusedPermission, ...). */
  activeUnusedFindings?: Record<string, number>;
}

/** The region's analyzers; none when Access Analyzer is not set up there. */
export interface AccessAnalyzersEvidence {
  analyzers: AccessAnalyzer[];
}

export const accessAnalyzers = defineDataset<AccessAnalyzersEvidence>({
  id: 'accessanalyzer.analyzers',
  scope: 'regional',
  actions: ['access-analyzer:ListAnalyzers', 'access-analyzer:ListFindings'],
  // ListFindingsV2 is authorized by access-analyzer:ListFindings.
  // https://docs.aws.amazon.com/access-analyzer/latest/APIReference/API_ListFindingsV2.html
  operations: { ListFindingsV2: 'access-analyzer:ListFindings' },
});

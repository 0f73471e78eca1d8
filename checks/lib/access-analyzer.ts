// What IAM Access Analyzer adds as evidence to the identity checks, read across the regions in scope.

import type { PerRegion } from '../../src/contract/check.js';
import { EXTERNAL_ACCESS_TYPES, UNUSED_ACCESS_TYPES, type AccessAnalyzersEvidence } from '../../src/datasets/accessanalyzer/datasets.js';

export interface UnusedAccessSummary {
  /** In words, for a message. */
  summary: string;
  analyzers: { region: string; name: string; type: string; status: string; activeFindings: Record<string, number> }[];
  /** Regions whose analyzers could not be read, with the error code. */
  unreadable: Record<string, string>;
}

export interface ExternalAccessRoles {
  /** Role ARN of this account → regions whose external-access analyzer reports it. */
  roles: Record<string, string[]>;
  /** Whether any region has an active external-access analyzer. */
  analyzed: boolean;
  unreadable: Record<string, string>;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);

export function unusedAccess(views: PerRegion<AccessAnalyzersEvidence>): UnusedAccessSummary {
  const analyzers: UnusedAccessSummary['analyzers'] = [];
  const unreadable: Record<string, string> = {};
  for (const [region, view] of Object.entries(views)) {
    if (!view.ok) unreadable[region] = view.error.code;
    else for (const a of view.data.analyzers.filter((x) => (UNUSED_ACCESS_TYPES as readonly string[]).includes(x.type))) {
      analyzers.push({ region, name: a.name, type: a.type, status: a.status, activeFindings: a.activeUnusedFindings ?? {} });
    }
  }
  const summary =
    analyzers.length === 0
      ? 'no unused-access analyzer in the regions scanned'
      : `unused-access analyzer(s) ${analyzers.map((a) => `${a.name} (${a.region}, ${a.status}, ${total(a.activeFindings)} active finding(s))`).join(', ')}`;
  return { summary, analyzers, unreadable };
}

export function externalAccessRoles(views: PerRegion<AccessAnalyzersEvidence>, accountId: string): ExternalAccessRoles {
  const roles: Record<string, string[]> = {};
  const unreadable: Record<string, string> = {};
  let analyzed = false;
  for (const [region, view] of Object.entries(views)) {
    if (!view.ok) {
      unreadable[region] = view.error.code;
      continue;
    }
    for (const a of view.data.analyzers.filter((x) => (EXTERNAL_ACCESS_TYPES as readonly string[]).includes(x.type) && x.status === 'ACTIVE')) {
      analyzed = true;
      for (const arn of (a.rolesWithExternalAccess ?? []).filter((r) => r.split(':')[4] === accountId)) roles[arn] = [...(roles[arn] ?? []), region];
    }
  }
  return { roles, analyzed, unreadable };
}

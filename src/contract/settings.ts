// Settings that reach checks (thresholds a partner may tune, the config file's `settings:`) and
// collectors (how the scan runs). The config schema (src/config) builds both from the file and flags.

import { z } from 'zod';

const cidr = z
  .string()
  .regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$|^[0-9a-fA-F:]+\/\d{1,3}$/, 'must be a CIDR such as 203.0.113.0/24');

export const checkSettingsSchema = z
  .object({
    iam: z
      .object({
        /** Users treated as humans even without console access (e.g. CLI-only engineers). */
        interactiveUsers: z.array(z.string()).default([]),
        /** The checklist asks for weekly rotation; one day of grace is added. */
        maxServiceKeyAgeDays: z.number().int().positive().default(7),
        /** IP ranges the partner owns; the IP-restricting Deny must stay within them. */
        partnerCidrs: z.array(cidr).default([]),
      })
      .strict()
      .prefault({}),
    acm: z
      .object({
        minDaysToExpiry: z.number().int().nonnegative().default(30),
      })
      .strict()
      .prefault({}),
    ossec: z
      .object({
        /** Images of running instances older than this are stale (hardened-image check). */
        maxAmiAgeDays: z.number().int().positive().default(90),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type CheckSettings = z.infer<typeof checkSettingsSchema>;

/** What the scanner and collectors need at run time, resolved from config and flags. */
export interface ScanSettings {
  roleName: string;
  externalId?: string;
  profile?: string;
  regions?: string[];
  /**
   * Where account-wide calls go that no service pins (ec2:DescribeRegions), tried in order until one
   * answers: the SDK's configured region, then the --regions entries. Never assumed to be us-east-1,
   * which EU-only landing zones close.
   */
  homeRegions: string[];
  concurrency: { accounts: number; requestsInFlight: number; perService: number };
  retry: { mode: 'standard' | 'adaptive'; maxAttempts: number };
  timeouts: { connectMs: number; requestMs: number };
  /** Identifies the run in role session names and CloudTrail. */
  runId: string;
}

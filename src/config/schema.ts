// The config file's schema (zod): one source for validation, defaults and types.

import { z } from 'zod';
import { checkSettingsSchema } from '../contract/settings.js';

export const ACCOUNT_ID = /^\d{12}$/;
const accountId = z.string().regex(ACCOUNT_ID, 'must be a 12-digit AWS account ID');
const region = z.string().regex(/^[a-z]{2,4}(-[a-z]+)+-\d+$/, 'must be an AWS region name such as eu-west-1');
const tagFilter = z.record(z.string(), z.string());

export const configSchema = z
  .object({
    checklist: z.string().default('smb-competency'),
    deploymentModel: z.enum(['saas', 'customer-deployed']).default('saas'),
    accounts: z.array(accountId).optional(),
    organization: z
      .object({
        enabled: z.boolean().default(false),
        includeAccounts: z.array(accountId).default([]),
        excludeAccounts: z.array(accountId).default([]),
        /** Only accounts carrying every one of these tags. */
        includeTags: tagFilter.default({}),
        /** Skip accounts carrying any one of these tags. */
        excludeTags: tagFilter.default({}),
      })
      .strict()
      .prefault({}),
    roleName: z.string().min(1).default('PartnerAuditReadOnly'),
    externalId: z.string().min(2).optional(),
    profile: z.string().optional(),
    regions: z.array(region).optional(),
    concurrency: z
      .object({
        accounts: z.number().int().min(1).max(256).default(8),
        requestsInFlight: z.number().int().min(1).max(1024).default(64),
        perService: z.number().int().min(1).max(64).default(4),
      })
      .strict()
      .prefault({}),
    retry: z
      .object({
        mode: z.enum(['standard', 'adaptive']).default('standard'),
        maxAttempts: z.number().int().min(1).max(20).default(8),
      })
      .strict()
      .prefault({}),
    timeouts: z
      .object({
        connectMs: z.number().int().positive().default(5_000),
        requestMs: z.number().int().positive().default(30_000),
      })
      .strict()
      .prefault({}),
    attestations: z.string().optional(),
    settings: checkSettingsSchema.prefault({}),
  })
  .strict();

export type PartnerAuditConfig = z.infer<typeof configSchema>;

/** What the scanner and collectors need at run time, resolved from config and flags. */
export interface ScanSettings {
  roleName: string;
  externalId?: string;
  profile?: string;
  regions?: string[];
  concurrency: PartnerAuditConfig['concurrency'];
  retry: PartnerAuditConfig['retry'];
  timeouts: PartnerAuditConfig['timeouts'];
  /** Identifies the run in role session names and CloudTrail. */
  runId: string;
}

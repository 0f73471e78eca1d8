// The config file's schema (zod): one source for validation, defaults and types.

import { z } from '../vendor/zod.js';
import { ACCOUNT_ID } from '../contract/identifiers.js';
import { checkSettingsSchema, companySchema, DEFAULT_STALL_MS, type CheckSettings } from '../contract/settings.js';

const accountId = z.string().regex(ACCOUNT_ID, 'must be a 12-digit AWS account ID');
const region = z.string().regex(/^[a-z]{2,4}(-[a-z]+)+-\d+$/, 'must be an AWS region name such as eu-west-1');
const tagFilter = z.record(z.string(), z.string());

export const configSchema = z
  .object({
    /** One checklist, or several judged from one collection (the first is the run's primary). */
    checklist: z.union([z.string(), z.array(z.string()).min(1)]).default('smb-competency'),
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
    // STS's own bounds for an ExternalId, so a bad one fails here rather than on every AssumeRole.
    externalId: z
      .string()
      .min(2, { error: 'must be 2 to 1,224 characters' })
      .max(1224, { error: 'must be 2 to 1,224 characters' })
      .regex(/^[\w+=,.@:/-]*$/, { error: 'may hold only letters, digits and + = , . @ : / _ -' })
      .optional(),
    profile: z.string().optional(),
    regions: z.array(region).optional(),
    concurrency: z
      .object({
        /** `auto`: as many as the in-flight cap keeps busy (src/collect/account-scheduler.ts); a number caps it. */
        accounts: z.union([z.literal('auto'), z.number().int().min(1).max(256)], { error: 'expected auto or a whole number from 1 to 256' }).default('auto'),
        /** New accounts started per second at most: each is an sts:AssumeRole against the caller account's STS rate quota. */
        accountStartsPerSecond: z.number().positive().max(100).default(10),
        // 96, not 64: with 64 the scan's event loop idled a tenth of the collection with every slot
        // waiting on the network (docs/performance.md, 2026-12-05).
        requestsInFlight: z.number().int().min(1).max(1024).default(96),
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
        stallMs: z.number().int().min(1_000).default(DEFAULT_STALL_MS),
      })
      .strict()
      .prefault({}),
    /** Where the checklist's controls are judged; findings elsewhere are kept as advisory. */
    production: z
      .object({
        accounts: z.array(accountId).default([]),
        /** An account carrying every one of these Organizations tags is production. */
        accountTags: tagFilter.default({}),
        regions: z.array(region).default([]),
      })
      .strict()
      .optional(),
    /** One file or a list: requirement statements per checklist, and accepted exceptions. */
    attestations: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(z.string().min(1))).optional(),
    company: companySchema,
    settings: checkSettingsSchema.omit({ company: true }).prefault({}),
  })
  .strict();

export type PartnerAuditConfig = z.infer<typeof configSchema>;

/** What checks are given: the file's `settings:` thresholds and its `company:` facts. */
export function checkSettingsOf(config: PartnerAuditConfig): CheckSettings {
  return { ...config.settings, company: config.company };
}

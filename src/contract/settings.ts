// Settings that reach checks (thresholds a partner may tune, the config file's `settings:`) and
// collectors (how the scan runs). The config schema (src/config) builds both from the file and flags.

import { z } from '../vendor/zod.js';

const cidr = z
  .string()
  .regex(/^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$|^[0-9a-fA-F:]+\/\d{1,3}$/, 'must be a CIDR such as 203.0.113.0/24');
const days = (fallback: number) => z.number().int().positive().default(fallback);
const emailDomain = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, 'must be a domain such as example.com')
  .transform((domain) => domain.toLowerCase());

/** Facts about the partner's company that checks compare evidence with (the config file's top-level `company:`). */
export const companySchema = z
  .object({
    /** The company's email domains (subdomains included); any other domain on an account contact fails. Empty: only free-mail fails. */
    emailDomains: z.array(emailDomain).default([]),
  })
  .strict()
  .prefault({});

export type CompanySettings = z.infer<typeof companySchema>;

/** An IAM role or user ARN (a principal the partner's product acts as). */
const principalArn = z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:(role|user)\/.+$/, 'must be an IAM role or user ARN such as arn:aws:iam::123456789012:role/product');

/**
 * The customer role template as checks read it (src/config/role-template.ts loads it): each policy it
 * grants, as a normalized policy document, and the managed policies it attaches.
 */
export const loadedRoleTemplateSchema = z
  .object({
    file: z.string(),
    /** SHA-256 of the file as read, so the evidence names the exact version judged. */
    sha256: z.string(),
    policies: z.array(z.object({ source: z.string(), document: z.unknown() })),
    managedPolicyArns: z.array(z.object({ source: z.string(), arn: z.string() })),
  })
  .strict();

export type LoadedRoleTemplate = z.infer<typeof loadedRoleTemplateSchema>;

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
        maxAmiAgeDays: days(90),
      })
      .strict()
      .prefault({}),
    iac: z
      .object({
        /** Tags that mark a resource as managed by infrastructure as code: `Key` (any value) or `Key=Value`; CloudFormation's own tag always counts. */
        tagKeys: z.array(z.string().regex(/^[^=]+(=.*)?$/, 'must be Key or Key=Value, such as ManagedBy=terraform')).default([]),
        /** Below this share of managed resources in a region, the region warns. */
        minManagedShare: z.number().min(0).max(1).default(0.9),
      })
      .strict()
      .prefault({}),
    ftr: z
      .object({
        /** Open critical Inspector findings first seen longer ago than this warn (vulnerability management). */
        criticalFindingMaxAgeDays: days(30),
        /** The product calls customer accounts: the cross-account (CAA) requirements apply. */
        crossAccountAccess: z.boolean().default(false),
        /** The IAM roles or users the product assumes customer roles with. */
        productPrincipals: z.array(principalArn).default([]),
        /**
         * The CloudFormation template or policy customers deploy to create the role: a path
         * in the config file, relative to it; loading the config reads it into the loaded form.
         */
        customerRoleTemplate: z.union([z.string().min(1), loadedRoleTemplateSchema]).optional(),
        /** Root password use within this many days warns: attest it was a root-only task. */
        rootUseWindowDays: days(90),
        /** Active access keys older than this are judged. */
        maxKeyAgeDays: days(90),
        /** Console passwords, and old access keys, unused this long are stale. */
        staleIdentityDays: days(90),
        /** Roles unused this long are stale. */
        staleRoleDays: days(180),
      })
      .strict()
      .prefault({}),
    /** Not under the file's `settings:`: the config schema fills it from the top-level `company:`. */
    company: companySchema,
  })
  .strict();

export type CheckSettings = z.infer<typeof checkSettingsSchema>;

/** No response from an endpoint host for this long, while calls wait on it, declares it stalled. */
export const DEFAULT_STALL_MS = 45_000;

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
  concurrency: { accounts: number | 'auto'; accountStartsPerSecond: number; requestsInFlight: number; perService: number };
  retry: { mode: 'standard' | 'adaptive'; maxAttempts: number };
  /** Connect and per-request timeouts; `stallMs`: no response from an endpoint for this long declares it stalled. */
  timeouts: { connectMs: number; requestMs: number; stallMs?: number };
  /** Identifies the run in role session names and CloudTrail. */
  runId: string;
}

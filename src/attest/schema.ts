// The attestations file: what the partner states about requirements a scanner cannot (fully) see,
// and the exceptions it accepts for single findings.

import { z } from '../vendor/zod.js';

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be an ISO date such as 2026-03-31',
});

const nonEmpty = (what: string) => z.string().trim().min(1, what);

/** `111122223333` (an account ID) or `Environment=production` (an Organizations account tag). */
export const accountSelector = z
  .string()
  .regex(/^(\d{12}|[^=\s][^=]*=.*)$/, 'must be a 12-digit account ID or a Key=Value account tag');

const accounts = z.array(accountSelector).min(1, 'must list at least one account ID or Key=Value tag');

const notBeforeDate = (a: { date: string; expires?: string }) => a.expires === undefined || Date.parse(a.expires) >= Date.parse(a.date);

export const attestationSchema = z
  .object({
    status: z.enum(['met', 'not-met']),
    /** Links or document names; at least one. */
    evidence: z.array(nonEmpty('must not be empty')).min(1, 'must list at least one link or document'),
    owner: nonEmpty('must name who stands behind the statement'),
    date: isoDate,
    expires: isoDate.optional(),
    notes: z.string().optional(),
    /** Limits the statement to these accounts; without it, it covers every account. */
    accounts: accounts.optional(),
  })
  .strict()
  .refine(notBeforeDate, { message: 'must not be before date', path: ['expires'] });

export type Attestation = z.infer<typeof attestationSchema>;

/** Accepts one FAIL or WARN finding (or a pattern of them) as known and justified, until it expires. */
export const exceptionSchema = z
  .object({
    /** The check whose findings it covers. */
    check: nonEmpty('must name a check ID'),
    /** The finding's resource: exact, or a pattern where `*` stands for any characters. */
    resource: nonEmpty('must name a resource ARN or a pattern with *'),
    accounts: accounts.optional(),
    reason: nonEmpty('must say why the finding is accepted'),
    owner: nonEmpty('must name who accepted it'),
    /** Required: an exception is reviewed, never permanent. */
    expires: isoDate,
  })
  .strict();

export type FindingException = z.infer<typeof exceptionSchema>;

export const attestationsFileSchema = z
  .object({
    /** The checklist id the requirement statements are for; requirement IDs mean different things in others. */
    checklist: z.string().min(1).optional(),
    // A template with every entry still commented out parses as null: no attestations yet.
    requirements: z
      .record(z.string(), z.union([attestationSchema, z.array(attestationSchema).min(1)]))
      .nullish()
      .transform((r) => r ?? {}),
    /** Exceptions name checks, not requirements, so they apply under every checklist. */
    exceptions: z.array(exceptionSchema).nullish().transform((e) => e ?? []),
  })
  .strict()
  .refine((file) => file.checklist !== undefined || Object.keys(file.requirements).length === 0, {
    message: 'must name the checklist the requirement statements are for',
    path: ['checklist'],
  });

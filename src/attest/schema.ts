// The attestations file: what the partner states about requirements a scanner cannot (fully) see.

import { z } from 'zod';

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be an ISO date such as 2026-03-31',
});

export const attestationSchema = z
  .object({
    status: z.enum(['met', 'not-met']),
    /** Links or document names; at least one. */
    evidence: z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'must list at least one link or document'),
    owner: z.string().trim().min(1, 'must name who stands behind the statement'),
    date: isoDate,
    expires: isoDate.optional(),
    notes: z.string().optional(),
  })
  .strict()
  .refine((a) => a.expires === undefined || Date.parse(a.expires) >= Date.parse(a.date), {
    message: 'must not be before date',
    path: ['expires'],
  });

export type Attestation = z.infer<typeof attestationSchema>;

export const attestationsFileSchema = z
  .object({
    /** The checklist id the file was written for; requirement IDs mean different things in others. */
    checklist: z.string().min(1),
    // A template with every entry still commented out parses as null: no attestations yet.
    requirements: z.record(z.string(), attestationSchema).nullish().transform((r) => r ?? {}),
  })
  .strict();

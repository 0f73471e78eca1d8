import type { Attestation } from './schema.js';

export type { Attestation };

/** The loaded attestations file, by requirement ID. */
export type AttestationSet = ReadonlyMap<string, Attestation>;

import type { Attestation, FindingException } from './schema.js';

export type { Attestation, FindingException };

/** One checklist's requirement statements, by requirement ID (several when limited to accounts). */
export type AttestationSet = ReadonlyMap<string, readonly Attestation[]>;

/** Everything the partner states: requirement attestations per checklist, and finding exceptions. */
export interface PartnerStatements {
  /** By checklist id. */
  attestations: ReadonlyMap<string, AttestationSet>;
  /** Apply under every checklist: they name checks, not requirements. */
  exceptions: readonly FindingException[];
}

export const NO_STATEMENTS: PartnerStatements = { attestations: new Map(), exceptions: [] };

// RENDER.json: the provenance of reports rendered again by `partner-audit report`. Re-rendering never
// touches the evidence or its SHA256SUMS; each rendering gets its own folder under rerenders/, with
// this record (what it was rendered from, and whether that matched the run's SHA256SUMS), its own
// SHA256SUMS and, optionally, its own signature.

import { join } from 'node:path';
import { z } from '../vendor/zod.js';
import { SnapshotError } from '../errors.js';
import { readRunFile } from '../snapshot/layout.js';

export const RENDER_FILE = 'RENDER.json';

export interface EvidenceDifference {
  file: string;
  change: 'changed' | 'added' | 'removed';
  /** SHA-256 the run's SHA256SUMS lists. */
  sealed?: string;
  /** SHA-256 of the file as rendered from. */
  current?: string;
}

export interface RenderRecord {
  version: 1;
  renderedAt: string;
  tool: { name: string; version: string };
  formats: string[];
  /** `sealed`: the evidence matched its SHA256SUMS (and signature); `modified`: rendered anyway, with --allow-modified. */
  source: 'sealed' | 'modified';
  evidence: {
    /** SHA-256 of the run's SHA256SUMS when rendered; null when the run had none. */
    checksums: string | null;
    /** What the run's signature check said. */
    signature: string;
    /** Every evidence file that did not match SHA256SUMS. */
    differences: EvidenceDifference[];
  };
  /** SHA-256 of each file the reports were rendered from (results.json, manifest.json, a baseline). */
  inputs: Record<string, string>;
}

const sha = z.string().regex(/^[0-9a-f]{64}$/, 'is not a SHA-256 in hex');
const schema = z.looseObject({
  version: z.literal(1),
  renderedAt: z.string(),
  tool: z.looseObject({ name: z.string(), version: z.string() }),
  formats: z.array(z.string()),
  source: z.enum(['sealed', 'modified']),
  evidence: z.looseObject({
    checksums: sha.nullable(),
    signature: z.string(),
    differences: z.array(
      z.looseObject({ file: z.string(), change: z.enum(['changed', 'added', 'removed']), sealed: sha.optional(), current: sha.optional() }),
    ),
  }),
  inputs: z.record(z.string(), sha),
});

/** Reads and checks a re-render folder's RENDER.json. */
export async function readRenderRecord(dir: string): Promise<RenderRecord> {
  const path = join(dir, RENDER_FILE);
  let value: unknown;
  try {
    value = JSON.parse((await readRunFile(dir, RENDER_FILE)) ?? '');
  } catch (error) {
    throw new SnapshotError(`${path} cannot be read: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SnapshotError(`${path}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  return value as RenderRecord;
}

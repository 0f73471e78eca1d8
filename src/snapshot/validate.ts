// The shape of what a run directory holds, checked field by field before anything trusts it: a
// malformed manifest or dataset record is a one-line error naming the file, the line and the field.
// Regions and dataset IDs are checked against a vocabulary the caller supplies (the SDK's regions
// and this version's datasets), which lives in layers above this one.

import { z } from '../vendor/zod.js';
import { ACCOUNT_ID } from '../contract/identifiers.js';
import { DATASET_ERROR_KINDS, type DatasetRecord } from '../contract/record.js';
import { ACCOUNT_STATUSES, GLOBAL } from '../contract/status.js';
import { SnapshotError } from '../errors.js';
import type { Manifest, ManifestAccount } from './manifest.js';

/** The names a run may use: every region the SDK knows and every dataset this version collects. */
export interface Vocabulary {
  regions: ReadonlySet<string>;
  datasets: ReadonlySet<string>;
}

const shown = (value: unknown): string => JSON.stringify(value)?.slice(0, 60) ?? String(value);

const accountId = z.string().refine((v) => ACCOUNT_ID.test(v), { error: (i) => `${shown(i.input)} is not a 12-digit AWS account ID` });
const counts = z.looseObject({ requests: z.number(), retries: z.number(), throttles: z.number(), errors: z.number() });

function regionOf(vocabulary: Vocabulary, allowGlobal = false) {
  return z.string().refine((v) => vocabulary.regions.has(v) || (allowGlobal && v === GLOBAL), {
    error: (i) => `${shown(i.input)} is not a region the AWS SDK knows`,
  });
}

function accountSchema(vocabulary: Vocabulary) {
  const region = regionOf(vocabulary);
  return z.looseObject({
    accountId,
    name: z.string().optional(),
    tags: z.record(z.string(), z.string()).optional(),
    status: z.enum([...ACCOUNT_STATUSES, 'PENDING']),
    error: z.string().optional(),
    regions: z.array(region),
    skippedRegions: z.array(z.looseObject({ region, reason: z.string() })),
    calls: z.record(z.string(), counts),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    stoppedBy: z.literal('deadline').optional(),
  });
}

/** Everything but the account entries, which are checked one at a time. */
function manifestHeadSchema(vocabulary: Vocabulary) {
  const region = regionOf(vocabulary);
  const selection = z.looseObject({
    accounts: z.array(accountId).optional(),
    organization: z
      .looseObject({
        includeAccounts: z.array(accountId),
        excludeAccounts: z.array(accountId),
        includeTags: z.record(z.string(), z.string()),
        excludeTags: z.record(z.string(), z.string()),
      })
      .optional(),
    regions: z.array(region).optional(),
  });
  return z.looseObject({
    schemaVersion: z.literal(1),
    tool: z.looseObject({ name: z.string(), version: z.string() }),
    runId: z.string(),
    checklist: z.looseObject({ id: z.string(), version: z.string() }),
    checklists: z.array(z.looseObject({ id: z.string(), version: z.string() })).min(1).optional(),
    configHash: z.string(),
    callerIdentity: z.looseObject({ accountId, arn: z.string() }).optional(),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    complete: z.boolean(),
    shard: z.looseObject({ index: z.number().int(), count: z.number().int() }).optional(),
    selection: selection.optional(),
    deadline: z.string().optional(),
    accounts: z.array(z.unknown()),
    totals: counts,
  });
}

function recordSchema(vocabulary: Vocabulary) {
  const error = z.looseObject({
    kind: z.enum(DATASET_ERROR_KINDS),
    code: z.string(),
    message: z.string(),
    action: z.string().optional(),
  });
  return z
    .looseObject({
      accountId,
      region: regionOf(vocabulary, true),
      collector: z.string().refine((v) => vocabulary.datasets.has(v), {
        error: (i) => `${shown(i.input)} is not a dataset this version of partner-audit collects`,
      }),
      startedAt: z.string(),
      finishedAt: z.string(),
      requestIds: z.array(z.string()),
      ok: z.boolean(),
      data: z.unknown().optional(),
      error: error.optional(),
    })
    .superRefine((r, ctx) => {
      if (r.ok && !('data' in r)) ctx.addIssue({ code: 'custom', path: ['data'], message: 'missing on a successful record' });
      if (!r.ok && r.error === undefined) ctx.addIssue({ code: 'custom', path: ['error'], message: 'missing on a failed record' });
    });
}

/** `accounts[2].accountId` */
function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('') || '(top level)';
}

function check<T>(schema: z.ZodType, value: unknown, where: string, at: readonly PropertyKey[] = []): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return value as T;
  const issue = parsed.error.issues[0]!;
  throw new SnapshotError(`${where}: ${fieldPath([...at, ...issue.path])}: ${issue.message.replace(/^Invalid input: /, '')}`);
}

interface Schemas {
  manifestHead: z.ZodType;
  account: z.ZodType;
  record: z.ZodType;
}

const schemas = new WeakMap<Vocabulary, Schemas>();

function schemasFor(vocabulary: Vocabulary): Schemas {
  let built = schemas.get(vocabulary);
  if (!built) {
    built = { manifestHead: manifestHeadSchema(vocabulary), account: accountSchema(vocabulary), record: recordSchema(vocabulary) };
    schemas.set(vocabulary, built);
  }
  return built;
}

/** The manifest as read, once every field holds what it should; `where` names the file in errors. */
export function validManifest(value: unknown, vocabulary: Vocabulary, where: string): Manifest {
  const manifest = validManifestHead(value, vocabulary, where) as Manifest;
  const entries = new ManifestEntries(vocabulary, where);
  manifest.accounts.forEach((entry, index) => entries.check(entry, index));
  return manifest;
}

/** Every field but the account entries' (ManifestEntries checks those). */
export function validManifestHead(value: unknown, vocabulary: Vocabulary, where: string): Omit<Manifest, 'accounts'> & { accounts: unknown[] } {
  return check(schemasFor(vocabulary).manifestHead, value, where);
}

/** A manifest's account entries, checked one at a time in file order; an account listed twice is refused. */
export class ManifestEntries {
  private readonly seen = new Set<string>();
  private readonly schema: z.ZodType;

  constructor(
    vocabulary: Vocabulary,
    private readonly where: string,
  ) {
    this.schema = schemasFor(vocabulary).account;
  }

  check(value: unknown, index: number): ManifestAccount {
    const account = check<ManifestAccount>(this.schema, value, this.where, ['accounts', index]);
    if (this.seen.has(account.accountId)) throw new SnapshotError(`${this.where}: accounts[${index}].accountId: ${account.accountId} is listed twice`);
    this.seen.add(account.accountId);
    return account;
  }
}

/** The record as read, once every field holds what it should; `where` names the file and line. */
export function validRecord(value: unknown, vocabulary: Vocabulary, where: string): DatasetRecord {
  return check<DatasetRecord>(schemasFor(vocabulary).record, value, where);
}

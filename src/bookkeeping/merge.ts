// Combines the run directories of `--shard i/n` scans into one run: one manifest listing every
// account, every dataset file, merged results (streamed: merge-results.ts) and fresh SHA256SUMS.
// An account scanned by two shards is an error. Shard reports are not copied: they describe one
// shard only.

import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeChecksums } from '../bundle/checksums.js';
import type { DatasetRecord } from '../contract/record.js';
import { SnapshotError, UsageError } from '../errors.js';
import { runVocabulary } from '../collect/vocabulary.js';
import { accountOfDatasetsFile, checklistDir, datasetsFile } from '../snapshot/layout.js';
import type { Vocabulary } from '../snapshot/validate.js';
import { type CallCounts, DATASETS_DIR, type Manifest, MANIFEST_FILE } from '../snapshot/manifest.js';
import { readResultsStream, readResultsStreamFor } from '../snapshot/results-file.js';
import { earliest, latest, writeMergedResults, type ShardResults } from './merge-results.js';
import { readAccountDatasets, readManifest } from '../snapshot/reader.js';
import { byCodeUnit } from '../contract/order.js';

export interface ShardRun extends ShardResults {
  dir: string;
  manifest: Manifest;
}

export async function mergeRuns(outDir: string, runDirs: string[]): Promise<{ manifest: Manifest } & ShardResults> {
  if (runDirs.length < 1) throw new UsageError('merge needs at least one run directory');
  if (runDirs.some((dir) => resolve(dir) === resolve(outDir))) {
    throw new UsageError(`the output directory ${outDir} must not be one of the runs being merged`);
  }
  await assertEmptyOrAbsent(outDir);
  const runs: ShardRun[] = [];
  const vocabulary = runVocabulary();
  for (const dir of runDirs) runs.push({ dir, manifest: await readManifest(dir, vocabulary), ...(await readResultsStream(dir)) });
  assertCompatible(runs);
  const manifest = mergeManifests(runs.map((r) => r.manifest));
  await mkdir(join(outDir, DATASETS_DIR), { recursive: true });
  await copyDatasets(outDir, runDirs, vocabulary);
  await writeFile(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const merged = await writeMergedResults(outDir, runs);
  await mergeOtherChecklists(outDir, runs);
  await writeChecksums(outDir);
  return { manifest, ...merged };
}

/** A scan that judged several checklists keeps the others' results under checklists/<id>/: merge each. */
async function mergeOtherChecklists(outDir: string, runs: ShardRun[]): Promise<void> {
  const { checklist: primary, checklists = [] } = runs[0]!.manifest;
  for (const { id } of checklists.filter((c) => c.id !== primary.id)) {
    const dir = checklistDir(outDir, id, primary.id);
    await mkdir(dir, { recursive: true });
    await writeMergedResults(dir, await Promise.all(runs.map((run) => readResultsStreamFor(run.dir, id))));
  }
}

/** Same checklists, settings and tool; every account in exactly one run. */
export function assertCompatible(runs: ShardRun[]): void {
  const [first] = runs;
  if (!first) return;
  for (const run of runs.slice(1)) {
    const differs = (what: string, a: unknown, b: unknown): void => {
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        throw new UsageError(`${run.dir} and ${first.dir} differ in ${what}: cannot merge`);
      }
    };
    differs('checklist', run.manifest.checklist, first.manifest.checklist);
    differs('checklists', run.manifest.checklists, first.manifest.checklists);
    differs('config (configHash)', run.manifest.configHash, first.manifest.configHash);
    differs('tool version', run.manifest.tool, first.manifest.tool);
    differs('deployment model', run.results.deploymentModel, first.results.deploymentModel);
  }
  const owner = new Map<string, string>();
  for (const run of runs) {
    for (const { accountId } of run.manifest.accounts) {
      const other = owner.get(accountId);
      if (other) throw new UsageError(`account ${accountId} is in both ${other} and ${run.dir}: cannot merge`);
      owner.set(accountId, run.dir);
    }
  }
}

export function mergeManifests(manifests: Manifest[]): Manifest {
  const first = manifests[0]!;
  const runIds = [...new Set(manifests.map((m) => m.runId))].sort();
  const finished = manifests.map((m) => m.finishedAt);
  const { shard: _dropped, ...base } = first;
  return {
    ...base,
    runId: runIds.length === 1 ? first.runId : `merged-${sha256(runIds.join('\n')).slice(0, 12)}`,
    startedAt: earliest(manifests.map((m) => m.startedAt)),
    ...(finished.every((f): f is string => Boolean(f)) ? { finishedAt: latest(finished) } : { finishedAt: undefined }),
    complete: manifests.every((m) => m.complete),
    accounts: manifests.flatMap((m) => m.accounts).sort((a, b) => byCodeUnit(a.accountId, b.accountId)),
    totals: manifests.map((m) => m.totals).reduce(sumCounts),
  };
}

/**
 * Dataset files are per account, so they rarely collide. The caller's file can appear in several
 * shards (organization-scope datasets are stored under the caller): its records are merged by
 * dataset key, the first run given winning. Every file is read through the checking reader first.
 */
async function copyDatasets(outDir: string, runDirs: string[], vocabulary: Vocabulary): Promise<void> {
  const sources = new Map<string, string[]>();
  for (const dir of runDirs) {
    for (const accountId of await listDatasetAccounts(dir)) sources.set(accountId, [...(sources.get(accountId) ?? []), dir]);
  }
  for (const [accountId, dirs] of sources) {
    const records: DatasetRecord[][] = [];
    for (const dir of dirs) records.push(await collectRecords(readAccountDatasets(dir, accountId, vocabulary), dirs.length > 1));
    const target = datasetsFile(outDir, accountId);
    if (dirs.length === 1) await copyFile(datasetsFile(dirs[0]!, accountId), target);
    else await writeFile(target, mergeRecords(records));
  }
}

/** Reads every record (so each is checked); keeps them only when they are to be merged. */
async function collectRecords(records: AsyncIterable<DatasetRecord>, keep: boolean): Promise<DatasetRecord[]> {
  const all: DatasetRecord[] = [];
  for await (const record of records) if (keep) all.push(record);
  return all;
}

function mergeRecords(perRun: DatasetRecord[][]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const record of perRun.flat()) {
    const key = `${record.region}/${record.collector}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(JSON.stringify(record));
  }
  return `${lines.join('\n')}\n`;
}

/** The accounts with a datasets file; a file in datasets/ that is not `<12 digits>.jsonl` is refused. */
async function listDatasetAccounts(runDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(join(runDir, DATASETS_DIR));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.sort().map((name) => {
    const accountId = accountOfDatasetsFile(name);
    if (!accountId) throw new SnapshotError(`${join(runDir, DATASETS_DIR, name)} is not a datasets file (<12-digit account ID>.jsonl)`);
    return accountId;
  });
}

async function assertEmptyOrAbsent(dir: string): Promise<void> {
  try {
    if ((await readdir(dir)).length > 0) throw new UsageError(`output directory ${dir} is not empty`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function sumCounts(a: CallCounts, b: CallCounts): CallCounts {
  return {
    requests: a.requests + b.requests,
    retries: a.retries + b.retries,
    throttles: a.throttles + b.throttles,
    errors: a.errors + b.errors,
  };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

// The shards' results merged as streams into one results.json: the findings in account order (as
// a whole scan writes them), partner rows judged again from tallies kept while the findings pass.
// Memory holds the heads (accounts, requirement rows, exceptions) and one account's findings at a
// time, never every shard's findings: a merge of 1,000 accounts read and wrote them whole (2 GB).

import { join } from 'node:path';
import { getChecklist } from '../catalog/index.js';
import type { ExceptionSummary, Finding, FindingSource, ResultsHead } from '../contract/results.js';
import { groupBy } from '../engine/group.js';
import { PartnerTallies, partnerRowsAcross } from '../engine/results.js';
import { writeChunks } from '../snapshot/chunk-writer.js';
import { RESULTS_FILE } from '../snapshot/manifest.js';
import { justWritten, resultsJsonChunks } from '../snapshot/results-file.js';
import { byCodeUnit } from '../contract/order.js';

/** One shard's results for one checklist, its findings left on disk. */
export interface ShardResults {
  results: ResultsHead;
  findings: FindingSource;
}

const accountKey = (row: { accountId?: string }): string => row.accountId ?? '';

export async function writeMergedResults(dir: string, shards: readonly ShardResults[]): Promise<ShardResults> {
  const heads = shards.map((s) => s.results);
  const { requirements: _rows, exceptions: _exceptions, ...first } = heads[0]!;
  const finishedAt = latest(heads.map((r) => r.finishedAt));
  const head = { ...first, startedAt: earliest(heads.map((r) => r.startedAt)), finishedAt, accounts: byAccount(heads.flatMap((r) => r.accounts)) };
  const checklist = getChecklist(`${first.checklist.id}@${first.checklist.version}`);
  const tallies = new PartnerTallies(checklist);
  const sources = await Promise.all(shards.map((s) => inAccountOrder(s.findings)));
  let count = 0;
  async function* findings(): AsyncGenerator<Finding> {
    for await (const group of accountGroups(mergeByAccount(sources))) {
      tallies.addAccount(group[0]!.accountId, groupBy(group, (f) => f.requirementIds));
      count += group.length;
      yield* group;
    }
  }
  let rows: Pick<ResultsHead, 'requirements' | 'exceptions'> | undefined;
  // Each shard judged partner rows on its own accounts only: judged again over all of them.
  const tail = () =>
    (rows ??= {
      requirements: [
        ...partnerRowsAcross(heads, checklist, new Date(finishedAt), tallies),
        ...byAccount(heads.flatMap((r) => r.requirements.filter((row) => row.scope === 'account'))),
      ],
      exceptions: mergeExceptionCounts(heads.flatMap((r) => r.exceptions)),
    });
  await writeChunks(join(dir, RESULTS_FILE), resultsJsonChunks({ head, findings: findings(), tail }));
  return justWritten(dir, { ...head, ...tail() }, count);
}

/**
 * A shard's findings in account order. A scan writes them so; a file that is not (edited by hand)
 * is read into memory and sorted, stably, as the merge did before it streamed.
 */
async function inAccountOrder(source: FindingSource): Promise<() => AsyncIterable<Finding>> {
  let previous = '';
  for await (const finding of source.each()) {
    if (accountKey(finding) < previous) return sortedInMemory(source);
    previous = accountKey(finding);
  }
  return () => source.each();
}

async function sortedInMemory(source: FindingSource): Promise<() => AsyncIterable<Finding>> {
  const all: Finding[] = [];
  for await (const finding of source.each()) all.push(finding);
  const sorted = byAccount(all);
  return async function* () {
    yield* sorted;
  };
}

/** Every source's findings, by account; the first source first among equal accounts (a stable sort of their concatenation). */
async function* mergeByAccount(sources: readonly (() => AsyncIterable<Finding>)[]): AsyncGenerator<Finding> {
  const cursors = sources.map((open) => open()[Symbol.asyncIterator]());
  const next = await Promise.all(cursors.map((c) => c.next()));
  for (;;) {
    let pick = -1;
    for (const [i, result] of next.entries()) {
      if (result.done) continue;
      if (pick < 0 || accountKey(result.value) < accountKey(next[pick]!.value as Finding)) pick = i;
    }
    if (pick < 0) return;
    yield next[pick]!.value as Finding;
    next[pick] = await cursors[pick]!.next();
  }
}

/** Consecutive findings of one account, as one batch. */
async function* accountGroups(findings: AsyncIterable<Finding>): AsyncGenerator<Finding[]> {
  let group: Finding[] = [];
  for await (const finding of findings) {
    if (group.length > 0 && accountKey(group[0]!) !== accountKey(finding)) {
      yield group;
      group = [];
    }
    group.push(finding);
  }
  if (group.length > 0) yield group;
}

function byAccount<T extends { accountId?: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => byCodeUnit(accountKey(a), accountKey(b)));
}

/** Every shard lists every exception; sum what each covered. */
function mergeExceptionCounts(summaries: ExceptionSummary[]): ExceptionSummary[] {
  const merged = new Map<string, ExceptionSummary>();
  for (const summary of summaries) {
    const key = JSON.stringify([summary.checkId, summary.resource, summary.accounts ?? null, summary.expires]);
    const seen = merged.get(key);
    if (seen) {
      seen.covered += summary.covered;
      seen.errorsNotCovered += summary.errorsNotCovered;
    } else merged.set(key, { ...summary });
  }
  return [...merged.values()];
}

export const earliest = (times: string[]): string => [...times].sort(byCodeUnit)[0]!;
export const latest = (times: string[]): string => [...times].sort(byCodeUnit).at(-1)!;

// Are two runs' results the same? Compares results.json of two run directories: the accounts, the
// requirement rows and the findings, order aside, without what differs between any two runs (times,
// request IDs). Exit code 1 and a few examples when they differ.
//   node dist/bench/compare-results.js <run-dir-a> <run-dir-b>

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

interface ResultsFile {
  accounts: unknown[];
  requirements: unknown[];
  findings: Record<string, unknown>[];
}

/** One line per row, without request IDs and with times blanked, sorted. */
function rows(items: readonly unknown[]): string[] {
  return items
    .map((item) => JSON.stringify(item, (key, value: unknown) => (key === 'requestIds' ? undefined : value)).replace(TIMESTAMP, '<time>'))
    .sort();
}

function difference(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const row of b) counts.set(row, (counts.get(row) ?? 0) + 1);
  return a.filter((row) => {
    const n = counts.get(row) ?? 0;
    if (n === 0) return true;
    counts.set(row, n - 1);
    return false;
  });
}

async function load(dir: string): Promise<ResultsFile> {
  return JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ResultsFile;
}

async function main(): Promise<void> {
  const [dirA, dirB] = process.argv.slice(2);
  if (!dirA || !dirB) throw new Error('usage: compare-results <run-dir-a> <run-dir-b>');
  const [a, b] = await Promise.all([load(dirA), load(dirB)]);
  let same = true;
  for (const part of ['accounts', 'requirements', 'findings'] as const) {
    const [rowsA, rowsB] = [rows(a[part]), rows(b[part])];
    const onlyA = difference(rowsA, rowsB);
    const onlyB = difference(rowsB, rowsA);
    console.log(`${part.padEnd(13)} ${rowsA.length} vs ${rowsB.length}: ${onlyA.length + onlyB.length === 0 ? 'identical' : `${onlyA.length} only in a, ${onlyB.length} only in b`}`);
    for (const row of [...onlyA.slice(0, 3).map((r) => `a: ${r}`), ...onlyB.slice(0, 3).map((r) => `b: ${r}`)]) console.log(`  ${row.slice(0, 400)}`);
    same &&= onlyA.length + onlyB.length === 0;
  }
  process.exitCode = same ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(`compare-results: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 2;
});

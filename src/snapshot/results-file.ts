// results.json: written as a stream (top-level fields indented, each finding and requirement row on
// a line of its own) and read back as a head plus a finding stream, so neither side holds every
// finding. A file in another layout (pretty-printed by hand or by an older version) is read whole.

import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { RESULTS_SCHEMA_VERSION, type Finding, type FindingSource, type Results, type ResultsHead } from '../contract/results.js';
import { SnapshotError } from '../errors.js';
import { assertInside, CHECKLISTS_DIR } from './layout.js';
import { fileLines } from './lines.js';
import { parseJson } from './parse-json.js';
import { RESULTS_FILE } from './manifest.js';

/** The results file's parts in file order; `tail` is called once the findings are exhausted. */
export interface ResultsParts {
  head: Omit<Results, 'findings' | 'requirements' | 'exceptions'>;
  findings: Iterable<Finding> | AsyncIterable<Finding>;
  tail(): Pick<Results, 'requirements' | 'exceptions'>;
}

export async function* resultsJsonChunks(parts: ResultsParts): AsyncGenerator<string> {
  yield '{\n';
  for (const [key, value] of Object.entries(parts.head)) {
    if (Array.isArray(value)) yield* arrayField(key, value, ',');
    else yield field(key, value, ',');
  }
  yield* arrayField('findings', parts.findings, ',');
  const { requirements, exceptions } = parts.tail();
  yield* arrayField('requirements', requirements, ',');
  yield* arrayField('exceptions', exceptions, '');
  yield '}\n';
}

function field(key: string, value: unknown, comma: string): string {
  return `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}${comma}\n`;
}

/** One item per line, each written once the next is known (for the comma). */
async function* arrayField(key: string, items: Iterable<unknown> | AsyncIterable<unknown>, comma: string): AsyncGenerator<string> {
  let previous: string | undefined;
  for await (const item of items) {
    if (previous === undefined) yield `  ${JSON.stringify(key)}: [\n`;
    else yield `    ${previous},\n`;
    previous = JSON.stringify(item);
  }
  yield previous === undefined ? `  ${JSON.stringify(key)}: []${comma}\n` : `    ${previous}\n  ]${comma}\n`;
}

export async function readResults(runDir: string): Promise<Results> {
  const path = await resultsPath(runDir);
  return checked(path, parseJson(path, await readFile(path, 'utf8')));
}

/** The results' head and a stream of their findings, read from the file each time it is iterated. */
export async function readResultsStream(runDir: string): Promise<{ results: ResultsHead; findings: FindingSource }> {
  const path = await resultsPath(runDir);
  const layout = await scanLayout(path);
  if (!layout) {
    // Not our line layout: the only way to its findings is to parse the whole file.
    const { findings, ...results } = await readResults(runDir);
    return { results, findings: findingsInMemory(findings) };
  }
  const { findings: empty, ...results } = checked<Results>(path, layout.head);
  void empty;
  return { results, findings: { count: layout.count, each: () => findingLines(path) } };
}

/**
 * Results this process has just written with resultsJsonChunks: the head and the finding count are
 * known, so the file is not read once more to learn them. The head is copied as JSON would carry it
 * to the file and back, so readers see what a later `report` would read.
 */
export function justWritten(dir: string, head: ResultsHead, count: number, copier = new JsonCopier()): { results: ResultsHead; findings: FindingSource } {
  const path = join(dir, RESULTS_FILE);
  return { results: copier.copy(head), findings: { count, each: () => findingLines(path) } };
}

/**
 * Each repeated string and check list of a head, kept once. The requirement rows stay in memory
 * while the reports are written, and most accounts' rows repeat the same reasons ("1 of 1 findings
 * pass", what is left to attest) and checks: at 1,000 accounts, 2.7 MB of reasons in 19,000
 * strings are 0.5 MB in 2,000, and 19,000 check lists are 19 (issue 14). Strings cannot change; the
 * shared lists are frozen, so no reader can change one row's through another's.
 */
class SharedParts {
  private readonly strings = new Map<string, string>();
  private readonly checkLists = new Map<string, readonly unknown[]>();

  /** Called as JSON.parse calls a reviver: each value after its contents, with its key. */
  keep(key: string, value: unknown): unknown {
    if (typeof value === 'string') return firstOf(this.strings, value, value);
    if (key === 'checkIds' && Array.isArray(value)) return firstOf(this.checkLists, value.join('\n'), Object.freeze(value));
    return value;
  }
}

function firstOf<V>(seen: Map<string, V>, key: string, value: V): V {
  const first = seen.get(key);
  if (first !== undefined) return first;
  seen.set(key, value);
  return value;
}

function parseHead(text: string): unknown {
  const shared = new SharedParts();
  return JSON.parse(text, (key, value: unknown) => shared.keep(key, value));
}

/**
 * JSON.parse(JSON.stringify(value)) without the text in between: at 1,000 accounts that text was
 * 7 MB, held in V8's large-object space until its next full collection, just as the reports began.
 * What one copier made it takes back as it is: the evaluation copies each account's requirement
 * rows as they are made, and the 1,000-account run's 19,000 rows were held twice (issue 14).
 */
export class JsonCopier {
  private readonly shared = new SharedParts();
  private readonly made = new WeakSet<object>();

  copy<T>(value: T): T {
    const copied = jsonCopy('', value, this.shared, this.made);
    if (typeof copied === 'object' && copied !== null) this.made.add(copied);
    return copied as T;
  }
}

function jsonCopy(key: string, value: unknown, shared: SharedParts, made: WeakSet<object>): unknown {
  if (typeof value === 'object' && value !== null && made.has(value)) return value;
  const plain = hasToJson(value) ? value.toJSON(key) : value;
  if (Array.isArray(plain)) return shared.keep(key, Array.from(plain, (item, index) => jsonCopy(String(index), item, shared, made) ?? null));
  if (typeof plain === 'object' && plain !== null) {
    const copy: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(plain)) {
      const copied = jsonCopy(name, item, shared, made);
      if (copied !== undefined) copy[name] = copied;
    }
    return copy;
  }
  if (typeof plain === 'string') return shared.keep(key, plain);
  if (typeof plain === 'number') return Number.isFinite(plain) ? plain : null;
  if (typeof plain === 'boolean' || plain === null) return plain;
  return undefined;
}

function hasToJson(value: unknown): value is { toJSON(key: string): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

export function findingsInMemory(findings: readonly Finding[]): FindingSource {
  return {
    count: findings.length,
    each: async function* () {
      yield* findings;
    },
  };
}

const FINDINGS_OPEN = '  "findings": [';
const ARRAY_CLOSE = /^ {2}\],?$/;

/** One pass: the head (findings replaced by an empty list) and the count, or undefined when a line is not one finding. */
async function scanLayout(path: string): Promise<{ head: unknown; count: number } | undefined> {
  const head: string[] = [];
  let count = 0;
  let inFindings = false;
  for await (const line of fileLines(path)) {
    if (inFindings) {
      if (ARRAY_CLOSE.test(line)) {
        head.push(`  "findings": []${line.endsWith(',') ? ',' : ''}`);
        inFindings = false;
      } else if (parseItem(line) === undefined) return undefined;
      else count += 1;
    } else if (line === FINDINGS_OPEN) inFindings = true;
    else head.push(line);
  }
  try {
    const parsed = parseHead(head.join('\n')) as { findings?: unknown };
    // Findings inline (compact JSON, the whole file on one line) are not this layout: read it whole.
    if (Array.isArray(parsed.findings) && parsed.findings.length > 0) return undefined;
    return { head: parsed, count };
  } catch {
    return undefined;
  }
}

async function* findingLines(path: string): AsyncGenerator<Finding> {
  let inFindings = false;
  for await (const line of fileLines(path)) {
    if (!inFindings) inFindings = line === FINDINGS_OPEN;
    else if (ARRAY_CLOSE.test(line)) return;
    else yield parseItem(line) as Finding;
  }
}

function parseItem(line: string): unknown {
  try {
    return JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
  } catch {
    return undefined;
  }
}

async function resultsPath(runDir: string): Promise<string> {
  const path = join(runDir, RESULTS_FILE);
  if (!(await stat(path).catch(() => undefined))?.isFile()) {
    throw new SnapshotError(`no ${RESULTS_FILE} in ${runDir}: run a scan first (or evaluate the snapshot)`);
  }
  await assertInside(runDir, path);
  return path;
}

function checked<T extends ResultsHead>(path: string, parsed: unknown): T {
  const value = parsed as Partial<Omit<Results, 'schemaVersion'>> & { schemaVersion?: unknown };
  const known = value.schemaVersion === RESULTS_SCHEMA_VERSION || value.schemaVersion === 1;
  if (!known || !Array.isArray(value.findings) || !Array.isArray(value.requirements) || !value.checklist) {
    throw new SnapshotError(`${path} is not a partner-audit results file (schemaVersion 1 or ${RESULTS_SCHEMA_VERSION})`);
  }
  return (value.schemaVersion === 1 ? fromVersion1(value as T) : value) as T;
}

/**
 * Where a run keeps one checklist's results, relative to the run directory: under checklists/<id>/
 * when the run judged it besides its primary, else at the top (which may be another checklist's).
 */
export async function resultsFileOf(runDir: string, checklistId: string): Promise<string> {
  const other = `${CHECKLISTS_DIR}/${checklistId}/${RESULTS_FILE}`;
  return (await stat(join(runDir, other)).catch(() => undefined))?.isFile() ? other : RESULTS_FILE;
}

/** The folder holding a run's results for one checklist (the run directory or checklists/<id>/). */
async function resultsDirOf(runDir: string, checklistId: string): Promise<string> {
  const file = await resultsFileOf(runDir, checklistId);
  const dir = file === RESULTS_FILE ? runDir : dirname(join(runDir, file));
  if (dir !== runDir) await assertInside(runDir, dir);
  return dir;
}

/** A run's results for one checklist; undefined when the run did not judge it. */
export async function findResultsFor(runDir: string, checklistId: string): Promise<Results | undefined> {
  const results = await readResults(await resultsDirOf(runDir, checklistId));
  return results.checklist.id === checklistId ? results : undefined;
}

export async function readResultsFor(runDir: string, checklistId: string): Promise<Results> {
  const results = await findResultsFor(runDir, checklistId);
  if (!results) throw notJudged(runDir, checklistId);
  return results;
}

/** readResultsFor with the findings left on disk, streamed. */
export async function readResultsStreamFor(runDir: string, checklistId: string): Promise<{ results: ResultsHead; findings: FindingSource }> {
  const read = await readResultsStream(await resultsDirOf(runDir, checklistId));
  if (read.results.checklist.id !== checklistId) throw notJudged(runDir, checklistId);
  return read;
}

function notJudged(runDir: string, checklistId: string): SnapshotError {
  return new SnapshotError(`${runDir} has no results for checklist ${checklistId}`);
}

/** Version 1 judged every requirement per account and had no exceptions: still readable as a baseline. */
function fromVersion1<T extends ResultsHead>(results: T): T {
  return {
    ...results,
    schemaVersion: RESULTS_SCHEMA_VERSION,
    requirements: results.requirements.map((row) => ({ ...row, scope: 'account' })),
    exceptions: [],
  };
}

// What the reports list, when the user narrows them (`--severity`, `--status`, and on `report`
// `--checks`, `--requirements`): a filtered copy of the results for every report but results.json,
// which stays the complete evidence, and one sentence every human-readable report shows.

import { closestId } from '../catalog/closest.js';
import { REQUIREMENT_STATUSES, SEVERITIES, type RequirementStatus, type Severity } from '../contract/status.js';
import type { Finding, RequirementResult, ResultsSelection } from '../contract/results.js';
import { UsageError } from '../errors.js';
import type { ReportInput } from './types.js';

export interface ReportView {
  severities?: Severity[];
  statuses?: RequirementStatus[];
  checks?: string[];
  requirements?: string[];
}

/** `value,value` checked against the known spellings (case-insensitive), with the nearest known one on a miss. */
export function parseKnownList<T extends string>(what: string, known: readonly T[], value: string): T[] {
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`no ${what} given; choose from ${known.join(', ')}`);
  return [...new Set(items.map((item) => {
    const match = known.find((k) => k.toLowerCase() === item.toLowerCase());
    if (match) return match;
    const hint = closestId(item, known, 4);
    throw new UsageError(`unknown ${what} "${item}"${hint ? ` (did you mean ${hint}?)` : ''}; choose from ${known.join(', ')}`);
  }))];
}

export const parseSeverities = (value: string): Severity[] => parseKnownList('severity', SEVERITIES, value);
export const parseStatuses = (value: string): RequirementStatus[] => parseKnownList('status', REQUIREMENT_STATUSES, value);

/** The view the `--severity` and `--status` flags ask for (`report` adds --checks and --requirements). */
export function viewOf(flags: { severity?: Severity[]; status?: RequirementStatus[] }): ReportView {
  return { ...(flags.severity ? { severities: flags.severity } : {}), ...(flags.status ? { statuses: flags.status } : {}) };
}

export function isNarrowed(view: ReportView | undefined): view is ReportView {
  return Boolean(view && (view.severities || view.statuses || view.checks || view.requirements));
}

/**
 * What every human-readable report says when it does not show everything: a scan narrowed with
 * --checks/--requirements (recorded in results.json), then the view's filter; undefined otherwise.
 */
export function viewNote(view: ReportView | undefined, selection?: ResultsSelection): string | undefined {
  const notes = [selectionNote(selection), filterNote(view)].filter((note): note is string => note !== undefined);
  return notes.length ? notes.join(' ') : undefined;
}

function selectionNote(selection: ResultsSelection | undefined): string | undefined {
  if (!selection?.checks?.length && !selection?.requirements?.length) return undefined;
  const parts = [selection.checks && `checks ${selection.checks.join(', ')}`, selection.requirements && `requirements ${selection.requirements.join(', ')}`].filter(Boolean);
  return `Narrowed scan: only ${parts.join('; ')} were collected and judged; results.json records this selection and has rows for those requirements only.`;
}

function filterNote(view: ReportView | undefined): string | undefined {
  if (!isNarrowed(view)) return undefined;
  const parts = [
    view.checks && `checks ${view.checks.join(', ')}`,
    view.requirements && `requirements ${view.requirements.join(', ')}`,
    view.severities && `severity ${view.severities.join(', ')}`,
    view.statuses && `status ${view.statuses.join(', ')}`,
  ].filter(Boolean);
  return `Filtered report: only ${parts.join('; ')}. Counts and lists below cover only these; results.json holds every finding and requirement row.`;
}

/** The input as the filtered reports see it; unchanged without a view. Findings stay a stream, filtered as they pass. */
export async function applyView(input: ReportInput): Promise<ReportInput> {
  const view = input.view;
  if (!isNarrowed(view)) return input;
  const severityOf = new Map(input.checks.map((c) => [c.id, c.severity]));
  const keepFinding = (f: Finding): boolean =>
    (!view.checks || view.checks.includes(f.checkId)) &&
    (!view.requirements || f.requirementIds.some((id) => view.requirements!.includes(id))) &&
    (!view.severities || view.severities.includes(f.severity)) &&
    (!view.statuses || view.statuses.includes(f.status));
  // A requirement row has the severities of its checks; one without checks has none to match.
  const keepRequirement = (r: RequirementResult): boolean =>
    (!view.checks || r.checkIds.some((id) => view.checks!.includes(id))) &&
    (!view.requirements || view.requirements.includes(r.requirementId)) &&
    (!view.severities || r.checkIds.some((id) => view.severities!.includes(severityOf.get(id)!))) &&
    (!view.statuses || view.statuses.includes(r.status));
  const source = input.findings;
  const each = async function* (): AsyncGenerator<Finding> {
    for await (const finding of source.each()) if (keepFinding(finding)) yield finding;
  };
  // One pass to count what is kept: reporters print the count before they list.
  let count = 0;
  for await (const _finding of each()) count += 1;
  const results = { ...input.results, requirements: input.results.requirements.filter(keepRequirement) };
  return { ...input, results, findings: { count, each } };
}

// junit.xml: a test suite per requirement and a test case per requirement row (one per account,
// or one for the partner), so test cases and requirement rows are the same count. FAIL is a
// failure, ERROR an error, MANUAL and NOT_APPLICABLE are skipped; WARN, PASS and ATTESTED pass,
// with the row's reason and its non-passing findings in the case's text.

import type { Finding, RequirementResult } from '../contract/results.js';
import type { RequirementStatus } from '../contract/status.js';
import { FirstMatches, groupBy, rowKey, rowSubject } from './findings.js';
import type { Reporter, ReportInput } from './types.js';
import { viewNote } from './view.js';
import { attrs, escapeXml } from './xml.js';

interface TestCase {
  name: string;
  classname: string;
  status: RequirementStatus;
  summary: string;
  details: string[];
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

export const junitReporter: Reporter = {
  format: 'junit',
  fileName: 'junit.xml',
  render: async (input) => {
    const { results, checklist } = input;
    const lines = await problemLines(input);
    const rows = groupBy(results.requirements, (r) => [r.requirementId]);
    const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const filtered = viewNote(input.view, input.results.selection);
    // A filtered report leaves out the requirements it has no rows for.
    const listed = filtered ? checklist.requirements.filter((r) => rows.has(r.id)) : checklist.requirements;
    const suites = listed.map((requirement) => {
      const cases = (rows.get(requirement.id) ?? []).map((row) => rowCase(row, lines.get(rowKey(row.requirementId, row.accountId))));
      const counts = countCases(cases);
      for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
      return suiteXml(`${requirement.id} ${requirement.title}`, requirement.id, counts, cases);
    });
    const name = `${results.tool.name} ${checklist.id} ${checklist.version}`;
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      ...(filtered ? [`<!-- ${filtered.replace(/--/g, '- -')} -->`] : []),
      `<testsuites${attrs({ name, ...total, timestamp: results.finishedAt })}>`,
      ...suites,
      '</testsuites>',
      '',
    ].join('\n');
  },
};

/** Finding lines listed per test case; the rest are counted and left to results.json. */
export const MAX_FINDING_LINES = 50;

/**
 * One pass: each requirement row's non-passing finding lines (its account's, or every account's for
 * a partner row), the first MAX_FINDING_LINES of them. Passing findings stay in results.json;
 * listing them here would only bloat CI logs.
 */
async function problemLines({ findings }: ReportInput): Promise<Map<string, FirstMatches<string>>> {
  const lines = new Map<string, FirstMatches<string>>();
  const offer = (key: string, line: string) => {
    let list = lines.get(key);
    if (!list) lines.set(key, (list = new FirstMatches<string>(MAX_FINDING_LINES, () => true)));
    list.offer(line);
  };
  for await (const f of findings.each()) {
    if (f.status === 'PASS' || f.status === 'NOT_APPLICABLE') continue;
    const line = findingLine(f);
    for (const id of f.requirementIds) {
      offer(rowKey(id, f.accountId), line);
      offer(rowKey(id, undefined), line);
    }
  }
  return lines;
}

function rowCase(row: RequirementResult, problems: FirstMatches<string> | undefined): TestCase {
  const attestation = row.attestation
    ? `attested ${row.attestation.status} by ${row.attestation.owner} on ${row.attestation.date}`
    : undefined;
  const findings = problems?.shown ?? [];
  const more = problems && problems.total > findings.length ? [`and ${problems.total - findings.length} more findings in results.json`] : [];
  return {
    name: rowSubject(row),
    classname: `${row.requirementId}.${rowSubject(row)}`,
    status: row.status,
    summary: row.reason ?? attestation ?? row.status,
    details: [row.reason, attestation, ...findings, ...more].filter((line): line is string => line !== undefined),
  };
}

function findingLine(f: Finding): string {
  const notes = [f.advisory ? 'advisory' : '', f.exception ? `excepted until ${f.exception.expires}` : ''].filter(Boolean);
  const note = notes.length ? ` (${notes.join(', ')})` : '';
  return `${f.status}${note} ${f.checkId} ${f.accountId}/${f.region} ${f.resource}: ${f.message} [request IDs: ${f.requestIds.join(' ')}]`;
}

function countCases(cases: TestCase[]): Counts {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.status === 'FAIL').length,
    errors: cases.filter((c) => c.status === 'ERROR').length,
    skipped: cases.filter((c) => c.status === 'MANUAL' || c.status === 'NOT_APPLICABLE').length,
  };
}

function suiteXml(name: string, id: string, counts: Counts, cases: TestCase[]): string {
  return [`  <testsuite${attrs({ name, id, ...counts })}>`, ...cases.map(caseXml), '  </testsuite>'].join('\n');
}

function caseXml(test: TestCase): string {
  const open = `    <testcase${attrs({ classname: test.classname, name: test.name })}`;
  const body = escapeXml(test.details.join('\n'));
  const outcome = outcomeXml(test, body);
  if (outcome === undefined && body === '') return `${open}/>`;
  const systemOut = outcome === undefined ? `<system-out>${body}</system-out>` : '';
  return `${open}>${outcome ?? ''}${systemOut}</testcase>`;
}

function outcomeXml(test: TestCase, body: string): string | undefined {
  const message = attrs({ message: test.summary, type: test.status });
  switch (test.status) {
    case 'FAIL':
      return `<failure${message}>${body}</failure>`;
    case 'ERROR':
      return `<error${message}>${body}</error>`;
    case 'MANUAL':
    case 'NOT_APPLICABLE':
      return `<skipped${attrs({ message: test.summary })}/>`;
    default:
      return undefined;
  }
}

// junit.xml: a test suite per requirement, a test case per account and region. FAIL is a failure,
// ERROR an error, MANUAL and NOT_APPLICABLE are skipped; WARN passes with the warning in system-out.
// Advisory findings are listed but never decide a test case, as in the roll-up.

import type { Finding, RequirementResult } from '../contract/results.js';
import type { RequirementStatus } from '../contract/status.js';
import { findingsByRequirement, groupBy, requirementResultIndex } from './findings.js';
import { worstStatus } from './status.js';
import type { Reporter } from './types.js';
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
    const findings = findingsByRequirement(results.findings);
    const requirementResults = requirementResultIndex(results.requirements);
    const total: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
    const suites = checklist.requirements.map((requirement) => {
      const accountResults = results.accounts.flatMap(
        (a) => requirementResults.get(`${requirement.id}/${a.accountId}`) ?? [],
      );
      const cases = testCases(requirement.id, findings.get(requirement.id) ?? [], accountResults);
      const counts = countCases(cases);
      for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
      return suiteXml(`${requirement.id} ${requirement.title}`, requirement.id, counts, cases);
    });
    const name = `${results.tool.name} ${checklist.id} ${checklist.version}`;
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<testsuites${attrs({ name, ...total, timestamp: results.finishedAt })}>`,
      ...suites,
      '</testsuites>',
      '',
    ].join('\n');
  },
};

function testCases(requirementId: string, findings: Finding[], accountResults: RequirementResult[]): TestCase[] {
  const byPlace = groupBy(findings, (f) => [`${f.accountId}\u0000${f.region}`]);
  const cases = [...byPlace.values()].map((group) => findingCase(requirementId, group));
  const accountsWithFindings = new Set(findings.map((f) => f.accountId));
  for (const result of accountResults) {
    if (!accountsWithFindings.has(result.accountId)) cases.push(requirementCase(result));
  }
  return cases;
}

function findingCase(requirementId: string, group: Finding[]): TestCase {
  const first = group[0]!;
  const decisive = group.filter((f) => !f.advisory);
  const status = worstStatus(decisive.map((f) => f.status)) ?? 'PASS';
  const problems = decisive.filter((f) => f.status === status).length;
  return {
    name: `${first.accountId} ${first.region}`,
    classname: `${requirementId}.${first.accountId}`,
    status,
    summary: `${problems} of ${group.length} findings ${status}`,
    // Passing findings stay in results.json; listing them here would only bloat CI logs.
    details: group
      .filter((f) => f.status !== 'PASS')
      .map((f) => {
        const advisory = f.advisory ? ' (advisory)' : '';
        return `${f.status}${advisory} ${f.checkId} ${f.resource}: ${f.message} [request IDs: ${f.requestIds.join(' ')}]`;
      }),
  };
}

/** An account with no finding for the requirement: manual, attested, or not reached. */
function requirementCase(result: RequirementResult): TestCase {
  const attestation = result.attestation
    ? `attested ${result.attestation.status} by ${result.attestation.owner} on ${result.attestation.date}`
    : undefined;
  return {
    name: result.accountId,
    classname: `${result.requirementId}.${result.accountId}`,
    status: result.status,
    summary: result.reason ?? attestation ?? result.status,
    details: [result.reason, attestation].filter((line): line is string => line !== undefined),
  };
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

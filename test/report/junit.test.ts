import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/contract/results.js';
import { junitReporter } from '../../src/report/junit.js';
import { escapeXml } from '../../src/report/xml.js';
import { withFindings } from '../fixtures/report-input.js';
import { syntheticRun } from '../fixtures/synthetic-run.js';

type Json = Record<string, any>;
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

async function parse(input: ReturnType<typeof syntheticRun>): Promise<Json> {
  const xml = (await junitReporter.render(input)) as string;
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
}

describe('JUnit XML', () => {
  const input = syntheticRun({ accounts: 2, regions: 2 });

  it('has a test suite per requirement and a test case per requirement row', async () => {
    const doc = await parse(input);
    const suites = asList(doc.testsuites.testsuite) as Json[];
    expect(suites.map((s) => s.id)).toEqual(input.checklist.requirements.map((r) => r.id));
    const cases = suites.flatMap((s) => asList(s.testcase) as Json[]);
    expect(cases).toHaveLength(input.results.requirements.length);
    expect(Number(doc.testsuites.tests)).toBe(input.results.requirements.length);
    expect(Number(doc.testsuites.failures)).toBe(input.results.requirements.filter((r) => r.status === 'FAIL').length);
    const guardduty = suites.find((s) => s.id === 'SECOPS-007')!;
    expect((asList(guardduty.testcase) as Json[]).map((c) => c.name)).toEqual(input.results.accounts.map((a) => a.accountId));
    const partner = suites.find((s) => s.id === 'DOC-001')!;
    expect(asList(partner.testcase).map((c: Json) => [c.classname, c.name])).toEqual([['DOC-001.partner', 'partner']]);
  });

  it('maps FAIL to failure, ERROR to error and MANUAL/NOT_APPLICABLE to skipped, with matching counts', async () => {
    const doc = await parse(input);
    const suites = asList(doc.testsuites.testsuite) as Json[];
    let failures = 0;
    let errors = 0;
    let skipped = 0;
    for (const suite of suites) {
      const cases = asList(suite.testcase) as Json[];
      const f = cases.filter((c) => c.failure !== undefined).length;
      const e = cases.filter((c) => c.error !== undefined).length;
      const s = cases.filter((c) => c.skipped !== undefined).length;
      expect([Number(suite.tests), Number(suite.failures), Number(suite.errors), Number(suite.skipped)]).toEqual([cases.length, f, e, s]);
      failures += f;
      errors += e;
      skipped += s;
    }
    expect([Number(doc.testsuites.failures), Number(doc.testsuites.errors), Number(doc.testsuites.skipped)]).toEqual([failures, errors, skipped]);
    const manual = suites.find((s) => s.id === 'DOC-001')!;
    expect(asList(manual.testcase).every((c: Json) => c.skipped !== undefined)).toBe(true);
    const notApplicable = suites.find((s) => s.id === 'CO-001')!;
    expect(asList(notApplicable.testcase).every((c: Json) => c.skipped !== undefined)).toBe(true);
    const attested = suites.find((s) => s.id === 'SUP-001')!;
    expect(asList(attested.testcase).every((c: Json) => c.skipped === undefined && c.failure === undefined)).toBe(true);
  });

  it('puts the failing findings and their request IDs in the failure body', async () => {
    const failing = input.results.findings.find((f) => f.status === 'FAIL')!;
    const doc = await parse(input);
    const suite = (asList(doc.testsuites.testsuite) as Json[]).find((s) => s.id === failing.requirementIds[0])!;
    const testCase = (asList(suite.testcase) as Json[]).find((c) => c.name === failing.accountId)!;
    expect(testCase.failure['#text']).toContain(failing.resource);
    expect(testCase.failure['#text']).toContain(failing.requestIds[0]);
  });

  it('escapes markup and drops characters XML cannot hold', async () => {
    const nasty: Finding = {
      ...input.results.findings[0]!,
      status: 'ERROR',
      resource: 'arn:aws:s3:::bucket<&>"\'',
      message: 'AccessDenied: <Error> & "quotes" \u0000\u0007 ]]> done',
    };
    const requirements = input.results.requirements.map((r) => (r.requirementId === nasty.requirementIds[0] && r.accountId === nasty.accountId ? { ...r, status: 'ERROR' as const } : r));
    const doc = await parse(withFindings(input, [...input.results.findings, nasty], { requirements }));
    const suite = (asList(doc.testsuites.testsuite) as Json[]).find((s) => s.id === nasty.requirementIds[0])!;
    const errored = (asList(suite.testcase) as Json[]).filter((c) => c.error !== undefined);
    expect(errored.some((c) => String(c.error['#text']).includes('AccessDenied: <Error> & "quotes"'))).toBe(true);
    expect(escapeXml('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&apos;');
    expect(escapeXml('x\u0000y')).toBe('x\uFFFDy');
  });
});

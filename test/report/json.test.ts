import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { FINDING_STATUSES, REQUIREMENT_STATUSES } from '../../src/contract/status.js';
import { jsonReporter } from '../../src/report/json.js';
import { syntheticRun } from '../fixtures/synthetic-run.js';

const schema = JSON.parse(readFileSync(new URL('../../docs/results.schema.json', import.meta.url), 'utf8'));

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

describe('json reporter and results schema', () => {
  const input = syntheticRun({ accounts: 3, regions: 2 });

  it('writes results.json exactly as the Results object', async () => {
    const text = (await jsonReporter.render(input)) as string;
    expect(jsonReporter.fileName).toBe('results.json');
    expect(JSON.parse(text)).toEqual(input.results);
  });

  it('validates a rendered results file against docs/results.schema.json', async () => {
    const validate = validator();
    const rendered = JSON.parse((await jsonReporter.render(input)) as string);
    expect(validate(rendered), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects results that break the contract', async () => {
    const validate = validator();
    const rendered = JSON.parse((await jsonReporter.render(input)) as string);
    rendered.findings[0].status = 'OK';
    delete rendered.findings[1].requestIds;
    rendered.accounts[0].accountId = '12345';
    expect(validate(rendered)).toBe(false);
    const paths = validate.errors!.map((e) => e.instancePath);
    expect(paths).toEqual(expect.arrayContaining(['/findings/0/status', '/findings/1', '/accounts/0/accountId']));
  });

  it('keeps the schema enums equal to the model', () => {
    expect(schema.$defs.findingStatus.enum).toEqual([...FINDING_STATUSES]);
    expect(schema.$defs.requirementStatus.enum).toEqual([...REQUIREMENT_STATUSES]);
  });
});

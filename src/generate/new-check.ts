// `npm run new-check -- <service> <check-id>`: writes a check, its test table and the service's
// fixture stub (unless a grouped fixture file holds its builders already), each filled with blanks
// the meta tests reject until they are real. Never overwrites.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGENERATE_COMMAND } from '../regenerate.js';

const CHECK_ID = /^[a-z0-9]+(-[a-z0-9]+)+$/;
const SERVICE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function checkFile(id: string, service: string): string {
  const declared = existsSync(join(ROOT, 'src/datasets', service, 'datasets.ts'));
  return `import { defineCheck } from '../src/contract/check.js';
${declared ? `// import { … } from '../src/datasets/${service}/datasets.js';\n` : ''}import { accountArn } from './lib/arn.js';

// Written by \`npm run new-check\`: every blank below is rejected by test/checks/meta.test.ts until filled.
export default defineCheck({
  id: '${id}',
  title: '',
  description: '',
  requirements: {},
  severity: 'medium',
  scope: 'account',
  uses: {},
  remediation: '',
  docsUrl: '',
  messages: { notWritten: 'The check ${id} is not written yet.' },
  evaluate: (input) => [{ status: 'ERROR', messageId: 'notWritten', resource: accountArn(input) }],
});
`;
}

/** The fixture file holding the service's builders: a group file that imports its evidence types, else its own. */
function fixtureFileOf(service: string): string {
  const dir = join(ROOT, 'test/helpers/fixtures');
  const group = existsSync(dir)
    ? readdirSync(dir).find((name) => readFileSync(join(dir, name), 'utf8').includes(`src/datasets/${service}/datasets.js`))
    : undefined;
  return `test/helpers/fixtures/${group ?? `${service}.ts`}`;
}

function testFile(id: string, fixtures: string): string {
  return `import check from '../../checks/${id}.js';
import { ACCOUNT, accountInput } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

// One case per branch of the check, its evidence built with ../helpers/fixtures/${fixtures.split('/').pop()}.
runCheckCases(check, [
  {
    name: 'not written yet',
    input: accountInput({ data: {} }),
    expected: [{ status: 'ERROR', messageId: 'notWritten', resource: \`arn:aws:iam::\${ACCOUNT}:root\` }],
  },
]);
`;
}

function fixtureFile(service: string): string {
  return `// ${service} evidence for check tests: small builders with defaults that each case overrides, e.g.
//   export function thing(overrides: Partial<Thing> = {}): Thing { return { id: 't-1', ...overrides }; }
// with the evidence types imported from src/datasets/${service}/datasets.ts.
`;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function write(path: string, text: string): void {
  const target = join(ROOT, path);
  if (existsSync(target)) {
    process.stdout.write(`kept ${path} (it exists)\n`);
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  process.stdout.write(`wrote ${path}\n`);
}

const [service, id] = process.argv.slice(2);
if (!service || !id || !SERVICE.test(service) || !CHECK_ID.test(id)) {
  process.stderr.write('usage: npm run new-check -- <service> <check-id>   e.g. npm run new-check -- iam iam-password-policy-strong\n');
  process.exit(2);
}
if (existsSync(join(ROOT, 'checks', `${id}.ts`))) {
  process.stderr.write(`new-check: checks/${id}.ts exists already\n`);
  process.exit(2);
}
write(`checks/${id}.ts`, checkFile(id, service));
const fixtures = fixtureFileOf(service);
write(`test/checks/${id}.test.ts`, testFile(id, fixtures));
write(fixtures, fixtureFile(service));
process.stdout.write(`Next: docs/adding-a-check.md lists the rest; then run \`${REGENERATE_COMMAND}\` and \`npm test\`.\n`);

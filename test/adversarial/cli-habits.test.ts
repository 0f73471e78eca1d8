// The habits people expect of a command-line tool, through the built CLI: a reader that stops early
// (`| head`), colour by NO_COLOR, FORCE_COLOR and --no-color, and credential errors that name the fix.

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Results } from '../../src/contract/results.js';
import { CLI, DEMO_SNAPSHOT, cli, demoRun, oneLine, workDir } from './harness.js';

const exec = promisify(execFile);
const ESC = '\x1b[';

let root: string;
let run: string;

beforeAll(async () => {
  root = workDir('habits');
  run = await demoRun(root);
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Runs a shell line; the exit code is the CLI's (pipefail), the output what the shell saw. */
async function shell(line: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('bash', ['-o', 'pipefail', '-c', line], { env: { PATH: process.env.PATH, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('a reader that stops early', () => {
  it('report --out - | head -1 ends without a stack trace, with the exit code of the results', async () => {
    const result = await shell(`node ${CLI} report ${run} --out - --format json | head -1`);
    expect(result.stdout).toBe('{\n');
    expect(result.stderr).not.toMatch(/EPIPE|node:events|\bat .*:\d+/);
    // Only the re-render note reaches stderr; the demo FAILs, so the results' exit code is 3.
    expect(result.code).toBe(3);
  });
});

describe('colour', () => {
  const scanArgs = (name: string): string => `scan --snapshot ${DEMO_SNAPSHOT} --out ${join(root, name)} --format json --exit-zero`;

  it('FORCE_COLOR colours the summary even in a pipe; --no-color, accepted by every command, turns it off', { timeout: 180_000 }, async () => {
    const forced = await shell(`node ${CLI} ${scanArgs('forced')}`, { FORCE_COLOR: '1' });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(ESC);
    const flagged = await shell(`node ${CLI} ${scanArgs('flagged')} --no-color`, { FORCE_COLOR: '1' });
    expect(flagged.code).toBe(0);
    expect(flagged.stdout).toContain('Requirement rows');
    expect(flagged.stdout).not.toContain(ESC);
    for (const args of [['checks'], ['explain', 'SECOPS-011'], ['report', run, '--out', '-', '--format', 'csv'], ['policy']]) {
      const result = await cli(['--no-color', ...args]);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).not.toBe(2);
    }
  });

  // On a terminal (script(1) gives the CLI one), colour is on unless NO_COLOR is set and not empty.
  it('NO_COLOR turns colour off on a terminal; an empty NO_COLOR does not', { timeout: 120_000 }, async () => {
    const onTerminal = (name: string, noColor: string) =>
      shell(`script -qec "node ${resolve(CLI)} ${scanArgs(name)}" /dev/null`, { NO_COLOR: noColor, TERM: 'xterm-256color' });
    const plain = await onTerminal('no-color', '1');
    expect(plain.stdout).toContain('Requirement rows');
    expect(plain.stdout).not.toContain(ESC);
    const coloured = await onTerminal('empty-no-color', '');
    expect(coloured.stdout).toContain(ESC);
  });
});

describe('credential errors name the fix', () => {
  let home: string;
  const noCredentials = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: home,
    AWS_REGION: 'us-east-1',
    // No instance or container credentials to wait for.
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  });

  beforeAll(() => {
    home = join(root, 'home');
    mkdirSync(join(home, '.aws'), { recursive: true });
    writeFileSync(
      join(home, '.aws', 'config'),
      [
        '[profile sso-user]',
        'sso_session = corp',
        'sso_account_id = 401234567890',
        'sso_role_name = Auditor',
        'region = us-east-1',
        '[sso-session corp]',
        'sso_start_url = https://example.awsapps.com/start',
        'sso_region = us-east-1',
        '',
      ].join('\n'),
    );
  });

  it('no credentials at all: --profile, aws sso login and the environment variables', async () => {
    const result = await cli(['scan', '--out', join(root, 'none'), '--quiet'], noCredentials());
    expect(result.code).toBe(1);
    const line = oneLine(result);
    expect(line).toContain('no AWS credentials found');
    expect(line).toContain('--profile <name>');
    expect(line).toContain('aws sso login');
    expect(line).toContain('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  });

  it('an unknown --profile is refused before any lookup, exit 2', async () => {
    const result = await cli(['scan', '--profile', 'nope', '--out', join(root, 'nope'), '--quiet'], noCredentials());
    expect(result.code).toBe(2);
    expect(oneLine(result)).toBe('partner-audit: profile "nope" is not in ~/.aws/config or ~/.aws/credentials');
  });

  it('an SSO profile without a live session: aws sso login --profile <it>', async () => {
    const result = await cli(['preflight', '--profile', 'sso-user'], noCredentials());
    expect(result.code).not.toBe(0);
    expect(oneLine(result)).toBe(
      'partner-audit: the AWS SSO session of profile "sso-user" has expired or was never started: run `aws sso login --profile sso-user` and try again',
    );
  });
});

describe('generated templates speak to users', () => {
  it.each([
    ['cloudformation', 'aws cloudformation deploy --template-file partner-audit-role.cfn.yaml'],
    ['terraform', 'terraform plan and apply'],
  ])('policy --format %s says what the file is and how to deploy it, never a developer build command', async (format, deploy) => {
    const result = await cli(['policy', '--format', format]);
    expect(result.code).toBe(0);
    const header = result.stdout.split('\n').filter((line) => line.startsWith('#')).join('\n');
    expect(header).toMatch(/^# Audit role for partner-audit/);
    expect(header).toContain(deploy);
    expect(result.stdout).not.toMatch(/npm run|npm test/);
  });

  it('the shipped deploy/ files carry no developer build commands either', () => {
    const files = readdirSync('deploy', { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ya?ml|tf|json)$|Dockerfile$/.test(file));
    expect(files.length).toBeGreaterThan(4);
    for (const file of files) expect(readFileSync(join('deploy', file), 'utf8'), file).not.toContain('npm run generate');
  });
});

describe('scan --snapshot refuses the flags that choose what to collect', () => {
  it.each([
    [['--accounts', '401234567890'], '--accounts only narrows'],
    [['--regions', 'eu-west-1'], '--regions only narrows'],
    [['--org', '--include-tag', 'Environment=production'], '--org, --include-tag only narrow'],
    [['--exclude-accounts', '404567890123'], '--exclude-accounts only narrows'],
  ])('%j: one line, exit 2, no run directory', async (flags, words) => {
    const out = join(root, `refused-${Math.random().toString(36).slice(2, 8)}`);
    const result = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', out, '--quiet', ...flags]);
    expect(result.code).toBe(2);
    const line = oneLine(result);
    expect(line).toMatch(/^partner-audit: --snapshot evaluates every account and region the snapshot holds; /);
    expect(line).toContain(words);
    expect(existsSync(out)).toBe(false);
  });
});

describe('--severity and --status narrow what the reports list', () => {
  it('scan: the reports say they are filtered and list only those rows; results.json stays complete', async () => {
    const out = join(root, 'filtered');
    const result = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', out, '--format', 'json,markdown,junit', '--status', 'FAIL', '--severity', 'critical,high']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Filtered report: only severity critical, high; status FAIL.');
    const full = JSON.parse(readFileSync(join(run, 'results.json'), 'utf8')) as Results;
    const narrowedRun = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    expect(narrowedRun.findings.length).toBe(full.findings.length);
    expect(narrowedRun.requirements.length).toBe(full.requirements.length);
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('> **Filtered report: only severity critical, high; status FAIL.');
    expect(summary).toMatch(/Requirement rows: \d+ \*\*FAIL\*\*\n/);
    const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
    expect(junit).toContain('<!-- Filtered report: only severity critical, high; status FAIL.');
    expect(junit).not.toMatch(/<skipped/);
  });

  it('report --out -: the same view of a run rendered again', async () => {
    const result = await cli(['report', run, '--out', '-', '--format', 'markdown', '--status', 'ATTESTED,MANUAL']);
    expect(result.stdout).toContain('Filtered report: only status ATTESTED, MANUAL.');
    const rows = /^Requirement rows: (.*)$/m.exec(result.stdout)?.[1];
    expect(rows).toMatch(/MANUAL/);
    expect(rows).not.toMatch(/FAIL|PASS|WARN|ERROR/);
  });

  it.each([
    [['--severity', 'hgh'], 'partner-audit: unknown severity "hgh" (did you mean high?); choose from critical, high, medium, low, informational'],
    [['--status', 'ATTEST'], 'partner-audit: unknown status "ATTEST" (did you mean ATTESTED?); choose from PASS, FAIL, WARN, ERROR, NOT_APPLICABLE, MANUAL, ATTESTED'],
    [['--status', 'N/A'], /^partner-audit: unknown status "N\/A"/],
  ])('%j: one line naming the nearest known value, exit 2', async (flags, message) => {
    for (const args of [['report', run, '--out', '-', '--format', 'markdown'], ['scan', '--snapshot', DEMO_SNAPSHOT, '--out', join(root, 'never')]]) {
      const result = await cli([...args, ...flags]);
      expect(result.code).toBe(2);
      if (typeof message === 'string') expect(oneLine(result)).toBe(message);
      else expect(oneLine(result)).toMatch(message);
    }
  });
});

describe('--security-hub', () => {
  it('without a configured region: refused before any AWS call, exit 2', async () => {
    const env = { PATH: process.env.PATH, HOME: join(root, 'empty-home'), AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE000000000', AWS_SECRET_ACCESS_KEY: 'x' };
    const result = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', join(root, 'hub'), '--security-hub', '--quiet'], env);
    expect(result.code).toBe(2);
    expect(oneLine(result)).toBe("partner-audit: --security-hub imports into the Security Hub of your configured region: set AWS_REGION or the profile's region");
    expect(existsSync(join(root, 'hub'))).toBe(false);
  });
});

describe('--notify', () => {
  // A closed port (fetch refuses port 9 outright, as a blocked port).
  const SECRET = 'https://127.0.0.1:65431/services/T000/B000/secret-token-do-not-print';

  it('needs --baseline, and a bad target is refused without echoing it: exit 2 before any AWS call', async () => {
    const without = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', join(root, 'n1'), '--notify', SECRET, '--quiet']);
    expect(without.code).toBe(2);
    expect(oneLine(without)).toBe('partner-audit: --notify sends what changed since --baseline: give --baseline <run-dir> too');
    const bad = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', join(root, 'n2'), '--baseline', run, '--notify', 'http://hooks.example.com/secret-token', '--quiet']);
    expect(bad.code).toBe(2);
    expect(oneLine(bad)).not.toContain('secret-token');
    expect(existsSync(join(root, 'n2'))).toBe(false);
  });

  it('nothing changed since the baseline: no notification is sent', async () => {
    const result = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', join(root, 'n3'), '--baseline', run, '--notify', SECRET, '--format', 'json']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Notify: nothing worth telling changed since the baseline: no notification sent');
  });

  it('a regression is sent; a webhook that cannot be reached fails the command without printing its URL', async () => {
    const baseline = join(root, 'passing-baseline');
    mkdirSync(baseline);
    const results = JSON.parse(readFileSync(join(run, 'results.json'), 'utf8')) as Results;
    for (const row of results.requirements) if (row.status === 'FAIL') row.status = 'PASS';
    writeFileSync(join(baseline, 'results.json'), JSON.stringify(results));
    const result = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', join(root, 'n4'), '--baseline', baseline, '--notify', SECRET, '--quiet']);
    expect(result.code).toBe(1);
    expect(oneLine(result)).toBe('partner-audit: --notify: the webhook at 127.0.0.1 could not be reached (ECONNREFUSED)');
    expect(result.stderr + result.stdout).not.toContain('secret-token');
  });
});

describe('--checks and --requirements', () => {
  it('scan: only those checks run, rows only for their requirements, results.json records the selection and matches its schema', async () => {
    const out = join(root, 'narrowed');
    const result = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', out, '--format', 'json,markdown', '--checks', 'support-plan-business-or-higher']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Narrowed scan: only checks support-plan-business-or-higher were collected and judged');
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    expect(results.selection).toEqual({ checks: ['support-plan-business-or-higher'] });
    expect(new Set(results.findings.map((f) => f.checkId))).toEqual(new Set(['support-plan-business-or-higher']));
    expect(new Set(results.requirements.map((r) => r.requirementId))).toEqual(new Set(['SUP-001']));
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const valid = ajv.compile(JSON.parse(readFileSync('docs/results.schema.json', 'utf8')) as object);
    expect(valid(results), JSON.stringify(valid.errors)).toBe(true);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('> **Narrowed scan: only checks support-plan-business-or-higher');
  });

  it('scan --requirements keeps the requirement rows asked for, manual ones included', async () => {
    const out = join(root, 'narrowed-requirements');
    const result = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', out, '--format', 'json', '--requirements', 'SUP-001,SECOPS-004', '--exit-zero', '--quiet']);
    expect(result.code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    expect(results.selection).toEqual({ requirements: ['SUP-001', 'SECOPS-004'] });
    expect(new Set(results.requirements.map((r) => r.requirementId))).toEqual(new Set(['SUP-001', 'SECOPS-004']));
  });

  it('report: lists only those, and says so', async () => {
    const result = await cli(['report', run, '--out', '-', '--format', 'markdown', '--requirements', 'SUP-001']);
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Filtered report: only requirements SUP-001.');
    expect(result.stdout).toMatch(/^Requirement rows: 1 \*\*FAIL\*\* · 3 PASS$/m);
  });

  it.each([
    [['--checks', 'guardduty-enabeld'], 'partner-audit: unknown check "guardduty-enabeld" (did you mean guardduty-enabled?)'],
    [['--requirements', 'SUP-01'], 'partner-audit: unknown requirement "SUP-01" of smb-competency (did you mean SUP-001?)'],
  ])('%j: one line with the nearest known ID, exit 2, on scan and report', async (flags, message) => {
    for (const args of [['scan', '--snapshot', DEMO_SNAPSHOT, '--out', join(root, 'never-narrowed')], ['report', run, '--out', '-', '--format', 'markdown']]) {
      const result = await cli([...args, ...flags]);
      expect(result.code).toBe(2);
      expect(oneLine(result)).toBe(message);
    }
  });
});

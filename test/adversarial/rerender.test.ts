// `report` must not re-bless tampering: it verifies the run first, refuses modified evidence unless
// --allow-modified, and then every report says so with the hashes. The evidence's own SHA256SUMS is
// never rewritten.

import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeChecksums } from '../../src/bundle/checksums.js';
import { sha256 } from '../../src/bundle/files.js';
import type { Results } from '../../src/contract/results.js';
import { cli, copyRun, demoRun, editJson, oneLine, workDir } from './harness.js';

let root: string;
let sealed: string;

beforeAll(async () => {
  root = workDir('rerender');
  sealed = await demoRun(root);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** results.json with every FAIL turned into a PASS: the classic tampering. */
function tamper(run: string): void {
  editJson<Results>(join(run, 'results.json'), (r) => {
    for (const req of r.requirements) if (req.status === 'FAIL') req.status = 'PASS';
  });
}

describe('report on tampered evidence', () => {
  it('refuses with exit 1, naming the changed file, and writes nothing', async () => {
    const run = copyRun(sealed, root, 'refused');
    tamper(run);
    const sums = readFileSync(join(run, 'SHA256SUMS'));
    const out = await cli(['report', run]);
    expect(out.code).toBe(1);
    expect(oneLine(out)).toBe(
      `partner-audit: ${run} does not match its SHA256SUMS (changed: results.json): refusing to re-render it; ` +
        'pass --allow-modified to render it anyway, marked "re-rendered from modified results"',
    );
    expect(existsSync(join(run, 'rerenders'))).toBe(false);
    expect(readFileSync(join(run, 'SHA256SUMS'))).toEqual(sums);
    expect((await cli(['verify', run])).code).toBe(1);
  });

  it('refuses a run whose SHA256SUMS was deleted to hide the edit', async () => {
    const run = copyRun(sealed, root, 'unsealed');
    tamper(run);
    rmSync(join(run, 'SHA256SUMS'));
    const out = await cli(['report', run, '--out', '-', '--format', 'json']);
    expect(out.code).toBe(1);
    expect(oneLine(out)).toMatch(/has no SHA256SUMS, so nothing shows its evidence is the sealed one: refusing to re-render it/);
    expect(out.stdout).toBe('');
  });

  it('with --allow-modified renders into a folder of its own, every report saying "re-rendered from modified results" with the hashes, the evidence list untouched', async () => {
    const run = copyRun(sealed, root, 'allowed');
    tamper(run);
    const sums = readFileSync(join(run, 'SHA256SUMS'), 'utf8');
    const sealedHash = /^([0-9a-f]{64}) {2}results\.json$/m.exec(sums)![1]!;
    const currentHash = sha256(readFileSync(join(run, 'results.json')));
    const out = await cli(['report', run, '--allow-modified', '--format', 'html,markdown,json']);
    expect(out.code).toBe(0); // every FAIL was turned into a PASS; the exit code follows the (modified) results
    expect(out.stderr).toMatch(/^Re-rendered from modified results on /);
    expect(readFileSync(join(run, 'SHA256SUMS'), 'utf8')).toBe(sums);

    const [folder] = readdirSync(join(run, 'rerenders'));
    expect(folder).toMatch(/-modified$/);
    const dir = join(run, 'rerenders', folder!);
    expect(readdirSync(dir).sort()).toEqual(['RENDER.json', 'SHA256SUMS', 'report.html', 'results.json', 'summary.md']);
    for (const file of ['report.html', 'summary.md']) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).toMatch(/Re-rendered from modified results/);
      expect(text, file).toContain(`sha256:${currentHash}`);
      expect(text, file).toContain(`sha256:${sealedHash}`);
    }
    const record = JSON.parse(readFileSync(join(dir, 'RENDER.json'), 'utf8'));
    expect(record).toMatchObject({
      source: 'modified',
      evidence: { differences: [{ file: 'results.json', change: 'changed', sealed: sealedHash, current: currentHash }] },
      inputs: { 'results.json': currentHash },
    });

    // The evidence still fails verification; the rendering verifies against its own list and says what it is.
    const verify = await cli(['verify', run]);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('changed: results.json');
    expect(verify.stdout).toMatch(/re-render rerenders\/\S+-modified: OK, 4 files match its SHA256SUMS; re-rendered from MODIFIED results/);
  });

  it('a rendering whose RENDER.json is forged to claim the sealed evidence fails verification', async () => {
    const run = copyRun(sealed, root, 'forged-render');
    tamper(run);
    expect((await cli(['report', run, '--allow-modified', '--format', 'markdown'])).code).toBe(0);
    const [folder] = readdirSync(join(run, 'rerenders'));
    const dir = join(run, 'rerenders', folder!);
    editJson<{ source: string }>(join(dir, 'RENDER.json'), (r) => (r.source = 'sealed'));
    await writeChecksums(dir);
    // Put the evidence back, so only the rendering's claim is false.
    copyFileSync(join(sealed, 'results.json'), join(run, 'results.json'));
    const verify = await cli(['verify', run]);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/re-render rerenders\/\S+: FAILED \(RENDER.json says it was rendered from the sealed evidence, but its results.json is not the one SHA256SUMS lists\)/);
  });

  it('re-renders intact evidence without touching SHA256SUMS, and the run still verifies', async () => {
    const run = copyRun(sealed, root, 'intact');
    const sums = readFileSync(join(run, 'SHA256SUMS'), 'utf8');
    const out = await cli(['report', run, '--format', 'markdown']);
    expect(out.code).toBe(3);
    expect(readFileSync(join(run, 'SHA256SUMS'), 'utf8')).toBe(sums);
    const verify = await cli(['verify', run]);
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(/rendered from the sealed evidence/);
  });
});

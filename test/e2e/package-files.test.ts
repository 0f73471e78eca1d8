// What `npm pack` ships: the CLI and the built bundles it loads. Without dist/sdk/ the packaged
// tool would load every SDK client package whole (docs/performance.md).

import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

describe('the packed package', () => {
  it('holds the CLI, the cut SDK bundles and the library doors', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT });
    const packed = new Set((JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path));
    const built = (dir: string, ext: string) => readdirSync(join(ROOT, dir)).filter((name) => name.endsWith(ext)).map((name) => `${dir}/${name}`);
    const expected = ['dist/src/cli/main.js', ...built('dist/sdk', '.cjs'), ...built('dist/src/vendor', '.js')];
    expect(expected.filter((path) => !packed.has(path))).toEqual([]);
  });
});

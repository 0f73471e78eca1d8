// The built doors of the runtime libraries (dist/src/vendor/, src/generate/vendor.ts): each is a
// bundle of its library, not a re-export, with the names the source door exports, in ASCII.
// The CLI tests that run the built tool exercise them end to end.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BUILT = join(ROOT, 'dist/src/vendor');
const doors = readdirSync(join(ROOT, 'src/vendor')).filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -3));

describe('built library doors (dist/src/vendor)', () => {
  it.each(doors)('%s is a bundle of its library with the names of the source door', async (door) => {
    const file = join(BUILT, `${door}.js`);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(/\bfrom\s*["'](?!node:)[^"'./][^"']*["']/);
    expect(text).not.toMatch(/[^\x00-\x7f]/);
    const built = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const source = (await import(pathToFileURL(join(ROOT, 'src/vendor', `${door}.ts`)).href)) as Record<string, unknown>;
    expect(Object.keys(built).sort()).toEqual(Object.keys(source).sort());
  });

  it('parse and validate as the libraries do', async () => {
    const { z } = (await import(pathToFileURL(join(BUILT, 'zod.js')).href)) as typeof import('../../src/vendor/zod.js');
    const { parseDocument } = (await import(pathToFileURL(join(BUILT, 'yaml.js')).href)) as typeof import('../../src/vendor/yaml.js');
    const { parse } = (await import(pathToFileURL(join(BUILT, 'csv-parse.js')).href)) as typeof import('../../src/vendor/csv-parse.js');
    const schema = z.strictObject({ regions: z.array(z.string()) });
    expect(schema.parse(parseDocument('regions: [eu-west-1, "€"]').toJS())).toEqual({ regions: ['eu-west-1', '€'] });
    expect(schema.safeParse({ regions: [], extra: 1 }).success).toBe(false);
    expect(parse('user,arn\nroot,"arn:aws:iam::1:root"\n', { columns: true })).toEqual([{ user: 'root', arn: 'arn:aws:iam::1:root' }]);
  });
});

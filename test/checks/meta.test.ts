// Holds the checks, their index and their tests together (the ESLint/Prowler build gates).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index.js';
import { type AnyCheck, checkActions, datasetsOf } from '../../src/contract/check.js';
import { isReadOnlyAction } from '../../src/policy/policy.js';

const here = dirname(fileURLToPath(import.meta.url));
const checksDir = join(here, '../../checks');
const fileIds = readdirSync(checksDir)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
  .map((name) => name.replace(/\.ts$/, ''))
  .sort();

/** A check's test file, plus the shared case tables (`../helpers/*-cases.js`) it imports. */
function testSource(id: string): string {
  const file = join(here, `${id}.test.ts`);
  const text = readFileSync(file, 'utf8');
  const shared = [...text.matchAll(/from '\.\.\/helpers\/([\w-]+-cases)\.js'/g)].map((m) => readFileSync(join(here, '../helpers', `${m[1]}.ts`), 'utf8'));
  return [text, ...shared].join('\n');
}

const messageIdsIn = (source: string) => new Set([...source.matchAll(/messageId: '(\w+)'/g)].map((m) => m[1]!));

describe('checks meta', () => {
  it('the index lists exactly the check files, without duplicates', () => {
    const ids = ALL_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(fileIds);
  });

  it.each(fileIds)('%s: its default export is the indexed check with the file name as id', async (id) => {
    const module = (await import(pathToFileURL(join(checksDir, `${id}.ts`)).href)) as { default: AnyCheck };
    expect(module.default.id).toBe(id);
    expect(ALL_CHECKS).toContain(module.default);
  });

  describe.each(ALL_CHECKS.map((check) => [check.id, check] as const))('%s', (id, check) => {
    it('has a test file', () => {
      expect(existsSync(join(here, `${id}.test.ts`))).toBe(true);
    });

    it('its tests use only message IDs it defines, and every one it defines', () => {
      const used = messageIdsIn(testSource(id));
      const defined = Object.keys(check.messages);
      expect([...used].filter((m) => !defined.includes(m)), 'message IDs in tests that the check lacks').toEqual([]);
      expect(defined.filter((m) => !used.has(m)), 'messages no test case reaches').toEqual([]);
    });

    it('has complete metadata', () => {
      expect(check.title.length).toBeGreaterThan(10);
      expect(check.description.length).toBeGreaterThan(40);
      expect(check.remediation.length).toBeGreaterThan(40);
      expect(check.docsUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(Object.values(check.requirements).flat().length, 'maps to a requirement of some checklist').toBeGreaterThan(0);
      expect(Object.values(check.requirements).flat().every((r) => /^[A-Z][A-Z0-9]*(-\d{3})?$/.test(r))).toBe(true);
    });

    it('needs only read-only actions, at least one when it reads AWS evidence', () => {
      const actions = checkActions(check);
      if (datasetsOf(check).length > 0) expect(actions.length).toBeGreaterThan(0);
      expect(actions.filter((a) => !isReadOnlyAction(a))).toEqual([]);
    });
  });
});

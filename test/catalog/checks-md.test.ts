import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { REGENERATE_COMMAND, renderChecksMarkdown } from '../../src/docs/checks-md.js';

it('docs/checks.md is what the check metadata generates today', async () => {
  const committed = await readFile(new URL('../../docs/checks.md', import.meta.url), 'utf8').catch(() => '(missing)');
  expect(committed === renderChecksMarkdown(), `docs/checks.md is stale; regenerate it with: ${REGENERATE_COMMAND}`).toBe(true);
});

// Every derived file in the repository equals what `npm run generate` writes today: the folder
// indexes, docs/checks.md and the deploy/ templates. A stale one fails here, naming the command.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGENERATE_COMMAND } from '../../src/regenerate.js';
import { indexFiles } from '../../src/generate/indexes.js';
import { outputFiles } from '../../src/generate/outputs.js';

const root = join(import.meta.dirname, '../..');
const committed = (path: string) => {
  try {
    return readFileSync(join(root, path), 'utf8');
  } catch {
    return '(missing)';
  }
};

describe('generated files', () => {
  const files = { ...indexFiles(root), ...outputFiles() };

  it.each(Object.keys(files))(`%s is current (regenerate: ${REGENERATE_COMMAND})`, (path) => {
    expect(committed(path) === files[path], `${path} is stale; run ${REGENERATE_COMMAND}`).toBe(true);
  });
});

// Writes the files derived from the checks' metadata: docs/checks.md and the deploy/ templates.
// Run by `npm run generate` after the indexes are written and the code is built again.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ALL_CHECKS } from '../../checks/index.js';
import { deployFiles } from '../policy/deploy-files.js';
import { renderChecksMarkdown } from './checks-md.js';

export function outputFiles(): Record<string, string> {
  return { 'docs/checks.md': renderChecksMarkdown(ALL_CHECKS), ...deployFiles(ALL_CHECKS) };
}

export async function writeOutputFiles(root: string): Promise<string[]> {
  const files = Object.entries(outputFiles());
  for (const [path, content] of files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return files.map(([path]) => path);
}

// Regenerates docs/checks.md: `npm run build && node dist/src/docs/write-checks-md.js`.

import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderChecksMarkdown } from './checks-md.js';

// From dist/src/docs/ to the repository root.
const target = fileURLToPath(new URL('../../../docs/checks.md', import.meta.url));
await writeFile(target, renderChecksMarkdown());
process.stdout.write(`wrote ${target}\n`);

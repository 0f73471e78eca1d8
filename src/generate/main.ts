// `npm run generate`: `indexes` rewrites the folder registries (run before the second build),
// `outputs` rewrites docs/checks.md and deploy/ from the built code.

import { fileURLToPath } from 'node:url';
import { writeIndexFiles } from './indexes.js';

// dist/src/generate/ → the repository root.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const step = process.argv[2];
if (step !== 'indexes' && step !== 'outputs') throw new Error('usage: node dist/src/generate/main.js indexes|outputs');
// The outputs load every check through the index, so the indexes step must not import them.
const written = step === 'indexes' ? writeIndexFiles(root) : await (await import('./outputs.js')).writeOutputFiles(root);
for (const path of written) process.stdout.write(`wrote ${path}\n`);

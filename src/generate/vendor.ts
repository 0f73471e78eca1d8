// Part of `npm run build`: replaces each dist/src/vendor/<library>.js, a re-export of a runtime
// library (src/vendor/), with a minified bundle of that library cut to the names it re-exports.
// Loaded as published, zod alone held 3 MB of heap for the whole scan (docs/performance.md).
//   node dist/src/generate/vendor.js

import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { asciiOnly, isBuiltin } from './bundling.js';

async function bundleInPlace(file: string): Promise<void> {
  const staged = `${file}.bundle`;
  await build({
    input: file,
    platform: 'node',
    external: isBuiltin,
    output: { file: staged, format: 'esm', minify: true, codeSplitting: false },
    logLevel: 'warn',
  });
  asciiOnly(staged);
  renameSync(staged, file);
}

export async function bundleVendors(vendorDir: string): Promise<void> {
  const files = readdirSync(vendorDir).filter((name) => name.endsWith('.js'));
  await Promise.all(files.map((name) => bundleInPlace(join(vendorDir, name))));
}

// dist/src/generate/ → dist/src/vendor/.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleVendors(fileURLToPath(new URL('../vendor/', import.meta.url)));
}

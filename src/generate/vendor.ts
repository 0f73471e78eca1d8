// Part of `npm run build`: replaces each dist/src/vendor/<library>.js, a re-export of a runtime
// library (src/vendor/), with a minified bundle of that library cut to the names it re-exports.
// Loaded as published, zod alone held 3 MB of heap for the whole scan (docs/performance.md).
//   node dist/src/generate/vendor.js

import { readdirSync, renameSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { asciiOnly } from './ascii.js';

const isBuiltin = (id: string): boolean => id.startsWith('node:') || builtinModules.includes(id.split('/')[0]!);

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

export async function bundleVendors(vendorDir: string): Promise<string[]> {
  const files = readdirSync(vendorDir).filter((name) => name.endsWith('.js'));
  for (const name of files) rmSync(join(vendorDir, `${name}.bundle`), { force: true });
  await Promise.all(files.map((name) => bundleInPlace(join(vendorDir, name))));
  return files;
}

// dist/src/generate/ → dist/src/vendor/.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await bundleVendors(fileURLToPath(new URL('../vendor/', import.meta.url)));
}

// Part of `npm run build`: writes dist/sdk/<client>.cjs, each AWS SDK client package the code
// loads, cut down to the names the code takes from it. A client package is one bundle of every
// operation and shape of its service; loaded whole, the 54 we use hold about 51 MB of heap (EC2
// alone 7.8 MB) for the few dozen operations we send. The cut bundles keep the package's own
// code for those names (rolldown tree-shakes its ES modules) and require everything else, the
// shared @smithy and @aws-sdk runtime included, from node_modules as before: each bundle
// requires them from the package's own folder, so a client with its own @smithy copies gets those,
// wherever npm put them. The older clients that carry a whole runtime of their own (client-oam
// 3.332, FIS, Resilience Hub, Synthetics: their own @aws-sdk folder) share nothing with the others,
// so their runtime is cut down and bundled with them as well: loaded whole it was 6.7 MB of heap
// for four services, and code the scan compiled a second time (docs/performance.md).
//   node dist/src/generate/slim-sdk.js

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { SLIM_SDK_DIR, slimFileName } from '../aws/sdk-module.js';
import { asciiOnly, isBuiltin } from './bundling.js';
import { sdkLoads } from './sdk-loads.js';

const ENTRY = '\0slim-sdk-entry';

const isBare = (id: string): boolean => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/** A client package with an @aws-sdk runtime of its own in its folder, shared with no other client. */
function carriesOwnRuntime(pkg: string, root: string): boolean {
  const manifest = createRequire(join(root, 'package.json')).resolve(`${pkg}/package.json`);
  return existsSync(join(dirname(manifest), 'node_modules', '@aws-sdk'));
}

async function buildSlim(pkg: string, names: string[], outDir: string, root: string): Promise<void> {
  const inlineRuntime = carriesOwnRuntime(pkg, root);
  // Lazy imports (credential providers the scan never asks for: it always passes credentials) stay
  // lazy requires from the package's folder.
  const own = (id: string, kind: string): boolean => (inlineRuntime ? !isBuiltin(id) && kind !== 'dynamic-import' : id === pkg || id.startsWith(`${pkg}/`));
  await build({
    cwd: root,
    input: ENTRY,
    platform: 'node',
    // The ES module build is the one a bundler can tree-shake.
    resolve: { mainFields: ['module', 'main'] },
    plugins: [
      {
        name: 'slim-sdk-entry',
        resolveId: (id, _importer, { kind }) => {
          if (id === ENTRY) return id;
          return isBare(id) && !own(id, kind) ? { id, external: true } : null;
        },
        load: (id) => (id === ENTRY ? `export { ${names.join(', ')} } from '${pkg}';\n` : null),
      },
    ],
    output: {
      file: join(outDir, slimFileName(pkg)),
      format: 'cjs',
      // `import()` would resolve from dist/sdk/; a require resolves from the package's folder.
      dynamicImportInCjs: false,
      // A module's source stays in the heap as long as the module: minified, the 54 bundles hold
      // 3.5 MB less of it (docs/performance.md).
      minify: true,
      // The bundle's `require` is the package's own, as if the bundle sat in the package's folder;
      // strict, as the ES modules it was built from.
      postBanner: '(function (require) {\n"use strict";',
      postFooter: `})(require('node:module').createRequire(require.resolve(${JSON.stringify(pkg)})));`,
    },
    logLevel: 'warn',
  });
  asciiOnly(join(outDir, slimFileName(pkg)));
}

export async function writeSlimSdk(root: string, outDir: string): Promise<void> {
  const { names, unreadable } = sdkLoads(root, ['src', 'checks']);
  if (unreadable.length) throw new Error(`SDK loads that are not plain destructurings, in ${unreadable.join(', ')}`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const sorted = (pkg: string): string[] => [...(names.get(pkg) ?? [])].sort();
  const packages = [...names.keys()].sort();
  await Promise.all(packages.map((pkg) => buildSlim(pkg, sorted(pkg), outDir, root)));
  // What each bundle holds, for the test that holds every load to its bundle.
  const index = Object.fromEntries(packages.map((pkg) => [pkg, sorted(pkg)]));
  writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
}

// dist/src/generate/ → the repository root.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  await writeSlimSdk(root, fileURLToPath(SLIM_SDK_DIR));
}

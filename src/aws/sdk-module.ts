// The AWS SDK client packages are CommonJS bundles. Imported from ESM, Node 20 first compiles each
// bundle to detect its module format and then lexes it for export names; for our 54 clients that
// cost about 1.3 s of CPU at every start (docs/performance.md). `require` loads the same module
// object without either step, so test mocks and `instanceof` still see one class per command.
//
// The build cuts each package down to the names the code takes from it (src/generate/slim-sdk.ts,
// dist/sdk/); the built tool loads those. Run from the TypeScript sources (the unit tests), there
// is no dist/sdk/ beside this file and the whole packages load.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const load = createRequire(import.meta.url);

/** dist/sdk/ when this file runs from dist/src/aws/. */
export const SLIM_SDK_DIR = new URL('../../sdk/', import.meta.url);

/** `@aws-sdk/client-ec2` → `client-ec2.cjs`. */
export function slimFileName(name: string): string {
  return `${name.replace(/^@aws-sdk\//, '')}.cjs`;
}

/** An SDK client package, typed as its `import type * as` namespace. */
export function sdkModule<T>(name: `@aws-sdk/client-${string}`): T {
  const slim = fileURLToPath(new URL(slimFileName(name), SLIM_SDK_DIR));
  return load(existsSync(slim) ? slim : name) as T;
}

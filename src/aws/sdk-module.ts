// The AWS SDK client packages are CommonJS bundles. Imported from ESM, Node 20 first compiles each
// bundle to detect its module format and then lexes it for export names; for our 54 clients that
// cost about 1.3 s of CPU at every start (docs/performance.md). `require` loads the same module
// object without either step, so test mocks and `instanceof` still see one class per command.

import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** An SDK client package, typed as its `import type * as` namespace. */
export function sdkModule<T>(name: `@aws-sdk/client-${string}`): T {
  return load(name) as T;
}

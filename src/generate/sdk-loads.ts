// What the code takes from each AWS SDK client package: the names destructured from its load
// through the SDK loader (src/aws/sdk-module.ts), read from the TypeScript sources. The slim SDK
// build (slim-sdk.ts) keeps those names; the wire tests judge the operations among them.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// `sdk[M]odule` keeps these patterns from matching their own source text.
export const SDK_MODULE = /const\s+()\{([^}]*)\}\s*=\s*sdk[M]odule<[^>]*>\(\s*['"](@aws-sdk\/client-[\w-]+)['"]\s*\)/g;
/** Every load through the SDK loader; each must be one of the destructurings SDK_MODULE reads. */
export const ANY_SDK_MODULE = /(?<!function )\bsdk[M]odule\s*[<(]/g;

export function sourceFiles(root: string, dirs: string[]): string[] {
  const walk = (dir: string): string[] => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
    return entries.flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  };
  return dirs.flatMap((d) => walk(join(root, d)));
}

/** `A`, `B: alias` → `A`, `B`. */
function boundNames(destructured: string): string[] {
  return destructured
    .split(',')
    .map((part) => part.split(':')[0]?.trim() ?? '')
    .filter((name) => name !== '');
}

export interface SdkLoads {
  /** Package → every name some file destructures from its load. */
  names: Map<string, Set<string>>;
  /** Files with a load that is not a plain destructuring, whose names cannot be read. */
  unreadable: string[];
}

export function sdkLoads(root: string, dirs: string[]): SdkLoads {
  const names = new Map<string, Set<string>>();
  const unreadable: string[] = [];
  for (const path of sourceFiles(root, dirs)) {
    const text = readFileSync(path, 'utf8');
    const loads = [...text.matchAll(SDK_MODULE)];
    if ([...text.matchAll(ANY_SDK_MODULE)].length !== loads.length) unreadable.push(relative(root, path));
    for (const [, , destructured = '', pkg = ''] of loads) {
      let set = names.get(pkg);
      if (!set) names.set(pkg, (set = new Set()));
      for (const name of boundNames(destructured)) set.add(name);
    }
  }
  return { names, unreadable };
}

// What the build's bundles (slim-sdk.ts, vendor.ts) share.

import { readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

export const isBuiltin = (id: string): boolean => id.startsWith('node:') || builtinModules.includes(id.split('/')[0]!);

/**
 * V8 keeps a source with any character past Latin-1 at two bytes a character for as long as the
 * module is loaded: one € doubles the whole file. A bundle is written minified, so what is left
 * past ASCII sits in string, template and regular-expression literals, where `\uXXXX` means the
 * same character.
 */
export function asciiOnly(file: string): void {
  const code = readFileSync(file, 'utf8');
  const escaped = code.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== code) writeFileSync(file, escaped);
}

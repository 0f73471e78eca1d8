// The runtime libraries in src/vendor/ are loaded only through that door: `npm run build` swaps
// each door for a minified bundle (src/generate/vendor.ts), and an import that goes around it
// would load the whole package a second time, next to the bundle (docs/performance.md).

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const VENDOR_DIR = join(ROOT, 'src/vendor');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Module specifiers of the imports and re-exports that load code at run time (not `import type`). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const specifiers: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) specifiers.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) specifiers.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

const vendored = new Set(sourceFiles(VENDOR_DIR).flatMap(valueImports));

describe('src/vendor', () => {
  it('holds the doors of the runtime libraries', () => {
    expect([...vendored].sort()).toEqual(['chalk', 'commander', 'csv-parse/sync', 'csv-stringify/sync', 'yaml', 'zod']);
  });

  it('is the only way the code loads them', () => {
    const around = [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'checks'))]
      .filter((file) => !file.startsWith(VENDOR_DIR))
      .flatMap((file) => valueImports(file).filter((id) => vendored.has(id)).map((id) => `${relative(ROOT, file)} imports ${id}`));
    expect(around).toEqual([]);
  });
});

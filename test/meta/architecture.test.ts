// The shape of the code, held by tests over the import graph: layers import only downward, the
// contract imports nothing of ours but the library doors (src/vendor), the libraries behind those
// doors are loaded only through them, checks never load an SDK client, and requirement IDs are
// named only by checks and the checklist data.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { listChecklists } from '../../src/catalog/index.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Bottom to top: a layer may import itself and the layers before it. Root files are leaves everyone may use. */
const LAYERS = [
  // The doors of the runtime libraries (zod, yaml, ...): they import no code of ours.
  'vendor',
  'contract',
  'snapshot',
  'aws',
  'datasets',
  'catalog',
  'config',
  'attest',
  'collect',
  'engine',
  'bundle',
  'report',
  'storage',
  'bookkeeping',
  'policy',
  'run',
  'generate',
  'cli',
] as const;
const LEAVES = new Set(['src/errors.ts', 'src/version.ts', 'src/regenerate.ts']);

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Repository-relative paths of the project files a file imports, as the TypeScript parser sees them. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(ROOT, resolve(dirname(join(ROOT, file)), name)).replace(/\.js$/, '.ts'));
}

const SDK_LOADER = 'src/aws/sdk-module.ts';

/** Whether a file imports an AWS SDK package itself, or loads one through the SDK loader. */
function importsSdk(file: string): boolean {
  const imported = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true).importedFiles;
  return imported.some((f) => f.fileName.startsWith('@aws-sdk/')) || importsOf(file).includes(SDK_LOADER);
}

/** Module specifiers a file loads at run time: imports and re-exports (not `import type`), and `import()`. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest);
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

function layerOf(file: string): string | undefined {
  const [top, layer] = file.split('/');
  return top === 'src' && !LEAVES.has(file) ? layer : undefined;
}

describe('architecture', () => {
  const srcFiles = files('src');

  it('names every folder of src/ in the layer order', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !(LAYERS as readonly string[]).includes(f))).toEqual([]);
  });

  it('imports run only down the layers (contract < snapshot < aws < datasets < ... < cli)', () => {
    const upward = srcFiles.flatMap((file) => {
      const from = LAYERS.indexOf(layerOf(file) as (typeof LAYERS)[number]);
      return importsOf(file)
        .filter((target) => target.startsWith('src/') && !LEAVES.has(target))
        .filter((target) => LAYERS.indexOf(layerOf(target) as (typeof LAYERS)[number]) > from)
        .map((target) => `${file} -> ${target}`);
    });
    expect(upward).toEqual([]);
  });

  it('keeps the contract free of imports of ours but the library doors', () => {
    const outside = srcFiles
      .filter((f) => layerOf(f) === 'contract')
      .flatMap((f) => importsOf(f).filter((t) => !t.startsWith('src/contract/') && !t.startsWith('src/vendor/')).map((t) => `${f} -> ${t}`));
    expect(outside).toEqual([]);
  });

  it('lets src/ reach checks/ only from the commands and the generator', () => {
    const reaching = srcFiles.filter((f) => importsOf(f).some((t) => t.startsWith('checks/')));
    expect(reaching.sort()).toEqual(['src/cli/main.ts', 'src/generate/outputs.ts']);
  });

  it('never lets a check load an SDK client: checks import declarations, not collectors', () => {
    const loadsSdk = new Map<string, boolean>();
    const sdk = (file: string, seen = new Set<string>()): boolean => {
      if (loadsSdk.has(file)) return loadsSdk.get(file)!;
      if (seen.has(file)) return false;
      seen.add(file);
      const result = importsSdk(file) || importsOf(file).some((t) => sdk(t, seen));
      loadsSdk.set(file, result);
      return result;
    };
    expect(files('checks').filter((f) => sdk(f))).toEqual([]);
  });

  it('loads SDK client packages through the SDK loader, never with a value import (docs/performance.md)', () => {
    const importing = srcFiles.flatMap((f) => valueImports(f).filter((name) => name.startsWith('@aws-sdk/client-')).map((name) => `${f} -> ${name}`));
    expect(importing).toEqual([]);
  });

  // `npm run build` swaps each door for a minified bundle (src/generate/vendor.ts); an import that
  // goes around it would load the whole package a second time, next to the bundle.
  it('loads the runtime libraries only through their doors in src/vendor', () => {
    const vendored = new Set(files('src/vendor').flatMap(valueImports));
    expect([...vendored].sort()).toEqual(['chalk', 'commander', 'csv-parse/sync', 'csv-stringify/sync', 'yaml', 'zod']);
    const around = [...srcFiles, ...files('checks')]
      .filter((f) => layerOf(f) !== 'vendor')
      .flatMap((f) => valueImports(f).filter((name) => vendored.has(name)).map((name) => `${f} -> ${name}`));
    expect(around).toEqual([]);
  });

  it('names requirement IDs only in checks/ and the checklist data', () => {
    const ids = [...new Set(listChecklists().flatMap((l) => l.requirements.map((r) => r.id)).filter((id) => /^[A-Z]+-\d{3}$/.test(id)))];
    const pattern = new RegExp(`\\b(${ids.join('|')})\\b`);
    const naming = srcFiles
      .filter((f) => !f.startsWith('src/contract/checklists/'))
      .filter((f) => pattern.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(naming).toEqual([]);
  });
});

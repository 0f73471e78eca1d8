// Every dataset a collector reads with `ctx.dataset` is named in its declaration's `dependsOn`: the
// plan collects dependencies from it, the policy grants their actions, and a scan keeps in memory
// only the data of datasets named there (src/collect/plan.ts keptDatasets). Read from the sources:
// a read on a path no test exercises would otherwise fail only in a partner's account.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import type { AnyDataset } from '../../src/contract/dataset.js';

const DATASETS_DIR = join(import.meta.dirname, '../../src/datasets');
const folders = readdirSync(DATASETS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

/** Every exported declaration, by its export name (collectors import them under that name). */
async function declarationsByName(): Promise<Map<string, AnyDataset>> {
  const byName = new Map<string, AnyDataset>();
  for (const folder of folders) {
    const module = (await import(pathToFileURL(join(DATASETS_DIR, folder, 'datasets.ts')).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'object' && value !== null && 'scope' in value && 'id' in value) byName.set(name, value as AnyDataset);
    }
  }
  return byName;
}

const isCall = (node: ts.Node, callee: (expression: ts.Expression) => boolean): node is ts.CallExpression => ts.isCallExpression(node) && callee(node.expression);
const isCtxDataset = (e: ts.Expression) => ts.isPropertyAccessExpression(e) && e.name.text === 'dataset' && ts.isIdentifier(e.expression) && e.expression.text === 'ctx';

/** The names passed to `ctx.dataset(...)` under `root`, and the same-file functions it calls, followed. */
function readsUnder(root: ts.Node, functions: ReadonlyMap<string, ts.Node>, seen = new Set<string>()): string[] {
  const reads: string[] = [];
  const visit = (node: ts.Node): void => {
    if (isCall(node, isCtxDataset) && node.arguments[0] && ts.isIdentifier(node.arguments[0])) reads.push(node.arguments[0].text);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && functions.has(node.expression.text) && !seen.has(node.expression.text)) {
      seen.add(node.expression.text);
      reads.push(...readsUnder(functions.get(node.expression.text)!, functions, seen));
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return reads;
}

/** `[declaration name, names it reads]` for each `defineCollector(declaration, body)` in a collect.ts. */
function collectorReads(file: string): Array<[string, string[]]> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const functions = new Map<string, ts.Node>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) functions.set(statement.name.text, statement);
  }
  const found: Array<[string, string[]]> = [];
  const visit = (node: ts.Node): void => {
    if (isCall(node, (e) => ts.isIdentifier(e) && e.text === 'defineCollector') && node.arguments[0] && ts.isIdentifier(node.arguments[0])) {
      const body = node.arguments[1];
      const root = body && ts.isIdentifier(body) ? functions.get(body.text) : body;
      found.push([node.arguments[0].text, root ? readsUnder(root, functions) : []]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('dataset dependencies', () => {
  const reads = folders.flatMap((folder) => collectorReads(join(DATASETS_DIR, folder, 'collect.ts')));

  it('finds the collectors that read other datasets', () => {
    // guardduty, iam (two), inspector2, ec2, ecs, config, s3, wafv2: a parser that found none would pass everything.
    expect(reads.filter(([, names]) => names.length > 0).length).toBeGreaterThanOrEqual(9);
  });

  it('declares every dataset a collector reads in its dependsOn', async () => {
    const byName = await declarationsByName();
    const undeclared = reads.flatMap(([declaration, names]) => {
      const dataset = byName.get(declaration);
      if (!dataset) return [`${declaration}: not an exported declaration`];
      return names.filter((name) => !dataset.dependsOn?.includes(byName.get(name)!)).map((name) => `${dataset.id} reads ${name}`);
    });
    expect(undeclared).toEqual([]);
  });
});

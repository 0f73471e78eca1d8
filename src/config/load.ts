// Reads YAML files (config, attestations) keeping node positions, so that every problem is
// reported as one line: `<file>:<line>: <field>: <problem>`.

import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from '../vendor/yaml.js';
import { z } from '../vendor/zod.js';
import { closestId } from '../catalog/closest.js';
import { getChecklists } from '../catalog/index.js';
import { ConfigError, UsageError } from '../errors.js';
import { loadRoleTemplate } from './role-template.js';
import { configSchema, type PartnerAuditConfig } from './schema.js';

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** The parsed value; an empty file counts as an empty mapping. */
  data: unknown;
}

export async function readYamlFile(file: string): Promise<YamlSource> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const [problem] = doc.errors;
  if (problem) {
    const line = problem.linePos?.[0].line ?? 1;
    const what = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new ConfigError(`${file}:${line}: invalid YAML: ${what}`);
  }
  return { file, doc, lines, data: doc.toJS() ?? {} };
}

/** A ConfigError pointing at the node of `path`, or at its nearest ancestor when it is missing. */
export function errorAt(src: YamlSource, path: readonly PropertyKey[], problem: string): ConfigError {
  return new ConfigError(`${src.file}:${lineOf(src, path)}: ${fieldName(path)}: ${problem}`);
}

/** Validates the file's data; the first schema issue becomes the error. */
export function validate<S extends z.ZodType>(src: YamlSource, schema: S): z.output<S> {
  const parsed = schema.safeParse(src.data);
  if (parsed.success) return parsed.data;
  const issue = explainingIssue(parsed.error.issues[0]!);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    throw errorAt(src, [...issue.path, key], unknownKey(key, allowedKeys(schema, issue.path)));
  }
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_union') && valueAt(src.data, issue.path) === undefined;
  throw errorAt(src, issue.path, missing ? 'is required' : lowerFirst(issue.message));
}

export async function loadConfig(file: string): Promise<PartnerAuditConfig> {
  const src = await readYamlFile(file);
  const config = validate(src, configSchema);
  try {
    getChecklists(config.checklist);
  } catch (err) {
    if (err instanceof UsageError) throw errorAt(src, ['checklist'], err.message);
    throw err;
  }
  // Paths in a config file are relative to that file, not to where the command runs.
  if (config.attestations !== undefined) config.attestations = config.attestations.map((f) => resolve(dirname(file), f));
  const template = config.settings.ftr.customerRoleTemplate;
  if (typeof template === 'string') config.settings.ftr.customerRoleTemplate = await loadRoleTemplate(resolve(dirname(file), template));
  return config;
}

/** For a value no branch of a union accepts, the branch that got furthest into it explains best. */
function explainingIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union') return issue;
  const branches = issue.errors.map((branch) => branch[0]).filter((i) => i !== undefined);
  const deepest = branches.sort((a, b) => b.path.length - a.path.length)[0];
  // When every branch refused the value itself, the union's own message says it best.
  if (!deepest || deepest.path.length === 0) return issue;
  return explainingIssue({ ...deepest, path: [...issue.path, ...deepest.path] });
}

function unknownKey(key: string, allowed: string[]): string {
  const near = closestId(key, allowed, Math.max(2, Math.floor(key.length / 3)));
  if (near) return `unknown key; did you mean "${near}"?`;
  return allowed.length > 0 ? `unknown key; allowed: ${allowed.join(', ')}` : 'unknown key';
}

/** The keys the schema allows for the object at `path`. */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const node = unwrap(schema);
  if (node instanceof z.ZodUnion) return (node.options as z.ZodType[]).flatMap((option) => allowedKeys(option, path));
  const [key, ...rest] = path;
  if (key === undefined) return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
  let next: z.ZodType | undefined;
  if (node instanceof z.ZodObject) next = (node.shape as Record<PropertyKey, z.ZodType | undefined>)[key];
  else if (node instanceof z.ZodArray) next = typeof key === 'number' ? (node.element as z.ZodType) : undefined;
  else if (node instanceof z.ZodRecord) next = node.valueType as z.ZodType;
  return next ? allowedKeys(next, rest) : [];
}

/** Looks through optional, default, prefault, nullable and transform wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let node: unknown = schema;
  for (;;) {
    if (node instanceof z.ZodPipe) node = node.in;
    else if (node instanceof z.ZodOptional || node instanceof z.ZodNullable || node instanceof z.ZodDefault || node instanceof z.ZodPrefault) node = node.unwrap();
    else return node as z.ZodType;
  }
}

function lineOf(src: YamlSource, path: readonly PropertyKey[]): number {
  let node: unknown = src.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(key));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      node = node.items[key];
      offset = (node as Node).range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return src.lines.linePos(offset).line;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
}

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`)).join('');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

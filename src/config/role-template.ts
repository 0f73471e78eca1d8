// Reads the role template a partner publishes for customers (the FTR's least-privilege role setup) offline: a CloudFormation
// template in YAML (short-form tags such as !Sub included) or JSON, or a bare IAM policy document.
// What checks judge is each policy the template grants, normalized, and the managed policies it
// attaches. Intrinsic functions become readable placeholders (`${Bucket.Arn}`, `<Fn::If>`): they
// never stand for `*`.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseDocument, YAMLMap, type Tags } from '../vendor/yaml.js';
import type { LoadedRoleTemplate } from '../contract/settings.js';
import { normalizePolicyDocument } from '../datasets/policy-document.js';
import { ConfigError } from '../errors.js';

/** CloudFormation's short-form intrinsic functions (`!Ref`, `!Sub`, ...). */
const SHORT_FORMS = [
  'Ref', 'Condition', 'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub',
  'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length',
];

const POLICY_RESOURCE_TYPES = new Set(['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy']);

function longForm(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** `!Sub x` becomes `{ 'Fn::Sub': x }`, as in a JSON template, for scalars, sequences and mappings. */
const CLOUDFORMATION_TAGS: Tags = SHORT_FORMS.flatMap((name) => {
  const key = longForm(name);
  const wrap = (node: unknown) => {
    const map = new YAMLMap();
    map.set(key, node);
    return map;
  };
  return [
    { tag: `!${name}`, resolve: (text: string) => ({ [key]: name === 'GetAtt' ? text.split('.') : text }) },
    { tag: `!${name}`, collection: 'seq' as const, resolve: wrap },
    { tag: `!${name}`, collection: 'map' as const, resolve: wrap },
  ];
});

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function intrinsicName(value: Json): string | undefined {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::')) ? keys[0] : undefined;
}

/** An intrinsic function in words: its template string where it has one, else its name. */
function placeholder(name: string, argument: unknown): string {
  if (name === 'Ref' && typeof argument === 'string') return `\${${argument}}`;
  if (name === 'Fn::GetAtt') return `\${${(Array.isArray(argument) ? argument : [argument]).map(String).join('.')}}`;
  if (name === 'Fn::Sub') {
    const text = Array.isArray(argument) ? argument[0] : argument;
    if (typeof text === 'string') return text;
  }
  if (name === 'Fn::Join' && Array.isArray(argument) && Array.isArray(argument[1])) {
    const parts = (argument[1] as unknown[]).map(resolveIntrinsics);
    if (parts.every((part) => typeof part === 'string')) return parts.join(String(argument[0]));
  }
  return `<${name}>`;
}

function resolveIntrinsics(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveIntrinsics);
  if (!isObject(value)) return value;
  const name = intrinsicName(value);
  if (name) return placeholder(name, value[name]);
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, resolveIntrinsics(child)]));
}

function policiesOfResource(logicalId: string, resource: Json, out: LoadedRoleTemplate): void {
  const type = String(resource.Type ?? '');
  const properties = isObject(resource.Properties) ? resource.Properties : {};
  const add = (source: string, document: unknown) => out.policies.push({ source, document: normalizePolicyDocument(resolveIntrinsics(document)) });
  if (type === 'AWS::IAM::Role') {
    for (const policy of Array.isArray(properties.Policies) ? properties.Policies : []) {
      if (isObject(policy)) add(`${logicalId} inline policy ${String(policy.PolicyName ?? '?')}`, policy.PolicyDocument);
    }
    for (const arn of Array.isArray(properties.ManagedPolicyArns) ? properties.ManagedPolicyArns : []) {
      out.managedPolicyArns.push({ source: logicalId, arn: String(resolveIntrinsics(arn)) });
    }
  } else if (POLICY_RESOURCE_TYPES.has(type)) {
    add(`${logicalId} (${type})`, properties.PolicyDocument);
  }
}

/** The policies a parsed template or policy document grants. Throws when it is neither. */
export function rolePoliciesOf(parsed: unknown): Pick<LoadedRoleTemplate, 'policies' | 'managedPolicyArns'> {
  const out: LoadedRoleTemplate = { file: '', sha256: '', policies: [], managedPolicyArns: [] };
  if (isObject(parsed) && parsed.Statement !== undefined) {
    out.policies.push({ source: 'policy document', document: normalizePolicyDocument(resolveIntrinsics(parsed)) });
  } else if (isObject(parsed) && isObject(parsed.Resources)) {
    for (const [logicalId, resource] of Object.entries(parsed.Resources)) if (isObject(resource)) policiesOfResource(logicalId, resource, out);
  } else {
    throw new Error('neither a CloudFormation template (no Resources) nor an IAM policy document (no Statement)');
  }
  return { policies: out.policies, managedPolicyArns: out.managedPolicyArns };
}

function parseTemplate(text: string): unknown {
  const doc = parseDocument(text, { customTags: CLOUDFORMATION_TAGS });
  const [problem] = doc.errors;
  if (problem) throw new Error(`invalid YAML or JSON: ${problem.message.split('\n')[0]}`);
  return doc.toJS();
}

/** Reads and judges nothing: loads `file` into the form the role template check reads. Bad input is a one-line ConfigError. */
export async function loadRoleTemplate(file: string): Promise<LoadedRoleTemplate> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read the customer role template: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    const sha256 = createHash('sha256').update(text).digest('hex');
    return { file, sha256, ...rolePoliciesOf(parseTemplate(text)) };
  } catch (err) {
    throw new ConfigError(`${file}: customer role template: ${err instanceof Error ? err.message : String(err)}`);
  }
}

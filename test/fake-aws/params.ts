// Reading request parameters the way the query protocols flatten them, and token pagination
// shared by every service.

import { FakeAwsError } from './errors.js';

/** `Prefix.1`, `Prefix.2`, … (ec2Query lists) or `Prefix.member.1`, … (awsQuery lists). */
export function formList(form: URLSearchParams, prefix: string): string[] {
  const values: string[] = [];
  for (let i = 1; ; i++) {
    const value = form.get(`${prefix}.${i}`) ?? form.get(`${prefix}.member.${i}`);
    if (value === null) return values;
    values.push(value);
  }
}

/** ec2Query `Filter.N.Name` / `Filter.N.Value.M`. */
export function ec2Filters(form: URLSearchParams): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  for (let i = 1; form.has(`Filter.${i}.Name`); i++) {
    filters.set(form.get(`Filter.${i}.Name`) ?? '', formList(form, `Filter.${i}.Value`));
  }
  return filters;
}

export function optionalNumber(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return Number(value);
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Offset pagination with an opaque token; a foreign token is rejected like AWS does. */
export function paginate<T>(items: readonly T[], token: unknown, pageSize: number, invalidToken = 'InvalidNextToken'): Page<T> {
  const start = token === undefined || token === null || token === '' ? 0 : decodeToken(String(token), invalidToken);
  const end = start + pageSize;
  const page: Page<T> = { items: items.slice(start, end) };
  if (end < items.length) page.nextToken = Buffer.from(`fake:${end}`).toString('base64url');
  return page;
}

function decodeToken(token: string, invalidToken: string): number {
  const found = /^fake:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!found) throw new FakeAwsError(invalidToken, 400, 'The pagination token is invalid.');
  return Number(found[1]);
}

export function requiredString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new FakeAwsError('ValidationException', 400, `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

/** A stable, id-shaped suffix derived from a name (resource ids must not change between calls). */
export function stableId(seed: string, length: number, alphabet = '0123456789abcdef'): string {
  let hash = 2166136261;
  let out = '';
  for (let i = 0; out.length < length; i++) {
    hash ^= seed.charCodeAt(i % Math.max(seed.length, 1)) + i;
    hash = Math.imul(hash, 16777619) >>> 0;
    out += alphabet[hash % alphabet.length];
  }
  return out;
}

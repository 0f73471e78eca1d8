// Small helpers for reading SDK v3 responses and errors the same way in every collector.

import type { ClientFactory, SdkClient, SdkClientCtor } from '../contract/collector.js';
import { partitionOf } from './eventbridge/samples/identity.js';

/**
 * True when the SDK error has this name. SDK v3 names modeled errors after their class
 * (e.g. `CredentialReportExpiredException`) and unmodeled ones after the wire code
 * (e.g. `SubscriptionRequiredException`), so one comparison covers both.
 */
export function isErrorNamed(err: unknown, name: string): boolean {
  return err instanceof Error && err.name === name;
}

/** ISO-8601 form of an SDK timestamp (a Date, or a string where the API models dates as strings); an absent value stays absent. */
export function isoDate(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
}

/** Collects every item of an SDK paginator's pages. */
export async function collectPages<P, I>(pages: AsyncIterable<P>, items: (page: P) => I[] | undefined): Promise<I[]> {
  const all: I[] = [];
  for await (const page of pages) all.push(...(items(page) ?? []));
  return all;
}

/** Follows NextToken by hand for operations whose SDK client has no paginator. */
export async function collectTokenPages<P extends { NextToken?: string }, I>(
  fetchPage: (nextToken: string | undefined) => Promise<P>,
  items: (page: P) => I[] | undefined,
): Promise<I[]> {
  const all: I[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    all.push(...(items(page) ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return all;
}

/**
 * A field the API always returns although the SDK types it optional. Its absence means the
 * response is not what we understood, so the dataset fails instead of holding a blank.
 */
export function required<T>(value: T | undefined, field: string): T {
  if (value === undefined || value === null) throw new Error(`AWS response lacks ${field}`);
  return value;
}

/** An SDK tag list (`[{ Key, Value }]`) as a map; tags without a key are dropped. */
export function tagMap(tags: { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).flatMap((t) => (t.Key === undefined ? [] : [[t.Key, t.Value ?? '']])));
}

/** True for the network errors of a host name that does not resolve: AWS offers no endpoint for the service there. */
export function isUnresolvedEndpoint(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ENOTFOUND';
}

/** The ARN of a resource the API names only by ID, in the partition of the region. */
export function resourceArn(ctx: { region: string; accountId: string }, service: string, resource: string): string {
  return `arn:${partitionOf(ctx.region)}:${service}:${ctx.region}:${ctx.accountId}:${resource}`;
}

/**
 * A client whose package predates the SDK's move to @smithy/types 4 (FIS and Resilience Hub: the
 * registry mirror has only 3.523.0). Its middleware stack is typed differently, so the factory's
 * types refuse it; at run time it is an ordinary client (test/wire/network-collectors.test.ts).
 */
export function olderClient<C>(clients: ClientFactory, ctor: new (config: never) => C): C {
  return clients.get(ctor as unknown as SdkClientCtor<SdkClient>) as unknown as C;
}

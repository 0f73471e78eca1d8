// Small helpers for reading SDK v3 responses and errors the same way in every collector.

import type { CollectContext, SdkClient, SdkClientCtor } from '../contract/collector.js';

/**
 * True when the SDK error has this name. SDK v3 names modeled errors after their class
 * (e.g. `CredentialReportExpiredException`) and unmodeled ones after the wire code
 * (e.g. `SubscriptionRequiredException`), so one comparison covers both.
 */
export function isErrorNamed(err: unknown, name: string): boolean {
  return err instanceof Error && err.name === name;
}

/** ISO-8601 form of an SDK timestamp; an absent value stays absent. */
export function isoDate(value: Date | undefined): string | undefined {
  return value === undefined ? undefined : value.toISOString();
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

/**
 * The service has no endpoint in this region: DNS knows no such AWS host. An answer for services
 * offered only in some regions (Incident Manager, Application Signals, ...), never for one a region has.
 */
export function isServiceAbsentFromRegion(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, hostname } = err as { code?: unknown; hostname?: unknown };
  return code === 'ENOTFOUND' && typeof hostname === 'string' && /\.amazonaws\.com(\.cn)?$/.test(hostname);
}

/** The ARN partition of a region (`aws`, `aws-cn`, `aws-us-gov`). */
export function arnPartition(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * The client of a package built on an older @smithy/types than ours (client-oam 3.332,
 * client-synthetics 3.669, the newest on our registry): typed apart, the same SDK client at run time.
 */
export function olderClient<C>(ctx: CollectContext, ctor: new (config: never) => C): C {
  return ctx.clients.get(ctor as unknown as SdkClientCtor<SdkClient>) as unknown as C;
}

/** The host of an endpoint URL (its path and query may carry tokens, so they are not kept); absent when it is not a URL. */
export function hostOf(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  try {
    return new URL(endpoint).hostname || undefined;
  } catch {
    return undefined;
  }
}

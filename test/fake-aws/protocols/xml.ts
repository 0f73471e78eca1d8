// A small XML writer for the XML protocols. Objects become nested elements; an array becomes a
// wrapper element whose entries are `<member>` (awsQuery) or `<item>` (ec2Query), or, in the
// `flat` style of restXml, one element per entry named by the array's key (so a restXml list
// wrapper is written as an object: `{ Buckets: { Bucket: [...] } }`). A JS Map is a query map:
// `<entry><key>…</key><value>…</value></entry>` per entry (IAM GetAccountSummary's SummaryMap).

import type { FakeAwsError } from '../errors.js';
import type { WireResponse } from './protocol.js';

export type ListStyle = 'member' | 'item' | 'flat';

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}

export function toXml(name: string, value: unknown, style: ListStyle): string {
  if (value === undefined || value === null) return '';
  if (style === 'flat' && Array.isArray(value)) return value.map((entry) => toXml(name, entry, style)).join('');
  return `<${name}>${xmlContent(value, style)}</${name}>`;
}

const ENTRY_NAME = Symbol('entry name');

/** A list whose entries the service names itself (RDS: `<DBInstances><DBInstance>…`), not `member` or `item`. */
export function namedEntries(name: string, entries: unknown[]): unknown[] {
  return Object.assign([...entries], { [ENTRY_NAME]: name });
}

export function xmlContent(value: unknown, style: ListStyle): string {
  if (Array.isArray(value)) {
    const entryName = (value as { [ENTRY_NAME]?: string })[ENTRY_NAME] ?? style;
    return value.map((entry) => toXml(entryName, entry, style)).join('');
  }
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map) {
    return [...value].map(([key, child]) => `<entry>${toXml('key', key, style)}${toXml('value', child, style)}</entry>`).join('');
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, child]) => toXml(key, child, style))
      .join('');
  }
  return escapeXml(String(value));
}

/** The `<ErrorResponse>` envelope of awsQuery, also used by restXml services other than S3. */
export function errorResponseXml(err: FakeAwsError, requestId: string, xmlns: string): string {
  const type = err.status >= 500 ? 'Receiver' : 'Sender';
  return (
    `<ErrorResponse xmlns="${xmlns}"><Error><Type>${type}</Type><Code>${escapeXml(err.code)}</Code>` +
    `<Message>${escapeXml(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}

export function xmlResponse(status: number, body: string, requestId: string, requestIdHeader = 'x-amzn-requestid'): WireResponse {
  return {
    status,
    headers: { 'content-type': 'text/xml', [requestIdHeader]: requestId },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
  };
}

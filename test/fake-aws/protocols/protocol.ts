// A wire protocol: how an operation and its input are read from a request, and how results and
// errors are written back. Handlers produce plain objects keyed by wire names.

import type { FakeAwsError, ServiceErrors } from '../errors.js';

export interface RawRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body's bytes, for payloads that are not text (S3 PutObject). */
  bytes: Buffer;
}

/** Input as the handlers read it: form parameters (query protocols, REST query strings), a JSON
 * object, REST path labels and, for REST protocols, the request headers. */
export interface OperationInput {
  form: URLSearchParams;
  json: Record<string, unknown>;
  pathParams: Record<string, string>;
  headers: RawRequest['headers'];
  /** The request body of REST operations whose payload is a blob (S3 PutObject). */
  payload?: Buffer;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  /** Bytes for a blob payload (S3 GetObject). */
  body: string | Buffer;
}

export interface OperationCall {
  operation: string;
  input: OperationInput;
}

export interface Protocol {
  readonly name: string;
  /** The protocol family's default error codes; services may override them. */
  readonly errors: ServiceErrors;
  operationOf(req: RawRequest): OperationCall | undefined;
  success(operation: string, result: unknown, requestId: string): WireResponse;
  error(err: FakeAwsError, requestId: string): WireResponse;
}

/**
 * Builds a service's protocol from its operation table. `Entry` is what one table entry holds:
 * the handler alone for the RPC protocols, the handler with its HTTP route for the REST ones.
 */
export type ProtocolFactory<Entry> = (operations: Readonly<Record<string, Entry>>) => Protocol;

export function header(req: RawRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function emptyInput(): OperationInput {
  return { form: new URLSearchParams(), json: {}, pathParams: {}, headers: {} };
}

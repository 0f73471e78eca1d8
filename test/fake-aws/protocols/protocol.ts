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
}

/** Input as the handlers read it: form parameters (query protocols) or a JSON object. */
export interface OperationInput {
  form: URLSearchParams;
  json: Record<string, unknown>;
  pathParams: Record<string, string>;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Protocol {
  readonly name: string;
  /** The protocol family's default error codes; services may override them. */
  readonly errors: ServiceErrors;
  operationOf(req: RawRequest): { operation: string; input: OperationInput } | undefined;
  success(operation: string, result: unknown, requestId: string): WireResponse;
  error(err: FakeAwsError, requestId: string): WireResponse;
}

export function header(req: RawRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function emptyInput(): OperationInput {
  return { form: new URLSearchParams(), json: {}, pathParams: {} };
}

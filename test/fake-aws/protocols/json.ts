// awsJson 1.1 and 1.0: POST / with `X-Amz-Target: <Prefix>.<Operation>` and a JSON body; errors
// carry `__type` in the body and the x-amzn-errortype header. Services that moved from awsQuery to
// JSON (CloudWatch) also name the error in `x-amzn-query-error: <Code>;Sender`, which their SDK
// clients read first. Timestamps are epoch seconds.

import type { FakeAwsError } from '../errors.js';
import type { Handler } from '../service.js';
import { emptyInput, header, type Protocol, type ProtocolFactory, type RawRequest, type WireResponse } from './protocol.js';

export interface AwsJsonDialect {
  /** Default 1.1. */
  version?: '1.0' | '1.1';
  /** The awsQueryCompatible trait: errors also travel in x-amzn-query-error. */
  queryCompatible?: boolean;
}

export function awsJson(targetPrefix: string, dialect: AwsJsonDialect = {}): ProtocolFactory<Handler> {
  const version = dialect.version ?? '1.1';
  const CONTENT_TYPE = `application/x-amz-json-${version}`;
  const protocol: Protocol = {
    name: `awsJson${version.replace('.', '_')}`,
    errors: {
      throttle: { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' },
      accessDenied: { code: 'AccessDeniedException', status: 400 },
      regionDisabled: { code: 'UnrecognizedClientException', status: 400, message: 'The security token included in the request is invalid.' },
    },
    operationOf(req) {
      const target = header(req, 'x-amz-target');
      if (!target?.startsWith(`${targetPrefix}.`)) return undefined;
      return { operation: target.slice(targetPrefix.length + 1), input: { ...emptyInput(), json: jsonBody(req) } };
    },
    success: (_operation, result, requestId) => jsonResponse(200, result ?? {}, requestId, CONTENT_TYPE),
    error: (err: FakeAwsError, requestId) => {
      const response = jsonResponse(err.status, { __type: err.code, message: err.message }, requestId, CONTENT_TYPE, err.code);
      if (dialect.queryCompatible) response.headers['x-amzn-query-error'] = `${err.code};${err.status >= 500 ? 'Receiver' : 'Sender'}`;
      return response;
    },
  };
  return () => protocol;
}

export function jsonBody(req: RawRequest): Record<string, unknown> {
  return req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
}

export function jsonResponse(status: number, body: unknown, requestId: string, contentType: string, errorType?: string): WireResponse {
  const headers: Record<string, string> = { 'content-type': contentType, 'x-amzn-requestid': requestId };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  return { status, headers, body: JSON.stringify(body) };
}

/** awsJson timestamps. */
export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

// restJson 1: the operation is the HTTP method and path (e.g. GET /detector/{detectorId}); errors
// carry the x-amzn-errortype header and a JSON body with the message.

import type { FakeAwsError } from '../errors.js';
import { jsonResponse } from './json.js';
import { emptyInput, type Protocol } from './protocol.js';

export interface RestRoute {
  method: string;
  /** Path template with `{name}` segments. */
  path: string;
  operation: string;
}

export function restJson(routes: RestRoute[]): Protocol {
  const compiled = routes.map((route) => ({ route, match: compileTemplate(route.path) }));
  return {
    name: 'restJson1',
    errors: {
      throttle: { code: 'TooManyRequestsException', status: 429, message: 'Rate exceeded' },
      accessDenied: { code: 'AccessDeniedException', status: 403 },
      regionDisabled: { code: 'UnrecognizedClientException', status: 403, message: 'The security token included in the request is invalid.' },
    },
    operationOf(req) {
      for (const { route, match } of compiled) {
        const pathParams = route.method === req.method ? match(req.path) : undefined;
        if (!pathParams) continue;
        const json = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
        const form = req.query;
        return { operation: route.operation, input: { ...emptyInput(), json, form, pathParams } };
      }
      return undefined;
    },
    success: (_operation, result, requestId) => jsonResponse(200, result ?? {}, requestId, 'application/json'),
    error: (err: FakeAwsError, requestId) =>
      jsonResponse(err.status, { message: err.message, Message: err.message, __type: err.code }, requestId, 'application/json', err.code),
  };
}

function compileTemplate(template: string): (path: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const regex = new RegExp(`^${pattern}/?$`);
  return (path) => {
    const found = regex.exec(path);
    if (!found) return undefined;
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
  };
}

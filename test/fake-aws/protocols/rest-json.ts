// restJson 1: the operation is the HTTP method and path (e.g. GET /detector/{detectorId}); errors
// carry the x-amzn-errortype header and a JSON body with the message.

import type { FakeAwsError } from '../errors.js';
import { jsonBody, jsonResponse } from './json.js';
import type { Protocol, ProtocolFactory } from './protocol.js';
import { restRouter, type RestOperation } from './rest-route.js';

export const restJson: ProtocolFactory<RestOperation> = (operations): Protocol => {
  const route = restRouter(operations);
  return {
    name: 'restJson1',
    errors: {
      throttle: { code: 'TooManyRequestsException', status: 429, message: 'Rate exceeded' },
      accessDenied: { code: 'AccessDeniedException', status: 403 },
      regionDisabled: { code: 'UnrecognizedClientException', status: 403, message: 'The security token included in the request is invalid.' },
    },
    operationOf(req) {
      const call = route(req);
      return call && { ...call, input: { ...call.input, json: jsonBody(req) } };
    },
    success: (_operation, result, requestId) => jsonResponse(200, result ?? {}, requestId, 'application/json'),
    error: (err: FakeAwsError, requestId) =>
      jsonResponse(err.status, { message: err.message, Message: err.message, __type: err.code }, requestId, 'application/json', err.code),
  };
};

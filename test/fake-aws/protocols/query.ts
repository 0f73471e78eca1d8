// awsQuery (IAM, STS): form-encoded requests with `Action=`, XML responses wrapped in
// <OpResponse><OpResult>…</OpResult><ResponseMetadata><RequestId>.

import type { FakeAwsError } from '../errors.js';
import { emptyInput, type Protocol, type RawRequest, type WireResponse } from './protocol.js';
import { escapeXml, xmlContent } from './xml.js';

export function formOf(req: RawRequest): URLSearchParams {
  return req.method === 'POST' ? new URLSearchParams(req.body) : req.query;
}

export function awsQuery(xmlns: string): Protocol {
  return {
    name: 'awsQuery',
    errors: {
      throttle: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
      accessDenied: { code: 'AccessDenied', status: 403 },
      regionDisabled: { code: 'InvalidClientTokenId', status: 403, message: 'The security token included in the request is invalid.' },
    },
    operationOf(req) {
      const form = formOf(req);
      const operation = form.get('Action');
      return operation ? { operation, input: { ...emptyInput(), form } } : undefined;
    },
    success(operation, result, requestId): WireResponse {
      const body =
        `<${operation}Response xmlns="${xmlns}">` +
        `<${operation}Result>${xmlContent(result ?? {}, 'member')}</${operation}Result>` +
        `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
        `</${operation}Response>`;
      return xmlResponse(200, body, requestId);
    },
    error(err: FakeAwsError, requestId): WireResponse {
      const type = err.status >= 500 ? 'Receiver' : 'Sender';
      const body =
        `<ErrorResponse xmlns="${xmlns}"><Error><Type>${type}</Type><Code>${escapeXml(err.code)}</Code>` +
        `<Message>${escapeXml(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
      return xmlResponse(err.status, body, requestId);
    },
  };
}

export function xmlResponse(status: number, body: string, requestId: string): WireResponse {
  return {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
  };
}

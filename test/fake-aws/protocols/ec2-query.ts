// ec2Query: form-encoded requests like awsQuery; responses carry <requestId> beside the result
// members, lists use <item>, and errors are <Response><Errors><Error>…</Errors><RequestID>.

import type { FakeAwsError } from '../errors.js';
import type { Handler } from '../service.js';
import type { Protocol, ProtocolFactory } from './protocol.js';
import { actionCall } from './query.js';
import { escapeXml, xmlContent, xmlResponse } from './xml.js';

const XMLNS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

const protocol: Protocol = {
  name: 'ec2Query',
  errors: {
    throttle: { code: 'RequestLimitExceeded', status: 503, message: 'Request limit exceeded.' },
    accessDenied: { code: 'UnauthorizedOperation', status: 403 },
    regionDisabled: { code: 'AuthFailure', status: 401, message: 'AWS was not able to validate the provided access credentials' },
  },
  operationOf: actionCall,
  success(operation, result, requestId) {
    const body =
      `<${operation}Response xmlns="${XMLNS}"><requestId>${requestId}</requestId>` +
      `${xmlContent(result ?? {}, 'item')}</${operation}Response>`;
    return xmlResponse(200, body, requestId);
  },
  error(err: FakeAwsError, requestId) {
    const body =
      `<Response><Errors><Error><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message>` +
      `</Error></Errors><RequestID>${requestId}</RequestID></Response>`;
    return xmlResponse(err.status, body, requestId);
  },
};

export const ec2Query: ProtocolFactory<Handler> = () => protocol;

// awsQuery (IAM, STS): form-encoded requests with `Action=`, XML responses wrapped in
// <OpResponse><OpResult>…</OpResult><ResponseMetadata><RequestId>.

import type { FakeAwsError } from '../errors.js';
import type { Handler } from '../service.js';
import { emptyInput, type OperationCall, type Protocol, type ProtocolFactory, type RawRequest, type WireResponse } from './protocol.js';
import { errorResponseXml, xmlContent, xmlResponse } from './xml.js';

/** The query protocols (awsQuery, ec2Query) name the operation in the form's `Action`. */
export function actionCall(req: RawRequest): OperationCall | undefined {
  const form = req.method === 'POST' ? new URLSearchParams(req.body) : req.query;
  const operation = form.get('Action');
  return operation ? { operation, input: { ...emptyInput(), form } } : undefined;
}

export function awsQuery(xmlns: string): ProtocolFactory<Handler> {
  const protocol: Protocol = {
    name: 'awsQuery',
    errors: {
      throttle: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
      accessDenied: { code: 'AccessDenied', status: 403 },
      regionDisabled: { code: 'InvalidClientTokenId', status: 403, message: 'The security token included in the request is invalid.' },
    },
    operationOf: actionCall,
    success(operation, result, requestId): WireResponse {
      const body =
        `<${operation}Response xmlns="${xmlns}">` +
        `<${operation}Result>${xmlContent(result ?? {}, 'member')}</${operation}Result>` +
        `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
        `</${operation}Response>`;
      return xmlResponse(200, body, requestId);
    },
    error: (err: FakeAwsError, requestId) => xmlResponse(err.status, errorResponseXml(err, requestId, xmlns), requestId),
  };
  return () => protocol;
}

// restXml (S3, S3 Control, CloudFront): routed like restJson, by method, path and query markers.
// A handler returns one XML document as `{ RootElement: content }` (S3 ListBuckets:
// `{ ListAllMyBucketsResult: { Buckets: { Bucket: [...] } } }`); lists are written flat, one
// element per entry. A payload that is not XML (S3 GetBucketPolicy answers the policy's JSON), or
// an answer carried in headers alone (S3 PutObject), is a RawPayload. Errors are the <ErrorResponse>
// envelope, or a bare <Error> for S3, with any headers the error carries. A request body that is a
// blob (S3 PutObject) reaches the handler as `input.payload`.

import type { FakeAwsError } from '../errors.js';
import type { ProtocolFactory } from './protocol.js';
import { restRouter, type RestOperation } from './rest-route.js';
import { errorResponseXml, escapeXml, xmlContent, xmlResponse } from './xml.js';

/** A response body written as it is. */
export class RawPayload {
  constructor(
    readonly body: string | Buffer,
    readonly contentType: string,
    readonly headers: Record<string, string> = {},
  ) {}
}

export interface RestXmlDialect {
  /** Namespace of the success documents, e.g. `http://s3.amazonaws.com/doc/2006-03-01/`. */
  xmlns: string;
  /** S3 and S3 Control answer `x-amz-request-id`; the other services `x-amzn-requestid` (the default). */
  requestIdHeader?: string;
  /** S3 writes errors as a bare <Error> document instead of the <ErrorResponse> envelope. */
  noErrorWrapping?: boolean;
}

export function restXml(dialect: RestXmlDialect): ProtocolFactory<RestOperation> {
  const { xmlns, requestIdHeader, noErrorWrapping } = dialect;
  return (operations) => ({
    name: 'restXml',
    errors: {
      throttle: { code: 'Throttling', status: 400, message: 'Rate exceeded' },
      accessDenied: { code: 'AccessDenied', status: 403 },
      regionDisabled: { code: 'InvalidClientTokenId', status: 403, message: 'The security token included in the request is invalid.' },
    },
    operationOf: restRouter(operations),
    success: (_operation, result, requestId) => {
      if (result instanceof RawPayload) {
        return { status: 200, headers: { ...result.headers, 'content-type': result.contentType, [requestIdHeader ?? 'x-amzn-requestid']: requestId }, body: result.body };
      }
      return xmlResponse(200, documentXml(result, xmlns), requestId, requestIdHeader);
    },
    error: (err, requestId) => {
      const response = xmlResponse(err.status, noErrorWrapping ? bareErrorXml(err, requestId) : errorResponseXml(err, requestId, xmlns), requestId, requestIdHeader);
      return { ...response, headers: { ...response.headers, ...err.headers } };
    },
  });
}

function documentXml(result: unknown, xmlns: string): string {
  const entries = Object.entries(result ?? {});
  const [root, content] = entries[0] ?? [];
  if (entries.length !== 1 || !root) throw new Error(`a restXml handler returns { RootElement: content }, got ${entries.length} roots`);
  return `<${root} xmlns="${xmlns}">${xmlContent(content, 'flat')}</${root}>`;
}

function bareErrorXml(err: FakeAwsError, requestId: string): string {
  return `<Error><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message><RequestId>${requestId}</RequestId></Error>`;
}

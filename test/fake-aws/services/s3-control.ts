// S3 Control (restXml): the account's S3 Block Public Access settings. It signs as `s3` like S3,
// so it claims the paths under /v20180820/ within that signing name. The account is named by the
// x-amz-account-id header, which must be the caller's own.

import { FakeAwsError } from '../errors.js';
import { restXml } from '../protocols/rest-xml.js';
import { defineService, type HandlerContext } from '../service.js';
import { publicAccessBlockDocument, S3_ERRORS } from './s3.js';

/** Settings left out are false. */
export interface PublicAccessBlockSpec {
  blockPublicAcls?: boolean;
  ignorePublicAcls?: boolean;
  blockPublicPolicy?: boolean;
  restrictPublicBuckets?: boolean;
}

declare module '../scenario.js' {
  interface AccountSpec {
    /** Absent publicAccessBlock: GetPublicAccessBlock answers NoSuchPublicAccessBlockConfiguration. */
    s3Control?: { publicAccessBlock?: PublicAccessBlockSpec };
  }
}

function getPublicAccessBlock(ctx: HandlerContext): unknown {
  if (ctx.input.headers['x-amz-account-id'] !== ctx.account.id) throw new FakeAwsError('AccessDenied', 403, 'Access Denied');
  return publicAccessBlockDocument(ctx.account.s3Control?.publicAccessBlock);
}

export const s3Control = defineService({
  signingName: 's3',
  actionPrefix: 's3',
  pathPrefix: '/v20180820/',
  protocol: restXml({ xmlns: 'http://awss3control.amazonaws.com/doc/2018-08-20/', requestIdHeader: 'x-amz-request-id' }),
  errors: S3_ERRORS,
  iamActions: { GetPublicAccessBlock: 'GetAccountPublicAccessBlock' },
  operations: {
    GetPublicAccessBlock: { http: 'GET /v20180820/configuration/publicAccessBlock', handler: getPublicAccessBlock },
  },
});

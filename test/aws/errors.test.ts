import { describe, expect, test } from 'vitest';
import { classifyError } from '../../src/aws/errors.js';

function sdkError(name: string, message: string, httpStatusCode = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode, requestId: 'req-1' } });
}

const SCP_MESSAGE =
  'User: arn:aws:sts::111111111111:assumed-role/PartnerAuditReadOnly/partner-audit-run is not authorized to perform: ' +
  'ec2:DescribeInstances with an explicit deny in a service control policy';

describe('classifyError', () => {
  test.each([
    ['AccessDenied', 'User is not authorized to perform: iam:GetCredentialReport', {}, 'access-denied'],
    ['AccessDeniedException', 'not authorized', {}, 'access-denied'],
    ['UnauthorizedOperation', 'You are not authorized to perform this operation.', {}, 'access-denied'],
    ['AuthorizationError', 'not authorized', {}, 'access-denied'],
    ['AccessDeniedException', SCP_MESSAGE, {}, 'scp-denied'],
    ['UnauthorizedOperation', 'You are not authorized to perform this operation. with an explicit deny in a service control policy', {}, 'scp-denied'],
    ['AccessDenied', 'because no service control policy allows the iam:ListUsers action', {}, 'scp-denied'],
    ['UnrecognizedClientException', 'The security token included in the request is invalid.', { optInRegion: true }, 'region-disabled'],
    ['AuthFailure', 'AWS was not able to validate the provided access credentials', { optInRegion: true }, 'region-disabled'],
    ['InvalidClientTokenId', 'The security token included in the request is invalid.', { optInRegion: true }, 'region-disabled'],
    ['OptInRequired', 'You are not subscribed to this service.', { optInRegion: true }, 'region-disabled'],
    ['UnrecognizedClientException', 'The security token included in the request is invalid.', {}, 'error'],
    ['AuthFailure', 'AWS was not able to validate the provided access credentials', { optInRegion: false }, 'error'],
    ['Throttling', 'Rate exceeded', {}, 'throttled'],
    ['ThrottlingException', 'Rate exceeded', {}, 'throttled'],
    ['RequestLimitExceeded', 'Request limit exceeded.', {}, 'throttled'],
    ['TooManyRequestsException', 'Too many requests', {}, 'throttled'],
    ['InternalFailure', 'An internal error occurred', {}, 'error'],
    ['ResourceNotFoundException', 'Detector not found', {}, 'error'],
  ] as const)('%s (%s) → %s', (code, message, ctx, kind) => {
    const error = classifyError(sdkError(code, message), 'ec2:DescribeInstances', ctx);
    expect(error).toEqual({ kind, code, message, action: 'ec2:DescribeInstances' });
  });

  test('an HTTP 429 with an unfamiliar code is a throttle', () => {
    expect(classifyError(sdkError('SomethingBusy', 'slow down', 429)).kind).toBe('throttled');
  });

  test('omits the action when it is not known', () => {
    expect(classifyError(sdkError('AccessDenied', 'no'))).toEqual({ kind: 'access-denied', code: 'AccessDenied', message: 'no' });
  });

  test('non-Error values become kind error', () => {
    expect(classifyError('boom')).toEqual({ kind: 'error', code: 'Error', message: 'boom' });
  });

  test('scrubs secret keys, session tokens and key IDs from the message', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const token = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6EXAMPLETOKENx+y/z0123456789abcdefABCDEF==';
    const message = `signature mismatch for AKIAIOSFODNN7EXAMPLE secret ${secret} token ${token}`;
    const error = classifyError(sdkError('SignatureDoesNotMatch', message, 403));
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain(token);
    expect(error.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(error.message).toContain('signature mismatch for');
  });
});

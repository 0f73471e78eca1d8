// Turns an SDK error into the DatasetError recorded on a failed dataset. The kind tells the
// engine whether the failure is a fault (access-denied, throttled, error) or an answer about the
// region (scp-denied, region-disabled).

import type { DatasetError, DatasetErrorKind } from '../contract/record.js';
import { redactSecrets } from './redact.js';

const ACCESS_DENIED_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  'AuthorizationErrorException',
  'UnauthorizedException',
  'Forbidden',
  'ForbiddenException',
]);

export const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottled',
  'RequestThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'SlowDown',
  'BandwidthLimitExceeded',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);

/**
 * What AWS answers in an opt-in region the account has not enabled: it does not know the
 * credentials there. The same codes mean bad credentials elsewhere, so they only count as
 * `region-disabled` when the caller says the region is an opt-in one.
 */
const UNKNOWN_CREDENTIALS_CODES = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'AuthFailure',
  'OptInRequired',
]);

const SCP_DENY = /(explicit|implicit) deny in a service control policy|no service control policy allows/i;

export interface ErrorContext {
  /** The call went to an opt-in region (one that is not enabled by default). */
  optInRegion?: boolean;
}

interface SdkErrorShape {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export function errorCode(err: unknown): string {
  if (typeof err !== 'object' || err === null) return 'Error';
  const e = err as SdkErrorShape;
  return e.Code ?? e.code ?? e.name ?? 'Error';
}

export function httpStatusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  return (err as SdkErrorShape).$metadata?.httpStatusCode;
}

export function isThrottlingError(err: unknown): boolean {
  return THROTTLING_CODES.has(errorCode(err)) || httpStatusOf(err) === 429;
}

function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null && typeof (err as SdkErrorShape).message === 'string') {
    return (err as SdkErrorShape).message as string;
  }
  return String(err);
}

function kindOf(err: unknown, code: string, message: string, ctx: ErrorContext): DatasetErrorKind {
  if (ACCESS_DENIED_CODES.has(code)) {
    return SCP_DENY.test(message) ? 'scp-denied' : 'access-denied';
  }
  if (UNKNOWN_CREDENTIALS_CODES.has(code)) return ctx.optInRegion ? 'region-disabled' : 'error';
  if (isThrottlingError(err)) return 'throttled';
  return 'error';
}

/** Classifies an error thrown by an SDK call (after the SDK's own retries). Never keeps credentials. */
export function classifyError(err: unknown, action?: string, ctx: ErrorContext = {}): DatasetError {
  const code = errorCode(err);
  const message = redactSecrets(messageOf(err)).slice(0, 2_000);
  const kind = kindOf(err, code, message, ctx);
  return action === undefined ? { kind, code, message } : { kind, code, message, action };
}

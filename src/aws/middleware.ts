// One middleware per client, placed after the SDK's retry middleware so it sees every HTTP
// attempt: it waits for its account's concurrency slot, counts the attempt under that account, and
// logs the request ID in the dataset's log. Both come from the request's scope (request-scope.ts).

import type { FinalizeRequestMiddleware, HandlerExecutionContext } from '@smithy/types';
import { isThrottlingError } from './errors.js';
import type { CallMetrics } from './metrics.js';
import { markFailedOperation, recordRequestId } from './request-log.js';
import { scopeOf } from './request-scope.js';

export const ATTEMPT_MIDDLEWARE = 'partnerAuditAttempt';

/** The retry middleware numbers attempts in the `amz-sdk-request` header: `attempt=2; max=8`. */
function attemptNumber(request: unknown): number {
  const headers = (request as { headers?: Record<string, string> }).headers ?? {};
  const match = /attempt=(\d+)/.exec(headers['amz-sdk-request'] ?? '');
  return match ? Number(match[1]) : 1;
}

function requestIdOf(value: unknown): string | undefined {
  return (value as { $metadata?: { requestId?: string } } | undefined)?.$metadata?.requestId;
}

function operationOf(context: HandlerExecutionContext): string {
  return (context.commandName ?? 'Unknown').replace(/Command$/, '');
}

export function attemptMiddleware(metrics: CallMetrics): FinalizeRequestMiddleware<any, any> {
  return (next, context) => async (args) => {
    const { binding, log } = scopeOf(context);
    const { accountId, service, limit } = binding;
    if (attemptNumber(args.request) > 1) metrics.count(accountId, service, 'retries');
    try {
      const result = await limit(() => {
        metrics.count(accountId, service, 'requests');
        return next(args);
      });
      recordRequestId(log, requestIdOf(result.output));
      return result;
    } catch (err) {
      recordRequestId(log, requestIdOf(err));
      metrics.count(accountId, service, isThrottlingError(err) ? 'throttles' : 'errors');
      markFailedOperation(err, operationOf(context));
      throw err;
    }
  };
}

import { EventBridgeClient, ListRulesCommand } from '@aws-sdk/client-eventbridge';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { afterEach, describe, expect, test } from 'vitest';
import { createClientPool, SDK_LOGGER_MIDDLEWARE, type ClientSettings } from '../../src/aws/clients.js';
import { classifyError } from '../../src/aws/errors.js';
import { newRequestLog } from '../../src/aws/request-log.js';
import { fakeHttp, type FakeHttp } from './fake-http.js';

const ACCOUNT = '111111111111';
const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret' });

function settings(overrides: Partial<{ requestsInFlight: number; perService: number; maxAttempts: number }> = {}): ClientSettings {
  return {
    concurrency: { accounts: 1, accountStartsPerSecond: 100, requestsInFlight: overrides.requestsInFlight ?? 8, perService: overrides.perService ?? 4 },
    retry: { mode: 'standard', maxAttempts: overrides.maxAttempts ?? 8 },
    timeouts: { connectMs: 1000, requestMs: 1000 },
  };
}

function eventBridge(http: FakeHttp, s = settings(), region = 'eu-west-1') {
  const pool = createClientPool({ settings: s, requestHandler: http });
  const log = newRequestLog();
  return { pool, log, client: pool.factory({ accountId: ACCOUNT, region, credentials, log }).get(EventBridgeClient) };
}

function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  return promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );
}

describe('client factory', () => {
  test('memoizes one client per account, region and service', () => {
    const pool = createClientPool({ settings: settings(), requestHandler: fakeHttp(() => ({})) });
    const a = pool.factory({ accountId: ACCOUNT, region: 'eu-west-1', credentials });
    const again = pool.factory({ accountId: ACCOUNT, region: 'eu-west-1', credentials, log: newRequestLog() });
    expect(a.get(EventBridgeClient)).toBe(a.get(EventBridgeClient));
    // Another dataset's clients carry their own log, over the same shared client.
    expect(Object.getPrototypeOf(again.get(EventBridgeClient))).toBe(Object.getPrototypeOf(a.get(EventBridgeClient)));
    expect(a.get(EventBridgeClient)).not.toBe(a.get(GuardDutyClient));
    expect(pool.factory({ accountId: ACCOUNT, region: 'us-east-1', credentials }).get(EventBridgeClient)).not.toBe(a.get(EventBridgeClient));
    expect(pool.factory({ accountId: '222222222222', region: 'eu-west-1', credentials }).get(EventBridgeClient)).not.toBe(
      a.get(EventBridgeClient),
    );
  });

  test('configures region, retry mode and attempts from the settings', async () => {
    const { client } = eventBridge(fakeHttp(() => ({})), { ...settings({ maxAttempts: 5 }), retry: { mode: 'adaptive', maxAttempts: 5 } });
    expect(await client.config.region()).toBe('eu-west-1');
    expect(await client.config.maxAttempts()).toBe(5);
    const strategy = await client.config.retryStrategy();
    expect((strategy as { mode?: string }).mode).toBe('adaptive');
  });

  test("leaves out the SDK's logger middleware, which only fed a log the scan never configures", async () => {
    const http = fakeHttp(() => ({ body: { Rules: [{ Name: 'health-to-sns' }] } }));
    const { client } = eventBridge(http);
    const stack = client.middlewareStack.identify().join('\n');
    expect(stack).toContain('retryMiddleware');
    expect(stack).not.toContain(SDK_LOGGER_MIDDLEWARE);
    const output = await client.send(new ListRulesCommand({}));
    expect(output.Rules).toEqual([{ Name: 'health-to-sns' }]);
  });

  describe('endpoint settings of the SDK', () => {
    afterEach(() => {
      delete process.env.AWS_ENDPOINT_URL_EVENTBRIDGE;
    });
    test('AWS_ENDPOINT_URL_<SERVICE> still decides where requests go', async () => {
      process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = 'http://127.0.0.1:4599';
      const http = fakeHttp(() => ({ body: { Rules: [] } }));
      const { client } = eventBridge(http);
      await client.send(new ListRulesCommand({}));
      expect(http.requests[0]).toMatchObject({ hostname: '127.0.0.1', port: 4599, protocol: 'http:' });
    });
  });

  test('counts every attempt, the retries and the throttles, and logs each request ID', async () => {
    const http = fakeHttp((_r, i) =>
      i < 2 ? { status: 400, errorType: 'ThrottlingException', requestId: `throttled-${i}` } : { body: { Rules: [] }, requestId: 'ok' },
    );
    const { pool, client, log } = eventBridge(http);
    const result = await settle(client.send(new ListRulesCommand({})));
    expect(result.status).toBe('fulfilled');
    expect(log.requestIds).toEqual(['throttled-0', 'throttled-1', 'ok']);
    expect(pool.metrics.forAccount(ACCOUNT)).toEqual({ eventbridge: { requests: 3, retries: 2, throttles: 2, errors: 0 } });
    expect(pool.metrics.totals()).toEqual({ requests: 3, retries: 2, throttles: 2, errors: 0 });
    // A finished account's counts live on in its manifest entry and in the totals only.
    pool.release(ACCOUNT);
    expect(pool.metrics.forAccount(ACCOUNT)).toEqual({});
    expect(pool.metrics.totals()).toEqual({ requests: 3, retries: 2, throttles: 2, errors: 0 });
  });

  test('HTTP 429 counts as a throttle; when retries run out the error is classified throttled', async () => {
    const http = fakeHttp(() => ({ status: 429, errorType: 'TooManyRequestsException', requestId: 'busy' }));
    const { pool, client, log } = eventBridge(http, settings({ maxAttempts: 2 }));
    const result = await settle(client.send(new ListRulesCommand({})));
    expect(result.status).toBe('rejected');
    if (result.status !== 'rejected') return;
    expect(classifyError(result.reason, 'events:ListRules').kind).toBe('throttled');
    expect(log.requestIds).toEqual(['busy']);
    expect(pool.metrics.forAccount(ACCOUNT).eventbridge).toEqual({ requests: 2, retries: 1, throttles: 2, errors: 0 });
  });

  test('a refused call counts as an error and is not retried', async () => {
    const http = fakeHttp(() => ({ status: 400, errorType: 'AccessDeniedException', requestId: 'denied' }));
    const { pool, client, log } = eventBridge(http);
    await settle(client.send(new ListRulesCommand({})));
    expect(log.requestIds).toEqual(['denied']);
    expect(pool.metrics.forAccount(ACCOUNT).eventbridge).toEqual({ requests: 1, retries: 0, throttles: 0, errors: 1 });
  });

  test('caps requests per account+region+service', async () => {
    const http = fakeHttp(() => ({ body: { Rules: [] } }), 20);
    const { client } = eventBridge(http, settings({ perService: 1 }));
    await Promise.all([1, 2, 3].map(() => client.send(new ListRulesCommand({}))));
    expect(http.requests).toHaveLength(3);
    expect(http.peakInFlight).toBe(1);
  });

  test('caps requests in flight across every client', async () => {
    const http = fakeHttp(() => ({ body: { Rules: [] } }), 20);
    const pool = createClientPool({ settings: settings({ perService: 4, requestsInFlight: 2 }), requestHandler: http });
    const clients = ['eu-west-1', 'us-east-1', 'ap-south-1'].map((region) =>
      pool.factory({ accountId: ACCOUNT, region, credentials }).get(EventBridgeClient),
    );
    await Promise.all(clients.flatMap((c) => [c.send(new ListRulesCommand({})), c.send(new ListRulesCommand({}))]));
    expect(http.requests).toHaveLength(6);
    expect(http.peakInFlight).toBe(2);
  });
});

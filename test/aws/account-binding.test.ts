import { EventBridgeClient, ListRulesCommand } from '@aws-sdk/client-eventbridge';
import { ListLinksCommand, OAMClient } from '@aws-sdk/client-oam';
import type { HttpRequest } from '@smithy/types';
import { describe, expect, test } from 'vitest';
import { boundCredentials, boundRetryStrategy, honoursBinding, type AccountBinding } from '../../src/aws/account-binding.js';
import { createClientPool, type ClientSettings } from '../../src/aws/clients.js';
import { olderClient } from '../../src/datasets/sdk.js';
import { fakeHttp } from './fake-http.js';

const settings: ClientSettings = {
  concurrency: { accounts: 1, accountStartsPerSecond: 100, requestsInFlight: 8, perService: 4 },
  retry: { mode: 'standard', maxAttempts: 3 },
  timeouts: { connectMs: 1000, requestMs: 1000 },
};

const keyOf = (accountId: string) => async () => ({ accessKeyId: `AKID${accountId}`, secretAccessKey: 'not-a-real-secret' });

/** The access key ID a request was signed with (`Credential=AKID…/date/region/service/aws4_request`). */
function signedKey(request: HttpRequest): string | undefined {
  return /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1];
}

function binding(accountId: string): AccountBinding {
  return { key: `${accountId}|eu-west-1|test`, accountId, service: 'test', credentials: keyOf(accountId), limit: (fn) => fn() };
}

describe('one client per region and service, each request signed as its own account', () => {
  test('two accounts interleaved through the shared client each sign with their own session', async () => {
    const http = fakeHttp(() => ({ body: { Rules: [] } }), 5);
    const pool = createClientPool({ settings, requestHandler: http });
    const accounts = ['111111111111', '222222222222', '333333333333'];
    const clients = accounts.map((accountId) =>
      pool.factory({ accountId, region: 'eu-west-1', credentials: keyOf(accountId) }).get(EventBridgeClient),
    );
    await Promise.all([0, 1, 2, 0, 1, 2].map((i) => clients[i]!.send(new ListRulesCommand({}))));
    expect(http.requests.map(signedKey).sort()).toEqual(accounts.flatMap((a) => [`AKID${a}`, `AKID${a}`]).sort());
    expect(Object.getPrototypeOf(clients[0])).toBe(Object.getPrototypeOf(clients[1]));
    expect(pool.metrics.forAccount('222222222222')).toEqual({ eventbridge: { requests: 2, retries: 0, throttles: 0, errors: 0 } });
    // One command object sent for two accounts at once is still signed as each.
    http.requests.length = 0;
    const command = new ListRulesCommand({});
    await Promise.all([clients[0]!.send(command), clients[1]!.send(command)]);
    expect(http.requests.map(signedKey).sort()).toEqual([`AKID${accounts[0]}`, `AKID${accounts[1]}`]);
  });

  test('a client build that caches credentials per client (client-oam 3.332) gets a client of its own per account', async () => {
    const http = fakeHttp(() => ({ body: { Items: [] } }));
    const pool = createClientPool({ settings, requestHandler: http });
    for (const accountId of ['111111111111', '222222222222']) {
      const oam = olderClient(pool.factory({ accountId, region: 'eu-west-1', credentials: keyOf(accountId) }), OAMClient);
      expect(oam).toBeInstanceOf(OAMClient);
      await oam.send(new ListLinksCommand({}));
    }
    expect(http.requests.map(signedKey)).toEqual(['AKID111111111111', 'AKID222222222222']);
  });

  test('the probe tells a per-request provider from one the SDK caches', async () => {
    const perRequest = new EventBridgeClient({ region: 'eu-west-1', credentials: boundCredentials() });
    expect(await honoursBinding(perRequest.config)).toBe(true);
    let calls = 0;
    const cached = new EventBridgeClient({ region: 'eu-west-1', credentials: async () => ({ accessKeyId: `FIRST${(calls += 1)}`, secretAccessKey: 'x' }) });
    expect(await honoursBinding(cached.config)).toBe(false);
  });

  test('a request outside any binding fails instead of signing as some account', async () => {
    const pool = createClientPool({ settings, requestHandler: fakeHttp(() => ({ body: { Rules: [] } })) });
    const client = pool.factory({ accountId: '111111111111', region: 'eu-west-1', credentials: keyOf('111111111111') }).get(EventBridgeClient);
    const bare = Object.getPrototypeOf(client) as EventBridgeClient;
    await expect(bare.send(new ListRulesCommand({}))).rejects.toThrow(/outside an account binding/);
    // The shared signer itself has no session to sign with either.
    const signer = (await (bare.config.signer as () => Promise<{ sign(request: unknown): Promise<unknown> }>)()) as { sign(r: unknown): Promise<unknown> };
    const request = { method: 'GET', protocol: 'https:', hostname: 'events.eu-west-1.amazonaws.com', path: '/', headers: {} };
    await expect(signer.sign(request)).rejects.toThrow(/outside an account binding/);
  });

  test("one account's throttling spends only its own retry quota", async () => {
    const [a, b] = [binding('111111111111'), binding('222222222222')];
    const byKey = new Map([a, b].map((x) => [x.key, x]));
    const strategy = boundRetryStrategy({ retry: { mode: 'standard', maxAttempts: 3 } }, (key) => byKey.get(key));
    const capacity = (x: AccountBinding) => (x.retry as unknown as { getCapacity(): number }).getCapacity();
    await strategy.acquireInitialRetryToken(b.key);
    const token = await strategy.acquireInitialRetryToken(`${a.key}:longpoll`);
    const again = await strategy.refreshRetryTokenForRetry(token, { errorType: 'THROTTLING' });
    const spent = capacity(a);
    expect(spent).toBeLessThan(500);
    expect(capacity(b)).toBe(500);
    // The retried call's success refunds the quota it was taken from.
    strategy.recordSuccess(again);
    expect(capacity(a)).toBeGreaterThan(spent);
    expect(capacity(b)).toBe(500);
    await expect(strategy.acquireInitialRetryToken('')).rejects.toThrow(/outside an account binding/);
  });
});

// The one watch over every request of a scan: a stalled endpoint is detected once and fails its
// calls at once (the SDK does not retry that), and the deadline ends everything in flight.

import { EventBridgeClient, ListRulesCommand } from '@aws-sdk/client-eventbridge';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { createClientPool, type ClientSettings } from '../../src/aws/clients.js';
import { classifyError } from '../../src/aws/errors.js';
import { DEADLINE_REACHED, ENDPOINT_STALLED, type StallEvent } from '../../src/aws/endpoint-watch.js';
import { fakeHttp } from './fake-http.js';

const ACCOUNT = '111111111111';
const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret' });
const STALL_MS = 300;

const settings: ClientSettings = {
  concurrency: { accounts: 1, accountStartsPerSecond: 100, requestsInFlight: 8, perService: 8 },
  retry: { mode: 'standard', maxAttempts: 8 },
  timeouts: { connectMs: 1000, requestMs: 60_000, stallMs: STALL_MS },
};

/** Answers until `frozen` is set, then never again (a frozen endpoint). */
function freezable() {
  const state = { frozen: false };
  const http = fakeHttp(async () => {
    if (state.frozen) await new Promise(() => undefined);
    return { body: { Rules: [] }, requestId: 'ok' };
  });
  return { state, http };
}

function clientOf(pool: ReturnType<typeof createClientPool>, region = 'eu-west-1'): EventBridgeClient {
  return pool.factory({ accountId: ACCOUNT, region, credentials }).get(EventBridgeClient);
}

describe('stalled endpoints', () => {
  test('are detected once within the stall time; waiting calls fail with one clear error and are not retried', async () => {
    const { state, http } = freezable();
    const stalls: StallEvent[] = [];
    const pool = createClientPool({ settings, requestHandler: http, watch: { onStall: (e) => stalls.push(e) } });
    const client = clientOf(pool);
    await client.send(new ListRulesCommand({}));
    state.frozen = true;
    const started = Date.now();
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => client.send(new ListRulesCommand({}))));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(STALL_MS - 50);
    // Not the request timeout (60 s) times the attempts (8).
    expect(elapsed).toBeLessThan(10_000);
    expect(stalls).toHaveLength(1);
    expect(stalls[0]).toMatchObject({ host: 'https://events.eu-west-1.amazonaws.com', waiting: 3 });
    const errors = outcomes.map((o) => (o.status === 'rejected' ? classifyError(o.reason) : undefined));
    expect(errors.map((e) => e?.code)).toEqual([ENDPOINT_STALLED, ENDPOINT_STALLED, ENDPOINT_STALLED]);
    expect(new Set(errors.map((e) => e?.message)).size).toBe(1);
    expect(errors[0]?.message).toMatch(/^https:\/\/events\.eu-west-1\.amazonaws\.com stopped answering: no response for 0.3 s from .* while calls waited; its calls fail until it answers again$/);
    // One attempt each: the SDK did not wait out its retries.
    expect(http.requests).toHaveLength(1 + 3);
    pool.destroy();
  });

  test('later calls fail at once, but for one probe, until the endpoint answers again', async () => {
    const { state, http } = freezable();
    const recovered: string[] = [];
    const pool = createClientPool({ settings, requestHandler: http, watch: { onRecover: (h) => recovered.push(h) } });
    const client = clientOf(pool);
    state.frozen = true;
    await expect(client.send(new ListRulesCommand({}))).rejects.toThrow(/stopped answering/);
    const before = http.requests.length;
    const probe = client.send(new ListRulesCommand({})).catch((e: Error) => e);
    while (http.requests.length === before) await new Promise((r) => setTimeout(r, 5));
    const sent = http.requests.length;
    // While the probe waits, another call fails without reaching the endpoint at all.
    await expect(client.send(new ListRulesCommand({}))).rejects.toThrow(/stopped answering/);
    expect(http.requests.length).toBe(sent);
    expect(await probe).toBeInstanceOf(Error);
    state.frozen = false;
    await client.send(new ListRulesCommand({}));
    expect(recovered).toEqual(['https://events.eu-west-1.amazonaws.com']);
    pool.destroy();
  });

  test('another endpoint host is not affected', async () => {
    const http = fakeHttp(async (request) => {
      if (request.hostname.includes('eu-west-1')) await new Promise(() => undefined);
      return { body: { Rules: [] } };
    });
    const pool = createClientPool({ settings, requestHandler: http });
    const stuck = clientOf(pool).send(new ListRulesCommand({})).catch((e: Error) => e);
    for (let i = 0; i < 5; i += 1) {
      await clientOf(pool, 'us-east-1').send(new ListRulesCommand({}));
      await new Promise((r) => setTimeout(r, STALL_MS / 3));
    }
    expect(String(await stuck)).toMatch(/eu-west-1.* stopped answering/);
    pool.destroy();
  });

  test("a stalled call's HTTP request is aborted, so its socket does not stay open", async () => {
    const closed: Promise<void>[] = [];
    const server = createServer((request: IncomingMessage) => {
      // Never answers; notes when the client gives up on the request.
      closed.push(new Promise((resolve) => request.socket.once('close', () => resolve())));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The pool's own HTTP handler (Node's), as in a scan.
    const pool = createClientPool({ settings });
    try {
      const outcome = await clientOf(pool).send(new ListRulesCommand({})).catch((e: unknown) => e);
      expect(classifyError(outcome).code).toBe(ENDPOINT_STALLED);
      expect(closed).toHaveLength(1);
      await closed[0];
    } finally {
      delete process.env.AWS_ENDPOINT_URL_EVENTBRIDGE;
      pool.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('the deadline', () => {
  test('fails every call in flight and every later one with DeadlineReached, without reaching the endpoint', async () => {
    const http = fakeHttp(async () => {
      await new Promise(() => undefined);
      return {};
    });
    const deadline = new AbortController();
    const pool = createClientPool({ settings: { ...settings, timeouts: { ...settings.timeouts, stallMs: 60_000 } }, requestHandler: http, watch: { deadline: deadline.signal } });
    const client = clientOf(pool);
    const inFlight = client.send(new ListRulesCommand({})).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    deadline.abort();
    expect(classifyError(await inFlight).code).toBe(DEADLINE_REACHED);
    const later = await client.send(new ListRulesCommand({})).catch((e: unknown) => e);
    expect(classifyError(later)).toMatchObject({ code: DEADLINE_REACHED, message: 'the scan reached its --deadline; the call was not completed' });
    expect(http.requests).toHaveLength(1);
    pool.destroy();
  });
});

describe('timeouts', () => {
  test('the connect timeout is its own, a few seconds by default, apart from the request timeout', async () => {
    const { configSchema } = await import('../../src/config/schema.js');
    const { timeouts } = configSchema.parse({});
    expect(timeouts).toEqual({ connectMs: 5_000, requestMs: 30_000, stallMs: 45_000 });
  });
});

// A shared client reuses its first signer and keeps signing keys per session: every request still
// carries exactly the signature the stock SDK signer makes, and keys are derived once per session,
// date, region and service.

import { EventBridgeClient, ListRulesCommand } from '@aws-sdk/client-eventbridge';
import type { AwsCredentialIdentity, HttpRequest } from '@smithy/types';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createClientPool, type ClientSettings } from '../../src/aws/clients.js';
import { SigningKeys } from '../../src/aws/signer-reuse.js';
import { newRequestLog } from '../../src/aws/request-log.js';
import { fakeHttp } from './fake-http.js';

const settings: ClientSettings = {
  concurrency: { accounts: 1, accountStartsPerSecond: 100, requestsInFlight: 8, perService: 4 },
  retry: { mode: 'standard', maxAttempts: 3 },
  timeouts: { connectMs: 1000, requestMs: 1000 },
};

/** Each account's session, one object until it is renewed, as the scan's credential providers give. */
function newSessions(): Record<string, AwsCredentialIdentity> {
  return {
    '111111111111': { accessKeyId: 'ASIA111111111111', secretAccessKey: 'secret-one', sessionToken: 'token-one' },
    '222222222222': { accessKeyId: 'ASIA222222222222', secretAccessKey: 'secret-two', sessionToken: 'token-two' },
  };
}

async function sendFromEachAccount(sessions: Record<string, AwsCredentialIdentity>, times: number, region = 'eu-west-1') {
  const http = fakeHttp(() => ({ body: { Rules: [] } }));
  const pool = createClientPool({ settings, requestHandler: http });
  const clients = Object.entries(sessions).map(([accountId, session]) =>
    pool.factory({ accountId, region, credentials: async () => session }).get(EventBridgeClient),
  );
  for (let i = 0; i < times; i += 1) await Promise.all(clients.map((client) => client.send(new ListRulesCommand({}))));
  return http.requests;
}

/** The request as the stock signer signs it, for the same session and the same instant. */
async function stockSignature(request: HttpRequest, session: AwsCredentialIdentity): Promise<string | undefined> {
  const amzDate = request.headers['x-amz-date']!;
  const signingDate = new Date(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
  const { authorization: _signed, ...headers } = request.headers;
  const stock = new EventBridgeClient({ region: 'eu-west-1', credentials: session });
  const signer = (await (stock.config.signer as () => Promise<unknown>)()) as { sign(r: HttpRequest, o: object): Promise<HttpRequest> };
  const signed = await signer.sign({ ...request, headers } as HttpRequest, { signingDate, signingRegion: 'eu-west-1', signingService: 'events' });
  return signed.headers.authorization;
}

afterEach(() => vi.restoreAllMocks());

describe('signer reuse', () => {
  test('every request carries the signature the stock SDK signer makes for its own account', async () => {
    const sessions = newSessions();
    const requests = await sendFromEachAccount(sessions, 3);
    expect(requests).toHaveLength(6);
    for (const request of requests) {
      const keyId = /Credential=([^/]+)\//.exec(request.headers.authorization ?? '')?.[1];
      const session = Object.values(sessions).find((s) => s.accessKeyId === keyId)!;
      expect(session).toBeDefined();
      expect(request.headers.authorization).toBe(await stockSignature(request, session));
    }
  });

  /** The SDK's own SigV4 signer class (inside EventBridge's multi-region wrapper), found through a client of its build. */
  async function spyOnKeyDerivation(session: AwsCredentialIdentity) {
    const probe = await (new EventBridgeClient({ region: 'eu-west-1', credentials: session }).config.signer as unknown as () => Promise<{ sigv4Signer: object }>)();
    return vi.spyOn(Object.getPrototypeOf(probe.sigv4Signer) as { getSigningKey(...args: unknown[]): Promise<Uint8Array> }, 'getSigningKey');
  }

  test('derives each session\'s key once per region and service, not once per request', async () => {
    const sessions = newSessions();
    const derive = await spyOnKeyDerivation(sessions['111111111111']!);
    await sendFromEachAccount(sessions, 3);
    expect(derive).toHaveBeenCalledTimes(2);
    await sendFromEachAccount(sessions, 1, 'us-east-1');
    expect(derive).toHaveBeenCalledTimes(4);
    // A renewed session is a new object: its keys are derived anew.
    await sendFromEachAccount(newSessions(), 1);
    expect(derive).toHaveBeenCalledTimes(6);
  });

  test('keeps keys per pool of clients, so that they go with it when the collection ends', async () => {
    const sessions = newSessions();
    const derive = await spyOnKeyDerivation(sessions['111111111111']!);
    await sendFromEachAccount(sessions, 2);
    expect(derive).toHaveBeenCalledTimes(2);
    // Another pool (another scan in the same process) derives the same sessions' keys anew.
    await sendFromEachAccount(sessions, 1);
    expect(derive).toHaveBeenCalledTimes(4);
  });

  test("keeps no dataset's request log once the dataset is done", async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const sessions = newSessions();
    const pool = createClientPool({ settings, requestHandler: fakeHttp(() => ({ body: { Rules: [] } })) });
    const send = async (accountId: string, log = newRequestLog()) => {
      const client = pool.factory({ accountId, region: 'eu-west-1', credentials: async () => sessions[accountId]!, log }).get(EventBridgeClient);
      await client.send(new ListRulesCommand({}));
      return log;
    };
    // The shared client's first request sets up what the SDK keeps per client; the second
    // account's first request is the one whose signing key is derived and kept.
    await send('111111111111');
    const logRef = new WeakRef(await send('222222222222'));
    // The session lives on (as an account's does for the whole scan); the log must not.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(logRef.deref()).toBeUndefined();
    expect(sessions['222222222222']).toBeDefined();
  });
});

describe('SigningKeys', () => {
  const session = (): AwsCredentialIdentity => ({ accessKeyId: 'ASIA1', secretAccessKey: 'secret' });

  test.each([
    ['another session object', (k: SigningKeys, s: AwsCredentialIdentity) => k.scope({ ...s }, '20261205', 'eu-west-1', 'events')],
    ['another date', (k: SigningKeys, s: AwsCredentialIdentity) => k.scope(s, '20261206', 'eu-west-1', 'events')],
    ['another region', (k: SigningKeys, s: AwsCredentialIdentity) => k.scope(s, '20261205', 'us-east-1', 'events')],
    ['another service', (k: SigningKeys, s: AwsCredentialIdentity) => k.scope(s, '20261205', 'eu-west-1', 'iam')],
  ])('scopes a key apart for %s', (_, other) => {
    const keys = new SigningKeys();
    const s = session();
    const scope = keys.scope(s, '20261205', 'eu-west-1', 'events');
    expect(keys.scope(s, '20261205', 'eu-west-1', 'events')).toBe(scope);
    expect(other(keys, s)).not.toBe(scope);
  });

  test('keeps the 4,096 keys used most recently', () => {
    const keys = new SigningKeys();
    const key = new Uint8Array(32);
    for (let i = 0; i < 4096; i += 1) keys.keep(`scope-${i}`, key);
    expect(keys.get('scope-0')).toBe(key);
    keys.keep('scope-4096', key);
    expect(keys.get('scope-0')).toBe(key);
    expect(keys.get('scope-1')).toBeUndefined();
    expect(keys.get('scope-4096')).toBe(key);
  });
});

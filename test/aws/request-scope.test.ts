import { EventBridgeClient, ListRulesCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, test } from 'vitest';
import type { AccountBinding } from '../../src/aws/account-binding.js';
import { scopedSend, scopeOf, type RequestScope } from '../../src/aws/request-scope.js';
import { fakeHttp } from './fake-http.js';

function scope(accountId: string): RequestScope {
  const credentials = async () => ({ accessKeyId: `AKID${accountId}`, secretAccessKey: 'not-a-real-secret' });
  const binding: AccountBinding = { key: `${accountId}|eu-west-1|eventbridge`, accountId, service: 'eventbridge', credentials, limit: (fn) => fn() };
  return { binding, log: { requestIds: [] } };
}

/** A client whose middleware, at signing time, notes the scope and retry partition it sees. */
function watchedClient() {
  const seen: { scope: RequestScope; partition: unknown }[] = [];
  const client = new EventBridgeClient({ region: 'eu-west-1', credentials: scope('0').binding.credentials, requestHandler: fakeHttp(() => ({ body: { Rules: [] } })) });
  client.middlewareStack.add(
    (next, context) => (args) => {
      seen.push({ scope: scopeOf(context), partition: (context as { partition_id?: unknown }).partition_id });
      return next(args);
    },
    { step: 'finalizeRequest', name: 'watch' },
  );
  return { client, seen };
}

describe('the request scope travels in the handler context', () => {
  test('each send carries its own scope, also when one command is sent again', async () => {
    const { client, seen } = watchedClient();
    const [first, second] = [scope('111111111111'), scope('222222222222')];
    const command = new ListRulesCommand({});
    await Promise.all([scopedSend(first)(client, command, []), scopedSend(second)(client, command, [])]);
    expect(seen.map((s) => s.scope)).toEqual([first, second]);
    expect(seen.map((s) => s.partition)).toEqual([first.binding.key, second.binding.key]);
  });

  test('a send without a scope has none to find', async () => {
    const { client } = watchedClient();
    await expect(client.send(new ListRulesCommand({}))).rejects.toThrow(/outside an account binding/);
  });
});

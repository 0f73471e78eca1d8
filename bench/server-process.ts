// Parent side of fake-aws-process: fork it, start a scenario, ask for stats, stop it.

import { fork, type ChildProcess } from 'node:child_process';
import type { FakeAwsStats, Scenario } from '../test/fake-aws/index.js';
import type { ServerCommand, ServerReply } from './fake-aws-process.js';

export interface ServerProcess {
  endpoint: string;
  stats(): Promise<FakeAwsStats>;
  resetStats(): void;
  stop(): Promise<void>;
}

function next(child: ChildProcess): Promise<ServerReply> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`fake AWS process exited (${code})`));
    child.once('exit', exited);
    child.once('message', (message) => {
      child.off('exit', exited);
      resolve(message as ServerReply);
    });
  });
}

export async function startServerProcess(scenario: Scenario): Promise<ServerProcess> {
  const child = fork(new URL('./fake-aws-process.js', import.meta.url), { stdio: 'inherit', execArgv: [] });
  const send = (command: ServerCommand) => child.send(command);
  send({ start: scenario });
  const ready = await next(child);
  if (!('ready' in ready)) throw new Error('fake AWS process did not start');
  return {
    endpoint: ready.ready,
    stats: async () => {
      send({ stats: true });
      const answer = await next(child);
      if (!('stats' in answer)) throw new Error('fake AWS process sent no stats');
      return answer.stats;
    },
    resetStats: () => send({ reset: true }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        send({ stop: true });
      }),
  };
}

// The fake AWS in its own process, so its CPU and memory stay out of the scanner's figures.
// Parent protocol (IPC): {start: Scenario} → {ready: endpoint}; {stats} → {stats}; {reset};
// {stop} → exits.

import { startFakeAws, type FakeAws, type Scenario } from '../test/fake-aws/index.js';

export type ServerCommand = { start: Scenario } | { stats: true } | { reset: true } | { stop: true };
export type ServerReply = { ready: string } | { stats: ReturnType<FakeAws['stats']> };

let fake: FakeAws | undefined;

function reply(message: ServerReply): void {
  process.send?.(message);
}

// Never outlive the bench (it may be killed, or run out of memory).
process.on('disconnect', () => process.exit(0));

process.on('message', (command: ServerCommand) => {
  void handle(command);
});

async function handle(command: ServerCommand): Promise<void> {
  if ('start' in command) {
    fake = await startFakeAws(command.start);
    reply({ ready: fake.endpoint });
  } else if ('stats' in command && fake) {
    reply({ stats: fake.stats() });
  } else if ('reset' in command) {
    fake?.resetStats();
  } else if ('stop' in command) {
    await fake?.stop();
    process.exit(0);
  }
}

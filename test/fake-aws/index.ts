// Public entry of the fake AWS for tests, the bench and the demo.
export { startFakeAws, type FakeAws, type FakeAwsOptions } from './server.js';
export type { FakeAwsStats } from './stats.js';
export * from './scenario.js';

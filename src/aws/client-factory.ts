// The one way collectors obtain SDK clients: configured per account+region+service with the
// scan's credentials, retry strategy, timeouts, request counting and concurrency caps.

import type { Client } from '@smithy/types';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SdkClient = Client<any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SdkClientCtor<C extends SdkClient> = new (config: any) => C;

export interface ClientFactory {
  /** The memoized client of this service for the context's account and region. */
  get<C extends SdkClient>(ctor: SdkClientCtor<C>): C;
}

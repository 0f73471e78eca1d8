// Finds the service a signed request is for: by the credential scope's signing name, then, where
// services share one (S3 and S3 Control both sign as `s3`), by the path prefix a service claims.

import type { Service } from './service.js';
import * as services from './services/index.js';

const ALL: Service[] = Object.values(services);

export function serviceFor(signingName: string, path: string): Service | undefined {
  const sharing = ALL.filter((s) => s.signingName === signingName);
  return sharing.find((s) => s.pathPrefix !== undefined && path.startsWith(s.pathPrefix)) ?? sharing.find((s) => s.pathPrefix === undefined);
}

// Finds the service a signed request is for: by the credential scope's signing name, then, where
// services share one (S3 and S3 Control both sign as `s3`), by the path prefix a service claims, and
// where they share the path too (Systems Manager's areas, each in its own file), by the operation.

import type { RawRequest } from './protocols/protocol.js';
import type { Service } from './service.js';
import * as services from './services/index.js';

const ALL: Service[] = Object.values(services);

function handles(service: Service, raw: RawRequest): boolean {
  const call = service.protocol.operationOf(raw);
  return call !== undefined && call.operation in service.handlers;
}

export function serviceFor(signingName: string, raw: RawRequest): Service | undefined {
  const sharing = ALL.filter((s) => s.signingName === signingName);
  const byPath = sharing.find((s) => s.pathPrefix !== undefined && raw.path.startsWith(s.pathPrefix));
  if (byPath) return byPath;
  const plain = sharing.filter((s) => s.pathPrefix === undefined);
  return plain.find((s) => handles(s, raw)) ?? plain[0];
}

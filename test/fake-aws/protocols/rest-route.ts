// Routing shared by the REST protocols (restJson, restXml): each operation of the table carries
// its HTTP route, `METHOD /path/{label}?marker`, as the service model's http trait writes it.

import type { Handler } from '../service.js';
import { emptyInput, type OperationCall, type RawRequest } from './protocol.js';

type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `GET /detector/{detectorId}`; query markers select among routes on one path (`GET /{Bucket}?acl`). */
export type HttpRoute = `${HttpMethod} /${string}`;

/** One entry of a REST service's operation table. */
export interface RestOperation {
  http: HttpRoute;
  handler: Handler;
}

interface CompiledRoute {
  operation: string;
  method: string;
  matchPath: (path: string) => Record<string, string> | undefined;
  /** Query keys the request must carry, with the value when the route fixes one. */
  markers: [string, string][];
}

/** Finds the operation a REST request calls; routes with more query markers are tried first. */
export function restRouter(operations: Readonly<Record<string, RestOperation>>): (req: RawRequest) => OperationCall | undefined {
  const routes = Object.entries(operations)
    .map(([operation, { http }]) => compileRoute(operation, http))
    .sort((a, b) => b.markers.length - a.markers.length);
  return (req) => {
    for (const route of routes) {
      const pathParams = route.method === req.method && hasMarkers(req.query, route.markers) ? route.matchPath(req.path) : undefined;
      if (pathParams) return { operation: route.operation, input: { ...emptyInput(), form: req.query, pathParams, headers: req.headers, payload: req.bytes } };
    }
    return undefined;
  };
}

function compileRoute(operation: string, http: HttpRoute): CompiledRoute {
  const [method = '', target = ''] = http.split(' ');
  const [path = '', query = ''] = target.split('?');
  return { operation, method, matchPath: compileTemplate(path), markers: [...new URLSearchParams(query)] };
}

function hasMarkers(query: URLSearchParams, markers: [string, string][]): boolean {
  return markers.every(([key, value]) => query.has(key) && (value === '' || query.get(key) === value));
}

function compileTemplate(template: string): (path: string) => Record<string, string> | undefined {
  const names: string[] = [];
  // `{Key+}` is a greedy label: it takes the rest of the path, slashes included.
  const pattern = template.replace(/\{(\w+)(\+?)\}/g, (_m, name: string, greedy: string) => {
    names.push(name);
    return greedy ? '(.+)' : '([^/]+)';
  });
  const regex = new RegExp(`^${pattern}/?$`);
  return (path) => {
    const found = regex.exec(path);
    if (!found) return undefined;
    return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
  };
}

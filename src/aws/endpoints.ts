// Where a configured endpoint (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>) is not enough on its
// own, in one place. The SDK reads those settings itself; three clients need help to reach a plain
// endpoint such as an emulator's http://127.0.0.1:PORT:
// - S3 puts the bucket in the host (virtual-hosted style) unless told to use the path;
// - S3 Control's endpoint rules put `{AccountId}.` in front of the configured host, which makes
//   `111111111111.127.0.0.1` (not a URL); `disableHostPrefix` does not stop the rules;
// - client-oam 3.332 (the newest on our registry) predates configured endpoints and ignores them.
// Without an override nothing changes: the SDK's endpoint rules stay in charge.
// https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html

import type { SdkClient } from '../contract/collector.js';

type EndpointParams = Record<string, unknown> & { Endpoint?: string };
type EndpointProvider = (params: EndpointParams, context?: unknown) => { url: URL };

/** Clients whose installed version ignores configured endpoints, by serviceId. */
const IGNORES_CONFIGURED_ENDPOINTS = new Set(['OAM']);

/** The endpoint rules' answer with a configured endpoint, by serviceId: the URL as configured, or S3 addressed by path. */
const ON_CONFIGURED_ENDPOINT: Record<string, (params: EndpointParams, rules: EndpointProvider, context?: unknown) => { url: URL }> = {
  S3: (params, rules, context) => rules({ ...params, ForcePathStyle: true }, context),
  'S3 Control': (params) => ({ url: new URL(params.Endpoint!) }),
};

export function serviceIdOf(client: SdkClient): string | undefined {
  const id = (client.config as { serviceId?: unknown }).serviceId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The configured endpoint for a service, as the SDK reads it from the environment:
 * `AWS_ENDPOINT_URL_<SERVICE ID>` first, then `AWS_ENDPOINT_URL`, unless
 * `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is true.
 */
export function configuredEndpoint(serviceId: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true') return undefined;
  const specific = env[`AWS_ENDPOINT_URL_${serviceId.replace(/\s+/g, '_').toUpperCase()}`];
  return specific || env.AWS_ENDPOINT_URL || undefined;
}

/** Constructor settings for a client whose version ignores configured endpoints: the endpoint itself. */
export function legacyEndpointConfig(client: SdkClient): { endpoint: string } | undefined {
  const serviceId = serviceIdOf(client);
  if (!serviceId || !IGNORES_CONFIGURED_ENDPOINTS.has(serviceId)) return undefined;
  const endpoint = configuredEndpoint(serviceId);
  return endpoint ? { endpoint } : undefined;
}

/** Makes the client reach a configured endpoint as it is (S3 Control) or by path (S3); rules decide otherwise. */
export function honourConfiguredEndpoint(client: SdkClient): void {
  const serviceId = serviceIdOf(client);
  const override = serviceId ? ON_CONFIGURED_ENDPOINT[serviceId] : undefined;
  if (!override) return;
  const config = client.config as { endpointProvider: EndpointProvider };
  const rules = config.endpointProvider;
  config.endpointProvider = (params, context) => (params.Endpoint ? override(params, rules, context) : rules(params, context));
}

// A RequestHandler that answers SDK requests from a script, so the real middleware stack, retry
// strategy and deserializers run without a network.

import { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';

export interface FakeAnswer {
  status?: number;
  body?: unknown;
  requestId?: string;
  /** For awsJson error bodies: `__type`. */
  errorType?: string;
  /** A body sent as is (e.g. XML for query protocols), with its content type. */
  raw?: { body: string; contentType: string };
}

export interface FakeHttp extends RequestHandler<HttpRequest, HttpResponse> {
  requests: HttpRequest[];
  /** Peak number of requests answered at the same time. */
  peakInFlight: number;
}

/** `answer` is called per request; JSON bodies are serialized and request IDs set as headers. */
export function fakeHttp(answer: (req: HttpRequest, index: number) => FakeAnswer | Promise<FakeAnswer>, delayMs = 0): FakeHttp {
  let inFlight = 0;
  const fake: FakeHttp = {
    requests: [],
    peakInFlight: 0,
    handle: async (request: HttpRequest) => {
      const index = fake.requests.push(request) - 1;
      inFlight += 1;
      fake.peakInFlight = Math.max(fake.peakInFlight, inFlight);
      try {
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        const a = await answer(request, index);
        const payload = a.errorType ? { __type: a.errorType, message: (a.body as { message?: string })?.message ?? a.errorType } : (a.body ?? {});
        const headers: Record<string, string> = { 'content-type': a.raw?.contentType ?? 'application/x-amz-json-1.1' };
        if (a.requestId) headers['x-amzn-requestid'] = a.requestId;
        if (a.errorType) headers['x-amzn-errortype'] = a.errorType;
        const response = { statusCode: a.status ?? 200, reason: '', headers, body: Readable.from([Buffer.from(a.raw?.body ?? JSON.stringify(payload))]) };
        return { response: response as unknown as HttpResponse };
      } finally {
        inFlight -= 1;
      }
    },
  };
  return fake;
}

// Errors a handler or the fault layer raises. The service's protocol encodes them on the wire.

export interface ErrorSpec {
  code: string;
  status: number;
  message?: string;
}

export class FakeAwsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    /** Extra response headers (S3's `x-amz-bucket-region` on a redirect). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  static of(spec: ErrorSpec, message: string): FakeAwsError {
    return new FakeAwsError(spec.code, spec.status, spec.message ?? message);
  }
}

/** The errors whose code depends on the service (each protocol family has its own). */
export interface ServiceErrors {
  throttle: ErrorSpec;
  accessDenied: ErrorSpec;
  /** What AWS answers for a call into an opt-in region the account has not enabled. */
  regionDisabled: ErrorSpec;
}

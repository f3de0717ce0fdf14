// The typed outcome of a register lookup. Register clients never throw; they return one of these.

export type UnavailableReason =
  /** no answer in time (per attempt) */
  | 'timeout'
  /** connection refused / reset / DNS; retried, then given up */
  | 'network'
  /** an HTTP status other than 2xx / 404 / 410 (see `status`) */
  | 'http-status'
  /** 2xx, but the body was not the JSON we expect */
  | 'bad-body'
  /** the caller's AbortSignal fired */
  | 'aborted'
  /** the request could not even be formed (e.g. not a 9-digit organisation number) */
  | 'invalid-input';

export type RegisterResult<T> =
  | { readonly kind: 'ok'; readonly data: T }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'gone' }
  | { readonly kind: 'unavailable'; readonly reason: UnavailableReason; readonly status?: number };

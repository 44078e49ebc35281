/**
 * A workflow the caller named does not exist, or refused the request; `code` says which. In a
 * module of its own so that activities can catch it without importing the gateway, which imports
 * the workflows that run those activities.
 */
export class GatewayError extends Error {
  constructor(
    readonly code: 'not_found' | 'rejected',
    message: string,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

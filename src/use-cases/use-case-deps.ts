import type { Models } from '../adapters/mongo/models';
import type { TemporalGateway } from '../temporal/gateway';

/** What the use cases need; the HTTP app's deps have this shape, so routes pass theirs along. */
export interface UseCaseDeps {
  readonly mongo: { readonly models: Models };
  readonly gateway: TemporalGateway;
}

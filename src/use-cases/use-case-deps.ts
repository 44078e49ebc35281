import type { Repositories } from '../adapters/mongo/repositories';
import type { TemporalGateway } from '../temporal/gateway';

/** What the use cases need; the HTTP app's deps have this shape, so routes pass theirs along. */
export interface UseCaseDeps {
  readonly mongo: { readonly repositories: Repositories };
  readonly gateway: TemporalGateway;
}

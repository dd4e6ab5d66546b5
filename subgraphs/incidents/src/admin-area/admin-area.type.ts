import { AdminAreaKey, FederatedEntity, type ReferenceArea } from '@peacegraph/kit';

/** The missions subgraph's AdminArea: the key, its incidents, and the shared name and level (admin-area.resolver.ts). */
@FederatedEntity()
export class AdminArea extends AdminAreaKey {
  /** Its reference row, when read up front for many rows at once (admin-area.prefetch.ts): name and level resolve without a promise. */
  reference?: ReferenceArea;
}

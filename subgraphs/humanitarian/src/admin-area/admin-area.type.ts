import { AdminAreaKey, FederatedEntity } from '@peacegraph/kit';

/** Stub of the missions subgraph's AdminArea: the key only; this subgraph adds its humanitarian fields. */
// Fields this subgraph adds are nullable: a failure here must not null the entity its owner served.
@FederatedEntity()
export class AdminArea extends AdminAreaKey {}

export function adminAreaStub(pcode: string): AdminArea {
  return { pcode };
}

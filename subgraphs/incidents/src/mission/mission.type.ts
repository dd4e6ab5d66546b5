import { FederatedEntity, MissionKey } from '@peacegraph/kit';

/**
 * Stub of the missions subgraph's Mission: the key only; this subgraph adds its incidents.
 * No row scope of its own (like AdminArea here): `Mission.incidents` is open to holders of
 * PARTNER, and its rows are each scoped in SQL — a partner cleared for some areas of the
 * mission gets the incidents of those areas.
 */
@FederatedEntity()
export class Mission extends MissionKey {}

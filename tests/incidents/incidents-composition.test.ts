import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { expect, test } from 'vitest';
import { buildMissionsSubgraph } from '@peacegraph/missions';
import { buildIncidentsSubgraph } from '@peacegraph/incidents';

test('the incidents subgraph composes with the missions subgraph it extends', async () => {
  const [missions, incidents] = await Promise.all([buildMissionsSubgraph(), buildIncidentsSubgraph()]);
  const result = composeServices([
    { name: missions.name, typeDefs: parse(missions.sdl), url: 'http://localhost:4001/graphql' },
    { name: incidents.name, typeDefs: parse(incidents.sdl), url: 'http://localhost:4002/graphql' },
  ]);
  expect(result.errors?.map((e) => e.message)).toBeUndefined();
  expect(result.supergraphSdl).toMatch(/type Incident[^{]*\{/);
});

test('every incidents field carries a data class, and identities are never PUBLIC', async () => {
  const { policies } = await buildIncidentsSubgraph();
  const incident = policies.find((p) => p.type === 'Incident')!;
  expect(incident.fields.every((f) => f.dataClass !== 'PUBLIC')).toBe(true);
  expect(incident.fields.find((f) => f.field === 'location')).toMatchObject({ dataClass: 'PARTNER', coarsenedFrom: 'PRECISE_LOCATION' });
});

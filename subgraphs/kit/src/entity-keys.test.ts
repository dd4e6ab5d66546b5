import 'reflect-metadata';
import { Field, Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { buildSubgraph } from './build-subgraph';
import { AdminAreaKey, FederatedEntity, MissionKey } from './entity-keys';
import { Classified, DataClass, declaredClass } from './policy/data-class';

@FederatedEntity({ description: 'A stub that adds one field.' })
class Mission extends MissionKey {
  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@Resolver()
class MissionQuery {
  @Classified(DataClass.PUBLIC)
  @Query(() => Mission, { nullable: true })
  mission(): Mission | null {
    return null;
  }
}

describe('entity keys', () => {
  it("give a class extending them the base's @key, key field, scalar, description and data class", async () => {
    const built = await buildSubgraph({ name: 'test', resolvers: [MissionQuery] });
    expect(built.sdl).toMatch(/type Mission\s+@key\(fields: "id"\)/);
    expect(built.sdl).toContain('"""The mission acronym, e.g. MINUSCA."""\n  id: ID!');
    expect(built.sdl).not.toContain('MissionKey');
    const policy = built.policies.find((p) => p.type === 'Mission');
    expect(policy?.fields.map((f) => [f.field, f.dataClass])).toEqual(
      expect.arrayContaining([
        ['id', DataClass.PUBLIC],
        ['note', DataClass.UN_INTERNAL],
      ]),
    );
    // The loaders' SQL row filter reads the key's class through the class that extends the base.
    expect(declaredClass(Mission, 'id')).toBe(DataClass.PUBLIC);
  });

  it('refuse a class that extends no entity key', () => {
    class Stray {}
    expect(() => FederatedEntity()(Stray)).toThrow(/must extend an entity key class/);
    class Area extends AdminAreaKey {}
    expect(() => FederatedEntity()(Area)).not.toThrow();
  });
});

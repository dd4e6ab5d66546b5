import { Directive, Field, ID, ObjectType, type ObjectTypeOptions } from 'type-graphql';
import { Classified, DataClass } from './policy/data-class';
import { PCodeScalar } from './scalars/pcode';

/**
 * The federation entities more than one subgraph declares, as their keys: the key field, its
 * scalar, its description and its data class, stated once. Each subgraph's class of the entity
 * (the owner's and every stub) extends one of these bases, adds its own fields, and takes
 * `@FederatedEntity()`, which gives it the base's `@key` — so no subgraph can declare a key that
 * disagrees with another's. (Incident is not here: its owner classes the key PARTNER, while
 * humanitarian's stub, reached only through a row-scoped field, classes it PUBLIC.)
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const keyFieldsOf = new Map<Function, string>();

// The bases are never reachable themselves, so never emitted (type-graphql 2 builds only reachable types).
function keyedBy(fields: string): ClassDecorator {
  return (base) => {
    keyFieldsOf.set(base, fields);
  };
}

/** `@key` (the one of the entity base the class extends) and `@ObjectType(options)`. */
export function FederatedEntity(options: ObjectTypeOptions = {}): ClassDecorator {
  return (target) => {
    const fields = keyFieldsOf.get(Object.getPrototypeOf(target));
    if (!fields) throw new Error(`${target.name} must extend an entity key class of kit's entity-keys.ts.`);
    Directive(`@key(fields: "${fields}")`)(target);
    ObjectType(options)(target);
  };
}

@keyedBy('id')
@ObjectType()
export abstract class MissionKey {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID, { description: 'The mission acronym, e.g. MINUSCA.' })
  id: string;
}

@keyedBy('pcode')
@ObjectType()
export abstract class AdminAreaKey {
  @Classified(DataClass.PUBLIC)
  @Field(() => PCodeScalar, { description: 'OCHA p-code; an admin2 p-code starts with its admin1 p-code.' })
  pcode: string;
}

@keyedBy('id')
@ObjectType()
export abstract class OrganizationKey {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID, { description: 'The id agreements and tokens use, e.g. `nrc`.' })
  id: string;
}

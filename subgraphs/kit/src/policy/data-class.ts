import { Extensions } from 'type-graphql';

/**
 * Every field in the graph carries exactly one data class. Who may see a class comes from
 * data-sharing agreements (policy.agreements), never from code. See docs/policy.md.
 */
export enum DataClass {
  /** Anyone, including callers without a token. */
  PUBLIC = 'PUBLIC',
  /** Partners inside a data-sharing agreement's scope. */
  PARTNER = 'PARTNER',
  /** UN system only (mission, agencies). */
  UN_INTERNAL = 'UN_INTERNAL',
  /** Exact coordinates; others get a coarsened point instead. */
  PRECISE_LOCATION = 'PRECISE_LOCATION',
  VICTIM_IDENTITY = 'VICTIM_IDENTITY',
  SOURCE_IDENTITY = 'SOURCE_IDENTITY',
  PERPETRATOR_IDENTITY = 'PERPETRATOR_IDENTITY',
  SEA_ALLEGATION = 'SEA_ALLEGATION',
  DONOR_CONFIDENTIAL = 'DONOR_CONFIDENTIAL',
  /** Positions, patrol and escort routes. */
  SECURITY_OPERATIONS = 'SECURITY_OPERATIONS',
  /** The audit log of restricted-data decisions: oversight only. */
  AUDIT = 'AUDIT',
}

export const ALL_DATA_CLASSES = Object.values(DataClass);

/** Classes whose every decision (granted or denied) is written to the audit log. */
export const RESTRICTED_CLASSES: ReadonlySet<DataClass> = new Set([
  DataClass.PRECISE_LOCATION,
  DataClass.VICTIM_IDENTITY,
  DataClass.SOURCE_IDENTITY,
  DataClass.PERPETRATOR_IDENTITY,
  DataClass.SEA_ALLEGATION,
  DataClass.DONOR_CONFIDENTIAL,
  DataClass.SECURITY_OPERATIONS,
  DataClass.AUDIT,
]);

/** Extension keys written by the decorators below and read by the rule builder. */
export const DATA_CLASS_KEY = 'dataClass';
export const COARSENED_KEY = 'coarsenedFrom';
export const COARSENED_WHEN_KEY = 'coarsenedWhen';
export const ROW_SCOPE_KEY = 'rowScope';

/**
 * What the decorators declared, by class, for code that needs it before a schema exists — the
 * loaders' SQL row filter (row-filter.ts) reads a row type's @ScopedBy and its key's class here.
 */
const declaredClasses = new WeakMap<object, Map<string, DataClass>>();
const declaredScopes = new WeakMap<object, RowScopeKeys>();

/** The class `@Classified` gave `field` of the object type `type` (a property of the class or of a class it extends). */
export function declaredClass(type: object, field: string): DataClass | undefined {
  // Entity keys are declared on kit's base classes (entity-keys.ts) and inherited, like the field itself.
  for (let t: object | null = type; t && t !== Function.prototype; t = Object.getPrototypeOf(t)) {
    const found = declaredClasses.get(t)?.get(field);
    if (found) return found;
  }
  return undefined;
}

/** The keys `@ScopedBy` gave the object type `type`. */
export function declaredScope(type: object): RowScopeKeys | undefined {
  return declaredScopes.get(type);
}

function remembered(dataClass: DataClass, decorator: MethodDecorator & PropertyDecorator): MethodDecorator & PropertyDecorator {
  return ((target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor) => {
    const type = target.constructor;
    const fields = declaredClasses.get(type) ?? new Map<string, DataClass>();
    fields.set(String(propertyKey), dataClass);
    declaredClasses.set(type, fields);
    return (decorator as (t: object, k: string | symbol, d?: PropertyDescriptor) => void)(target, propertyKey, descriptor);
  }) as MethodDecorator & PropertyDecorator;
}

/** The field's data class. Put it right above `@Field`. */
export function Classified(dataClass: DataClass): MethodDecorator & PropertyDecorator {
  return remembered(dataClass, Extensions({ [DATA_CLASS_KEY]: dataClass }));
}

/**
 * A field readable under `visibleAs` that degrades instead of being denied: callers
 * without `precise` get a coarsened value (the resolver calls `coarsenPoint` / the
 * disclosure control, policy/disclosure.ts). `when` names a boolean field of the row when only
 * some rows are sensitive (e.g. `identifiesCurrentPosition`: history of places a mission has
 * left is published data).
 */
export function Coarsened(visibleAs: DataClass, precise: DataClass, options: { when?: string } = {}): MethodDecorator & PropertyDecorator {
  return Extensions({
    [DATA_CLASS_KEY]: visibleAs,
    [COARSENED_KEY]: precise,
    ...(options.when ? { [COARSENED_WHEN_KEY]: options.when } : {}),
  });
}

/**
 * Where a row sits in agreement scope: which property holds its mission id, its admin
 * area p-code, and the organisation that owns it. Put it on the `@ObjectType` class.
 */
export interface RowScopeKeys {
  mission?: string;
  area?: string;
  owner?: string;
  /**
   * Whose data the row is, for the provider check: its owner's (the default when `owner` is
   * set) or its mission's — incidents are the mission's records whoever reported them.
   */
  providedBy?: 'mission' | 'owner';
  /** The property used as the entity id in audit records (default `id`). */
  id?: string;
  /**
   * A boolean field that marks rows needing `sensitiveClass` to be seen at all (e.g.
   * `confidential` flows need DONOR_CONFIDENTIAL); other rows need their key's class.
   * Declarative: the loaders filter the rows; the conformance matrix checks they do.
   */
  sensitiveWhen?: string;
  sensitiveClass?: DataClass;
}

export function ScopedBy(keys: RowScopeKeys): ClassDecorator {
  const extension = Extensions({ [ROW_SCOPE_KEY]: keys }) as ClassDecorator;
  return (target) => {
    declaredScopes.set(target, keys);
    return extension(target);
  };
}

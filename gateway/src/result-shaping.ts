import type { GatewayConfig } from '@apollo/gateway';
import {
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

type ShapeResult = NonNullable<GatewayConfig['shapeResult']>;
type OperationContext = Parameters<ShapeResult>[0];

/**
 * Result shaping compiled once per operation (a patch of @apollo/gateway hands it each merged
 * answer before its own `computeResponse`, gateway/patches/README.md). @apollo/gateway's shaper
 * walks federation-internals' Operation for every value (directive and type lookups per
 * selection, per object): 0.8–1.2 µs per leaf, milliseconds on Q3 and Q4 (docs/benchmarks.md).
 * This walks plain arrays of response names and types. It takes only operations where shaping
 * is a copy of the requested fields — fields only (no fragment, no directive, no introspection),
 * unique response names, object types only — and only the answer it can shape without an error:
 * at a null in a non-null position, an invalid leaf, a `__typename` naming another type, a value
 * of the wrong kind, it gives up and @apollo/gateway shapes that answer itself, with its errors,
 * null propagation and messages. So what it returns is what `computeResponse` would have.
 */
export function compiledResultShaping(): ShapeResult {
  const compiled = new WeakMap<OperationDefinitionNode, Shape | null>();
  return (operationContext, input) => {
    let shape = compiled.get(operationContext.operation);
    if (shape === undefined) {
      const root = operationContext.schema.getRootType(operationContext.operation.operation);
      shape = root ? compileObject(operationContext.operation.selectionSet, root) : null;
      compiled.set(operationContext.operation, shape);
    }
    if (!shape) return undefined;
    const data = shapeValue(input, shape);
    return data === GIVE_UP ? undefined : { data: data as Record<string, unknown>, errors: [] };
  };
}

const GIVE_UP = Symbol('give up');

type Shape =
  | { kind: 'nonNull'; of: Shape }
  | { kind: 'list'; of: Shape }
  | { kind: 'object'; typename: string; fields: Field[] }
  | { kind: 'leaf'; valid: (value: unknown) => boolean };
type Field = { responseName: string; typename: true } | { responseName: string; typename: false; shape: Shape };

function compileObject(selectionSet: SelectionSetNode, type: GraphQLObjectType): Shape | null {
  const fields: Field[] = [];
  const seen = new Set<string>();
  const definitions = type.getFields();
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length) return null;
    const responseName = selection.alias?.value ?? selection.name.value;
    if (seen.has(responseName)) return null; // merged by shaping: not a plain copy
    seen.add(responseName);
    if (selection.name.value === '__typename') {
      fields.push({ responseName, typename: true });
      continue;
    }
    const definition = definitions[selection.name.value]; // undefined for __schema/__type
    if (!definition) return null;
    const shape = compileType(definition.type, selection.selectionSet);
    if (!shape) return null;
    fields.push({ responseName, typename: false, shape });
  }
  return { kind: 'object', typename: type.name, fields };
}

function compileType(type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined): Shape | null {
  if (isNonNullType(type)) {
    const of = compileType(type.ofType, selectionSet);
    return of && { kind: 'nonNull', of };
  }
  if (isListType(type)) {
    const of = compileType(type.ofType, selectionSet);
    return of && { kind: 'list', of };
  }
  if (isObjectType(type)) return selectionSet ? compileObject(selectionSet, type) : null;
  if (selectionSet) return null;
  if (isEnumType(type)) return { kind: 'leaf', valid: (value) => typeof value === 'string' && type.getValue(value) !== undefined };
  if (isScalarType(type)) return { kind: 'leaf', valid: builtInScalarCheck(type.name) };
  return null; // interfaces and unions: @apollo/gateway resolves their runtime types
}

const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/** federation-internals' `isValidLeafValue`, per scalar: custom scalars take any value. */
function builtInScalarCheck(name: string): (value: unknown) => boolean {
  if (!['Boolean', 'Int', 'Float', 'ID', 'String'].includes(name)) return () => true;
  return (value) => {
    if (typeof value === 'boolean') return name === 'Boolean';
    if (typeof value === 'number' && Number.isFinite(value)) return name === 'Int' || name === 'ID' ? INTEGER.test(String(value)) : name === 'Float';
    if (typeof value === 'string') return name !== 'Boolean' && name !== 'Int' && name !== 'Float';
    return false;
  };
}

const hasOwn = Object.prototype.hasOwnProperty;

function shapeValue(value: unknown, shape: Shape): unknown {
  switch (shape.kind) {
    case 'nonNull': {
      const shaped = shapeValue(value, shape.of);
      return shaped === null ? GIVE_UP : shaped;
    }
    case 'list': {
      if (value === null || value === undefined) return null;
      if (!Array.isArray(value)) return GIVE_UP;
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) {
        const shaped = shapeValue(value[i], shape.of);
        if (shaped === GIVE_UP) return GIVE_UP;
        out[i] = shaped;
      }
      return out;
    }
    case 'leaf':
      if (value === null || value === undefined) return null;
      return shape.valid(value) ? value : GIVE_UP;
    case 'object': {
      if (value === null || value === undefined) return null;
      if (typeof value !== 'object' || Array.isArray(value)) return GIVE_UP;
      const input = value as Record<string, unknown>;
      const typename = input.__typename;
      if (typename !== undefined && typename !== shape.typename) return GIVE_UP;
      const out = Object.create(null) as Record<string, unknown>;
      for (const field of shape.fields) {
        const own = hasOwn.call(input, field.responseName) ? input[field.responseName] : undefined;
        if (field.typename) {
          if (own !== undefined && own !== null && own !== shape.typename) return GIVE_UP;
          out[field.responseName] = shape.typename;
          continue;
        }
        const shaped = shapeValue(own, field.shape);
        if (shaped === GIVE_UP) return GIVE_UP;
        out[field.responseName] = shaped;
      }
      return out;
    }
  }
}

import { and, asc, gt, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { Directive, Field, InputType, Int, ObjectType, type ClassType } from 'type-graphql';
import type { Db } from './db';
import { badInput } from './errors';
import { Classified, DataClass } from './policy/data-class';
import { prepared, shapeOf } from './prepared';

/** The largest page any list field serves; larger `first` values are refused, not truncated silently. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

@Directive('@shareable')
@ObjectType({ description: 'Where a page ends and whether another follows (cursor pagination).' })
export class PageInfo {
  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean)
  hasNextPage: boolean;
}

/**
 * The fields of every `<Type>Page`: its `nodes` and their `pageInfo`, both readable under the
 * data class of the rows. `@ObjectType() export class XPage extends PageOf(X) {}` keeps each
 * page its own GraphQL type.
 */
export function PageOf<T extends object>(node: ClassType<T>, dataClass: DataClass = DataClass.PUBLIC) {
  // Never reachable itself, so never emitted (type-graphql 2 builds only reachable types).
  @ObjectType()
  abstract class Page {
    @Classified(dataClass)
    @Field(() => [node])
    nodes: T[];

    @Classified(dataClass)
    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return Page;
}

@InputType({ description: 'Cursor pagination: up to `first` items after the cursor `after`.' })
export class PageInput {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `1–${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** Checks `first` and decodes the cursor; errors name the argument. */
export function readPage(page: PageInput | undefined | null): { limit: number; after: string | null } {
  const first = page?.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('page.first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}.`);
  }
  return { limit: first, after: page?.after ? decodeCursor(page.after) : null };
}

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key || encodeCursor(key) !== cursor) throw badInput('page.after', 'is not a cursor this API issued.');
  return key;
}

/** Rows fetched with `limit + 1` → the page and its PageInfo (the extra row only says "more"). */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => string): { nodes: T[]; pageInfo: PageInfo } {
  const nodes = rows.slice(0, limit);
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { endCursor: last ? encodeCursor(keyOf(last)) : null, hasNextPage: rows.length > limit } };
}

/**
 * One keyset page in id order — the rows matching `conditions` after the cursor's id, and one
 * more to say whether another page follows (`toPage`). The statement every `list…` loader
 * that pages by id sends; built once per table and conditions, cursor and size bound.
 */
export function pageInIdOrder<T extends PgTable & { id: PgColumn }>(
  db: Db,
  table: T,
  conditions: readonly (SQL | undefined)[],
  after: string | null,
  limit: number,
): Promise<T['$inferSelect'][]> {
  const where = and(...conditions);
  const { schema, name } = getTableConfig(table);
  const shape = `pageInIdOrder:${schema}.${name}:${after === null ? 'first' : 'after'}:${shapeOf(where)}`;
  return prepared(db, shape, () =>
    db
      .select()
      .from(table as PgTable)
      .where(and(where, after === null ? undefined : gt(table.id, sql.placeholder('after'))))
      .orderBy(asc(table.id))
      .limit(sql.placeholder('rows')),
  ).execute({ after, rows: limit + 1 }) as Promise<T['$inferSelect'][]>;
}

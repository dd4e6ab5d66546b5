import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { countries, type CountryRow } from './country.table';

/** Countries by ISO3, one statement per batch. */
export function countryByIso3Loader(db: Db) {
  return new DataLoader<string, CountryRow | null>(async (codes) => {
    const rows = await db.select().from(countries).where(inArray(countries.iso3, [...codes]));
    const byCode = new Map(rows.map((r) => [r.iso3, r]));
    return codes.map((c) => byCode.get(c) ?? null);
  });
}

/** Every country the data refers to, by name. */
export function listCountries(db: Db): Promise<CountryRow[]> {
  return db.select().from(countries).orderBy(asc(countries.name));
}

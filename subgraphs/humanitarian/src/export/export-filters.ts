import { calendarDateProblem, HttpError, type Db } from '@peacegraph/kit';
import { PopulationGroup } from '../displacement/displacement.type';
import { IascCluster } from '../operational-presence/cluster';
import { PresenceStatus } from '../operational-presence/operational-presence.type';
import { organizationByIdLoader } from '../organization/organization.loaders';
import { knownArea, knownCountry } from '../places';

/** What is wrong with one parameter's value, or null when it is fine. */
type Check = (value: string, db: Db) => string | null | Promise<string | null>;

const MAX_INTEGER = 2_147_483_647;

function oneOf(values: Record<string, string>): Check {
  const allowed = Object.values(values);
  return (value) => (allowed.includes(value) ? null : `'${value}' is not one of ${allowed.join(', ')}.`);
}

const country: Check = (value) => (knownCountry(value.toUpperCase()) ? null : `'${value}' is not a known ISO 3166 alpha-3 country code.`);
const adminArea: Check = async (value, db) => ((await knownArea(db, value.toUpperCase())) ? null : `'${value}' is not a known admin area p-code.`);
const organization: Check = async (value, db) => ((await organizationByIdLoader(db).load(value)) ? null : `'${value}' is not a known organisation id.`);
const date: Check = (value) => calendarDateProblem(value);
// PostgreSQL's integer: a larger number would fail inside the query, as an internal error.
const integer: Check = (value) => (/^\d{1,10}$/.test(value) && Number(value) <= MAX_INTEGER ? null : `must be a whole number from 0 to ${MAX_INTEGER}.`);

/** The query parameters each export takes, and how each value is checked. */
const EXPORT_PARAMETERS = {
  '3w': { countryIso3: country, adminAreaPcode: adminArea, cluster: oneOf(IascCluster), organizationId: organization, status: oneOf(PresenceStatus), activeOn: date },
  displacement: { countryIso3: country, adminAreaPcode: adminArea, populationGroup: oneOf(PopulationGroup), reportingRound: integer },
} satisfies Record<string, Record<string, Check>>;

type FilterValues<K extends keyof typeof EXPORT_PARAMETERS> = { [P in keyof (typeof EXPORT_PARAMETERS)[K]]: string | null };

/**
 * The export's filters from the query string. An unknown parameter, one given twice, or a
 * value that names nothing the graph knows is a 400 naming each of them: a filter that can
 * match nothing would otherwise be an empty file that looks like "no data".
 */
export async function exportFilters<K extends keyof typeof EXPORT_PARAMETERS>(url: URL, kind: K, db: Db): Promise<FilterValues<K>> {
  const checks: Record<string, Check> = EXPORT_PARAMETERS[kind];
  const problems: string[] = [];
  const names = [...new Set(url.searchParams.keys())];
  const unknown = names.filter((name) => !(name in checks));
  if (unknown.length > 0) problems.push(`unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} (this export takes ${Object.keys(checks).join(', ')})`);
  const values: Record<string, string | null> = {};
  for (const [name, check] of Object.entries(checks)) {
    const given = url.searchParams.getAll(name);
    values[name] = given[0] ?? null;
    if (given.length > 1) problems.push(`${name}: given ${given.length} times; give it once`);
    else if (given.length === 1) {
      const problem = await check(given[0]!, db);
      if (problem) problems.push(`${name}: ${problem}`);
    }
  }
  if (problems.length > 0) throw new HttpError(400, problems.join('; '), 'BAD_USER_INPUT');
  return values as FilterValues<K>;
}

import { OCHA_AREAS } from './boundaries';

/**
 * Admin areas for the host countries of the active African and Middle East missions.
 *
 * CAF, COD and SSD: the real OCHA COD-AB p-codes, names, parents and centroids, every admin1 and
 * admin2 unit (boundaries.ts; `source: 'ocha-cod'`, with the COD version in `codValidOn`).
 * Abyei is SSD's `SS00` "Abyei Region" as the SSD COD files it (its status is not final; UNISFA's area).
 *
 * Other countries (MLI, LBN, SDN, SYR): GENERATED, NOT AN OFFICIAL OCHA COD — real area names
 * with p-codes in p-code style (ISO2 + two digits; an admin2 code extends its admin1 code) and
 * approximate centroids, marked `source: 'generated'`. Replace them with the country's COD
 * before joining against HDX or other p-coded data.
 */
export interface AdminAreaReference {
  pcode: string;
  name: string;
  /** The COD's alternative (e.g. unaccented) spelling, when it has one. */
  nameAlt: string | null;
  level: 1 | 2;
  parentPcode: string | null;
  countryIso3: string;
  centroidLatitude: number;
  centroidLongitude: number;
  source: 'ocha-cod' | 'generated';
  /** The COD version (valid-on date) an `ocha-cod` p-code belongs to; null for generated rows. */
  codValidOn: string | null;
}

type Admin1 = [code: string, name: string, latitude: number, longitude: number];
type Admin2 = [code: string, parentCode: string, name: string, latitude: number, longitude: number];

interface CountryAreas {
  iso3: string;
  admin1: Admin1[];
  admin2: Admin2[];
}

const MALI: CountryAreas = {
  iso3: 'MLI',
  admin1: [
    ['ML01', 'Kayes', 14.0, -10.5],
    ['ML02', 'Koulikoro', 13.0, -7.5],
    ['ML03', 'Sikasso', 11.3, -6.0],
    ['ML04', 'Ségou', 13.6, -6.0],
    ['ML05', 'Mopti', 14.6, -3.7],
    ['ML06', 'Tombouctou', 19.0, -3.0],
    ['ML07', 'Gao', 16.5, 0.4],
    ['ML08', 'Kidal', 19.5, 1.4],
    ['ML09', 'Bamako', 12.65, -8.0],
    ['ML10', 'Ménaka', 15.9, 2.4],
    ['ML11', 'Taoudénit', 22.5, -4.0],
  ],
  admin2: [
    ['ML0701', 'ML07', 'Gao', 16.27, -0.04],
    ['ML0801', 'ML08', 'Kidal', 18.44, 1.41],
  ],
};

const LEBANON: CountryAreas = {
  iso3: 'LBN',
  admin1: [
    ['LB11', 'Beirut', 33.89, 35.5],
    ['LB12', 'Mount Lebanon', 33.8, 35.6],
    ['LB13', 'North', 34.4, 35.9],
    ['LB14', 'Akkar', 34.55, 36.1],
    ['LB15', 'Bekaa', 33.8, 35.9],
    ['LB16', 'Baalbek-Hermel', 34.2, 36.3],
    ['LB17', 'South', 33.3, 35.35],
    ['LB18', 'Nabatieh', 33.35, 35.5],
  ],
  admin2: [
    ['LB1701', 'LB17', 'Tyre', 33.27, 35.2],
    ['LB1801', 'LB18', 'Bint Jbeil', 33.12, 35.43],
    ['LB1802', 'LB18', 'Marjayoun', 33.36, 35.59],
  ],
};

// Abyei is not here: the real SSD COD-AB files it as SS00 "Abyei Region" (see boundaries.ts).
const SUDAN: CountryAreas = {
  iso3: 'SDN',
  admin1: [
    ['SD01', 'Khartoum', 15.6, 32.5],
    ['SD02', 'North Darfur', 15.8, 25.3],
    ['SD03', 'South Darfur', 11.5, 24.9],
    ['SD04', 'West Darfur', 13.1, 22.6],
    ['SD05', 'Central Darfur', 12.9, 23.5],
    ['SD06', 'East Darfur', 11.4, 26.3],
    ['SD07', 'South Kordofan', 11.2, 30.0],
    ['SD08', 'West Kordofan', 11.7, 28.3],
  ],
  admin2: [],
};

const SYRIA: CountryAreas = {
  iso3: 'SYR',
  // Only the governorate of UNDOF's area of separation.
  admin1: [['SY14', 'Quneitra', 33.1, 35.85]],
  admin2: [],
};

function rowsOf(country: CountryAreas): AdminAreaReference[] {
  const admin1 = country.admin1.map(
    ([pcode, name, centroidLatitude, centroidLongitude]): AdminAreaReference => ({
      pcode,
      name,
      level: 1,
      parentPcode: null,
      countryIso3: country.iso3,
      centroidLatitude,
      centroidLongitude,
      source: 'generated',
      nameAlt: null,
      codValidOn: null,
    }),
  );
  const admin2 = country.admin2.map(
    ([pcode, parentPcode, name, centroidLatitude, centroidLongitude]): AdminAreaReference => ({
      pcode,
      name,
      level: 2,
      parentPcode,
      countryIso3: country.iso3,
      centroidLatitude,
      centroidLongitude,
      source: 'generated',
      nameAlt: null,
      codValidOn: null,
    }),
  );
  return [...admin1, ...admin2];
}

const REAL_AREAS: AdminAreaReference[] = OCHA_AREAS.map((area) => ({ ...area, source: 'ocha-cod' }));

export const ADMIN_AREA_CATALOGUE: AdminAreaReference[] = [...REAL_AREAS, ...[MALI, LEBANON, SUDAN, SYRIA].flatMap(rowsOf)];

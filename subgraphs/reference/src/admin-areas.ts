/**
 * Admin areas for the host countries of the active African and Middle East missions.
 *
 * ILLUSTRATIVE, NOT AN OFFICIAL OCHA COD: the names are real first-level (and a few
 * second-level) areas, but the p-codes are generated in p-code style (ISO2 + two digits;
 * an admin2 code extends its admin1 code) and the centroids are approximate. Every row is
 * marked `source: 'generated'`; replace them with the country's common operational dataset
 * before joining against HDX or other p-coded data.
 */
export interface AdminAreaReference {
  pcode: string;
  name: string;
  level: 1 | 2;
  parentPcode: string | null;
  countryIso3: string;
  centroidLatitude: number;
  centroidLongitude: number;
  source: 'generated';
}

type Admin1 = [code: string, name: string, latitude: number, longitude: number];
type Admin2 = [code: string, parentCode: string, name: string, latitude: number, longitude: number];

interface CountryAreas {
  iso3: string;
  admin1: Admin1[];
  admin2: Admin2[];
}

const CENTRAL_AFRICAN_REPUBLIC: CountryAreas = {
  iso3: 'CAF',
  admin1: [
    ['CF11', 'Bangui', 4.39, 18.56],
    ['CF12', "Ombella-M'Poko", 5.0, 18.2],
    ['CF13', 'Lobaye', 3.9, 17.7],
    ['CF14', 'Mambéré-Kadéï', 4.3, 15.8],
    ['CF15', 'Nana-Mambéré', 5.8, 15.6],
    ['CF16', 'Sangha-Mbaéré', 3.3, 16.2],
    ['CF17', 'Ouham-Pendé', 6.6, 16.2],
    ['CF18', 'Ouham', 6.8, 17.6],
    ['CF19', 'Kémo', 5.8, 19.3],
    ['CF20', 'Nana-Grébizi', 7.2, 19.8],
    ['CF21', 'Ouaka', 6.3, 20.7],
    ['CF22', 'Bamingui-Bangoran', 8.3, 20.5],
    ['CF23', 'Haute-Kotto', 7.8, 23.0],
    ['CF24', 'Vakaga', 9.8, 22.3],
    ['CF25', 'Basse-Kotto', 4.9, 21.7],
    ['CF26', 'Mbomou', 5.2, 23.5],
    ['CF27', 'Haut-Mbomou', 5.7, 25.6],
  ],
  admin2: [
    ['CF2101', 'CF21', 'Bambari', 5.76, 20.67],
    ['CF2102', 'CF21', 'Ippy', 6.25, 21.22],
    ['CF2301', 'CF23', 'Bria', 6.54, 21.99],
    ['CF2001', 'CF20', 'Kaga-Bandoro', 6.99, 19.19],
  ],
};

const DR_CONGO: CountryAreas = {
  iso3: 'COD',
  admin1: [
    ['CD10', 'Kinshasa', -4.4, 15.4],
    ['CD11', 'Kongo-Central', -5.3, 14.2],
    ['CD12', 'Kwango', -6.2, 17.5],
    ['CD13', 'Kwilu', -5.0, 18.6],
    ['CD14', 'Mai-Ndombe', -2.6, 18.4],
    ['CD15', 'Kasaï', -5.0, 20.7],
    ['CD16', 'Kasaï-Central', -5.9, 22.4],
    ['CD17', 'Kasaï-Oriental', -6.1, 23.6],
    ['CD18', 'Lomami', -6.1, 24.5],
    ['CD19', 'Sankuru', -3.3, 23.6],
    ['CD20', 'Maniema', -3.1, 26.5],
    ['CD21', 'Sud-Kivu', -3.0, 28.3],
    ['CD22', 'Nord-Kivu', -0.8, 29.0],
    ['CD23', 'Ituri', 1.6, 29.4],
    ['CD24', 'Haut-Uele', 3.2, 28.3],
    ['CD25', 'Tshopo', 0.6, 24.8],
    ['CD26', 'Bas-Uele', 3.5, 24.7],
    ['CD27', 'Nord-Ubangi', 3.8, 21.5],
    ['CD28', 'Mongala', 2.0, 21.5],
    ['CD29', 'Sud-Ubangi', 3.0, 19.0],
    ['CD30', 'Équateur', 0.0, 19.0],
    ['CD31', 'Tshuapa', -0.8, 22.5],
    ['CD32', 'Tanganyika', -6.3, 28.0],
    ['CD33', 'Haut-Lomami', -8.4, 25.9],
    ['CD34', 'Lualaba', -10.5, 24.0],
    ['CD35', 'Haut-Katanga', -10.3, 27.5],
  ],
  admin2: [
    ['CD2201', 'CD22', 'Beni', 0.5, 29.47],
    ['CD2202', 'CD22', 'Rutshuru', -1.18, 29.45],
    ['CD2203', 'CD22', 'Masisi', -1.4, 28.8],
    ['CD2301', 'CD23', 'Djugu', 1.9, 30.5],
    ['CD2302', 'CD23', 'Irumu', 1.45, 29.87],
  ],
};

const SOUTH_SUDAN: CountryAreas = {
  iso3: 'SSD',
  admin1: [
    ['SS11', 'Central Equatoria', 4.6, 31.3],
    ['SS12', 'Eastern Equatoria', 4.6, 33.4],
    ['SS13', 'Western Equatoria', 5.3, 28.3],
    ['SS14', 'Jonglei', 7.3, 32.0],
    ['SS15', 'Unity', 8.7, 29.8],
    ['SS16', 'Upper Nile', 10.1, 32.7],
    ['SS17', 'Lakes', 6.8, 29.9],
    ['SS18', 'Warrap', 8.2, 28.6],
    ['SS19', 'Northern Bahr el Ghazal', 8.8, 27.3],
    ['SS20', 'Western Bahr el Ghazal', 8.1, 25.5],
  ],
  admin2: [
    ['SS1101', 'SS11', 'Juba', 4.85, 31.58],
    ['SS1501', 'SS15', 'Rubkona', 9.27, 29.79],
    ['SS1601', 'SS16', 'Malakal', 9.53, 31.65],
  ],
};

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

// Abyei is listed under Sudan here, as a special administrative area of its own (UNISFA's area).
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
    ['SD09', 'Abyei', 9.6, 28.4],
  ],
  admin2: [['SD0901', 'SD09', 'Abyei town', 9.6, 28.44]],
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
    }),
  );
  return [...admin1, ...admin2];
}

export const ADMIN_AREA_CATALOGUE: AdminAreaReference[] = [
  CENTRAL_AFRICAN_REPUBLIC,
  DR_CONGO,
  SOUTH_SUDAN,
  MALI,
  LEBANON,
  SUDAN,
  SYRIA,
].flatMap(rowsOf);

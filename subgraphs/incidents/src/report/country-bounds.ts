/**
 * Bounding boxes (WGS 84, slightly generous) of the host countries with seeded missions.
 * A point outside its country's box is certainly outside the country; inside the box is
 * not proof it is inside, which is why the error says "outside the bounding box".
 */
export interface Bounds {
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
}

export const COUNTRY_BOUNDS: Readonly<Record<string, Bounds>> = {
  CAF: { minLatitude: 2.2, maxLatitude: 11.1, minLongitude: 14.4, maxLongitude: 27.5 },
  COD: { minLatitude: -13.5, maxLatitude: 5.4, minLongitude: 12.2, maxLongitude: 31.4 },
  SSD: { minLatitude: 3.4, maxLatitude: 12.3, minLongitude: 23.4, maxLongitude: 36.0 },
  SDN: { minLatitude: 8.6, maxLatitude: 22.3, minLongitude: 21.8, maxLongitude: 38.7 },
  MLI: { minLatitude: 10.1, maxLatitude: 25.1, minLongitude: -12.3, maxLongitude: 4.3 },
  LBN: { minLatitude: 33.0, maxLatitude: 34.7, minLongitude: 35.1, maxLongitude: 36.7 },
  SYR: { minLatitude: 32.3, maxLatitude: 37.4, minLongitude: 35.7, maxLongitude: 42.4 },
};

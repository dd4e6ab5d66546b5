import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass, PageOf, PublicCoordinates, ScopedBy } from '@peacegraph/kit';

/** Same values as the kit's PointPrecision; its own GraphQL name so no other subgraph's enum must match it. */
export enum SitePointPrecision {
  EXACT = 'EXACT',
  ROUNDED_0_1_DEGREE = 'ROUNDED_0_1_DEGREE',
  ADMIN_AREA_CENTROID = 'ADMIN_AREA_CENTROID',
}
registerEnumType(SitePointPrecision, { name: 'SitePointPrecision', description: 'How exact a served site point is.' });

@ObjectType({ description: 'A served point, with how exact it is (WGS 84).' })
export class SitePoint extends PublicCoordinates {
  @Classified(DataClass.PUBLIC)
  @Field(() => SitePointPrecision)
  precision: SitePointPrecision;
}

@ObjectType({ description: 'One contributing country at a deployment site, as listed by Geo-PKO.' })
export class DeploymentSiteContributor {
  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'As written in the source ("Korea (ROK)", "Un", "TCC name unknown").' })
  contributorName: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => CountryCodeScalar, { nullable: true })
  contributorIso3: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true, description: 'Approximate personnel; null where the source says "size unknown".' })
  size: number | null;
}

/**
 * Geo-PKO deployment site. Sites in the latest data year are the missions' current
 * positions: their exact coordinates are SECURITY_OPERATIONS (the mission's own staff see
 * them); everyone else gets the site with its point rounded to 0.1°, never a gap in the
 * list. Older sites are history and public.
 */
@ScopedBy({ mission: 'missionId', id: 'id' })
@ObjectType({ description: 'Where a mission had uniformed personnel in a year (Geo-PKO v2.3, Uppsala University).' })
export class DeploymentSite {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  year: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Place name as published by Geo-PKO.' })
  location: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true, description: "Number of contributing countries at the site (the source's No.TCC)." })
  contributorCount: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'The contributors as published, e.g. "Rwanda (1600), Zambia (size unknown)".' })
  contributorsOverview: string;

  latitude: number;
  longitude: number;

  /** Filled by the loader: is `year` the latest year of the data (a current position)? */
  isCurrent: boolean;

  /** Filled by the loader: is this row a current position, or an earlier row of one (linkage)? */
  identifiesCurrent: boolean;
}

@ObjectType()
export class DeploymentSitePage extends PageOf(DeploymentSite) {}


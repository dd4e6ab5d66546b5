import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass, DateScalar, PageOf, PCodeScalar, ScopedBy } from '@peacegraph/kit';
import { AdminArea } from '../admin-area/admin-area.type';
import { Organization } from '../organization/organization.type';
import { IascCluster } from './cluster';
import { PeopleBySexAndAge } from './people-count.type';

export enum PresenceStatus {
  PLANNED = 'PLANNED',
  ONGOING = 'ONGOING',
  COMPLETED = 'COMPLETED',
}
registerEnumType(PresenceStatus, { name: 'PresenceStatus', description: 'Status of a 3W activity.' });

/**
 * 3W rows are public, as on HDX; the owning organisation alone may change them and, with
 * partners in scope, read their remarks.
 */
@ScopedBy({ mission: 'missionId', area: 'adminAreaPcode', owner: 'organizationId', id: 'id' })
@ObjectType({ description: 'Who does what where (3W): an organisation × IASC cluster × admin area × reference period.' })
export class OperationalPresence {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  organizationId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Organization, { nullable: true })
  organization?: Organization | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => IascCluster)
  cluster: IascCluster;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'HDX HAPI sector code, e.g. PRO, WSH.' })
  clusterCode?: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => PCodeScalar, { description: 'OCHA p-code of the admin area (admin1 or admin2).' })
  adminAreaPcode: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => PCodeScalar)
  admin1Pcode: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  adminLevel: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => AdminArea)
  adminArea?: AdminArea;

  @Classified(DataClass.PUBLIC)
  @Field(() => CountryCodeScalar)
  countryIso3: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'The peace operation in whose area the activity runs.' })
  missionId: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { description: 'Reference period start, YYYY-MM-DD.' })
  periodStart: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { description: 'Reference period end, YYYY-MM-DD.' })
  periodEnd: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => PresenceStatus)
  status: PresenceStatus;

  @Classified(DataClass.PUBLIC)
  @Field(() => PeopleBySexAndAge)
  targeted?: PeopleBySexAndAge;

  @Classified(DataClass.PUBLIC)
  @Field(() => PeopleBySexAndAge)
  reached?: PeopleBySexAndAge;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'Why more people were reached than targeted.' })
  reachedExplanation: string | null;

  @Classified(DataClass.PARTNER)
  @Field(() => String, { nullable: true, description: 'Notes for partners in the data-sharing agreement, and the owner.' })
  remarks: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: "'generated' rows are illustrative demo data; 'reported' rows were written by the organisation." })
  source: string;
}

@ObjectType()
export class OperationalPresencePage extends PageOf(OperationalPresence) {}

import { Field, Int, ObjectType } from 'type-graphql';
import { Classified, DataClass, ScopedBy } from '@peacegraph/kit';
import { IascCluster } from '../operational-presence/cluster';
import { Organization } from '../organization/organization.type';

@ScopedBy({ mission: 'missionId' })
@ObjectType({ description: "The humanitarian response in a mission's host countries, from 3W rows and escort requests." })
export class HumanitarianFootprint {
  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  organizationsPresent: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => [Organization])
  organizations: Organization[];

  @Classified(DataClass.PUBLIC)
  @Field(() => [IascCluster])
  clusters: IascCluster[];

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: 'People targeted by the activities counted.' })
  peopleTargeted: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: 'People in need reached by the activities counted.' })
  peopleReached: number;

  @Classified(DataClass.PARTNER)
  @Field(() => Int, { nullable: true, description: 'Escort requests REQUESTED or APPROVED (PARTNER for the whole mission).' })
  openEscortRequests: number | null;
}

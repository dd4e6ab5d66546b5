import { Field, Int, ObjectType } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass } from '@peacegraph/kit';
import { GenderShare } from '../gender/gender-share.type';

@ObjectType({ description: 'A contributing country ranked by uniformed personnel in a year (for one mission or all).' })
export class ContributorRank {
  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: '1 = largest contributor; ties share a rank.' })
  rank: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => CountryCodeScalar, { nullable: true })
  contributorIso3: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Country name as published.' })
  contributorName: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: 'Missions the country contributed to in the year (within the filter).' })
  missionCount: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Uniformed personnel, exact decimal (yearly average).' })
  total: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => GenderShare, { description: "Women among the country's uniformed personnel, against the UN parity target." })
  genderShare: GenderShare;
}

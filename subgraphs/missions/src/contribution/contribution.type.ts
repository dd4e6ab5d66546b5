import { Field, Int, ObjectType } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass } from '@peacegraph/kit';
import { Country } from '../country/country.type';

@ObjectType({
  description: 'Uniformed personnel from one contributing country to one mission in one year (average of monthly figures).',
})
export class Contribution {
  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Country name as published.' })
  contributorName: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => CountryCodeScalar, { nullable: true })
  contributorIso3: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Country, { nullable: true })
  contributor?: Country | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  year: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: "UNIFORMED where the source does not split troops from police." })
  personnelType: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Yearly average, exact decimal.' })
  female: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Yearly average, exact decimal.' })
  male: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Yearly average, exact decimal.' })
  total: string;
}

import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

/** Stub of the humanitarian subgraph's Organization: finance adds the funding it gives and receives. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'An organisation taking part in the response (owned by the humanitarian subgraph; finance extends it).' })
export class Organization {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID, { description: 'The id agreements and tokens use, e.g. `nrc`.' })
  id: string;
}

import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, CurrencyCodeScalar, DataClass, DecimalScalar, PageOf } from '@peacegraph/kit';

export enum BudgetCostClass {
  MILITARY_AND_POLICE_PERSONNEL = 'MILITARY_AND_POLICE_PERSONNEL',
  CIVILIAN_PERSONNEL = 'CIVILIAN_PERSONNEL',
  OPERATIONAL_COSTS = 'OPERATIONAL_COSTS',
}
registerEnumType(BudgetCostClass, {
  name: 'BudgetCostClass',
  description: 'The three groups of expenditure of a peacekeeping budget (sections I–III of the cost estimates).',
});

@ObjectType({ description: 'Approved resources for one cost class of a mission budget.' })
export class BudgetCostClassAmount {
  @Classified(DataClass.PUBLIC)
  @Field(() => BudgetCostClass)
  costClass: BudgetCostClass;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Exact decimal, in the budget currency.' })
  amount: string;
}

// Public: approved budgets are General Assembly documents.
@ObjectType({ description: 'What the General Assembly appropriated for one mission for one financial period.' })
export class MissionBudget {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Mission id (acronym).' })
  missionId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Financial period, e.g. 2024/25 (1 July 2024 – 30 June 2025).' })
  fiscalPeriodId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Appropriation as an exact decimal string.' })
  approvedAmount: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => CurrencyCodeScalar, { description: 'ISO 4217 code of every amount on this budget.' })
  currency: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => [BudgetCostClassAmount], { description: 'Breakdown by cost class; empty where the source gives none.' })
  costClasses: BudgetCostClassAmount[];

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'Symbol of the appropriation resolution, e.g. A/RES/78/300; null where not recorded.' })
  resolutionSymbol: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Where the figure comes from (document symbol or "estimate").' })
  source: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'What exactly the figure covers, and its caveats.' })
  sourceNote: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean, { description: 'True when the amount is an estimate, not a figure from a General Assembly document.' })
  estimated: boolean;
}

@ObjectType()
export class MissionBudgetPage extends PageOf(MissionBudget) {}

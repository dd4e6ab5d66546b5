import { isScalarType, type GraphQLSchema } from 'graphql';
import { CountryCodeScalar } from './country-code';
import { CurrencyCodeScalar } from './currency';
import { DateScalar, DateTimeScalar } from './date';
import { DecimalScalar } from './decimal';
import { PCodeScalar } from './pcode';
import { YearMonthScalar } from './year-month';

export const TYPED_SCALARS = [CountryCodeScalar, CurrencyCodeScalar, DateScalar, DateTimeScalar, DecimalScalar, PCodeScalar, YearMonthScalar];

/**
 * Gives a schema built from SDL (the gateway's API schema, where custom scalars pass anything)
 * the real parse and serialize of each typed scalar, so the gateway refuses a bad value itself:
 * BAD_USER_INPUT naming its field (named-input-errors.ts), before any subgraph is called (a subgraph's own refusal would reach the client masked).
 */
export function withTypedScalars(schema: GraphQLSchema): GraphQLSchema {
  for (const scalar of TYPED_SCALARS) {
    const type = schema.getType(scalar.name);
    if (!isScalarType(type)) continue;
    type.serialize = scalar.serialize;
    type.parseValue = scalar.parseValue;
    type.parseLiteral = scalar.parseLiteral;
  }
  return schema;
}

import { Field, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';

@ObjectType('CurrencyRate', {
  description:
    'How many units of the reporting currency one unit of `currency` was worth on `date`; converts the orders of that UTC day.',
})
export class CurrencyRateType {
  @Field(() => String, { description: 'The ISO 4217 code converted from.' })
  currency: string;

  @Field(() => String, { description: 'The day, YYYY-MM-DD.' })
  date: string;

  @Field(() => String, { description: 'The rate, exact decimal text (twelve decimal places).' })
  rate: string;
}

@ObjectType({ description: 'Stored rates, newest day first, then by currency.' })
export class CurrencyRateConnection extends Connection(
  CurrencyRateType,
  'CurrencyRateConnection',
) {}

@ObjectType({
  description: "The tenant's currency settings: the reporting currency and the stored rates.",
})
export class CurrencySettings {
  @Field(() => String, {
    description:
      "The ISO 4217 code analytics and `totalSpent` use; every order's `reportingAmount` is in it.",
  })
  reportingCurrency: string;
}

@InputType({ description: 'A rate to store (replacing the one of the same currency and day).' })
export class CurrencyRateInput {
  @Field(() => String, {
    description:
      'The ISO 4217 code converted from. A rate of the reporting currency itself waits for a change of it.',
  })
  currency: string;

  @Field(() => String, { description: 'The day, YYYY-MM-DD.' })
  date: string;

  @Field(() => String, {
    description:
      'Units of the reporting currency for one unit of `currency`: decimal text greater than zero, at most twelve decimals.',
  })
  rate: string;
}

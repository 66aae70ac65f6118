import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { CurrencyService } from './currency.service.js';
import {
  CurrencyRateConnection,
  CurrencyRateInput,
  CurrencyRateType,
  CurrencySettings,
} from './currency.type.js';

/** The reporting currency and its rates: read by every member, configured by the owner. */
@Resolver(() => CurrencySettings)
export class CurrencyResolver {
  constructor(private readonly currencies: CurrencyService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => CurrencySettings, {
    description: "The tenant's reporting currency and the rates stored to convert into it.",
  })
  currencySettings(@Ctx() { operation }: GraphQLContext) {
    return this.currencies.settings(operation);
  }

  @FieldResolver(() => CurrencyRateConnection, {
    description: 'The stored rates, newest day first, then by currency.',
  })
  rates(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return this.currencies.rates(operation, first, after);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => CurrencySettings, {
    description:
      'Changes the reporting currency and converts every order into it at the stored rates, which are read from then on as units of the new currency: store the rates against it first. Refused on `currency`, naming the first missing rate, when an order in another currency has no rate for its UTC day.',
  })
  setReportingCurrency(
    @Ctx() { operation }: GraphQLContext,
    @Arg('currency', () => String, { description: 'An ISO 4217 code.' }) currency: string,
  ) {
    return this.currencies.setReportingCurrency(operation, currency);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => CurrencyRateType, {
    description:
      "Stores the rate of a currency on a day (replacing one stored before); that day's orders in the currency are converted again with it. A rate of the reporting currency itself converts nothing until `setReportingCurrency` changes it.",
  })
  setCurrencyRate(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => CurrencyRateInput) input: CurrencyRateInput,
  ) {
    return this.currencies.setRate(operation, input);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => Boolean, {
    description:
      'Deletes a stored rate; refused (CONFLICT on `currency`) while orders are converted with it.',
  })
  deleteCurrencyRate(
    @Ctx() { operation }: GraphQLContext,
    @Arg('currency', () => String) currency: string,
    @Arg('date', () => String, { description: 'The day, YYYY-MM-DD.' }) date: string,
  ) {
    return this.currencies.deleteRate(operation, currency, date);
  }
}

import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CustomerValueFitState {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(CustomerValueFitState, { name: 'CustomerValueFitState' });

@InputType('CustomerValueFitInput', { description: 'What a customer value fit is asked.' })
export class CustomerValueFitInput {
  @Field(() => String, {
    nullable: true,
    description:
      'The calibration period’s last day, YYYY-MM-DD (default today): the models see orders up to it, the later ones check them.',
  })
  calibrationEnd?: string | null;

  @Field(() => Int, { nullable: true, description: 'CLV horizon in months, 1–120 (default 12).' })
  horizonMonths?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Yearly discount rate, 0–1 (default 0.10), applied monthly.',
  })
  annualDiscountRate?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of revenue kept as profit, above 0 up to 1 (default 1: CLV in revenue).',
  })
  margin?: number | null;
}

@ObjectType('BgNbdEstimates', {
  description: 'BG/NBD maximum-likelihood estimates (Fader, Hardie & Lee 2005), time in weeks.',
})
export class BgNbdEstimatesType {
  @Field(() => Float) r!: number;
  @Field(() => Float) alpha!: number;
  @Field(() => Float) a!: number;
  @Field(() => Float) b!: number;
  @Field(() => Float) logLikelihood!: number;
  @Field(() => Boolean, { description: 'False when the optimiser’s budget ran out first.' })
  converged!: boolean;
}

@ObjectType('GammaGammaEstimates', {
  description: 'Gamma–Gamma spend model estimates (Fader & Hardie 2013).',
})
export class GammaGammaEstimatesType {
  @Field(() => Float) p!: number;
  @Field(() => Float) q!: number;
  @Field(() => Float) gamma!: number;
  @Field(() => Float) logLikelihood!: number;
  @Field(() => Boolean) converged!: boolean;
}

@ObjectType('FitCheckWeek', {
  description:
    'Cumulative repeat transactions to the end of a week: what happened and what the model predicts.',
})
export class FitCheckWeekType {
  @Field(() => String, { description: 'The week’s first day, YYYY-MM-DD.' }) weekStart!: string;
  @Field(() => Float) actual!: number;
  @Field(() => Float, { nullable: true, description: 'Null where the model cannot predict.' })
  predicted!: number | null;
}

@ObjectType('CustomerValueFit', {
  description:
    'One run of the customer value models on the tenant’s orders. Orders become one transaction per contact and day; a day with a negative total (a refund) is set aside, a zero-value day counts; repeat buyers whose repeat days average zero are left out of the spend model only.',
})
export class CustomerValueFitType {
  @Field(() => ID) id!: string;
  @Field(() => CustomerValueFitState) state!: CustomerValueFitState;
  @Field(() => String, { description: 'YYYY-MM-DD.' }) calibrationEnd!: string;
  @Field(() => Int) horizonMonths!: number;
  @Field(() => Float) annualDiscountRate!: number;
  @Field(() => Float) margin!: number;
  @Field(() => BgNbdEstimatesType, { nullable: true }) bgNbd!: BgNbdEstimatesType | null;
  @Field(() => GammaGammaEstimatesType, { nullable: true })
  gammaGamma!: GammaGammaEstimatesType | null;
  @Field(() => Int, { nullable: true, description: 'Customers the BG/NBD fit used.' })
  customersUsed!: number | null;
  @Field(() => Int, { nullable: true, description: 'Repeat buyers the spend model used.' })
  spendCustomersUsed!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Contacts whose every purchase day was set aside.',
  })
  customersSetAside!: number | null;
  @Field(() => Int, { nullable: true, description: 'Orders on set-aside (negative) days.' })
  ordersSetAside!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Repeat buyers left out of the spend model (mean repeat value 0).',
  })
  spendCustomersSetAside!: number | null;
  @Field(() => Int, { nullable: true, description: 'Contacts given a value.' })
  contactsScored!: number | null;
  @Field(() => [FitCheckWeekType], {
    description: 'The fit check, week by week (empty until it succeeded).',
  })
  fitCheck!: FitCheckWeekType[];
  @Field(() => String, { nullable: true, description: 'Why it failed.' }) failure!: string | null;
  @Field(() => Date) requestedAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

@ObjectType('ContactValue', {
  description:
    'A contact’s predicted value under the latest fit, from its calibration end; all null when the contact had no purchase by then.',
})
export class ContactValueType {
  @Field(() => Float, { nullable: true, description: 'Probability the customer is still active.' })
  probabilityAlive!: number | null;
  @Field(() => Float, { nullable: true }) expectedPurchases90!: number | null;
  @Field(() => Float, { nullable: true }) expectedPurchases365!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'Expected average order value, decimal text.',
  })
  expectedOrderValue!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Discounted CLV over the fit’s horizon, decimal text.',
  })
  clv!: string | null;
}

@ObjectType('ClvBucket', { description: 'Contacts whose CLV lies in [from, to).' })
export class ClvBucketType {
  @Field(() => Float) from!: number;
  @Field(() => Float) to!: number;
  @Field(() => Int) contacts!: number;
}

@ObjectType('TopCustomer', { description: 'A contact ranked by CLV.' })
export class TopCustomerType {
  @Field(() => ID) contactId!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) clv!: string;
  @Field(() => Float) probabilityAlive!: number;
  @Field(() => Float) expectedPurchases365!: number;
}

import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';

@ObjectType('OrderLine', {
  description: 'One line of an order: what was bought, how many, at what price.',
})
export class OrderLineType {
  @Field(() => String, { nullable: true, description: 'The product code in the source system.' })
  sku: string | null;

  @Field(() => String, { nullable: true, description: 'The product name.' })
  name: string | null;

  @Field(() => Int, { description: 'How many were bought.' })
  quantity: number;

  @Field(() => String, {
    description: 'The price of one, exact decimal text in the order currency.',
  })
  unitPrice: string;
}

@ObjectType('Order', {
  description:
    'A purchase by a contact. Amounts are exact decimal text (four decimal places), never floats.',
})
export class OrderType {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    description: 'The order id in the source system; recording it again changes nothing.',
  })
  externalId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The contact who bought (null once the contact is erased).',
  })
  contactId: string | null;

  @Field(() => Date, { description: 'When the order was placed.' })
  orderedAt: Date;

  @Field(() => String, { description: 'The amount in the order currency, exact decimal text.' })
  amount: string;

  @Field(() => String, { description: 'The ISO 4217 code of the order currency.' })
  currency: string;

  @Field(() => String, {
    description:
      "The amount in the tenant's reporting currency: the same when the order is in it, else converted at the rate stored for the order's UTC day (rounded half away from zero to four places).",
  })
  reportingAmount: string;

  @Field(() => Int, {
    description: 'The number of items: the sum of the line quantities when there are lines.',
  })
  itemCount: number;

  @Field(() => [OrderLineType], { description: 'The lines, in their order (may be empty).' })
  lines: OrderLineType[];
}

@ObjectType()
export class OrderConnection extends Connection(OrderType, 'OrderConnection') {}

@InputType({ description: 'Narrows `orders`; every given condition must hold.' })
export class OrderFilter {
  @Field(() => ID, { nullable: true, description: "Only this contact's orders." })
  contactId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Orders placed at or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Orders placed before this instant.' })
  to?: Date | null;
}

@InputType({ description: 'One line of an order to record.' })
export class OrderLineInput {
  @Field(() => String, {
    nullable: true,
    description: 'The product code (at most 100 characters).',
  })
  sku?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The product name (at most 300 characters).',
  })
  name?: string | null;

  @Field(() => Int, { description: 'How many, a whole number from 1.' })
  quantity: number;

  @Field(() => String, { description: 'The price of one, decimal text such as "9.99".' })
  unitPrice: string;
}

@InputType({
  description:
    'An order to record. Name the contact by contactId, contactExternalId or contactEmail; an unknown external id or email makes a minimal contact with it.',
})
export class OrderInput {
  @Field(() => String, {
    description: 'The order id in the source system (idempotency key, at most 200 characters).',
  })
  externalId: string;

  @Field(() => ID, { nullable: true, description: 'An existing contact of the tenant.' })
  contactId?: string | null;

  @Field(() => String, { nullable: true, description: "The contact's id in the source system." })
  contactExternalId?: string | null;

  @Field(() => String, { nullable: true, description: "The contact's email address." })
  contactEmail?: string | null;

  @Field(() => Date, { description: 'When the order was placed.' })
  orderedAt: Date;

  @Field(() => String, {
    description:
      'The amount, decimal text with at most four decimals: "12.30" (negative for a refund).',
  })
  amount: string;

  @Field(() => String, { description: 'The ISO 4217 currency code: "EUR".' })
  currency: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The number of items when no lines are given (default 1).',
  })
  itemCount?: number | null;

  @Field(() => [OrderLineInput], { nullable: true, description: 'At most 500 lines.' })
  lines?: OrderLineInput[] | null;
}

import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How the tenant listens.' })
export class ListeningSettings {
  @Field(() => Boolean, {
    description: 'A new author of a matched mention becomes a lead contact automatically.',
  })
  autoCreateLeads: boolean;
}

import { Field, ID, ObjectType } from 'type-graphql';
import { SocialIdentityType } from './social-identity.type.js';

@ObjectType('Contact', {
  description: 'A person the tenant knows, with every social identity and one timeline.',
})
export class ContactType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  displayName: string;

  @Field(() => String, {
    description:
      'Lifecycle stage: subscriber, lead, marketingQualifiedLead, … customer, advocate, churned.',
  })
  lifecycleStage: string;

  @Field(() => [SocialIdentityType])
  identities: SocialIdentityType[];

  @Field(() => Date)
  createdAt: Date;
}

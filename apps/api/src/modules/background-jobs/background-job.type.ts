import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('BackgroundJob', {
  description:
    'A piece of background work done in the tenant (a feed poll…), as the queue keeps it.',
})
export class BackgroundJobType {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    description: 'What it does, `<module>.<task>` (e.g. `connectors.poll-feed`).',
  })
  name: string;

  @Field(() => String, {
    description: 'created, retry, active, completed, cancelled or failed (after its retries).',
  })
  state: string;

  @Field(() => Int, { description: 'Retries so far (0 when the first attempt did it).' })
  retries: number;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt: Date | null;
}

import { Field, InputType } from 'type-graphql';

export { emailSchema, signInSchema } from '@socialcrm/validation';

@InputType()
export class SignInInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  password: string;
}

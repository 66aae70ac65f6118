import { Field, InputType } from 'type-graphql';
import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'must have at most 254 characters')
  .pipe(z.email('is not a valid email address'));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'is required').max(256, 'must have at most 256 characters'),
});

@InputType()
export class SignInInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  password: string;
}

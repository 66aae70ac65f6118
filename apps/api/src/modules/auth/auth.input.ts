import { Field, InputType } from 'type-graphql';
import { z } from 'zod';
import { atMostCharacters } from '../../platform/graphql/validation.js';

export const emailSchema = z
  .string()
  .trim()
  .refine(...atMostCharacters(254))
  .pipe(z.email('is not a valid email address'));

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, 'is required')
    .refine(...atMostCharacters(256)),
});

@InputType()
export class SignInInput {
  @Field(() => String)
  email: string;

  @Field(() => String)
  password: string;
}

import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description: 'Tokens of a sign-in session. Store the refresh token safely: it is shown once.',
})
export class AuthPayload {
  @Field(() => String, { description: 'Bearer token for the Authorization header; short-lived.' })
  accessToken: string;

  @Field(() => Date)
  accessTokenExpiresAt: Date;

  @Field(() => String, {
    description: 'Single-use: each refresh returns a new one. Reusing an old one ends the session.',
  })
  refreshToken: string;

  @Field(() => Date)
  refreshTokenExpiresAt: Date;
}

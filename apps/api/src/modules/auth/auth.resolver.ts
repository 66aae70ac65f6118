import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { SignInInput } from './auth.input.js';
import { AuthService } from './auth.service.js';
import { AuthPayload } from './auth.types.js';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, {
    description: 'Signs in with email and password. Throttled per account and per address.',
  })
  signIn(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => SignInInput) input: SignInInput,
  ) {
    return this.auth.signIn(operation, input);
  }

  @Mutation(() => AuthPayload, {
    description: 'Exchanges a refresh token for new tokens (the old one stops working).',
  })
  refreshSession(
    @Ctx() { operation }: GraphQLContext,
    @Arg('refreshToken', () => String) refreshToken: string,
  ) {
    return this.auth.refresh(operation, refreshToken);
  }

  @Mutation(() => Boolean, {
    description: "Ends the session of the given refresh token and the caller's current session.",
  })
  signOut(
    @Ctx() { operation }: GraphQLContext,
    @Arg('refreshToken', () => String, { nullable: true }) refreshToken: string | null,
  ) {
    return this.auth.signOut(operation, refreshToken);
  }
}

import { Field, ID, ObjectType } from 'type-graphql';
import { AppError } from '../../platform/errors/app-error.js';

@ObjectType('MentionActionResult', {
  description: 'What a bulk action did to one mention. Results come in the order of the given ids.',
})
export class MentionActionResultType {
  @Field(() => ID, { description: 'The id as given.' })
  mentionId: string;

  @Field(() => Boolean, { description: 'Whether the action was applied to this mention.' })
  ok: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Why not, as the single action would answer in `extensions.code`: BAD_USER_INPUT (a malformed id, an unknown author), NOT_FOUND (no such mention in this tenant) or CONFLICT. Null when ok.',
  })
  errorCode: string | null;

  @Field(() => String, { nullable: true, description: 'The error message; null when ok.' })
  errorMessage: string | null;
}

/**
 * The outcome of `act` for one mention: an application error (bad id, missing mention…) is
 * this mention's answer; anything else is not the caller's doing and fails the whole action.
 */
export async function outcomeFor(
  mentionId: string,
  act: () => unknown,
): Promise<MentionActionResultType> {
  try {
    await act();
    return { mentionId, ok: true, errorCode: null, errorMessage: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { mentionId, ok: false, errorCode: error.code, errorMessage: error.message };
  }
}

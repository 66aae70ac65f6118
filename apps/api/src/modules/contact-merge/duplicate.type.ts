import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';
import { ContactType } from '../contacts/index.js';

/** Why two contacts look like the same person. */
export enum DuplicateReason {
  SAME_EMAIL = 'SAME_EMAIL',
  SAME_PHONE = 'SAME_PHONE',
  SAME_IDENTITY = 'SAME_IDENTITY',
  SIMILAR_NAME_SAME_COMPANY = 'SIMILAR_NAME_SAME_COMPANY',
}
registerEnumType(DuplicateReason, {
  name: 'DuplicateReason',
  description:
    'Why two contacts look like one person. SAME_EMAIL / SAME_PHONE: an address or number in both contacts’ emails or phones. SAME_IDENTITY: one contact’s EMAIL or PHONE identity is the other’s email or phone, or identities of both point at the same profile URL (an identity itself belongs to one contact only). SIMILAR_NAME_SAME_COMPANY: both belong to one company and their full names (first and last, else the display name) lower-cased and without accents, have a pg_trgm trigram similarity of at least 0.6: “Ana García” / “ana garcia” 1, “Alexander Ivanov” / “Alexandr Ivanov” 0.74, “Jon Smith” / “John Smith” 0.62, “Alex Ivanov” / “Alexander Ivanov” 0.61 are similar; “Jon Smith” / “Jane Smith” 0.5 and “Pedro Ruiz” / “Pablo Ruiz” 0.38 are not.',
});

@ObjectType('DuplicateSuggestion', {
  description:
    'Two contacts that may be one person, with every reason found; dismissed pairs are not suggested again.',
})
export class DuplicateSuggestionType {
  @Field(() => ID, { description: 'The pair, as “smallerId:largerId”.' })
  id: string;

  @Field(() => [ContactType], { description: 'The two contacts, the older first.' })
  contacts: ContactType[];

  @Field(() => [DuplicateReason])
  reasons: DuplicateReason[];

  @Field(() => Float, {
    description:
      'How likely the pair is one person, 0–1: 1 − Π(1 − w) over the reasons, with w = 0.9 for SAME_IDENTITY and SAME_EMAIL, 0.8 for SAME_PHONE, and 0.75 × the name similarity for SIMILAR_NAME_SAME_COMPANY.',
  })
  score: number;
}

@ObjectType('DuplicateSuggestionConnection', {
  description: 'Duplicate suggestions, the most likely first.',
})
export class DuplicateSuggestionConnection extends Connection(
  DuplicateSuggestionType,
  'DuplicateSuggestion',
) {}

import { Field, InputType, Int } from 'type-graphql';
import { MentionChannel } from '../../contacts/index.js';
import { ConnectorKind, MastodonStream } from '../connector-enums.js';

export { createConnectorSchema, updateConnectorSchema } from '@socialcrm/validation';

@InputType({ description: 'Settings of a connector; give the fields of its kind only.' })
export class ConnectorSettingsInput {
  @Field(() => MentionChannel, {
    nullable: true,
    description: 'META_WEBHOOK: FACEBOOK or INSTAGRAM. RSS: BLOG (default), NEWS or FORUM.',
  })
  channel?: MentionChannel | null;

  @Field(() => String, { nullable: true, description: 'RSS: the feed address (http or https).' })
  feedUrl?: string | null;

  @Field(() => Int, { nullable: true, description: 'RSS: 60 to 86,400 seconds; 900 by default.' })
  pollIntervalSeconds?: number | null;

  @Field(() => String, { nullable: true, description: 'MASTODON: the server address.' })
  baseUrl?: string | null;

  @Field(() => MastodonStream, { nullable: true, description: 'MASTODON: HASHTAG by default.' })
  stream?: MastodonStream | null;

  @Field(() => String, { nullable: true, description: 'MASTODON: the hashtag, with or without #.' })
  hashtag?: string | null;
}

@InputType({ description: 'A new connector of the active tenant.' })
export class CreateConnectorInput {
  @Field(() => ConnectorKind)
  kind: ConnectorKind;

  @Field(() => String)
  name: string;

  @Field(() => ConnectorSettingsInput)
  settings: ConnectorSettingsInput;

  @Field(() => String, {
    nullable: true,
    description:
      'META_WEBHOOK: the app secret (required). MASTODON: an access token (optional). Stored encrypted.',
  })
  secret?: string | null;
}

@InputType({ description: 'Changes to a connector; omitted fields keep their value.' })
export class UpdateConnectorInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ConnectorSettingsInput, {
    nullable: true,
    description: 'Replaces the settings as a whole.',
  })
  settings?: ConnectorSettingsInput | null;

  @Field(() => String, { nullable: true, description: 'Replaces the stored secret.' })
  secret?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Forgets the stored secret.' })
  clearSecret?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true pauses; false resumes at once, forgetting past failures.',
  })
  paused?: boolean | null;
}

import { Field, ID, Int, ObjectType } from 'type-graphql';
import { MentionChannel } from '../contacts/index.js';
import { ConnectorKind, ConnectorStatus, MastodonStream } from './connector-enums.js';
import { ConnectorProblem } from './runtime/connector-problem.js';

@ObjectType('ConnectorSettings', {
  description: 'What a connector reads; only the fields of its kind are set.',
})
export class ConnectorSettingsType {
  @Field(() => MentionChannel, {
    nullable: true,
    description: 'META_WEBHOOK: FACEBOOK or INSTAGRAM. RSS: BLOG, NEWS or FORUM.',
  })
  channel: MentionChannel | null;

  @Field(() => String, { nullable: true, description: 'RSS: the feed address.' })
  feedUrl: string | null;

  @Field(() => Int, { nullable: true, description: 'RSS: seconds between polls.' })
  pollIntervalSeconds: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'MASTODON: the server, e.g. https://mastodon.social.',
  })
  baseUrl: string | null;

  @Field(() => MastodonStream, { nullable: true })
  stream: MastodonStream | null;

  @Field(() => String, { nullable: true, description: 'MASTODON: the hashtag, without #.' })
  hashtag: string | null;
}

@ObjectType('Connector', {
  description: 'A source of mentions for the active tenant. Its secrets are never shown.',
})
export class ConnectorType {
  @Field(() => ID)
  id: string;

  @Field(() => ConnectorKind)
  kind: ConnectorKind;

  @Field(() => String)
  name: string;

  @Field(() => ConnectorSettingsType)
  settings: ConnectorSettingsType;

  @Field(() => Boolean, {
    description: 'Whether a secret is stored (Meta app secret, Mastodon access token).',
  })
  hasSecret: boolean;

  @Field(() => ConnectorStatus)
  status: ConnectorStatus;

  @Field(() => Date, { nullable: true })
  lastSuccessAt: Date | null;

  @Field(() => ConnectorProblem, {
    nullable: true,
    description: 'Why the connector last failed (kept after it recovers, with lastErrorAt).',
  })
  lastError: ConnectorProblem | null;

  @Field(() => Date, { nullable: true })
  lastErrorAt: Date | null;

  @Field(() => Int)
  consecutiveFailures: number;

  @Field(() => Date, { nullable: true, description: 'RSS: when the next poll is due.' })
  nextPollAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'META_WEBHOOK: the callback path to give Meta, relative to the api’s address.',
  })
  webhookUrl: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType({ description: 'A new connector; a Meta verify token is shown only here.' })
export class CreatedConnector {
  @Field(() => ConnectorType)
  connector: ConnectorType;

  @Field(() => String, {
    nullable: true,
    description:
      'META_WEBHOOK: the verify token to enter in Meta’s webhook settings. Store it now: it cannot be shown again.',
  })
  verifyToken: string | null;
}

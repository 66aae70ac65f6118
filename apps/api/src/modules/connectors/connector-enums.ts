import { ConnectorKind, MastodonStream } from '@socialcrm/validation';
import { registerEnumType } from 'type-graphql';

export { ConnectorKind, MastodonStream };

/** PAUSED is the user's choice; FAILING means the last attempt failed (it keeps retrying). */
export enum ConnectorStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  FAILING = 'FAILING',
}

registerEnumType(ConnectorKind, {
  name: 'ConnectorKind',
  description:
    'META_WEBHOOK: Facebook or Instagram webhooks. RSS: an RSS 2.0 or Atom feed, polled. MASTODON: a streaming timeline.',
});
registerEnumType(ConnectorStatus, {
  name: 'ConnectorStatus',
  description:
    'ACTIVE: working. PAUSED: stopped by a user. FAILING: the last attempt failed; retried with back-off.',
});
registerEnumType(MastodonStream, {
  name: 'MastodonStream',
  description: 'HASHTAG: posts with one hashtag. PUBLIC: the federated public timeline.',
});

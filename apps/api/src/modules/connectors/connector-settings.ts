// The rules live in @socialcrm/validation, which the admin's connector form checks with too.
export {
  type ConnectorSettings,
  type MastodonSettings,
  type MetaSettings,
  mastodonSettingsSchema,
  metaSettingsSchema,
  type RssSettings,
  rssSettingsSchema,
  settingsSchemaOf,
} from '@socialcrm/validation';

/** Input fields that do not belong to a kind are dropped, so settings hold only their own. */
export function withoutNulls(value: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== null && field !== undefined),
  );
}

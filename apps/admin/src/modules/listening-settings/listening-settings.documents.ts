import { graphql } from '../../graphql.js';

export const ListeningSettingsQuery = graphql(`
  query ListeningSettings {
    listeningSettings { autoCreateLeads }
  }
`);

export const UpdateListeningSettingsMutation = graphql(`
  mutation UpdateListeningSettings($autoCreateLeads: Boolean!) {
    updateListeningSettings(autoCreateLeads: $autoCreateLeads) { autoCreateLeads }
  }
`);

import { graphql, type ResultOf } from '../../graphql.js';

export const LifecycleInsightsQuery = graphql(`
  query LifecycleInsights($from: DateTimeISO) {
    lifecycleFunnel(from: $from) {
      contacts
      churned
      leadToCustomer
      steps {
        stage
        reached
        conversionFromPrevious
      }
    }
    leadConversionRatio(from: $from) {
      leads
      customers
      ratio
    }
    medianTimeInStage(from: $from) {
      stage
      medianDays
    }
    lifecycleCohorts(from: $from) {
      cohort
      funnel {
        contacts
        leadToCustomer
        steps {
          stage
          reached
        }
      }
    }
    lifecycleSettings {
      churnAfterDays
    }
  }
`);

export const UpdateLifecycleSettingsMutation = graphql(`
  mutation UpdateLifecycleSettings($churnAfterDays: Int!) {
    updateLifecycleSettings(churnAfterDays: $churnAfterDays) {
      churnAfterDays
    }
  }
`);

export const ContactLifecycleQuery = graphql(`
  query ContactLifecycle($id: ID!) {
    contact(id: $id) {
      id
      lifecycleStage
      lifecycleHistory {
        id
        fromStage
        toStage
        cause
        event
        reason
        changedAt
      }
    }
  }
`);

export const MoveLifecycleStageMutation = graphql(`
  mutation MoveLifecycleStage($contactId: ID!, $stage: String!, $reason: String!) {
    moveLifecycleStage(contactId: $contactId, stage: $stage, reason: $reason) {
      id
      lifecycleStage
      lifecycleHistory {
        id
        fromStage
        toStage
        cause
        event
        reason
        changedAt
      }
    }
  }
`);

export type LifecycleInsights = ResultOf<typeof LifecycleInsightsQuery>;
export type StageChange = NonNullable<
  ResultOf<typeof ContactLifecycleQuery>['contact']
>['lifecycleHistory'][number];

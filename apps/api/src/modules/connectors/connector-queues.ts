/** The connectors' job queues (created by the owner when migrating). */
export const CONNECTOR_QUEUES = ['connectors.tick', 'connectors.poll-feed'] as const;

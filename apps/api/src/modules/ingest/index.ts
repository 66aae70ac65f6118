// What ingestion offers the others: one way in for posts, whatever brought them.

export type { DemoMentions } from './demo/demo-mentions.js';
export { sameInEveryLanguage } from './demo/demo-mentions.js';
export { ingestModule } from './ingest.module.js';
export type { IngestMention } from './ingest-mention.input.js';
export { MAX_INGEST_BATCH } from './ingest-mention.input.js';
export type { MentionIngestionService } from './mention-ingestion.service.js';

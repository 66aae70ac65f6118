// What the mentions module offers the others: the mention, its columns and filters.
export {
  type MentionFilter,
  MentionFilterInput,
  mentionFilterSchema,
} from './inputs/mention-filter.input.js';
export { MentionType } from './mention.type.js';
export { SentimentLabel } from './mention-enums.js';
export { feedFilterAccepts } from './mention-filter.js';
export { MENTION_COLUMNS, type MentionRow, toMention } from './mention-row.js';
export { MENTION_FROM, mentionWhere } from './mention-where.js';
export { mentionsModule } from './mentions.module.js';

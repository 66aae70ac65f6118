import type { MentionFilter } from './inputs/mention-filter.input.js';
import type { MentionType } from './mention.type.js';

/** The live feed's filter on one delivered mention (the list applies the same in SQL). */
export function feedFilterAccepts(filter: MentionFilter, mention: MentionType): boolean {
  if (filter.brandIds?.length && !filter.brandIds.some((id) => mention.brandIds.includes(id)))
    return false;
  if (filter.channels?.length && !filter.channels.includes(mention.channel)) return false;
  if (filter.sentiments?.length && !filter.sentiments.includes(mention.sentiment)) return false;
  if (filter.languages?.length && !filter.languages.includes(mention.language)) return false;
  if (
    filter.authorHandle &&
    mention.author?.handle !== filter.authorHandle.replace(/^@/, '').toLowerCase()
  )
    return false;
  return true;
}

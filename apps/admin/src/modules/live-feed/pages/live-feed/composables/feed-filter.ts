import type {
  MentionChannel,
  MentionFilter,
  Sentiment,
} from '../../../../mentions/mention.documents.js';

/** The filter form: one value per select, '' for "all". */
export interface FeedFilterForm {
  brandId: string;
  channel: '' | MentionChannel;
  sentiment: '' | Sentiment;
  language: string;
}

export const EMPTY_FILTER: FeedFilterForm = {
  brandId: '',
  channel: '',
  sentiment: '',
  language: '',
};

/** The form as the api's `MentionFilterInput`: only the chosen criteria. */
export function toMentionFilter(form: FeedFilterForm): MentionFilter {
  const filter: MentionFilter = {};
  if (form.brandId) filter.brandIds = [form.brandId];
  if (form.channel) filter.channels = [form.channel];
  if (form.sentiment) filter.sentiments = [form.sentiment];
  if (form.language) filter.languages = [form.language];
  return filter;
}

import { z } from 'zod';
import {
  contactReferenceShape,
  externalIdSchema,
  instantSchema,
  optionalText,
  requireContact,
} from './order.js';
import { because } from './rules.js';

/** What happened to an email the tenant sent. */
export const EngagementKind = {
  SENT: 'SENT',
  OPENED: 'OPENED',
  CLICKED: 'CLICKED',
  BOUNCED: 'BOUNCED',
  UNSUBSCRIBED: 'UNSUBSCRIBED',
} as const;
export type EngagementKind = (typeof EngagementKind)[keyof typeof EngagementKind];

const isUrl = (value: string) => URL.canParse(value);

/** An email engagement event as GraphQL, NDJSON and CSV deliver it; `opened` is `OPENED`. */
export const engagementEventSchema = z
  .object({
    externalId: externalIdSchema,
    kind: z
      .string({ error: 'must be SENT, OPENED, CLICKED, BOUNCED or UNSUBSCRIBED' })
      .trim()
      .toUpperCase()
      .pipe(
        z.enum(EngagementKind, { error: 'must be SENT, OPENED, CLICKED, BOUNCED or UNSUBSCRIBED' }),
      ),
    ...contactReferenceShape,
    campaign: optionalText(200),
    url: optionalText(2000).refine(
      ...because(
        (value: string | null | undefined) => !value || isUrl(value),
        'is not a valid URL',
        { reason: 'URL' },
      ),
    ),
    occurredAt: instantSchema,
  })
  .superRefine(requireContact);
export type EngagementRecord = z.output<typeof engagementEventSchema>;

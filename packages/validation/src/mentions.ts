import { z } from 'zod';
import { requiredName } from './text.js';

export const SAVED_VIEW_NAME_MAX = 80;
export const REPLY_MAX = 5_000;

/** A saved view's name, as the feed's dialog asks for it. */
export const savedViewNameSchema = requiredName(SAVED_VIEW_NAME_MAX);
export const savedViewFormSchema = z.object({ name: savedViewNameSchema });

/** A reply to a mention: 1 to 5,000 characters. */
export const replyTextSchema = requiredName(REPLY_MAX);
export const replyFormSchema = z.object({ text: replyTextSchema });

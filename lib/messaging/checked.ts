import { protocol, type MessageType } from './protocol';
import type { ReplyCheck } from './client';

/** Full reply validation with the protocol's zod schemas (extension pages, tests). */
export const checkReply: ReplyCheck = (type: MessageType, data: unknown) => protocol[type].response.safeParse(data).success;

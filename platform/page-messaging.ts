import { browser } from 'wxt/browser';
import { createMessenger } from '../lib/messaging/client';
import { checkReply } from '../lib/messaging/checked';

/** The messenger for extension pages: replies are validated with the protocol's zod schemas. */
export const send = createMessenger((message) => browser.runtime.sendMessage(message), checkReply);

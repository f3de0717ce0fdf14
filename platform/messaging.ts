import { browser } from 'wxt/browser';
import { createMessenger } from '../lib/messaging/client';

/**
 * The messenger for the content script: replies come only from our own background (the page cannot
 * answer `runtime.sendMessage`), so their envelope is checked by hand and zod stays out of the bundle.
 */
export const send = createMessenger((message) => browser.runtime.sendMessage(message));

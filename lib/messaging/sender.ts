import { urlMatchesPatterns } from '../config/origins';
import type { SenderKind } from './protocol';

/** The parts of `runtime.MessageSender` we look at (the browser object is passed in unchanged). */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface SenderPolicy {
  /** Our own extension id (`runtime.id`). */
  extensionId: string;
  /** Our own pages' origin, e.g. `chrome-extension://<id>` or `moz-extension://<uuid>` (no trailing slash). */
  extensionOrigin: string;
  /** Match patterns of the portal pages our content script runs on. */
  portalMatches: readonly string[];
}

/**
 * Classifies a sender or rejects it. Only our own extension can reach `runtime.onMessage` at all
 * (no `externally_connectable`), but we still check: a message must carry our id, and a content-script
 * message must come from a portal page, top frame only.
 */
export function classifySender(sender: SenderLike, policy: SenderPolicy): SenderKind | undefined {
  if (!sender || sender.id !== policy.extensionId) return undefined;
  const url = typeof sender.url === 'string' ? sender.url : undefined;
  if (!url) return undefined;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return undefined;
  }
  // Firefox reports `null` as URL.origin for moz-extension: compare on the prefix instead.
  if (url.startsWith(`${policy.extensionOrigin}/`) || origin === policy.extensionOrigin) return 'extension';
  if (sender.tab && (sender.frameId === undefined || sender.frameId === 0) && urlMatchesPatterns(url, policy.portalMatches)) {
    return 'content';
  }
  return undefined;
}

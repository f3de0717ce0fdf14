/**
 * The extension's own elements in the portal's DOM: every host it adds (overlay, field verdicts, draft
 * banner and problem, save guard, removal guide) is a `bn-*` custom element with a closed shadow root.
 * Observers of the portal's page use this to ignore the extension's own insertions: reacting
 * to them re-read the whole page once per host the extension added (found by `npm run bench`).
 */
/** The tag of every host the content scripts create; they take their tags from here, so none is missed. */
export const HOST_TAGS = {
  overlay: 'bn-admin-companion',
  fieldVerdict: 'bn-field-verdict',
  draftBanner: 'bn-draft-banner',
  draftProblem: 'bn-draft-problem',
  saveGuard: 'bn-save-guard',
  guide: 'bn-guide',
} as const;

/** The same tags as DOM node names (upper case). */
export const OWN_TAGS: ReadonlySet<string> = new Set(Object.values(HOST_TAGS).map((tag) => tag.toUpperCase()));

/** Structural view of a MutationRecord, so this stays testable without a DOM. */
export interface MutationLike {
  type: string;
  target: { nodeName: string };
  addedNodes: ArrayLike<{ nodeName: string }>;
  removedNodes: ArrayLike<{ nodeName: string }>;
}

const own = (node: { nodeName: string }) => OWN_TAGS.has(node.nodeName.toUpperCase());

/**
 * True when the record is only the extension adding its own hosts (or a change on a host). A removal is
 * never ours: when the portal drops one of our hosts, the observers must notice and put it back.
 */
export function isOwnMutation(record: MutationLike): boolean {
  if (own(record.target)) return true;
  if (record.type !== 'childList' || record.removedNodes.length > 0) return false;
  const added = Array.from(record.addedNodes);
  return added.length > 0 && added.every(own);
}

/** True when a batch of records holds at least one change made by the portal, not by the extension. */
export function hasPortalMutation(records: readonly MutationLike[]): boolean {
  return records.some((r) => !isOwnMutation(r));
}

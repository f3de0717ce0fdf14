/**
 * The content script's loop: read the page's facts whenever it changes (coalesced to one animation
 * frame), tell the background, keep the answer; place field hints; keep the panel off the portal's own
 * buttons; carry out "go there". Every listener, observer and timer is tied to `signal`.
 */
import { hasLoadingParts, isLoading, LOADING_ATTRIBUTES, readPageFacts, type PageFacts } from '../../lib/portal/facts';
import { findPortalActions, findSection, findTargetElement, normalizeText, topicsOf } from '../../lib/portal/fields';
import { portalPath, sectionHeading, type PortalPlace } from '../../lib/portal/urls';
import { findNavigationControl } from '../../lib/portal/navigation';
import type { Messenger } from '../../lib/messaging/client';
import type { OverlayState } from './state';
import { batch } from '@preact/signals';
import { hasPortalMutation } from '../../lib/dom/own-elements';

/** The panel's rectangle, and whether the keyboard focus is inside it. */
export interface PanelPlace {
  rect: DOMRect;
  focused: boolean;
}

/** Field labels (normalised) that some checklist item of the current view is about. */
function itemFields(state: OverlayState): Set<string> {
  const view = state.view.value;
  const out = new Set<string>();
  if (view?.kind === 'firm') for (const s of view.sections) for (const i of s.items) if (i.field && i.state !== 'na') out.add(normalizeText(i.field));
  return out;
}

/** What a fact report sends: the facts without volatile parts, so unchanged pages are not re-sent. */
function reportOf(facts: PageFacts) {
  const payload: { admin?: PageFacts['admin']; firm?: unknown; location?: unknown; firmId?: string; locationId?: string } = {};
  if (facts.admin.email.read || facts.admin.name.read) payload.admin = facts.admin;
  if (facts.kind === 'firm') payload.firm = facts.firm;
  if (facts.kind === 'location') payload.location = facts.location;
  if (facts.kind === 'other') {
    if (facts.firmId) payload.firmId = facts.firmId;
    if (facts.locationId) payload.locationId = facts.locationId;
  }
  return payload;
}

const withoutSeenAt = (key: string, value: unknown) => (key === 'seenAt' ? undefined : value);

/**
 * `readPartial`: whether a page with parts still loading (Online Manager) is worth reading now. Until the
 * panel shows, it is not: nothing would show the answer, and the part's own aria-busy change brings the
 * read of the whole page. The caller calls `refresh()` when that changes.
 */
export function startController(state: OverlayState, send: Messenger, signal: AbortSignal, requestFrame: (cb: () => void) => void, readPartial: () => boolean = () => true) {
  let scheduled = false;
  let lastSent = '';
  let lastView = '';
  let inFlight = 0;
  let pendingFocus: { path: string; field?: string; section?: string; until: number; arrived?: boolean } | undefined;

  async function read() {
    scheduled = false;
    if (signal.aborted) return;
    state.url.value = location.href;
    if (!state.page.value || isLoading(document)) return;
    const whole = !hasLoadingParts(document);
    if (!whole && !readPartial()) return;
    const facts = readPageFacts(document, location.href, Date.now());
    if (!facts) return;
    const payload = reportOf(facts);
    const key = `${location.pathname}|${JSON.stringify(payload, withoutSeenAt)}`;
    if (key === lastSent) {
      if (whole && state.view.value) state.complete.value = true;
      applyPendingFocus();
      return;
    }
    lastSent = key;
    applyPendingFocus();
    const mine = ++inFlight;
    try {
      const { view } = await send('facts.report', payload as never);
      if (mine === inFlight && !signal.aborted) {
        // The same answer again (a late section loaded, nothing the checklist uses changed): keep the
        // current view object, so the panel does not re-render itself for nothing.
        const viewKey = JSON.stringify(view);
        batch(() => {
          if (viewKey !== lastView) {
            lastView = viewKey;
            state.now.value = Date.now();
            state.view.value = view as never;
          }
          if (whole) state.complete.value = true;
          state.error.value = undefined;
        });
      }
    } catch (error) {
      // Only the newest report may show its failure, and the same facts are sent again next time.
      if (mine !== inFlight || signal.aborted) return;
      lastSent = '';
      state.error.value = error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * Runs `cb` once the next frame has been rendered: at most once per frame, and in a task of its own, not
   * inside the frame's callbacks, where it would add to the same task as the portal's own style, layout
   * and paint for that frame (together often a long task). Positions read there need no forced layout.
   */
  const afterFrame = (cb: () => void) => requestFrame(() => setTimeout(() => signal.aborted || cb(), 0));

  function schedule() {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    afterFrame(() => void read());
  }

  // Page changes: DOM mutations (our own UI lives in a closed shadow root and does not show up here),
  // form edits (properties do not mutate the DOM), SPA navigation.
  // One observer for both uses (facts and the panel's position): each observer of a subtree is called
  // with its own list of records, made for our world, on every batch of the portal's DOM changes.
  // The extension's own hosts (this overlay, the forms script's verdicts and banners) are not page changes.
  const observer = new MutationObserver((records) => {
    if (!hasPortalMutation(records)) return;
    schedule();
    dodgeWhenQuiet();
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: LOADING_ATTRIBUTES });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(quietTimer);
  });
  document.addEventListener('change', schedule, { capture: true, signal });
  window.addEventListener('popstate', schedule, { signal });
  schedule();

  // Field hints: focusing a field a checklist item is about shows the item's hint beside it.
  document.addEventListener(
    'focusin',
    (event) => {
      const el = event.target instanceof Element ? event.target : undefined;
      const fields = itemFields(state);
      const field = el ? topicsOf(el).find((topic) => fields.has(topic)) : undefined;
      if (!el || !field) {
        state.hint.value = undefined;
        return;
      }
      const r = el.getBoundingClientRect();
      state.hint.value = { field, rect: { top: r.top, left: r.left, bottom: r.bottom, right: r.right } };
    },
    { capture: true, signal },
  );
  document.addEventListener(
    'focusout',
    () => {
      state.hint.value = undefined;
    },
    { capture: true, signal },
  );

  // Never cover the portal's own action buttons: shrink to the header while one is under the panel.
  // Reading positions forces a layout, so this runs on scroll/resize (one per frame) and once the page has
  // been quiet for a moment after DOM changes — never on every mutation while the portal renders.
  let dodgeScheduled = false;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  // While dodging the panel is only its header: test against the full panel as it was last seen open,
  // or it would flip open and shut on every scroll frame.
  let fullPanel: DOMRect | undefined;
  const checkDodge = () => {
    dodgeScheduled = false;
    const place = panelRect();
    if (!place || signal.aborted) return;
    // Opened by the admin while dodging, or in use from the keyboard: it does not shrink under them.
    if (state.keepOpen.value || (place.focused && !state.dodging.value)) {
      state.dodging.value = false;
      return;
    }
    const current = place.rect;
    if (!state.dodging.value && !state.collapsed.value) fullPanel = current;
    const panel = state.dodging.value && fullPanel ? fullPanel : current;
    const covered = findPortalActions(document).some((b) => {
      const r = b.getBoundingClientRect();
      return r.width > 0 && r.bottom > panel.top && r.top < panel.bottom && r.right > panel.left && r.left < panel.right;
    });
    state.dodging.value = covered;
  };
  const scheduleDodge = () => {
    if (dodgeScheduled || signal.aborted) return;
    dodgeScheduled = true;
    afterFrame(checkDodge);
  };
  function dodgeWhenQuiet() {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(scheduleDodge, 250);
  }
  window.addEventListener('scroll', scheduleDodge, { passive: true, capture: true, signal });
  window.addEventListener('resize', scheduleDodge, { passive: true, signal });

  let panelRect: () => PanelPlace | undefined = () => undefined;

  function applyPendingFocus() {
    if (!pendingFocus) return;
    // A "go there" is for the page it navigated to; leaving that page (or waiting too long) cancels it.
    if (Date.now() > pendingFocus.until || (location.pathname !== pendingFocus.path && pendingFocus.arrived)) {
      pendingFocus = undefined;
      return;
    }
    if (location.pathname !== pendingFocus.path || isLoading(document)) return;
    pendingFocus.arrived = true;
    const target =
      (pendingFocus.field && findTargetElement(document, pendingFocus.field)) ||
      (pendingFocus.section && (findSection(document, pendingFocus.section) as HTMLElement | undefined));
    if (!target) return;
    pendingFocus = undefined;
    target.scrollIntoView({ block: 'center' });
    if (typeof target.focus === 'function') target.focus({ preventScroll: true });
  }

  return {
    /** Navigates to a place by the portal's own link or button (the SPA keeps its state), else by loading it. */
    goTo(place: PortalPlace, field?: string) {
      const path = portalPath(place);
      const section = sectionHeading(place);
      pendingFocus = { path, until: Date.now() + 10_000, ...(field ? { field } : {}), ...(section ? { section } : {}) };
      if (location.pathname === path) {
        applyPendingFocus();
        return;
      }
      const control = findNavigationControl(document, location.href, place);
      if (control) control.click();
      else location.assign(new URL(path, location.origin).href);
    },
    setPanelRect(fn: () => PanelPlace | undefined) {
      panelRect = fn;
      scheduleDodge();
    },
    /** Re-reads the page; `force` re-sends the facts even when unchanged (the background's answer changed). */
    refresh(force = false) {
      if (force) lastSent = '';
      schedule();
    },
  };
}

export type Controller = ReturnType<typeof startController>;

/**
 * Drafts on the portal's edit forms: capture what the admin types (debounced, flushed at once when the page
 * hides or the form goes away), keep what the background has not acknowledged and send it again, offer a
 * found draft above the form (restore / differences / discard), and tell the background to clear a draft
 * only when the portal shows the save went through. Storage is the background's (extension origin).
 */
import { render } from 'preact';
import { signal, type Signal } from '@preact/signals';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { I18nProvider } from '../../components/i18n';
import { DraftBanner, DraftProblem, type BannerRow } from '../../components/drafts/DraftBanner';
import { translatorFor, type Locale, type MessageTable, type Translator } from '../../lib/i18n/core';
import { defaultChoice, diffDraft, restorePlan, type Draft, type DraftForm, type FieldKind, type FieldValue } from '../../lib/drafts/model';
import { detectPage } from '../../lib/portal/pages';
import { SAVE_WORDS } from '../../lib/portal/forms';
import { captureFields, currentValue, displayValue, draftTarget, entityTitle, fieldOf, findDraftForm, showsSaved, writeValue, type CapturedField } from '../../lib/portal/draft-form';
import type { PayloadOf } from '../../lib/messaging/protocol';
import { send } from '../../platform/messaging';
import { HOST_TAGS } from '../../lib/dom/own-elements';

/** Typing is kept at most this long before it is sent (and at once when the page hides). */
export const DRAFT_DEBOUNCE_MS = 250;
const RETRY_MS = [300, 1_000, 2_000, 5_000];
/** How long after "Lagre" we watch for the portal to show the saved values. */
const CONFIRM_WINDOW_MS = 60_000;

type Target = { form: DraftForm; entity: string };
type SavePayload = PayloadOf<'drafts.save'>;

interface Session {
  target: Target;
  formEl: HTMLFormElement;
  /** What the portal showed in each field before the admin's first edit. */
  base: Map<string, FieldValue>;
  dirty: Set<string>;
  rebase: Set<string>;
  /** Where the form is and what it is about, as when it opened (navigation changes location first). */
  url: string;
  title: string;
  banner?: { host: HTMLElement; container: HTMLElement };
}

interface BannerState {
  draft: Draft;
  version: number;
  chosen: Set<string>;
  status?: { kind: 'restored'; count: number; skipped: number } | { kind: 'discarded' };
}

export interface DraftsDeps {
  locale: Locale;
  table: Signal<MessageTable>;
  shadowHost(tag: string): { host: HTMLElement; container: HTMLElement };
}

const sameTarget = (a: Target | undefined, b: Target | undefined) => Boolean(a && b && a.form === b.form && a.entity === b.entity);

export function startDrafts(ctx: ContentScriptContext, deps: DraftsDeps) {
  let session: Session | undefined;
  let banner: BannerState | undefined;
  let watch: { target: Target; values: { label: string; value: FieldValue; kind: FieldKind }[]; until: number } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  /** The newest snapshot the background has not acknowledged yet. */
  let unacked: SavePayload | undefined;
  let inflight: Promise<void> | undefined;
  const problem = signal<string | undefined>(undefined);
  let problemHost: { host: HTMLElement; container: HTMLElement } | undefined;

  const t = (): Translator => translatorFor(deps.table.value);

  // ------------------------------------------------------------------------------ problems
  function drawProblem() {
    const message = problem.value;
    if (!message) {
      if (problemHost) {
        render(null, problemHost.container);
        problemHost.host.remove();
        problemHost = undefined;
      }
      return;
    }
    if (!problemHost) {
      problemHost = deps.shadowHost(HOST_TAGS.draftProblem);
      problemHost.host.style.cssText = 'position:fixed;left:16px;bottom:16px;z-index:2147483000;max-width:min(460px,90vw)';
      document.body.append(problemHost.host);
    }
    render(
      <I18nProvider locale={deps.locale} t={t()}>
        <DraftProblem message={message} onClose={() => (problem.value = undefined)} />
      </I18nProvider>,
      problemHost.container,
    );
  }
  problem.subscribe(drawProblem);

  // ------------------------------------------------------------------------------ saving
  function payloadOf(s: Session, submitted = false): SavePayload {
    const fields = captureFields(s.formEl)
      .filter((f) => s.dirty.has(f.sig))
      .map((f) => ({ sig: f.sig, label: f.label, name: f.name, pos: f.pos, kind: f.kind, value: currentValue(f), base: s.base.get(f.sig) ?? null }));
    const payload: SavePayload = { form: s.target.form, entity: s.target.entity, url: s.url, title: s.title, fields };
    const rebase = fields.filter((f) => s.rebase.has(f.sig)).map((f) => f.sig);
    if (rebase.length) payload.rebase = rebase;
    if (submitted) payload.submitted = true;
    return payload;
  }

  function deliver(): Promise<void> {
    if (inflight) return inflight.then(() => (unacked ? deliver() : undefined));
    const snapshot = unacked;
    if (!snapshot) return Promise.resolve();
    inflight = (async () => {
      try {
        const reply = await send('drafts.save', snapshot);
        failures = 0;
        if (reply.saved) {
          if (unacked === snapshot) unacked = undefined;
          if (problem.value) problem.value = undefined;
        } else {
          problem.value = t()(`drafts.problem.${reply.problem}`);
          if (reply.problem === 'storage') retryLater();
        }
      } catch {
        // The background was restarting (service worker terminated) or is busy: keep the snapshot, send again.
        failures += 1;
        if (failures >= 3) problem.value = t()('drafts.problem.offline');
        retryLater();
      } finally {
        inflight = undefined;
      }
    })();
    return inflight.then(() => (unacked && unacked !== snapshot ? deliver() : undefined));
  }

  function retryLater() {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (!ctx.isInvalid) void deliver();
    }, RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]);
  }

  /** Sends the session's changes now. `urgent`: the page is going away — send even while one is in flight. */
  function flush(opts: { urgent?: boolean; submitted?: boolean } = {}) {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const s = session;
    if (!s || (s.dirty.size === 0 && !opts.submitted)) return;
    unacked = payloadOf(s, opts.submitted);
    if (opts.urgent && inflight) {
      void send('drafts.save', unacked).catch(() => undefined);
      return;
    }
    void deliver();
  }

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => flush(), DRAFT_DEBOUNCE_MS);
  };

  // ------------------------------------------------------------------------------ banner
  function closeBanner(s: Session) {
    banner = undefined;
    if (!s.banner) return;
    render(null, s.banner.container);
    s.banner.host.remove();
    s.banner = undefined;
  }

  function rowsFor(s: Session, b: BannerState): BannerRow[] {
    const live = captureFields(s.formEl);
    const version = b.version === 0 ? undefined : b.draft.history[b.draft.history.length - b.version];
    return diffDraft(b.draft, live, version).map((r) => {
      const field = live.find((l) => l.sig === r.target) ?? live.find((l) => l.label === r.label);
      return {
        ...r,
        draftText: displayValue(field, r.draft),
        currentText: r.current === undefined ? '' : displayValue(field, r.current),
        baseText: r.base === null ? '' : displayValue(field, r.base),
      };
    });
  }

  const formatTime = (at: number) =>
    new Intl.DateTimeFormat(deps.locale === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(at));

  function drawBanner(s: Session) {
    const b = banner;
    if (!b || ctx.isInvalid) return;
    if (!s.banner) {
      s.banner = deps.shadowHost(HOST_TAGS.draftBanner);
      s.formEl.insertAdjacentElement('beforebegin', s.banner.host);
    }
    const rows = rowsFor(s, b);
    const tr = t();
    const versions = [{ label: tr('drafts.banner.latest', { when: formatTime(b.draft.updatedAt) }) }, ...[...b.draft.history].reverse().map((v) => ({ label: tr('drafts.banner.older', { when: formatTime(v.at) }) }))];
    render(
      <I18nProvider locale={deps.locale} t={tr}>
        <DraftBanner
          rows={rows}
          when={formatTime(b.draft.updatedAt)}
          versions={versions}
          version={b.version}
          chosen={b.chosen}
          {...(b.status ? { status: b.status } : {})}
          saveWord={SAVE_WORDS[s.target.form] ?? 'Lagre'}
          onVersion={(i) => {
            b.version = i;
            b.chosen = defaultChoice(rowsFor(s, b));
            drawBanner(s);
          }}
          onToggle={(sig) => {
            if (b.chosen.has(sig)) b.chosen.delete(sig);
            else b.chosen.add(sig);
            drawBanner(s);
          }}
          onRestore={() => restore(s, b)}
          onDiscard={() => {
            void send('drafts.discard', s.target).catch(() => undefined);
            s.dirty.clear();
            unacked = undefined;
            b.status = { kind: 'discarded' };
            drawBanner(s);
          }}
          onClose={() => closeBanner(s)}
        />
      </I18nProvider>,
      s.banner.container,
    );
  }

  function restore(s: Session, b: BannerState) {
    const rows = rowsFor(s, b);
    const plan = restorePlan(rows, b.chosen);
    const live = captureFields(s.formEl);
    let count = 0;
    let skipped = rows.filter((r) => r.state === 'missing').length;
    for (const step of plan) {
      const field = live.find((l) => l.sig === step.target);
      if (field && writeValue(field, step.value)) {
        count += 1;
        s.dirty.add(field.sig);
        // The admin chose the draft over a newer portal value: that conflict is settled.
        if (step.conflict) s.rebase.add(field.sig);
      } else skipped += 1;
    }
    b.status = { kind: 'restored', count, skipped };
    flush();
    drawBanner(s);
  }

  async function offer(s: Session) {
    let draft: Draft | undefined;
    try {
      draft = (await send('drafts.open', s.target)).draft as Draft | undefined;
    } catch {
      return;
    }
    if (!draft || session !== s || ctx.isInvalid) return;
    const rows = diffDraft(draft, captureFields(s.formEl));
    if (!rows.some((r) => r.state === 'restore' || r.state === 'conflict')) {
      // The portal already shows everything the draft holds (saved, or typed again): nothing to keep.
      if (rows.every((r) => r.state === 'same') && s.dirty.size === 0) void send('drafts.discard', s.target).catch(() => undefined);
      return;
    }
    banner = { draft, version: 0, chosen: defaultChoice(rows) };
    drawBanner(s);
  }

  // ------------------------------------------------------------------------------ sessions
  function startSession(target: Target, formEl: HTMLFormElement) {
    const s: Session = { target, formEl, base: new Map(), dirty: new Set(), rebase: new Set(), url: location.pathname + location.search, title: entityTitle(document, formEl) };
    for (const f of captureFields(formEl)) s.base.set(f.sig, currentValue(f));
    session = s;
    void offer(s);
  }

  function endSession() {
    const s = session;
    if (!s) return;
    flush({ urgent: true });
    closeBanner(s);
    session = undefined;
  }

  function checkSaved() {
    if (!watch) return;
    if (Date.now() > watch.until) {
      watch = undefined;
      return;
    }
    const w = watch;
    if (!showsSaved(document, detectPage(location.href), w.target.form, w.target.entity, w.values)) return;
    watch = undefined;
    if (sameTarget(session?.target, w.target)) session!.dirty.clear();
    if (sameTarget(unacked, w.target)) unacked = undefined;
    // After any snapshot still on its way, so the clear comes last.
    void (inflight ?? Promise.resolve()).then(() => send('drafts.confirm', w.target)).catch(() => undefined);
  }

  function scan() {
    const target = draftTarget(detectPage(location.href));
    const formEl = target ? findDraftForm(document) : undefined;
    if (session && (!formEl || !formEl.isConnected || session.formEl !== formEl || !sameTarget(session.target, target))) endSession();
    if (target && formEl && !session) startSession(target, formEl);
    // Until the admin types, the base follows the portal (a form that fills in after it appears).
    if (session && session.dirty.size === 0) for (const f of captureFields(session.formEl)) session.base.set(f.sig, currentValue(f));
    checkSaved();
  }

  const onEdit = (event: Event) => {
    const s = session;
    if (!s || !(event.target instanceof Element) || !s.formEl.contains(event.target)) return;
    const field: CapturedField | undefined = fieldOf(captureFields(s.formEl), event.target);
    if (!field) return;
    s.dirty.add(field.sig);
    schedule();
  };
  ctx.addEventListener(document, 'input', onEdit, { capture: true });
  ctx.addEventListener(document, 'change', onEdit, { capture: true });

  // Bubble phase: a submit the save guard stopped never gets here.
  ctx.addEventListener(document, 'submit', (event) => {
    const s = session;
    if (!s || event.target !== s.formEl) return;
    watch = { target: s.target, values: captureFields(s.formEl).map((f) => ({ label: f.label, value: currentValue(f), kind: f.kind })), until: Date.now() + CONFIRM_WINDOW_MS };
    flush({ submitted: true });
  });

  ctx.addEventListener(window, 'pagehide', () => flush({ urgent: true }));
  ctx.addEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush({ urgent: true });
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => flush({ urgent: true }));
  deps.table.subscribe(() => {
    drawProblem();
    if (session) drawBanner(session);
  });
  ctx.onInvalidated(() => {
    if (timer) clearTimeout(timer);
    if (retryTimer) clearTimeout(retryTimer);
    if (session) closeBanner(session);
    problem.value = undefined;
  });

  return { scan };
}

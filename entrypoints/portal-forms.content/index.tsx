/**
 * Real-time validation on the portal's edit forms. Injected by the background only when the portal
 * shows an edit form (the overlay's content script asks for it), so the code and its UI cost nothing on
 * other pages. Validators run in the background (lib/background/field-validation.ts); this script finds
 * the fields by label, shows each verdict beside its field, applies fixes with real input events, and
 * guards "Lagre" while errors remain. Every listener and observer is tied to ctx.
 */
import themeCss from '../../components/theme.css?inline';
import formsCss from './style.css?inline';
import { render } from 'preact';
import { signal, type Signal } from '@preact/signals';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { I18nProvider } from '../../components/i18n';
import { FieldVerdict, type AddressChoice, type VerdictView } from '../../components/FieldVerdict';
import { SaveGuard, type GuardError } from '../../components/SaveGuard';
import { resolveLocale, translatorFor, type MessageTable } from '../../lib/i18n/core';
import { detectPage } from '../../lib/portal/pages';
import { anchorOf, controlsOf, findFormFields, FORM_PAGES, readField, setControlValue, type FormField } from '../../lib/portal/forms';
import { readSettings } from '../../platform/settings';
import { send } from '../../platform/messaging';
import { exposeToE2e } from '../../platform/e2e-probe';
import { startDrafts } from './drafts';
import { hasPortalMutation, HOST_TAGS } from '../../lib/dom/own-elements';

interface Entry {
  field: FormField;
  host: HTMLElement;
  container: HTMLElement;
  verdict: Signal<VerdictView | undefined>;
  pending: Signal<boolean>;
  suggestions: Signal<AddressChoice[] | undefined>;
  /** Address: fixes the register proposes for single controls (postal code, postal place, municipality). */
  fieldFixes: Signal<{ control: string; value: string }[] | undefined>;
  seq: number;
  timer?: ReturnType<typeof setTimeout>;
}

const DEBOUNCE_MS = { address: 500, other: 150 } as const;
/** How long Save waits for checks still running before it decides on what is known. */
const GUARD_WAIT_MS = 3_000;
const CSS = () => `${themeCss}\n${formsCss}`;

export default defineContentScript({
  // Runtime-registered: injected by the background with scripting.executeScript on edit forms only.
  matches: ['https://behandlernettverk.no/*'],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  // WXT would otherwise window.postMessage our runtime id to the page (the portal could detect and stop us).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const g = globalThis as { __bnForms?: boolean };
    if (g.__bnForms) return;
    g.__bnForms = true;
    ctx.onInvalidated(() => delete g.__bnForms);

    const settings = await readSettings();
    const locale = resolveLocale(settings.language, document.documentElement.lang, navigator.languages);
    const table = signal<MessageTable>({});
    void send('i18n.table', { locale })
      .then((r) => (table.value = r.table))
      .catch(() => undefined);

    const entries: Entry[] = [];
    let bypass = false;

    const shadowHost = (tag: string) => {
      const host = document.createElement(tag);
      const shadow = host.attachShadow({ mode: 'closed' });
      exposeToE2e(shadow);
      const style = document.createElement('style');
      style.textContent = CSS();
      const container = document.createElement('div');
      shadow.append(style, container);
      return { host, container };
    };

    function draw(entry: Entry) {
      render(
        <I18nProvider locale={locale} t={translatorFor(table.value)}>
          <FieldVerdict
            field={entry.field.label}
            verdict={entry.verdict.value}
            pending={entry.pending.value}
            suggestions={entry.suggestions.value}
            fieldFixes={entry.fieldFixes.value}
            onFix={(value, control) => applyFix(entry, value, control)}
            onPick={(choice) => pickAddress(entry, choice)}
          />
        </I18nProvider>,
        entry.container,
      );
    }

    function applyFix(entry: Entry, value: string, control?: string) {
      const f = entry.field;
      if ('controls' in f) {
        const target = f.controls[(control ?? 'postalCode') as keyof typeof f.controls] ?? f.controls.postalCode;
        setControlValue(target, value);
        target.focus();
      } else if ('control' in f) {
        setControlValue(f.control, value);
        f.control.focus();
      }
      void validate(entry, 0);
    }

    function pickAddress(entry: Entry, choice: AddressChoice) {
      if (!('controls' in entry.field)) return;
      const c = entry.field.controls;
      setControlValue(c.street, choice.street);
      setControlValue(c.postalCode, choice.postalCode);
      setControlValue(c.postalPlace, choice.postalPlace);
      setControlValue(c.municipality, choice.municipality);
      void validate(entry, 0);
    }

    function validate(entry: Entry, delay: number): Promise<void> {
      if (entry.timer) clearTimeout(entry.timer);
      entry.pending.value = true;
      draw(entry);
      return new Promise<void>((resolve) => {
        entry.timer = setTimeout(async () => {
          entry.timer = undefined;
          const seq = ++entry.seq;
          try {
            const reply = await send('validate.field', readField(entry.field) as never);
            if (seq !== entry.seq || ctx.isInvalid) return;
            entry.verdict.value = reply.verdict as VerdictView;
            entry.suggestions.value = reply.suggestions as AddressChoice[] | undefined;
            entry.fieldFixes.value = Object.entries(reply.fields ?? {})
              .filter(([, v]) => v.fix)
              .map(([control, v]) => ({ control, value: v.fix!.value }));
          } catch (error) {
            if (seq !== entry.seq || ctx.isInvalid) return;
            entry.verdict.value = { severity: 'unverified', key: 'forms.error', params: { detail: error instanceof Error ? error.message : String(error) } };
          } finally {
            if (seq === entry.seq) {
              entry.pending.value = false;
              if (!ctx.isInvalid) draw(entry);
            }
            resolve();
          }
        }, delay);
      });
    }

    function teardown(entry: Entry) {
      if (entry.timer) clearTimeout(entry.timer);
      render(null, entry.container);
      entry.host.remove();
    }

    /** Finds the page's fields (forms render late, SPA navigation swaps them) and keeps one verdict host per field. */
    function scan() {
      const page = detectPage(location.href);
      const fields = page && FORM_PAGES.includes(page.kind) ? findFormFields(document, page.kind) : [];
      for (let i = entries.length - 1; i >= 0; i -= 1) {
        const e = entries[i]!;
        const still = fields.find((f) => f.kind === e.field.kind && anchorOf(f) === anchorOf(e.field));
        if (!still || !anchorOf(e.field).isConnected) {
          teardown(e);
          entries.splice(i, 1);
        } else if (!e.host.isConnected) {
          anchorOf(e.field).insertAdjacentElement('afterend', e.host);
        }
      }
      for (const field of fields) {
        if (entries.some((e) => e.field.kind === field.kind && anchorOf(e.field) === anchorOf(field))) continue;
        const { host, container } = shadowHost(HOST_TAGS.fieldVerdict);
        anchorOf(field).insertAdjacentElement('afterend', host);
        const entry: Entry = { field, host, container, verdict: signal(undefined), pending: signal(false), suggestions: signal(undefined), fieldFixes: signal(undefined), seq: 0 };
        entries.push(entry);
        void validate(entry, 0);
      }
    }

    const drafts = startDrafts(ctx, { locale, table, shadowHost });

    let scheduled = false;
    const scheduleScan = () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        if (ctx.isInvalid) return;
        scan();
        drafts.scan();
      });
    };
    // Our own verdict, banner and guard hosts are not form changes: re-scanning for them was wasted work.
    const observer = new MutationObserver((records) => {
      if (hasPortalMutation(records)) scheduleScan();
    });
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      for (const e of entries.splice(0)) teardown(e);
    });
    ctx.addEventListener(window, 'wxt:locationchange', scheduleScan);
    scan();
    drafts.scan();

    const onEdit = (event: Event) => {
      const target = event.target;
      if (!(target instanceof Element)) return;
      const entry = entries.find((e) => controlsOf(e.field).includes(target));
      if (entry) void validate(entry, entry.field.kind === 'address' ? DEBOUNCE_MS.address : DEBOUNCE_MS.other);
    };
    ctx.addEventListener(document, 'input', onEdit, { capture: true });
    ctx.addEventListener(document, 'change', onEdit, { capture: true });
    table.subscribe(() => entries.forEach(draw));

    // Save guard: errors (never warnings) stop "Lagre" until the admin fixes them or saves anyway.
    let guard: { host: HTMLElement; container: HTMLElement } | undefined;
    const closeGuard = () => {
      if (!guard) return;
      render(null, guard.container);
      guard.host.remove();
      guard = undefined;
    };
    ctx.onInvalidated(closeGuard);
    /** Submits again past the guard; the submitter only if it still belongs to the form (else requestSubmit throws). */
    function submitAgain(form: HTMLFormElement, submitter: HTMLElement | undefined) {
      if (!form.isConnected) return;
      const own = submitter instanceof HTMLButtonElement && submitter.isConnected && submitter.form === form ? submitter : undefined;
      bypass = true;
      try {
        form.requestSubmit(own);
      } catch {
        // The portal's form changed under us; the admin can press Lagre again.
      } finally {
        bypass = false;
      }
    }

    function openGuard(form: HTMLFormElement, submitter: HTMLElement | undefined, errors: Entry[]) {
      const list: GuardError[] = errors.map((e) => ({ field: e.field.label, key: e.verdict.value!.key, ...(e.verdict.value!.params ? { params: e.verdict.value!.params } : {}) }));
      closeGuard();
      const returnFocus = submitter ?? (document.activeElement instanceof HTMLElement ? document.activeElement : undefined);
      guard = shadowHost(HOST_TAGS.saveGuard);
      // Above everything, the checklist overlay included (light-DOM inline style wins over :host rules).
      guard.host.style.cssText = 'position:fixed;inset:0;z-index:2147483647';
      document.body.append(guard.host);
      const first = errors[0]!;
      render(
        <I18nProvider locale={locale} t={translatorFor(table.value)}>
          <SaveGuard
            errors={list}
            onClose={() => {
              closeGuard();
              returnFocus?.focus();
            }}
            onFix={() => {
              closeGuard();
              const control = controlsOf(first.field)[0] as HTMLElement | undefined;
              control?.scrollIntoView({ block: 'center' });
              control?.focus();
            }}
            onSaveAnyway={() => {
              closeGuard();
              submitAgain(form, submitter);
            }}
          />
        </I18nProvider>,
        guard.container,
      );
    }

    // Save guard: errors (never warnings) stop "Lagre" until the admin fixes them or saves anyway. Checks
    // still waiting (debounce, register) are finished first, so a fresh error cannot slip through and a
    // just-fixed one does not stop the save.
    ctx.addEventListener(
      document,
      'submit',
      (event) => {
        const form = event.target;
        if (bypass || !(form instanceof HTMLFormElement)) return;
        const mine = entries.filter((e) => controlsOf(e.field).some((c) => form.contains(c)));
        const waiting = mine.filter((e) => e.pending.value);
        const hasErrors = () => mine.filter((e) => e.verdict.value?.severity === 'error');
        if (waiting.length === 0 && hasErrors().length === 0) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        const submitter = ((event as SubmitEvent).submitter as HTMLElement | null) ?? undefined;
        void (async () => {
          if (waiting.length > 0) {
            const done = Promise.all(waiting.map((e) => validate(e, 0)));
            await Promise.race([done, new Promise((r) => setTimeout(r, GUARD_WAIT_MS))]);
          }
          if (ctx.isInvalid) return;
          const errors = hasErrors();
          if (errors.length === 0) submitAgain(form, submitter);
          else openGuard(form, submitter, errors);
        })();
      },
      { capture: true },
    );
  },
});

/**
 * The removal guide ("Fjern fra lokasjon"): injected by the background into the portal tab it opened for it.
 * It asks the background for its plan, then highlights the control of the portal's own flow the admin needs
 * next (the practitioner's "Endre" under "Personer", then "Slett", then "Ja") and says what to do. It never
 * clicks anything: the admin removes the person, or stops. Plain DOM in a closed shadow root; every
 * listener and observer is tied to ctx.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { resolveLocale, translatorFor, type MessageKey } from '../../lib/i18n/core';
import { findRemovalStep, REMOVAL_STEPS, type RemovalPlan, type RemovalStep } from '../../lib/portal/guide';
import { readSettings } from '../../platform/settings';
import { send } from '../../platform/messaging';
import { exposeToE2e } from '../../platform/e2e-probe';
import { HOST_TAGS } from '../../lib/dom/own-elements';

const CSS = `
:host { all: initial; }
.box { position: fixed; pointer-events: none; border: 3px solid #b45309; border-radius: 6px; box-shadow: 0 0 0 4px rgba(180, 83, 9, 0.25); z-index: 2147483646; display: none; }
.card { position: fixed; left: 16px; bottom: 16px; max-width: 340px; background: #fff; color: #1f2937; border: 2px solid #b45309;
  border-radius: 8px; padding: 12px 14px; font: 15px/1.4 system-ui, sans-serif; box-shadow: 0 6px 24px rgba(0,0,0,.2); z-index: 2147483647; }
.card h2 { font-size: 15px; margin: 0 0 6px; }
.card p { margin: 0 0 8px; }
.step { font-weight: 600; }
.note { font-size: 13px; color: #4b5563; }
button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #6b7280; background: #f9fafb; color: #111827; cursor: pointer; }
button:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
`;

const STEP_KEYS: Record<RemovalStep, MessageKey> = { edit: 'guide.step.edit', delete: 'guide.step.delete', confirm: 'guide.step.confirm' };

export default defineContentScript({
  matches: ['https://behandlernettverk.no/*'],
  registration: 'runtime',
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const g = globalThis as { __bnGuide?: boolean };
    if (g.__bnGuide) return;
    g.__bnGuide = true;
    ctx.onInvalidated(() => delete g.__bnGuide);

    const got = await send('guide.plan', {}).catch(() => null);
    const plan: RemovalPlan | null = got?.plan ?? null;
    if (!plan || ctx.isInvalid) return;
    const settings = await readSettings();
    const locale = resolveLocale(settings.language, document.documentElement.lang, navigator.languages);
    const table = await send('i18n.table', { locale }).then((r) => r.table).catch(() => ({}));
    const t = translatorFor(table);

    const host = document.createElement(HOST_TAGS.guide);
    const shadow = host.attachShadow({ mode: 'closed' });
    exposeToE2e(shadow);
    const style = document.createElement('style');
    style.textContent = CSS;
    const box = document.createElement('div');
    box.className = 'box';
    box.setAttribute('aria-hidden', 'true');
    const card = document.createElement('section');
    card.className = 'card';
    card.setAttribute('aria-label', t('guide.label'));
    const title = document.createElement('h2');
    title.textContent = t('guide.title', { name: plan.personName });
    const stepText = document.createElement('p');
    stepText.className = 'step';
    stepText.setAttribute('role', 'status');
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = t('guide.note');
    const stop = document.createElement('button');
    stop.type = 'button';
    stop.textContent = t('guide.stop');
    card.append(title, stepText, note, stop);
    shadow.append(style, box, card);
    document.documentElement.append(host);

    let furthest = -1;
    let lastStep: RemovalStep | 'done' | 'lost' | undefined;
    let target: HTMLElement | undefined;
    let targetSince = 0;
    const place = () => {
      if (!target || !target.isConnected) {
        box.style.display = 'none';
        return;
      }
      const r = target.getBoundingClientRect();
      Object.assign(box.style, { display: 'block', left: `${r.left - 6}px`, top: `${r.top - 6}px`, width: `${r.width + 12}px`, height: `${r.height + 12}px` });
    };
    const update = () => {
      const found = findRemovalStep(document, location.href, plan);
      let step: RemovalStep | 'done' | 'lost';
      if (found) {
        step = found.step;
        furthest = Math.max(furthest, REMOVAL_STEPS.indexOf(found.step));
        if (target !== found.element) {
          target = found.element;
          targetSince = Date.now();
        }
        // Late content (Online Manager loads after the page) moves the control: keep it in view for a moment.
        const r = target.getBoundingClientRect();
        if (Date.now() - targetSince < 3_000 && (r.top < 0 || r.bottom > innerHeight)) target.scrollIntoView({ block: 'center', inline: 'nearest' });
      } else {
        target = undefined;
        // After the dialog, back on the location without the person: the admin removed them.
        step = furthest === REMOVAL_STEPS.length - 1 && /\/lokasjon\/[^/]+\/?$/.test(location.pathname) ? 'done' : 'lost';
      }
      if (step !== lastStep) {
        lastStep = step;
        stepText.textContent =
          step === 'done' ? t('guide.done', { name: plan.personName }) : step === 'lost' ? t('guide.lost') : `${t('guide.progress', { n: REMOVAL_STEPS.indexOf(step) + 1, total: REMOVAL_STEPS.length })} ${t(STEP_KEYS[step], { name: plan.personName })}`;
      }
      place();
    };
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!ctx.isInvalid) update();
      });
    };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['open', 'aria-busy', 'href'] });
    window.addEventListener('scroll', schedule, { passive: true, capture: true, signal: ctx.signal });
    window.addEventListener('resize', schedule, { signal: ctx.signal });
    window.addEventListener('popstate', schedule, { signal: ctx.signal });
    const end = () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      host.remove();
      delete g.__bnGuide;
    };
    stop.addEventListener('click', end, { signal: ctx.signal });
    ctx.onInvalidated(end);
    update();
  },
});

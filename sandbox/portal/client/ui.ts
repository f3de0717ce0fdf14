/** Shared UI pieces: cards, detail lists, form fields, error display. */
import { h, uid, clear, type Child } from './dom.ts';
import { ApiError } from './http.ts';
import { link, navigate } from './router.ts';

export const NOT_GIVEN = 'Ikke oppgitt';

export function card(title: string | null, ...children: Child[]): HTMLElement {
  const headingId = uid('h');
  return h(
    'section',
    { class: 'card', 'aria-labelledby': title ? headingId : null },
    title ? h('h2', { id: headingId, class: 'card-title' }, title) : null,
    ...children,
  );
}

export function details(rows: Array<[string, string | Node]>): HTMLDListElement {
  return h(
    'dl',
    { class: 'details' },
    rows.map(([k, v]) => h('div', { class: 'details-row' }, h('dt', null, k), h('dd', null, v === '' ? h('span', { class: 'muted' }, NOT_GIVEN) : v))),
  );
}

export function breadcrumbs(...items: Array<[string, string]>): HTMLElement {
  return h(
    'nav',
    { class: 'breadcrumbs', 'aria-label': 'Brødsmulesti' },
    h(
      'ol',
      null,
      items.map(([href, text]) => h('li', null, link(href, text))),
    ),
  );
}

export function formatOrgnr(orgnr: string): string {
  return /^\d{9}$/.test(orgnr) ? `${orgnr.slice(0, 3)} ${orgnr.slice(3, 6)} ${orgnr.slice(6)}` : orgnr;
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return 'Aldri';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('nb-NO', {
    timeZone: 'Europe/Oslo',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}.${get('month')}.${get('year')} ${get('hour')}:${get('minute')}`;
}

export interface Field {
  wrap: HTMLDivElement;
  input: HTMLInputElement;
  error: HTMLElement;
}

export function textField(label: string, name: string, value: string, opts: { type?: string; hint?: string; autocomplete?: string; placeholder?: string } = {}): Field {
  const id = uid('inp');
  const errId = `${id}-err`;
  const hintId = opts.hint ? `${id}-hint` : null;
  const input = h('input', {
    id,
    name,
    type: opts.type ?? 'text',
    class: 'input',
    autocomplete: opts.autocomplete ?? 'off',
    placeholder: opts.placeholder,
    'aria-describedby': hintId,
  });
  input.value = value;
  const error = h('p', { id: errId, class: 'field-error', hidden: true });
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), hintId ? h('p', { id: hintId, class: 'hint' }, opts.hint ?? '') : null, input, error);
  return { wrap, input, error };
}

export function checkboxGroup(legend: string, name: string, options: readonly string[], selected: string[]): { fieldset: HTMLFieldSetElement; values: () => string[]; error: HTMLElement } {
  const boxes: HTMLInputElement[] = [];
  const error = h('p', { class: 'field-error', hidden: true });
  const fieldset = h(
    'fieldset',
    { class: 'checkbox-group' },
    h('legend', null, legend),
    h(
      'div',
      { class: 'checkbox-grid' },
      options.map((o) => {
        const id = uid('chk');
        const box = h('input', { type: 'checkbox', id, name, value: o });
        box.checked = selected.includes(o);
        boxes.push(box);
        return h('div', { class: 'checkbox' }, box, h('label', { for: id }, o));
      }),
    ),
    error,
  );
  return { fieldset, values: () => boxes.filter((b) => b.checked).map((b) => b.value), error };
}

export function button(text: string, opts: { variant?: 'primary' | 'secondary' | 'danger' | 'info'; type?: 'button' | 'submit'; onClick?: (ev: Event) => void } = {}): HTMLButtonElement {
  return h('button', { type: opts.type ?? 'button', class: `btn btn-${opts.variant ?? 'secondary'}`, onclick: opts.onClick }, text);
}

export function linkButton(href: string, text: string, variant: 'primary' | 'secondary' | 'info' = 'secondary'): HTMLAnchorElement {
  return link(href, text, `btn btn-${variant}`);
}

/** Handles a failed save the way the portal does: 422 field messages + summary, 409, 401, 500. */
export function showSaveError(err: unknown, form: HTMLFormElement, summary: HTMLElement, fields: Record<string, { input?: HTMLElement; error: HTMLElement; label: string }>): void {
  clear(summary);
  summary.hidden = false;
  for (const f of Object.values(fields)) {
    f.error.hidden = true;
    f.error.removeAttribute('role');
    f.error.textContent = '';
    f.input?.removeAttribute('aria-invalid');
  }
  if (err instanceof ApiError && err.status === 401) {
    navigate('/logg-inn');
    return;
  }
  if (err instanceof ApiError && err.status === 422) {
    const items: HTMLElement[] = [];
    for (const [key, msg] of Object.entries(err.fields)) {
      const f = fields[key];
      if (f) {
        f.error.textContent = msg;
        f.error.hidden = false;
        f.error.setAttribute('role', 'alert');
        if (f.input) {
          f.input.setAttribute('aria-invalid', 'true');
          f.input.setAttribute('aria-describedby', f.error.id);
        }
      }
      items.push(h('li', null, `${f?.label ?? key}: ${msg}`));
    }
    summary.append(h('p', { class: 'alert-title' }, 'Skjemaet inneholder feil. Rett opp og prøv igjen.'), h('ul', null, items));
    summary.className = 'alert alert-error';
    summary.setAttribute('role', 'alert');
  } else if (err instanceof ApiError && err.status === 409) {
    summary.className = 'alert alert-warning';
    summary.setAttribute('role', 'alert');
    summary.textContent = err.message || 'Noen andre har lagret endringer. Last inn siden på nytt.';
  } else {
    summary.className = 'alert alert-error';
    summary.setAttribute('role', 'alert');
    summary.textContent = 'Noe gikk galt. Prøv igjen senere.';
  }
  summary.scrollIntoView?.({ block: 'nearest' });
  void form;
}

const busyLabels = new WeakMap<HTMLButtonElement, string>();
export function setBusy(btn: HTMLButtonElement, busy: boolean, busyText?: string): void {
  if (busy) {
    busyLabels.set(btn, btn.textContent ?? '');
    btn.disabled = true;
    btn.setAttribute('aria-disabled', 'true');
    if (busyText) btn.textContent = busyText;
  } else {
    btn.disabled = false;
    btn.removeAttribute('aria-disabled');
    const label = busyLabels.get(btn);
    if (label !== undefined) btn.textContent = label;
  }
}

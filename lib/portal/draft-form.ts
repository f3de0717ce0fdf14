/**
 * The portal's edit forms as the drafts feature sees them: which form a page edits, which of its controls
 * are captured (never passwords, hidden fields or the online-booking technical key), how each is recognised
 * again (label + name + position), how a value goes back in with real events, and how the portal shows
 * that a save went through. Everything about portal markup for drafts lives here.
 */
import type { DraftForm, FieldKind, FieldValue, LiveField } from '../drafts/model';
import { signature } from '../drafts/model';
import { accessibleName, findDetail, findHeading, normalizeText, visibleText, type FormControl } from './fields';
import { setControlValue } from './forms';
import type { PageMatch } from './pages';

export interface CapturedField extends LiveField {
  /** The control (text, textarea, select, checkbox) or the radio group's inputs. */
  controls: FormControl[];
}

/** The entity a draft form belongs to, or undefined when this page is not a drafted form. */
export function draftTarget(page: PageMatch | undefined): { form: DraftForm; entity: string } | undefined {
  if (!page) return undefined;
  switch (page.kind) {
    case 'firmEdit':
      return page.firmId ? { form: 'firmEdit', entity: page.firmId } : undefined;
    case 'locationEdit':
    case 'booking':
    case 'invitations':
      return page.locationId ? { form: page.kind, entity: page.locationId } : undefined;
    case 'personEdit':
      return page.personId ? { form: 'personEdit', entity: page.personId } : undefined;
    default:
      return undefined;
  }
}

/** The page's edit form: the form in the main content that has a submit control. */
export function findDraftForm(doc: Document): HTMLFormElement | undefined {
  const forms = Array.from(doc.querySelectorAll('form'));
  return forms.find((f) => f.querySelector('button[type=submit], input[type=submit], button:not([type])')) ?? forms[0];
}

const SKIPPED_TYPES = new Set(['password', 'hidden', 'file', 'submit', 'button', 'reset', 'image']);
/** Labels and names of credentials: never captured, whatever their input type. */
const SECRET = /(nøkkel|nokkel|passord|password|passwd|secret|hemmelig|token|api[-_ ]?key|client[-_ ]?secret|pin[-_ ]?kode)/i;

/** Whether a control must never be stored: credentials, hidden and read-only fields, search boxes. */
export function isExcluded(control: FormControl): boolean {
  if (control instanceof HTMLInputElement && SKIPPED_TYPES.has(control.type)) return true;
  if (control.disabled || (control as HTMLInputElement).readOnly) return true;
  const auto = (control.getAttribute('autocomplete') ?? '').toLowerCase();
  if (/password|one-time-code|cc-/.test(auto)) return true;
  // A search box (the map's address search) is a tool, not data the portal saves.
  if (control.getAttribute('role') === 'combobox' || (control instanceof HTMLInputElement && control.type === 'search')) return true;
  return SECRET.test(accessibleName(control)) || SECRET.test(control.name ?? '');
}

function kindOf(control: FormControl): FieldKind {
  if (control instanceof HTMLTextAreaElement) return 'textarea';
  if (control instanceof HTMLSelectElement) return 'select';
  if (control.type === 'checkbox') return 'checkbox';
  if (control.type === 'radio') return 'radio';
  return 'text';
}

function groupLabel(control: Element): string {
  const group = control.closest('fieldset, [role=group], [role=radiogroup]');
  return group ? accessibleName(group) : '';
}

/** Every captured control of the form, in document order, with its signature. */
export function captureFields(form: HTMLFormElement): CapturedField[] {
  const controls = Array.from(form.querySelectorAll<FormControl>('input, select, textarea')).filter((c) => !isExcluded(c));
  const out: CapturedField[] = [];
  const radios = new Map<string, CapturedField>();
  for (const control of controls) {
    const kind = kindOf(control);
    if (kind === 'radio') {
      const key = control.name || groupLabel(control);
      const existing = radios.get(key);
      if (existing) {
        existing.controls.push(control);
        if ((control as HTMLInputElement).checked) existing.value = control.value;
        continue;
      }
      const label = groupLabel(control) || control.name;
      const field: CapturedField = { sig: '', label, name: control.name, pos: out.length, kind, value: (control as HTMLInputElement).checked ? control.value : '', controls: [control] };
      radios.set(key, field);
      out.push(field);
      continue;
    }
    const own = accessibleName(control);
    const group = kind === 'checkbox' ? groupLabel(control) : '';
    const label = group ? `${group}: ${own}` : own || control.name;
    out.push({ sig: '', label, name: control.name, pos: out.length, kind, value: readValue(control), controls: [control] });
  }
  for (const f of out) f.sig = signature(f.label, f.name, f.pos);
  return out;
}

function readValue(control: FormControl): FieldValue {
  if (control instanceof HTMLInputElement && control.type === 'checkbox') return control.checked;
  return control.value;
}

/** The field's value now (radio: the checked option's value, '' when none). */
export function currentValue(field: CapturedField): FieldValue {
  if (field.kind === 'radio') return (field.controls as HTMLInputElement[]).find((r) => r.checked)?.value ?? '';
  return readValue(field.controls[0]!);
}

/** The field a control belongs to. */
export const fieldOf = (fields: readonly CapturedField[], target: EventTarget | null): CapturedField | undefined =>
  fields.find((f) => f.controls.includes(target as FormControl));

/**
 * Puts a value back the way a person would: text through the native setter plus input/change events,
 * checkboxes and radios by clicking (the portal's own handlers run), selects only to an existing option.
 * Returns false when the value cannot go in (an option that no longer exists).
 */
export function writeValue(field: CapturedField, value: FieldValue): boolean {
  if (field.kind === 'checkbox') {
    const box = field.controls[0] as HTMLInputElement;
    if (box.checked !== Boolean(value)) box.click();
    return box.checked === Boolean(value);
  }
  if (field.kind === 'radio') {
    const radio = (field.controls as HTMLInputElement[]).find((r) => r.value === value);
    if (!radio) return false;
    if (!radio.checked) radio.click();
    return radio.checked;
  }
  const control = field.controls[0]!;
  if (control instanceof HTMLSelectElement && !Array.from(control.options).some((o) => o.value === value)) return false;
  setControlValue(control, String(value));
  return control.value === String(value);
}

/** How a value reads to a person (a select's option text, Ja/Nei for boxes are left to the UI). */
export function displayValue(field: CapturedField | undefined, value: FieldValue): string {
  if (typeof value === 'boolean') return value ? '☑' : '☐';
  const control = field?.controls[0];
  if (control instanceof HTMLSelectElement) return Array.from(control.options).find((o) => o.value === value)?.textContent?.trim() ?? value;
  return value;
}

/** A name for the list of drafts: the firm or location the page is about (breadcrumb), else its heading. */
export function entityTitle(doc: Document, form: HTMLFormElement | undefined): string {
  const name = form ? Array.from(form.querySelectorAll<HTMLInputElement>('input')).find((i) => normalizeText(accessibleName(i)) === 'navn') : undefined;
  if (name?.value.trim()) return name.value.trim().slice(0, 200);
  const crumbs = Array.from(doc.querySelectorAll('nav a, [aria-label*="rødsmule" i] a, .breadcrumbs a'));
  const last = crumbs.at(-1);
  const text = last ? visibleText(last) : '';
  if (text && normalizeText(text) !== 'firmaer') return text.slice(0, 200);
  return visibleText(doc.querySelector('h1')).slice(0, 200);
}

// --------------------------------------------------------------------------------- save confirmation

const EMPTY_SHOWN = new Set(['', '–', '-', 'ikke oppgitt', 'ikke satt opp', 'ingen']);
/** Digits of a Norwegian number without its country code (the portal may show +47 or not). */
const phoneDigits = (text: string) => {
  const d = text.replace(/\D/g, '');
  if (d.startsWith('0047')) return d.slice(4);
  return d.length === 10 && d.startsWith('47') ? d.slice(2) : d;
};
const sameShown = (shown: string, typed: string, label: string) => {
  const s = normalizeText(shown);
  const t = normalizeText(typed);
  if (t === '') return EMPTY_SHOWN.has(s);
  if (/organisasjonsnummer|postnummer/i.test(label)) return s.replace(/\D/g, '') === t.replace(/\D/g, '');
  if (/mobil|telefon/i.test(label)) return phoneDigits(s) === phoneDigits(t);
  return s === t || s.replace(/\/$/, '') === t.replace(/\/$/, '');
};

/**
 * Whether the page now shows that the submitted form was saved. Firm, location and person forms: the SPA
 * went to the entity's page and its details show the submitted values. Online booking: the connection log
 * appeared with its final status. Invitations: the status names the address.
 */
export function showsSaved(doc: Document, page: PageMatch | undefined, form: DraftForm, entity: string, submitted: readonly { label: string; value: FieldValue; kind: FieldKind }[]): boolean {
  if (!page) return false;
  if (form === 'booking') {
    if (page.kind !== 'booking' || page.locationId !== entity) return false;
    const log = findHeading(doc, 'Koblingslogg');
    return Boolean(log && /suksess|feilet/i.test(visibleText(log.closest('section') ?? log.parentElement)));
  }
  if (form === 'invitations') {
    const email = submitted.find((f) => /e-post/i.test(f.label))?.value;
    const status = Array.from(doc.querySelectorAll('[role=status]')).map((e) => normalizeText(visibleText(e)));
    return typeof email === 'string' && status.some((s) => s.includes('invitasjonen er sendt') && s.includes(normalizeText(email)));
  }
  const expected = form === 'firmEdit' ? { kind: 'firm', id: page.firmId } : form === 'locationEdit' ? { kind: 'location', id: page.locationId } : { kind: 'person', id: page.personId };
  if (page.kind !== expected.kind || expected.id !== entity) return false;
  let compared = 0;
  const groups = new Map<string, { checked: string[] }>();
  for (const f of submitted) {
    if (f.kind === 'checkbox') {
      const [group, option] = f.label.split(': ');
      if (!group || !option) continue;
      const g = groups.get(group) ?? { checked: [] };
      if (f.value === true) g.checked.push(option);
      groups.set(group, g);
      continue;
    }
    if (typeof f.value !== 'string') continue;
    const shown = findDetail(doc, f.label);
    if (!shown) continue;
    compared += 1;
    if (!sameShown(visibleText(shown), f.value, f.label)) return false;
  }
  for (const [group, { checked }] of groups) {
    const shown = findDetail(doc, group);
    if (!shown) continue;
    const items = visibleText(shown)
      .split(',')
      .map((s) => normalizeText(s))
      .filter((s) => s && !EMPTY_SHOWN.has(s));
    compared += 1;
    if (checked.some((c) => !items.includes(normalizeText(c)))) return false;
  }
  return compared > 0;
}

/**
 * The portal's edit forms as the validation and draft features see them: which fields are checked on
 * which page, found by their visible labels (docs/portal.md), and how to put a value into a field so that
 * the portal's own framework sees it (real input/change events).
 */
import { findButton, findFieldByLabel, findGroupByLabel, type FormControl } from './fields';
import type { PageKind } from './pages';

export type ValidatedKind = 'invoiceEmail' | 'invitationEmail' | 'website' | 'mobile' | 'orgnr' | 'address' | 'facilities' | 'treatments';

export interface AddressControls {
  street: FormControl;
  postalCode: FormControl;
  postalPlace: FormControl;
  municipality: FormControl;
}

export type FormField =
  | { kind: Exclude<ValidatedKind, 'address' | 'facilities' | 'treatments'>; label: string; control: FormControl }
  | { kind: 'address'; label: string; controls: AddressControls }
  | { kind: 'facilities' | 'treatments'; label: string; group: Element; options: HTMLInputElement[] };

const TEXT_FIELDS: Partial<Record<PageKind, readonly { kind: Exclude<ValidatedKind, 'address' | 'facilities' | 'treatments'>; label: string }[]>> = {
  firmEdit: [
    { kind: 'orgnr', label: 'Organisasjonsnummer' },
    { kind: 'website', label: 'Webside' },
    { kind: 'invoiceEmail', label: 'E-post for faktura' },
  ],
  locationEdit: [{ kind: 'mobile', label: 'Mobilnummer' }],
  invitations: [{ kind: 'invitationEmail', label: 'E-post' }],
};

const GROUPS: Partial<Record<PageKind, readonly { kind: 'facilities' | 'treatments'; label: string }[]>> = {
  locationEdit: [
    { kind: 'facilities', label: 'Fasiliteter' },
    { kind: 'treatments', label: 'Behandlingstilbud' },
  ],
};

/** The page's save control ("Lagre"; "Test og Lagre" on online booking; "Inviter personer" on invitations). */
export const SAVE_WORDS: Partial<Record<PageKind, string>> = { firmEdit: 'Lagre', locationEdit: 'Lagre', booking: 'Test og Lagre', personEdit: 'Lagre', invitations: 'Inviter personer' };

/** Pages with an edit form: the edit-form script (validation, drafts) is injected there. */
export const FORM_PAGES: readonly PageKind[] = ['firmEdit', 'locationEdit', 'booking', 'personEdit', 'invitations'];

/** The validated fields present on this page (those the page does not show are simply absent). */
export function findFormFields(root: ParentNode, page: PageKind): FormField[] {
  const out: FormField[] = [];
  for (const f of TEXT_FIELDS[page] ?? []) {
    const control = findFieldByLabel(root, f.label);
    if (control) out.push({ ...f, control });
  }
  if (page === 'locationEdit') {
    const street = findFieldByLabel(root, 'Gateadresse');
    const postalCode = findFieldByLabel(root, 'Postnummer');
    const postalPlace = findFieldByLabel(root, 'Poststed');
    const municipality = findFieldByLabel(root, 'Kommune');
    if (street && postalCode && postalPlace && municipality) {
      out.push({ kind: 'address', label: 'Gateadresse', controls: { street, postalCode, postalPlace, municipality } });
    }
  }
  for (const g of GROUPS[page] ?? []) {
    const group = findGroupByLabel(root, g.label);
    if (group) out.push({ ...g, group: group.group, options: group.options });
  }
  return out;
}

/** Every control a field consists of (to match input events to fields). */
export function controlsOf(field: FormField): Element[] {
  if ('controls' in field) return Object.values(field.controls);
  if ('options' in field) return field.options;
  return [field.control];
}

/** The element a verdict is shown after. */
export function anchorOf(field: FormField): Element {
  if ('controls' in field) return field.controls.street;
  if ('group' in field) return field.group;
  return field.control;
}

export function readField(field: FormField): { field: ValidatedKind; value: string | string[] | { street: string; postalCode: string; postalPlace: string; municipality: string } } {
  if ('controls' in field) {
    const c = field.controls;
    return { field: 'address', value: { street: c.street.value, postalCode: c.postalCode.value, postalPlace: c.postalPlace.value, municipality: c.municipality.value } };
  }
  if ('options' in field) return { field: field.kind, value: field.options.filter((o) => o.checked).map((o) => o.value) };
  return { field: field.kind, value: field.control.value };
}

export function findSaveButton(root: ParentNode, page: PageKind): HTMLElement | undefined {
  const word = SAVE_WORDS[page];
  return word ? findButton(root, word) : undefined;
}

/**
 * Puts a value into a control the way typing does: the native value setter (frameworks that track the
 * value property see the change), then bubbling `input` and `change` events.
 */
export function setControlValue(control: FormControl, value: string): void {
  const proto = Object.getPrototypeOf(control) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(control, value);
  else control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

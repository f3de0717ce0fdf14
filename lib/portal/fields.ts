/**
 * Finding things on a portal page the way a person does: by visible label text, heading text, button
 * text and accessible name — never by ids, classes or DOM depth. Every function takes the root to search
 * (a Document or Element), so it runs against live pages and saved fixtures alike.
 */

/** Lower-case, NFC, collapsed whitespace; the form every comparison here uses. */
export function normalizeText(text: string | null | undefined): string {
  return (text ?? '').normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase();
}

/** Text a sighted user reads in `el`: skips aria-hidden parts, hidden elements, scripts and styles. */
export function visibleText(el: Element | null | undefined): string {
  if (!el) return '';
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const e = node as Element;
    const tag = e.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE' || tag === 'NOSCRIPT') return;
    if (e.getAttribute('aria-hidden') === 'true' || e.hasAttribute('hidden')) return;
    if (tag === 'SELECT') {
      const select = e as HTMLSelectElement;
      out += ` ${select.selectedOptions?.[0]?.textContent ?? ''} `;
      return;
    }
    const block = /^(P|DIV|LI|TR|TD|TH|DT|DD|H[1-6]|SECTION|ARTICLE|BR|TABLE|UL|OL)$/.test(tag);
    if (block) out += ' ';
    for (const child of Array.from(e.childNodes)) walk(child);
    if (block) out += ' ';
  };
  walk(el);
  return out.replace(/[\s\u00a0]+/g, ' ').trim();
}

const matches = (candidate: string, wanted: string | RegExp) =>
  typeof wanted === 'string' ? normalizeText(candidate) === normalizeText(wanted) : wanted.test(candidate.trim());

function all<T extends Element>(root: ParentNode, selector: string): T[] {
  return Array.from(root.querySelectorAll<T>(selector));
}

/** The accessible name of an element (the subset of the algorithm portal markup needs). */
export function accessibleName(el: Element): string {
  const doc = el.ownerDocument;
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby && doc) {
    const text = labelledby
      .split(/\s+/)
      .map((id) => visibleText(doc.getElementById(id)))
      .join(' ')
      .trim();
    if (text) return text;
  }
  const aria = el.getAttribute('aria-label');
  if (aria?.trim()) return aria.trim();
  const id = el.getAttribute('id');
  if (id && doc) {
    const label = all<HTMLLabelElement>(doc, 'label').find((l) => l.htmlFor === id);
    if (label) return visibleText(label);
  }
  const wrapping = el.closest('label');
  if (wrapping) return visibleText(wrapping);
  if (el.tagName === 'FIELDSET') {
    const legend = el.querySelector(':scope > legend');
    if (legend) return visibleText(legend);
  }
  if (/^(BUTTON|A)$/.test(el.tagName) || el.getAttribute('role') === 'button') return visibleText(el);
  return el.getAttribute('title')?.trim() ?? '';
}

export type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The form control whose label (or accessible name) is `label`. */
export function findFieldByLabel(root: ParentNode, label: string | RegExp): FormControl | undefined {
  const controls = all<FormControl>(root, 'input:not([type=hidden]), select, textarea');
  return controls.find((c) => matches(accessibleName(c), label));
}

/** A group of checkboxes/radios under a fieldset legend (or role=group name) `label`. */
export function findGroupByLabel(root: ParentNode, label: string | RegExp): { group: Element; options: HTMLInputElement[] } | undefined {
  const groups = all<Element>(root, 'fieldset, [role=group], [role=radiogroup]');
  const group = groups.find((g) => matches(accessibleName(g), label));
  if (!group) return undefined;
  return { group, options: all<HTMLInputElement>(group, 'input[type=checkbox], input[type=radio]') };
}

/** A button (or link styled as one) whose visible text or accessible name is `text`. */
export function findButton(root: ParentNode, text: string | RegExp): HTMLElement | undefined {
  const candidates = all<HTMLElement>(root, 'button, a[href], [role=button], input[type=submit], input[type=button]');
  return candidates.find((b) => {
    if (b instanceof HTMLInputElement) return matches(b.value, text);
    return matches(visibleText(b), text) || matches(b.getAttribute('aria-label') ?? '', text);
  });
}

export function findAllButtons(root: ParentNode, text: string | RegExp): HTMLElement[] {
  return all<HTMLElement>(root, 'button, a[href], [role=button]').filter((b) => matches(visibleText(b), text));
}

/** The heading (h1–h6 or role=heading) with text `text`. */
export function findHeading(root: ParentNode, text: string | RegExp, level?: number): Element | undefined {
  const sel = level ? `h${level}, [role=heading][aria-level="${level}"]` : 'h1, h2, h3, h4, h5, h6, [role=heading]';
  return all<Element>(root, sel).find((h) => matches(visibleText(h), text));
}

function headingLevel(h: Element): number {
  const m = /^H([1-6])$/.exec(h.tagName);
  return m ? Number(m[1]) : Number(h.getAttribute('aria-level') ?? 2);
}

/**
 * The part of the page a heading introduces: the largest ancestor of the heading that holds no other
 * heading of the same or a higher level. Works for <section><h2>, <div class=card><h2>, and re-nested
 * layouts alike.
 */
export function findSection(root: ParentNode, heading: string | RegExp): Element | undefined {
  const h = findHeading(root, heading);
  if (!h) return undefined;
  const level = headingLevel(h);
  let section: Element = h.parentElement ?? h;
  for (let parent = section.parentElement; parent; parent = parent.parentElement) {
    const rivals = all<Element>(parent, 'h1, h2, h3, h4, h5, h6, [role=heading]').filter((x) => x !== h && headingLevel(x) <= level);
    if (rivals.length > 0) break;
    section = parent;
    if (parent === (root as unknown)) break;
  }
  return section;
}

/**
 * The value shown beside a label in read-only details: `<dt>label</dt><dd>value</dd>`, a table row
 * `<th>label</th><td>value</td>`, or an element whose text is the label followed by a sibling value.
 */
export function findDetail(root: ParentNode, label: string | RegExp): Element | undefined {
  // The label is normalised once here, not once per candidate: the last loop visits every leaf on the page.
  const wanted = typeof label === 'string' ? normalizeText(label) : label;
  const matches = (candidate: string) => (typeof wanted === 'string' ? normalizeText(candidate) === wanted : wanted.test(candidate.trim()));
  for (const dt of all<Element>(root, 'dt')) {
    if (!matches(visibleText(dt))) continue;
    let next = dt.nextElementSibling;
    while (next && next.tagName !== 'DD') next = next.nextElementSibling;
    if (next) return next;
  }
  for (const th of all<Element>(root, 'th')) {
    if (matches(visibleText(th)) && th.parentElement?.tagName === 'TR') {
      const td = th.nextElementSibling;
      if (td) return td;
    }
  }
  for (const el of all<Element>(root, '[role=term], .label, span, div, strong, b')) {
    if (el.children.length === 0 && el.nextElementSibling && matches(visibleText(el))) return el.nextElementSibling;
  }
  return undefined;
}

export interface TableData {
  headers: string[];
  rows: { cells: Element[]; byHeader: Record<string, Element | undefined>; row: Element }[];
}

/** Reads the first table in `root` into rows keyed by normalised header text. */
export function readTable(root: ParentNode): TableData | undefined {
  const table = root.querySelector('table, [role=table], [role=grid]');
  if (!table) return undefined;
  const headerCells = all<Element>(table, 'thead th, [role=columnheader]');
  const headers = headerCells.map((c) => normalizeText(visibleText(c)));
  const bodyRows = all<Element>(table, 'tbody tr, [role=rowgroup] [role=row]').filter((r) => !r.querySelector('th[scope=col], [role=columnheader]'));
  return {
    headers,
    rows: bodyRows.map((row) => {
      const cells = all<Element>(row, ':scope > td, :scope > th, :scope > [role=cell], :scope > [role=gridcell]');
      const byHeader: Record<string, Element | undefined> = {};
      headers.forEach((h, i) => {
        if (h) byHeader[h] = cells[i];
      });
      return { cells, byHeader, row };
    }),
  };
}

/** Every name a person could call a control by: its accessible name, and its group's legend. */
export function labelsOf(el: Element): string[] {
  const names = [accessibleName(el)];
  const group = el.closest('fieldset, [role=group], [role=radiogroup]');
  if (group) names.push(accessibleName(group));
  return names.filter(Boolean);
}

/**
 * The element a checklist target's `field` names on this page: a control by label, a checkbox group by
 * legend, a section by heading, or a button by text — in that order.
 */
export function findTargetElement(root: ParentNode, field: string): HTMLElement | undefined {
  return (
    (findFieldByLabel(root, field) as HTMLElement | undefined) ??
    (findGroupByLabel(root, field)?.group as HTMLElement | undefined) ??
    (findHeading(root, field) as HTMLElement | undefined) ??
    findButton(root, field)
  );
}

/** Buttons the overlay must never cover (the portal's own Save/Edit/Cancel/Test). */
export const PORTAL_ACTION_WORDS = ['Lagre', 'Endre', 'Se', 'Avbryt', 'Test og Lagre', 'Lagre koblinger', 'Slett', 'Ja', 'Nei', 'Inviter personer', 'Søk om samarbeidsavtale'];

export function findPortalActions(root: ParentNode): HTMLElement[] {
  const words = new Set(PORTAL_ACTION_WORDS.map(normalizeText));
  return all<HTMLElement>(root, 'button, [role=button], input[type=submit], a[href]').filter((b) =>
    words.has(normalizeText(b instanceof HTMLInputElement ? b.value : visibleText(b))),
  );
}

/** Controls that belong to another labelled field's topic (the map's address search fills the address). */
const FIELD_ALIASES: Readonly<Record<string, string>> = {
  'søk etter adresse': 'gateadresse',
  postnummer: 'gateadresse',
  poststed: 'gateadresse',
  kommune: 'gateadresse',
};

/** The normalised topic labels of a focused control: its own names plus their aliases. */
export function topicsOf(el: Element): string[] {
  const names = labelsOf(el).map(normalizeText);
  return [...names, ...names.map((n) => FIELD_ALIASES[n]).filter((n): n is string => Boolean(n))];
}

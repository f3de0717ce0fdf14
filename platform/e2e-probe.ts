/**
 * Sandbox build only: lets the end-to-end harness read and operate the UI in our closed shadow roots in a
 * browser whose automation protocol cannot see into them. Chromium's DevTools protocol reads them through the
 * accessibility tree (Puppeteer's `aria/` selectors); Firefox over WebDriver BiDi has no such access, so the
 * harness asks the content scripts instead, and a Chromium e2e test checks that both readings agree.
 *
 * In every other build `exposeToE2e` returns at once and the bundler drops the rest of this module
 * (tests/build/e2e-probe.test.ts proves the production bundles do not contain it). In the sandbox build the
 * portal's own scripts could use it too: that build is for tests and the demo only.
 *
 * Protocol: DOM events on `document`, which cross the content scripts' isolated worlds in both browsers and
 * are dispatched synchronously. The page dispatches `bn-e2e-probe` with a JSON request in `detail`; every
 * content script with exposed roots answers with `bn-e2e-probe-reply` (JSON in `detail`) before the page's
 * dispatchEvent returns. Requests:
 * - `{ op: 'tree' }` -> `{ roots: AxNode[] }`, each root's accessibility-like tree (roles, names, text leaves);
 * - `{ op: 'locate' | 'focus', name, role? }` -> `{ rect }` of the first element with that accessible name
 *   (and role), scrolled to the middle of the viewport (and focused); no reply when this script has none.
 */

export const PROBE_EVENT = 'bn-e2e-probe';
export const PROBE_REPLY = 'bn-e2e-probe-reply';

export interface AxNode {
  role: string;
  name: string;
  /** Checkboxes and radios, as in Chromium's accessibility snapshot. */
  checked?: boolean;
  children?: AxNode[];
}

const roots: ShadowRoot[] = [];
let listening = false;

/** Makes a closed shadow root readable by the e2e harness (sandbox build only; a no-op elsewhere). */
export function exposeToE2e(root: ShadowRoot): void {
  if (import.meta.env.MODE !== 'sandbox') return;
  roots.push(root);
  if (listening) return;
  listening = true;
  document.addEventListener(PROBE_EVENT, (event) => {
    const reply = answer(String((event as CustomEvent<unknown>).detail));
    if (reply) document.dispatchEvent(new CustomEvent(PROBE_REPLY, { detail: JSON.stringify(reply) }));
  });
}

function live(): ShadowRoot[] {
  for (let i = roots.length - 1; i >= 0; i -= 1) if (!roots[i]!.host.isConnected) roots.splice(i, 1);
  return roots;
}

function answer(raw: string): object | undefined {
  let request: { op?: unknown; name?: unknown; role?: unknown };
  try {
    request = JSON.parse(raw) as typeof request;
  } catch {
    return undefined;
  }
  if (request.op === 'tree') return { roots: live().map((r) => ({ role: 'root', name: '', children: childrenOf(r, r) })) };
  if ((request.op === 'locate' || request.op === 'focus') && typeof request.name === 'string') {
    const role = typeof request.role === 'string' ? request.role : undefined;
    for (const root of live()) {
      const el = findByName(root, root, request.name, role);
      if (!el) continue;
      if (!fullyVisible(el)) el.scrollIntoView({ block: 'center', inline: 'center' });
      if (request.op === 'focus' && el instanceof HTMLElement) el.focus();
      const r = el.getBoundingClientRect();
      return { rect: { x: r.x, y: r.y, width: r.width, height: r.height } };
    }
  }
  return undefined;
}

/** Inside the viewport and not clipped by a scrolling ancestor (as Puppeteer decides whether to scroll before a click). */
function fullyVisible(el: Element): boolean {
  const r = el.getBoundingClientRect();
  if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return false;
  for (let p = el.parentElement ?? (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null); p; p = p.parentElement) {
    if (getComputedStyle(p).overflow === 'visible') continue;
    const c = p.getBoundingClientRect();
    if (r.top < c.top || r.bottom > c.bottom || r.left < c.left || r.right > c.right) return false;
  }
  return true;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function isHidden(el: Element): boolean {
  if (el.getAttribute('aria-hidden') === 'true') return true;
  if (['style', 'script', 'template'].includes(el.localName)) return true;
  if (el instanceof HTMLElement && el.hidden) return true;
  const style = getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden';
}

/** The children a closed <details> renders: its summary only. */
function renderedChildren(node: ParentNode): Node[] {
  const all = Array.from(node.childNodes);
  if (node instanceof HTMLDetailsElement && !node.open) return all.filter((c) => c instanceof HTMLElement && c.localName === 'summary');
  return all;
}

const INPUT_ROLES: Record<string, string> = { checkbox: 'checkbox', radio: 'radio', button: 'button', submit: 'button', reset: 'button', range: 'slider', number: 'spinbutton', search: 'searchbox' };

function roleOf(el: Element, root: ShadowRoot): string {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit;
  switch (el.localName) {
    case 'button':
      return 'button';
    case 'a':
      return el.hasAttribute('href') ? 'link' : 'generic';
    case 'input':
      return INPUT_ROLES[(el as HTMLInputElement).type] ?? 'textbox';
    case 'textarea':
      return 'textbox';
    case 'select':
      return (el as HTMLSelectElement).multiple ? 'listbox' : 'combobox';
    case 'option':
      return 'option';
    case 'li':
      return 'listitem';
    case 'ul':
    case 'ol':
      return 'list';
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return 'heading';
    case 'section':
      return nameOf(el, root) ? 'region' : 'generic';
    case 'fieldset':
      return 'group';
    case 'progress':
      return 'progressbar';
    case 'dialog':
      return 'dialog';
    case 'p':
      return 'paragraph';
    case 'summary':
      return 'DisclosureTriangle';
    case 'label':
      return 'LabelText';
    case 'img':
      return 'image';
    default:
      return 'generic';
  }
}

const NAME_FROM_CONTENT = new Set(['button', 'link', 'checkbox', 'radio', 'heading', 'option', 'tab', 'menuitem', 'switch', 'treeitem', 'cell', 'tooltip', 'DisclosureTriangle']);

/** The accessible name, following the parts of the accname algorithm our UI uses. */
function nameOf(el: Element, root: ShadowRoot, role?: string): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById(id))
      .filter((x): x is HTMLElement => Boolean(x))
      .map((x) => textOf(x))
      .join(' ');
    if (collapse(text)) return collapse(text);
  }
  const label = el.getAttribute('aria-label');
  if (label && collapse(label)) return collapse(label);
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
    const fromLabels = Array.from(el.labels ?? [])
      .map((l) => textOf(l, el))
      .join(' ');
    if (collapse(fromLabels)) return collapse(fromLabels);
    if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) return collapse(el.value);
  }
  if (el.localName === 'fieldset') {
    const legend = Array.from(el.children).find((c) => c.localName === 'legend');
    if (legend) return collapse(textOf(legend));
  }
  if (el instanceof HTMLImageElement) return collapse(el.alt);
  if (NAME_FROM_CONTENT.has(role ?? roleOf(el, root))) {
    const text = collapse(textOf(el));
    if (text) return text;
  }
  return collapse(el.getAttribute('title') ?? '');
}

const INLINE = new Set(['inline', 'inline-block', 'inline-flex', 'inline-grid', 'contents']);

/** Rendered text for a name from content: hidden parts skipped, a labelled descendant by its label. */
function textOf(node: Node, skip?: Element): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node === skip || isHidden(node)) return '';
  const label = node.getAttribute('aria-label');
  if (label) return ` ${label} `;
  if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement) return '';
  const inner = renderedChildren(node)
    .map((c) => textOf(c, skip))
    .join('');
  return INLINE.has(getComputedStyle(node).display) ? inner : ` ${inner} `;
}

function childrenOf(node: ParentNode, root: ShadowRoot): AxNode[] {
  const out: AxNode[] = [];
  for (const child of renderedChildren(node)) {
    if (child.nodeType === Node.TEXT_NODE) {
      const text = collapse(child.textContent ?? '');
      if (text) out.push({ role: 'StaticText', name: text });
    } else if (child instanceof Element && !isHidden(child)) {
      const role = roleOf(child, root);
      const kids = childrenOf(child, root);
      const node: AxNode = { role, name: nameOf(child, root, role) };
      if (child instanceof HTMLInputElement && (child.type === 'checkbox' || child.type === 'radio')) node.checked = child.checked;
      out.push(kids.length ? { ...node, children: kids } : node);
    }
  }
  return out;
}

function findByName(node: ParentNode, root: ShadowRoot, name: string, role: string | undefined): Element | undefined {
  for (const child of renderedChildren(node)) {
    if (!(child instanceof Element) || isHidden(child)) continue;
    const childRole = roleOf(child, root);
    if ((!role || childRole === role) && nameOf(child, root, childRole) === name) return child;
    const deeper = findByName(child, root, name, role);
    if (deeper) return deeper;
  }
  return undefined;
}

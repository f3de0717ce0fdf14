/** Client-side routing (history.pushState / popstate) and page-level helpers shared by the views. */
import { ApiError } from './http.ts';
import { clear, h, type Child } from './dom.ts';

export interface PageContext {
  main: HTMLElement;
  params: string[];
  /** True while this render is still the current navigation. */
  isCurrent(): boolean;
}

/** A view loads its data (while "Laster …" shows) and returns the page heading and content. */
export type View = (ctx: PageContext) => Promise<{ title: string; content: Child[] } | null>;

const routes: Array<[RegExp, View]> = [];
let notFound: View | null = null;
let navCounter = 0;

export function route(pattern: RegExp, view: View): void {
  routes.push([pattern, view]);
}

export function setNotFound(view: View): void {
  notFound = view;
}

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  void render();
}

export function mainEl(): HTMLElement {
  const m = document.querySelector('main');
  if (!m) throw new Error('no <main>');
  return m;
}

export function showLoading(main: HTMLElement): void {
  main.setAttribute('aria-busy', 'true');
  clear(main);
  main.appendChild(h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Laster …'));
}

export async function render(): Promise<void> {
  const current = ++navCounter;
  const main = mainEl();
  const path = location.pathname.replace(/\/+$/, '') || '/';
  let view: View | null = notFound;
  let params: string[] = [];
  for (const [re, v] of routes) {
    const m = re.exec(path);
    if (m) {
      view = v;
      params = m.slice(1).map((x) => decodeURIComponent(x));
      break;
    }
  }
  if (!view) return;
  showLoading(main);
  const ctx: PageContext = { main, params, isCurrent: () => current === navCounter };
  try {
    const page = await view(ctx);
    if (!ctx.isCurrent() || !page) return;
    clear(main);
    for (const c of page.content) if (c) main.append(c instanceof Node ? c : String(c));
    document.title = `${page.title} – Behandlernettverk`;
    main.setAttribute('aria-busy', 'false');
    window.scrollTo(0, 0);
  } catch (err) {
    if (!ctx.isCurrent()) return;
    if (err instanceof ApiError && err.status === 401) {
      navigate('/logg-inn', true);
      return;
    }
    clear(main);
    const title = err instanceof ApiError && err.status === 404 ? 'Fant ikke siden' : 'Noe gikk galt';
    main.append(
      h('h1', null, title),
      h('div', { class: 'alert alert-error', role: 'alert' }, err instanceof ApiError && err.status === 404 ? 'Siden du ba om finnes ikke, eller du har ikke tilgang til den.' : 'Noe gikk galt. Prøv igjen senere.'),
      h('p', null, link('/', 'Til forsiden')),
    );
    document.title = `${title} – Behandlernettverk`;
    main.setAttribute('aria-busy', 'false');
  }
}

/** A real <a href> that navigates client-side. */
export function link(href: string, text: Child, cls?: string): HTMLAnchorElement {
  return h('a', { href, class: cls, onclick: (ev: Event) => onLinkClick(ev as MouseEvent, href) }, text);
}

function onLinkClick(ev: MouseEvent, href: string): void {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  ev.preventDefault();
  navigate(href);
}

export function startRouter(): void {
  window.addEventListener('popstate', () => void render());
  void render();
}

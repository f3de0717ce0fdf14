/** SPA entry: header (brand, nav, user menu), then the router renders pages into <main>. */
import { clear, h } from './dom.ts';
import { api } from './http.ts';
import { link, startRouter } from './router.ts';
import './views.ts';

interface Me {
  name: string;
  email: string;
}

function userMenu(slot: HTMLElement, me: Me | null): void {
  clear(slot);
  if (!me) return;
  const initials = me.name
    .split(/\s+/)
    .map((x) => x[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const menuId = 'brukermeny';
  const menu = h(
    'div',
    { id: menuId, class: 'user-dropdown', hidden: true },
    h('p', { class: 'muted small' }, 'Innlogget som'),
    h('p', null, me.name),
    h('p', { class: 'small' }, me.email),
    h('p', { class: 'small' }, link('/logg-inn', 'Logg ut')),
  );
  const btn = h(
    'button',
    { type: 'button', class: 'user-button', 'aria-haspopup': 'true', 'aria-expanded': 'false', 'aria-controls': menuId },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials),
    h('span', { class: 'user-name' }, me.name),
  );
  btn.addEventListener('click', () => {
    const open = menu.hidden;
    menu.hidden = !open;
    btn.setAttribute('aria-expanded', String(open));
  });
  slot.append(h('span', { class: 'user-email' }, me.email), h('div', { class: 'user-menu' }, btn, menu));
}

function shell(): HTMLElement {
  const userSlot = h('div', { class: 'header-user' });
  const header = h(
    'header',
    { class: 'app-header' },
    h(
      'div',
      { class: 'header-inner' },
      link('/', [h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'B'), h('span', null, 'Behandlernettverk')], 'brand'),
      h('nav', { class: 'main-nav', 'aria-label': 'Hovedmeny' }, link('/', 'Firmaer')),
      userSlot,
    ),
  );
  const loadMe = () => {
    api<Me>('GET', '/me').then(
      (me) => userMenu(userSlot, me),
      () => userMenu(userSlot, null),
    );
  };
  window.addEventListener('bn:me', (ev) => userMenu(userSlot, (ev as CustomEvent<Me>).detail));
  loadMe();
  return header;
}

function boot(): void {
  const root = document.getElementById('app');
  if (!root) return;
  clear(root);
  root.append(
    shell(),
    h('main', { id: 'innhold', class: 'app-main', 'aria-busy': 'true' }),
    h('footer', { class: 'app-footer' }, h('span', null, '© DigiCare AS · Behandlernettverk'), h('a', { href: 'mailto:info@behandlernettverk.no' }, 'info@behandlernettverk.no')),
  );
  startRouter();
}

boot();

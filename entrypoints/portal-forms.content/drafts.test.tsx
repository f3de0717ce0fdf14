import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signal } from '@preact/signals';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fixtureHtml } from '../../tests/fixtures/portal';
import { messageTable } from '../../lib/i18n';
import { startDrafts } from './drafts';

let ctx: ContentScriptContext;
const hosts: ShadowRoot[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  history.pushState({}, '', '/firma/f-1001/endre');
  const parsed = new DOMParser().parseFromString(fixtureHtml('firm-edit'), 'text/html');
  document.body.replaceChildren(...Array.from(parsed.body.childNodes).map((n) => document.importNode(n, true)));
  ctx = new ContentScriptContext('drafts-test');
});
afterEach(() => {
  ctx.abort();
  hosts.length = 0;
});

function start() {
  const drafts = startDrafts(ctx, {
    locale: 'nb',
    table: signal(messageTable('nb')),
    shadowHost(tag) {
      const host = document.createElement(tag);
      const shadow = host.attachShadow({ mode: 'open' });
      hosts.push(shadow);
      const container = document.createElement('div');
      shadow.append(container);
      return { host, container };
    },
  });
  drafts.scan();
  return drafts;
}

function type(label: string, text: string) {
  const input = Array.from(document.querySelectorAll('label')).find((l) => l.textContent === label)!;
  const control = document.getElementById(input.htmlFor) as HTMLInputElement;
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true }));
}

const shown = () => hosts.map((h) => h.textContent ?? '').join(' ');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('draft capture in the page', () => {
  it('a quota error is shown to the admin within a second, and the text stays in the form', async () => {
    const saves: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      const m = message as { type: string; payload: unknown };
      if (m.type === 'drafts.save') {
        saves.push(m.payload);
        return Promise.resolve({ ok: true, data: { saved: false, problem: 'quota' } });
      }
      return Promise.resolve({ ok: true, data: {} });
    });
    start();
    type('Webside', 'https://kvote.no');
    const started = Date.now();
    while (!/lagringsplass/.test(shown()) && Date.now() - started < 1_000) await sleep(20);
    expect(shown()).toMatch(/Utkastet ble ikke lagret: nettleseren har ikke mer lagringsplass/);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(saves).toHaveLength(1);
    expect(JSON.stringify(saves[0])).toContain('https://kvote.no');
  });

  it('keeps what was not acknowledged and sends it again when the background was away', async () => {
    let calls = 0;
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      const m = message as { type: string; payload: unknown };
      if (m.type !== 'drafts.save') return Promise.resolve({ ok: true, data: {} });
      calls += 1;
      // The first two attempts die with the worker; the third is stored.
      if (calls < 3) return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
      return Promise.resolve({ ok: true, data: { saved: true, at: 1, versions: 1 } });
    });
    start();
    type('Telefon', '22 00 00 00');
    const started = Date.now();
    while (calls < 3 && Date.now() - started < 5_000) await sleep(50);
    expect(calls).toBe(3);
    expect(shown()).not.toMatch(/svarer ikke/);
  });

  it('sends at once when the page hides (no waiting for the debounce)', async () => {
    const saves: string[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      const m = message as { type: string; payload: unknown };
      if (m.type === 'drafts.save') saves.push(JSON.stringify(m.payload));
      return Promise.resolve({ ok: true, data: m.type === 'drafts.save' ? { saved: true, at: 1, versions: 1 } : {} });
    });
    start();
    type('Adresse', 'Storgata 1');
    window.dispatchEvent(new Event('pagehide'));
    await sleep(0);
    expect(saves.some((s) => s.includes('Storgata 1'))).toBe(true);
  });
});

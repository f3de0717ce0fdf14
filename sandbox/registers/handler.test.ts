// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutageMode } from './index.ts';
import { getJson, startServer } from './testkit.ts';
import type { TestServer } from './testkit.ts';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({ slowMs: 400 });
});
afterAll(async () => {
  await srv.close();
});
afterEach(async () => {
  await fetch(`${srv.base}/__registers/outage?mode=none`, { method: 'POST' });
});

const SAMPLE = ['/adresser/v1/sok?sok=bryggen', '/adresser/v1/sok?treffPerSide=x', '/enhetsregisteret/api/enheter/998234824', '/enhetsregisteret/api/enheter/933678903', '/enhetsregisteret/api/enheter/932567806', '/enhetsregisteret/api/enheter/1'];

describe('HTTP behaviour', () => {
  it('sets JSON content type and CORS headers on every answer', async () => {
    const statuses: number[] = [];
    for (const p of SAMPLE) {
      const r = await fetch(`${srv.base}${p}`, { headers: { origin: 'chrome-extension://abc' } });
      statuses.push(r.status);
      expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
      JSON.parse(await r.text());
    }
    expect(statuses).toEqual([200, 400, 200, 410, 404, 400]);
  });

  it('answers CORS preflight', async () => {
    const r = await fetch(`${srv.base}/adresser/v1/sok?sok=x`, {
      method: 'OPTIONS',
      headers: { origin: 'https://behandlernettverk.no', 'access-control-request-method': 'GET' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('404 for other paths, 405 for other methods, HEAD without body', async () => {
    for (const p of ['/', '/adresser/v1/ukjent', '/enhetsregisteret/api/enheter', '/api/firms']) {
      const r = await getJson(`${srv.base}${p}`);
      expect(r.status, p).toBe(404);
    }
    expect((await fetch(`${srv.base}/enhetsregisteret/api/enheter/998234824`, { method: 'POST' })).status).toBe(405);
    const head = await fetch(`${srv.base}/enhetsregisteret/api/enheter/998234824`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('outage switch', () => {
  async function setMode(mode: string) {
    return getJson(`${srv.base}/__registers/outage?mode=${mode}`, { method: 'POST' });
  }

  it('down: the connection is destroyed without a response', async () => {
    expect((await setMode('down')).body).toEqual({ mode: 'down' });
    await expect(fetch(`${srv.base}/enhetsregisteret/api/enheter/998234824`)).rejects.toThrow();
    await expect(fetch(`${srv.base}/adresser/v1/sok?sok=bryggen`)).rejects.toThrow();
    await setMode('none');
    expect((await fetch(`${srv.base}/adresser/v1/sok?sok=bryggen`)).status).toBe(200);
  });

  it('500: every register call fails with a JSON 500', async () => {
    await setMode('500');
    const r = await getJson(`${srv.base}/enhetsregisteret/api/enheter/998234824`);
    expect(r.status).toBe(500);
    expect(r.headers.get('access-control-allow-origin')).toBe('*');
    expect(r.body).toMatchObject({ code: 500 });
    expect((await getJson(`${srv.base}/__registers/outage`)).body).toEqual({ mode: '500' });
  });

  it('slow: answers arrive late but intact', async () => {
    await setMode('slow');
    const t0 = Date.now();
    const r = await getJson(`${srv.base}/adresser/v1/sok?sok=bryggen%201`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(380);
    expect(r.status).toBe(200);
    // a client with a shorter timeout gives up
    await expect(fetch(`${srv.base}/adresser/v1/sok?sok=bryggen`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
  });

  it('rejects unknown modes and non-POST writes', async () => {
    expect((await setMode('sometimes')).status).toBe(400);
    expect((await fetch(`${srv.base}/__registers/outage?mode=down`, { method: 'PUT' })).status).toBe(405);
    expect((await fetch(`${srv.base}/adresser/v1/sok?sok=bryggen`)).status).toBe(200);
  });

  it('each handler has its own state', async () => {
    const other = await startServer();
    try {
      await setMode('500');
      expect((await fetch(`${other.base}/adresser/v1/sok?sok=bryggen`)).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('options', () => {
  it('failMode is consulted per request', async () => {
    let mode: OutageMode = 'none';
    const s = await startServer({ failMode: () => mode });
    try {
      expect((await fetch(`${s.base}/enhetsregisteret/api/enheter/998234824`)).status).toBe(200);
      mode = '500';
      expect((await fetch(`${s.base}/enhetsregisteret/api/enheter/998234824`)).status).toBe(500);
      mode = 'down';
      await expect(fetch(`${s.base}/enhetsregisteret/api/enheter/998234824`)).rejects.toThrow();
      mode = 'none';
      expect((await fetch(`${s.base}/enhetsregisteret/api/enheter/998234824`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('latencyMs delays answers', async () => {
    const s = await startServer({ latencyMs: 150 });
    try {
      const t0 = Date.now();
      expect((await fetch(`${s.base}/adresser/v1/sok?sok=bryggen`)).status).toBe(200);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    } finally {
      await s.close();
    }
  });
});

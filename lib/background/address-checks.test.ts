import { describe, expect, it, vi } from 'vitest';
import { addressOf, checkFromVerdict, createAddressChecker } from './address-checks';
import { createMemoryStore } from '../facts/memory';
import { readLocationFacts } from '../portal/facts';
import { loadFixture } from '../../tests/fixtures/portal';
import type { AddressVerdict } from '../validation/address';

const loc = () => readLocationFacts(loadFixture('location'), 'l-2001', 1);
const verdict = (severity: AddressVerdict['severity'], key = 'validation.address.ok'): AddressVerdict =>
  ({ severity, key, fields: {}, suggestions: [] }) as unknown as AddressVerdict;

describe('address checks', () => {
  it('maps register verdicts to checklist address checks', () => {
    expect(checkFromVerdict(verdict('ok'))).toBe('verified');
    expect(checkFromVerdict(verdict('unverified', 'validation.address.unavailable'))).toBe('unverified');
    expect(checkFromVerdict(verdict('error', 'validation.address.postalCodeMismatch'))).toBe('mismatch');
    expect(checkFromVerdict(verdict('warning', 'validation.address.notFound'))).toBe('not-found');
  });

  it('reads the four address fields or nothing', () => {
    expect(addressOf(loc())).toEqual({ street: 'Thorvald Meyers gate 24A', postalCode: '0555', postalPlace: 'OSLO', municipality: 'OSLO' });
    expect(addressOf({ ...loc(), postalCode: { read: true, value: null } })).toBeUndefined();
  });

  it('checks once per address, again when it changes, and shares concurrent checks', async () => {
    const client = { checkAddress: vi.fn(async () => verdict('ok')) };
    const checker = createAddressChecker({ client, store: createMemoryStore(), now: () => 1000 });
    const [a, b] = await Promise.all([checker.checkOne('o', loc()), checker.checkOne('o', loc())]);
    expect([a, b]).toEqual(['verified', 'verified']);
    expect(await checker.checkOne('o', loc())).toBe('verified');
    expect(client.checkAddress).toHaveBeenCalledTimes(1);
    await checker.checkOne('o', { ...loc(), street: { read: true, value: 'Storgata 1' } });
    expect(client.checkAddress).toHaveBeenCalledTimes(2);
  });

  it('a register failure is "unverified", never "verified", and is retried later', async () => {
    let t = 0;
    const client = { checkAddress: vi.fn(async () => Promise.reject(new Error('down'))) };
    const checker = createAddressChecker({ client, store: createMemoryStore(), now: () => t });
    expect(await checker.checkOne('o', loc())).toBe('unverified');
    t += 11 * 60_000;
    await checker.checkOne('o', loc());
    expect(client.checkAddress).toHaveBeenCalledTimes(2);
  });

  it('answers within the deadline and announces late results', async () => {
    let release: (v: AddressVerdict) => void = () => undefined;
    const client = { checkAddress: vi.fn(() => new Promise<AddressVerdict>((r) => (release = r))) };
    const checker = createAddressChecker({ client, store: createMemoryStore(), now: () => 1 });
    const onLate = vi.fn();
    expect(await checker.forLocations('o', [loc()], { deadlineMs: 20, onLate })).toEqual({});
    release(verdict('ok'));
    await vi.waitFor(() => expect(onLate).toHaveBeenCalledTimes(1));
    expect(await checker.forLocations('o', [loc()], { deadlineMs: 20 })).toEqual({ 'l-2001': 'verified' });
  });
});

import { describe, expect, it } from 'vitest';
import { resolveFirmType, resolveFirmTypeFromFacts } from './firm-type';
import { firmFacts, read, unread } from './test-fixtures';

describe('resolveFirmType', () => {
  it('the page wins', () => {
    expect(resolveFirmType({ shown: 'shared-location', locationsCount: 0, remembered: 'co-invoicing' })).toEqual({ type: 'shared-location', source: 'page' });
  });
  it('then what the admin told us', () => {
    expect(resolveFirmType({ shown: null, locationsCount: 3, remembered: 'co-invoicing' })).toEqual({ type: 'co-invoicing', source: 'asked' });
    // An invoicing firm with a location: the admin said so; the checklist then flags the location.
    expect(resolveFirmType({ locationsCount: 1, remembered: 'invoicing' })).toEqual({ type: 'invoicing', source: 'asked' });
  });
  it('no locations -> most likely invoicing-only', () => {
    expect(resolveFirmType({ locationsCount: 0 })).toEqual({ type: 'invoicing', source: 'inferred' });
    expect(resolveFirmType({ invoicingHints: true })).toEqual({ type: 'invoicing', source: 'inferred' });
  });
  it('with locations, co-invoicing and shared cannot be told apart -> unknown (never guessed)', () => {
    expect(resolveFirmType({ locationsCount: 2 })).toEqual({ type: undefined, source: 'unknown' });
    expect(resolveFirmType({ locationsCount: 2, invoicingHints: true })).toEqual({ type: undefined, source: 'unknown' });
    expect(resolveFirmType({})).toEqual({ type: undefined, source: 'unknown' });
  });
  it('ignores values that are not firm types (remembered storage from an older version)', () => {
    expect(resolveFirmType({ shown: 'x' as never, remembered: 'y' as never, locationsCount: 1 }).source).toBe('unknown');
  });
});

describe('resolveFirmTypeFromFacts', () => {
  it('reads the shown type and the location count from the firm facts', () => {
    expect(resolveFirmTypeFromFacts(firmFacts({ firmType: read('co-invoicing') }))).toEqual({ type: 'co-invoicing', source: 'page' });
    expect(resolveFirmTypeFromFacts(firmFacts({ locations: read([]) }))).toEqual({ type: 'invoicing', source: 'inferred' });
    expect(resolveFirmTypeFromFacts(firmFacts())).toEqual({ type: undefined, source: 'unknown' });
    expect(resolveFirmTypeFromFacts(firmFacts({ firmType: unread(), locations: unread() }), 'shared-location')).toEqual({ type: 'shared-location', source: 'asked' });
    expect(resolveFirmTypeFromFacts(undefined)).toEqual({ type: undefined, source: 'unknown' });
  });
});

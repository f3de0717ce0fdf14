import { describe, expect, it } from 'vitest';
import { loadFixture, reskin } from '../../tests/fixtures/portal';
import { findNavigationControl } from './navigation';

const base = 'https://behandlernettverk.no';

describe('navigation controls', () => {
  it('uses the portal\'s own link when there is one', () => {
    const el = findNavigationControl(loadFixture('firm-co-invoicing'), `${base}/firma/f-1001`, { page: 'location', locationId: 'l-2001' });
    expect(el?.tagName).toBe('A');
  });

  it('uses the right section\'s Endre button for edit pages, also re-skinned', () => {
    for (const doc of [loadFixture('location'), reskin(loadFixture('location'))]) {
      const edit = findNavigationControl(doc, `${base}/lokasjon/l-2001`, { page: 'locationEdit', locationId: 'l-2001' });
      const booking = findNavigationControl(doc, `${base}/lokasjon/l-2001`, { page: 'booking', locationId: 'l-2001' });
      expect(edit?.textContent).toBe('Endre');
      expect(booking?.textContent).toBe('Endre');
      expect(edit).not.toBe(booking);
    }
    const firmEdit = findNavigationControl(loadFixture('firm-problems'), `${base}/firma/f-1002`, { page: 'firmEdit', firmId: 'f-1002' });
    expect(firmEdit?.textContent).toBe('Endre');
  });

  it('finds nothing for another entity or an unknown place', () => {
    expect(findNavigationControl(loadFixture('firm-problems'), `${base}/firma/f-1002`, { page: 'firmEdit', firmId: 'f-9999' })).toBeUndefined();
    expect(findNavigationControl(loadFixture('firms'), `${base}/`, { page: 'booking', locationId: 'l-2001' })).toBeUndefined();
  });
});

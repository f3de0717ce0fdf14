import { describe, expect, it } from 'vitest';
import { loadFixture, reskin } from '../../tests/fixtures/portal';
import { findRemovalStep } from './guide';

const PLAN = { locationId: 'l-2001', personId: 'p-3007', personName: 'Thomas Berg' };
const BASE = 'https://behandlernettverk.no';

/** The person edit page as docs/portal.md describes it, with the delete dialog optionally open. */
function personEdit(dialogFor?: string): Document {
  const dialog = dialogFor
    ? `<div role="dialog" aria-modal="true"><h2>Vil du fjerne ${dialogFor} fra lokasjonen?</h2><button type="button">Nei</button><button type="button">Ja</button></div>`
    : '';
  return new DOMParser().parseFromString(
    `<html lang="nb"><body><main aria-busy="false"><h1>Endre person</h1><form><label>Tittel <input></label><button>Lagre</button><button type="button">Avbryt</button><button type="button" class="danger">Slett</button></form>${dialog}</main></body></html>`,
    'text/html',
  );
}

describe('the removal flow, step by step', () => {
  for (const skin of [false, true]) {
    it(`location page: the practitioner's own "Endre" under "Personer"${skin ? ' (re-skinned page)' : ''}`, () => {
      const doc = skin ? reskin(loadFixture('location')) : loadFixture('location');
      const found = findRemovalStep(doc, `${BASE}/lokasjon/l-2001`, PLAN)!;
      expect(found.step).toBe('edit');
      expect(found.element.textContent).toBe('Endre');
      // The row's "Endre", not the "Endre" of Lokasjonsinformasjon or Online booking, nor another person's.
      expect(found.element.closest('tr')?.textContent).toContain('Thomas Berg');
    });
  }

  it('person edit: "Slett", then the dialog\'s "Ja"', () => {
    expect(findRemovalStep(personEdit(), `${BASE}/lokasjon/l-2001/personer/p-3007/endre`, PLAN)).toMatchObject({ step: 'delete' });
    const confirm = findRemovalStep(personEdit('Thomas Berg'), `${BASE}/lokasjon/l-2001/personer/p-3007/endre`, PLAN)!;
    expect(confirm.step).toBe('confirm');
    expect(confirm.element.textContent).toBe('Ja');
  });

  it('finds nothing on the wrong location, the wrong person, or another person\'s dialog', () => {
    expect(findRemovalStep(loadFixture('location'), `${BASE}/lokasjon/l-2002`, PLAN)).toBeUndefined();
    expect(findRemovalStep(loadFixture('location'), `${BASE}/lokasjon/l-2001`, { ...PLAN, personName: 'Nobody Here' })).toBeUndefined();
    expect(findRemovalStep(personEdit(), `${BASE}/lokasjon/l-2001/personer/p-3001/endre`, PLAN)).toBeUndefined();
    expect(findRemovalStep(personEdit('Ingrid Ødegård'), `${BASE}/lokasjon/l-2001/personer/p-3007/endre`, PLAN)).toMatchObject({ step: 'delete' });
    expect(findRemovalStep(loadFixture('firm-co-invoicing'), `${BASE}/firma/f-1001`, PLAN)).toBeUndefined();
  });
});

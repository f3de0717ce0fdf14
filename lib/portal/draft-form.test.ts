import { describe, expect, it, vi } from 'vitest';
import { loadFixture, reskin } from '../../tests/fixtures/portal';
import { captureFields, currentValue, draftTarget, entityTitle, findDraftForm, isExcluded, showsSaved, writeValue } from './draft-form';
import { detectPage } from './pages';

describe('draft form adapter', () => {
  it('captures the firm edit form by label + name + position, also re-skinned', () => {
    const plain = captureFields(findDraftForm(loadFixture('firm-edit'))!);
    const skinned = captureFields(findDraftForm(reskin(loadFixture('firm-edit')))!);
    expect(plain.map((f) => f.label)).toEqual(['Navn', 'Organisasjonsnummer', 'Webside', 'E-post for faktura', 'Telefon', 'Adresse']);
    expect(skinned.map((f) => f.label)).toEqual(plain.map((f) => f.label));
    expect(plain.map((f) => f.value)).toContain('https://www.fysiogrunerlokka.no');
    expect(new Set(plain.map((f) => f.sig)).size).toBe(plain.length);
  });

  it('never captures the technical key, passwords, hidden, read-only or search fields', () => {
    const doc = loadFixture('booking');
    const form = findDraftForm(doc)!;
    form.insertAdjacentHTML(
      'beforeend',
      `<input type="hidden" name="csrf" value="t0k3n"><label for="ro">Forespørsel</label><textarea id="ro" readonly>hei</textarea>
       <label for="k2">API key</label><input id="k2" type="text" name="apiKey" value="abc">
       <label for="s">Søk etter adresse</label><input id="s" role="combobox" value="Storg">`,
    );
    const labels = captureFields(form).map((f) => f.label);
    expect(labels).toContain('Klient-ID');
    expect(labels).toContain('Bookingsystem');
    expect(labels.join('|')).not.toMatch(/nøkkel|API key|Forespørsel|Søk|csrf/i);
    const key = doc.querySelector('input[type=password]') as HTMLInputElement;
    expect(isExcluded(key)).toBe(true);
    // Even as a text input, a field labelled as a key is a credential.
    key.type = 'text';
    expect(isExcluded(key)).toBe(true);
  });

  it('checkboxes carry their group; values go back with real events (click for boxes)', () => {
    const form = findDraftForm(loadFixture('location-edit'))!;
    const fields = captureFields(form);
    const box = fields.find((f) => f.kind === 'checkbox')!;
    expect(box.label).toMatch(/^Fasiliteter: /);
    const before = currentValue(box);
    const clicks = vi.fn();
    box.controls[0]!.addEventListener('click', clicks);
    expect(writeValue(box, !before)).toBe(true);
    expect(currentValue(box)).toBe(!before);
    expect(clicks).toHaveBeenCalledTimes(1);
    const mobile = fields.find((f) => f.label === 'Mobilnummer')!;
    expect(writeValue(mobile, '+47 900 00 000')).toBe(true);
    expect(currentValue(mobile)).toBe('+47 900 00 000');
  });

  it('a select only takes an option that exists', () => {
    const form = findDraftForm(loadFixture('booking'))!;
    const select = captureFields(form).find((f) => f.kind === 'select')!;
    expect(writeValue(select, 'finnes-ikke')).toBe(false);
  });

  it('names the entity of each drafted page', () => {
    expect(draftTarget(detectPage('https://behandlernettverk.no/firma/f-1/endre'))).toEqual({ form: 'firmEdit', entity: 'f-1' });
    expect(draftTarget(detectPage('https://behandlernettverk.no/lokasjon/l-2/online-booking'))).toEqual({ form: 'booking', entity: 'l-2' });
    expect(draftTarget(detectPage('https://behandlernettverk.no/lokasjon/l-2/personer/p-3/endre'))).toEqual({ form: 'personEdit', entity: 'p-3' });
    expect(draftTarget(detectPage('https://behandlernettverk.no/firma/f-1'))).toBeUndefined();
    const doc = loadFixture('firm-edit');
    expect(entityTitle(doc, findDraftForm(doc))).toBe('Fysio Grünerløkka AS');
  });

  it('recognises the saved view: the location page shows what was submitted', () => {
    const doc = loadFixture('location');
    const page = { kind: 'location' as const, locationId: 'l-2001' };
    const ok = [
      { label: 'Mobilnummer', value: '+47 912 34 560', kind: 'text' as const },
      { label: 'E-post', value: 'post@fysiogrunerlokka.no', kind: 'text' as const },
      { label: 'Fasiliteter: Heis', value: true, kind: 'checkbox' as const },
    ];
    expect(showsSaved(doc, page, 'locationEdit', 'l-2001', ok)).toBe(true);
    expect(showsSaved(doc, page, 'locationEdit', 'l-2001', [{ label: 'E-post', value: 'annen@x.no', kind: 'text' }])).toBe(false);
    expect(showsSaved(doc, page, 'locationEdit', 'l-2001', [{ label: 'Fasiliteter: Basseng', value: true, kind: 'checkbox' }])).toBe(false);
    expect(showsSaved(doc, page, 'locationEdit', 'l-9999', ok)).toBe(false);
    expect(showsSaved(doc, { kind: 'locationEdit', locationId: 'l-2001' }, 'locationEdit', 'l-2001', ok)).toBe(false);
  });
});

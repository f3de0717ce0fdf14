import { describe, expect, it, vi } from 'vitest';
import { loadFixture, reskin } from '../../tests/fixtures/portal';
import { anchorOf, controlsOf, findFormFields, findSaveButton, readField, setControlValue } from './forms';

describe('portal forms', () => {
  it('finds the validated fields of the firm edit form, also re-skinned', () => {
    for (const doc of [loadFixture('firm-edit'), reskin(loadFixture('firm-edit'))]) {
      const fields = findFormFields(doc, 'firmEdit');
      expect(fields.map((f) => f.kind)).toEqual(['orgnr', 'website', 'invoiceEmail']);
      expect(readField(fields[2]!)).toEqual({ field: 'invoiceEmail', value: 'faktura@fysiogrunerlokka.no' });
      expect(findSaveButton(doc, 'firmEdit')?.textContent).toBe('Lagre');
    }
  });

  it('finds mobile, the four address fields and both checkbox groups on the location edit form', () => {
    const fields = findFormFields(loadFixture('location-edit'), 'locationEdit');
    expect(fields.map((f) => f.kind)).toEqual(['mobile', 'address', 'facilities', 'treatments']);
    const address = fields.find((f) => f.kind === 'address')!;
    expect(readField(address)).toEqual({ field: 'address', value: { street: 'Thorvald Meyers gate 24A', postalCode: '0555', postalPlace: 'OSLO', municipality: 'OSLO' } });
    expect(controlsOf(address)).toHaveLength(4);
    const facilities = fields.find((f) => f.kind === 'facilities')!;
    expect((readField(facilities).value as string[]).length).toBeGreaterThan(0);
    expect(anchorOf(facilities).tagName).toBe('FIELDSET');
  });

  it('finds nothing on pages without validated fields', () => {
    expect(findFormFields(loadFixture('location'), 'location')).toEqual([]);
  });

  it('sets values with real input and change events', () => {
    const doc = loadFixture('firm-edit');
    const field = findFormFields(doc, 'firmEdit').find((f) => f.kind === 'website')!;
    if (field.kind !== 'website') throw new Error('no website');
    const events: string[] = [];
    const onEvent = vi.fn((e: Event) => events.push(e.type));
    field.control.addEventListener('input', onEvent);
    field.control.addEventListener('change', onEvent);
    setControlValue(field.control, 'https://ny.no');
    expect(field.control.value).toBe('https://ny.no');
    expect(events).toEqual(['input', 'change']);
  });
});

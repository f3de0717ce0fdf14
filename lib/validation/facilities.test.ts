import { describe, expect, it } from 'vitest';
import { validateFacilities, validateTreatmentOfferings } from './facilities';

describe('facilities and treatment offerings', () => {
  it.each([[[]], [0], [-1], [Number.NaN]])('nothing chosen (%j) is a warning', (selection) => {
    expect(validateFacilities(selection)).toEqual({ severity: 'warning', key: 'validation.facilities.none' });
    expect(validateTreatmentOfferings(selection)).toEqual({ severity: 'warning', key: 'validation.treatments.none' });
  });
  it('one or more is ok', () => {
    expect(validateFacilities(['parkering', 'heis'])).toEqual({ severity: 'ok', key: 'validation.facilities.ok', params: { count: 2 } });
    expect(validateTreatmentOfferings(3)).toEqual({ severity: 'ok', key: 'validation.treatments.ok', params: { count: 3 } });
  });
});

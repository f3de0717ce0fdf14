// A location's facilities ("Fasiliteter") and treatment offerings ("Behandlingstilbud"): quality factors the
// insurers' agents look at. Pure and synchronous.
import { verdict, type ValidationContext, type Verdict } from './verdict';

/** What is chosen: the list of chosen items (ids or labels) or just their count. */
export type Selection = readonly unknown[] | number;

function count(selection: Selection): number {
  if (typeof selection === 'number') return Number.isFinite(selection) && selection > 0 ? Math.floor(selection) : 0;
  return selection.length;
}

export function validateFacilities(selection: Selection, _ctx: ValidationContext = {}): Verdict {
  const n = count(selection);
  return n === 0 ? verdict('warning', 'validation.facilities.none') : verdict('ok', 'validation.facilities.ok', { count: n });
}

export function validateTreatmentOfferings(selection: Selection, _ctx: ValidationContext = {}): Verdict {
  const n = count(selection);
  return n === 0 ? verdict('warning', 'validation.treatments.none') : verdict('ok', 'validation.treatments.ok', { count: n });
}

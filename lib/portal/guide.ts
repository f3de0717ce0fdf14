/**
 * The portal's own flow to remove a practitioner from a location, as controls the admin sees:
 * location page, "Personer", the practitioner's row -> "Endre" -> "Slett" (red) -> dialog "Vil du fjerne …?" -> "Ja".
 * Finds the control for the furthest step the page shows, so the guide can highlight it. Never clicks.
 */
import { findButton, findSection, normalizeText, readTable, visibleText } from './fields';
import { detectPage } from './pages';

export interface RemovalPlan {
  readonly locationId: string;
  readonly personId: string;
  readonly personName: string;
}

export type RemovalStep = 'edit' | 'delete' | 'confirm';
export const REMOVAL_STEPS: readonly RemovalStep[] = ['edit', 'delete', 'confirm'];

export interface FoundStep {
  readonly step: RemovalStep;
  readonly element: HTMLElement;
}

/** The confirmation dialog about this person, when it is open. */
function confirmDialog(doc: Document, name: string): Element | undefined {
  const wanted = normalizeText(name);
  return Array.from(doc.querySelectorAll('[role=dialog], [role=alertdialog], dialog[open]')).find((d) => normalizeText(visibleText(d)).includes(wanted));
}

export function findRemovalStep(doc: Document, url: string, plan: RemovalPlan): FoundStep | undefined {
  const page = detectPage(url);
  if (!page || page.locationId !== plan.locationId) return undefined;
  if (page.kind === 'personEdit' && page.personId === plan.personId) {
    const dialog = confirmDialog(doc, plan.personName);
    if (dialog) {
      const yes = findButton(dialog, /^ja$/i);
      return yes ? { step: 'confirm', element: yes } : undefined;
    }
    const del = findButton(doc.querySelector('main') ?? doc, /^slett$/i);
    return del ? { step: 'delete', element: del } : undefined;
  }
  if (page.kind === 'location') {
    const section = findSection(doc.querySelector('main') ?? doc, /^personer$/i);
    const table = section ? readTable(section) : undefined;
    const wanted = normalizeText(plan.personName);
    const row = table?.rows.find((r) => normalizeText(visibleText(r.byHeader['navn'] ?? r.cells[0])) === wanted);
    const edit = row ? findButton(row.row, /^endre$/i) : undefined;
    return edit ? { step: 'edit', element: edit } : undefined;
  }
  return undefined;
}

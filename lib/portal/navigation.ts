/**
 * How a person gets to a place in the portal from the page they are on: the portal's own link, or its
 * own "Endre" button in the right section. Clicking the portal's controls keeps its SPA state (no reload).
 */
import { findButton, findSection } from './fields';
import { detectPage } from './pages';
import { portalPath, type PortalPlace } from './urls';

/** The section whose "Endre" button opens an edit place, when standing on its parent page. */
const EDIT_BUTTONS: Partial<Record<PortalPlace['page'], { from: 'firm' | 'location'; section: string }>> = {
  firmEdit: { from: 'firm', section: 'Firmainformasjon' },
  locationEdit: { from: 'location', section: 'Lokasjonsinformasjon' },
  booking: { from: 'location', section: 'Online booking' },
};

export function findNavigationControl(doc: Document, here: string, place: PortalPlace): HTMLElement | undefined {
  const path = portalPath(place);
  const origin = new URL(here).origin;
  const link = Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]')).find((a) => {
    try {
      const url = new URL(a.getAttribute('href') ?? '', here);
      return url.origin === origin && url.pathname === path;
    } catch {
      return false;
    }
  });
  if (link) return link;
  const edit = EDIT_BUTTONS[place.page];
  const current = detectPage(here);
  if (!edit || !current) return undefined;
  const sameEntity =
    (edit.from === 'firm' && current.kind === 'firm' && 'firmId' in place && current.firmId === place.firmId) ||
    (edit.from === 'location' && current.kind === 'location' && 'locationId' in place && current.locationId === place.locationId);
  if (!sameEntity) return undefined;
  const section = findSection(doc, edit.section);
  return section ? findButton(section, 'Endre') : undefined;
}

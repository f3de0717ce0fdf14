/** Where things live in the portal (docs/portal.md): the URL for a page the admin should go to. */
export type PortalPlace =
  | { page: 'firms' }
  | { page: 'firm' | 'firmEdit' | 'agreements'; firmId: string }
  | { page: 'location' | 'locationEdit' | 'booking' | 'onlineManager' | 'invitations'; locationId: string };

const enc = encodeURIComponent;

/** Path (from the portal origin) of a place; sections of a page are reached by their heading afterwards. */
export function portalPath(place: PortalPlace): string {
  switch (place.page) {
    case 'firms':
      return '/';
    case 'firm':
    case 'agreements':
      return `/firma/${enc(place.firmId)}`;
    case 'firmEdit':
      return `/firma/${enc(place.firmId)}/endre`;
    case 'location':
    case 'onlineManager':
      return `/lokasjon/${enc(place.locationId)}`;
    case 'locationEdit':
      return `/lokasjon/${enc(place.locationId)}/endre`;
    case 'booking':
      return `/lokasjon/${enc(place.locationId)}/online-booking`;
    case 'invitations':
      return `/lokasjon/${enc(place.locationId)}/invitasjoner`;
  }
}

/** The heading of the page section a place points into, if any. */
export function sectionHeading(place: PortalPlace): string | undefined {
  if (place.page === 'agreements') return 'Samarbeidsavtaler';
  if (place.page === 'onlineManager') return 'Online Manager';
  return undefined;
}

/** A checklist target (lib/checklist) as a place; undefined when it lacks the id it needs. */
export function placeOfTarget(target: { page: string; firmId?: string; locationId?: string }, fallbackFirmId?: string): PortalPlace | undefined {
  const firmId = target.firmId ?? fallbackFirmId;
  switch (target.page) {
    case 'firm':
    case 'firmEdit':
    case 'agreements':
      return firmId ? { page: target.page, firmId } : undefined;
    case 'location':
    case 'locationEdit':
    case 'booking':
    case 'onlineManager':
    case 'invitations':
      return target.locationId ? { page: target.page, locationId: target.locationId } : undefined;
    default:
      return undefined;
  }
}

import { defineMessages } from '../define';

export default defineMessages(
  {
    'page.firms': 'Firmaer',
    'page.firm': 'Firma',
    'page.firmEdit': 'Endre firma',
    'page.location': 'Lokasjon',
    'page.locationEdit': 'Endre lokasjon',
    'page.booking': 'Online booking',
    'page.person': 'Person',
    'page.personEdit': 'Endre person',
    'page.invitations': 'Invitasjoner',
    'page.login': 'Logg inn',
  },
  {
    'page.firms': 'Firms',
    'page.firm': 'Firm',
    'page.firmEdit': 'Edit firm',
    'page.location': 'Location',
    'page.locationEdit': 'Edit location',
    'page.booking': 'Online booking',
    'page.person': 'Person',
    'page.personEdit': 'Edit person',
    'page.invitations': 'Invitations',
    'page.login': 'Log in',
  },
);

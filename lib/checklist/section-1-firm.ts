// ¤¤¤ Section 1: the firm's own information is correct (Firma -> "Endre"). All three firm types.
import { FIRM_TYPES } from '../portal/types';
import { validateInvoiceEmail } from '../validation/email';
import { validateWebsite } from '../validation/website';
import { judgeFirm, judgement, stateOfVerdict, unreadable } from './judging';
import type { ChecklistSection, Judgement, Target } from './types';

const WEBSITE = 'Webside';
const INVOICE_EMAIL = 'E-post for faktura';

export const firmSection: ChecklistSection = {
  id: 'firm',
  number: 1,
  titleKey: 'checklist.section.firm.title',
  appliesTo: FIRM_TYPES,
  items: [
    {
      id: 'firm.website',
      titleKey: 'checklist.item.firm.website.title',
      hintKey: 'checklist.item.firm.website.hint',
      whyKey: 'checklist.item.firm.website.why',
      field: WEBSITE,
      judge: (facts) =>
        judgeFirm(facts, (firm): Judgement => {
          const target: Target = { page: 'firmEdit', firmId: firm.firmId, field: WEBSITE };
          if (!firm.website.read) return unreadable(WEBSITE, firm.website.reason, target);
          const value = firm.website.value ?? '';
          if (value.trim() === '') return judgement('attention', 'checklist.result.firm.website.missing', undefined, target);
          const verdict = validateWebsite(value);
          const state = stateOfVerdict(verdict);
          return { ...judgement(state, state === 'ok' ? 'checklist.result.firm.website.ok' : verdict.key, verdict.params, target), verdict };
        }),
    },
    {
      id: 'firm.invoiceEmail',
      titleKey: 'checklist.item.firm.invoiceEmail.title',
      hintKey: 'checklist.item.firm.invoiceEmail.hint',
      whyKey: 'checklist.item.firm.invoiceEmail.why',
      field: INVOICE_EMAIL,
      judge: (facts) =>
        judgeFirm(facts, (firm): Judgement => {
          const target: Target = { page: 'firmEdit', firmId: firm.firmId, field: INVOICE_EMAIL };
          if (!firm.invoiceEmail.read) return unreadable(INVOICE_EMAIL, firm.invoiceEmail.reason, target);
          const value = firm.invoiceEmail.value ?? '';
          // Empty: the portal sends invoice notices to the administrator's own address, where they get lost.
          if (value.trim() === '') return judgement('attention', 'checklist.result.firm.invoiceEmail.missing', undefined, target);
          const admin = facts.admin?.email;
          const adminEmail = admin?.read ? admin.value : undefined;
          const verdict = validateInvoiceEmail(value, { adminEmail });
          const state = stateOfVerdict(verdict);
          if (verdict.key === 'validation.email.invoice.sameAsAdmin') {
            return { ...judgement('attention', 'checklist.result.firm.invoiceEmail.sameAsAdmin', { email: value.trim() }, target), verdict };
          }
          if (state !== 'ok') return { ...judgement(state, verdict.key, verdict.params, target), verdict };
          // Valid, but we could not compare it with the admin's own address: do not show a green tick yet.
          if (admin === undefined) return judgement('unchecked', 'checklist.result.firm.invoiceEmail.adminUnknown', undefined, target);
          if (!admin.read) return unreadable('E-post (innlogget bruker)', admin.reason, target);
          return { ...judgement('ok', 'checklist.result.firm.invoiceEmail.ok', { email: value.trim() }, target), verdict };
        }),
    },
  ],
};

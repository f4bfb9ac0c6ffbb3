// Company settings: name, the employer's identifying number (the regime module says which: an EIN, a business registration
// number), the postal address payslips print, and the regime and currency, shown read-only because they are fixed at
// creation. Company admins and the administrator edit; everyone else with access reads. One PATCH per save: fields not
// changed are not sent, an emptied number or address is sent as null (cleared).
import { h, replace } from '../dom.js';
import { api } from '../api.js';
import { canManageMembers } from '../session.js';
import { field, formAlert, submitOnce } from '../forms.js';
import { companyPage, pageHeader, fact, rememberCompany, setCompanyNav } from './common.js';
import { regimeOf } from '../regimes/index.js';

const identifierFields = [
  { field: 'ein', label: 'EIN', hint: 'As NN-NNNNNNN.' },
  { field: 'registrationNumber', label: 'Business registration number', hint: 'As ###-##-#####.' },
];

const addressParts = [
  { key: 'line1', label: 'Address line 1', required: true, autocomplete: 'address-line1' },
  { key: 'line2', label: 'Address line 2', autocomplete: 'address-line2' },
  { key: 'city', label: 'City', required: true, autocomplete: 'address-level2' },
  { key: 'region', label: 'State or region', autocomplete: 'address-level1' },
  { key: 'postalCode', label: 'Postal code', autocomplete: 'postal-code' },
  { key: 'country', label: 'Country', required: true, autocomplete: 'country', hint: 'Two letters (ISO 3166), such as US or KR.' },
];

export async function settingsView(ctx) {
  const company = await companyPage(ctx, 'settings', 'Settings');
  if (!company) return;
  const regime = regimeOf(company);
  const editable = canManageMembers(company.id);
  const readonly = !editable;

  const name = field({ label: 'Name', field: 'name', value: company.name, required: true, readonly, autocomplete: 'organization' });
  const identifiers = (regime.companyIdentifier ? [regime.companyIdentifier] : identifierFields).map(id =>
    ({ key: id.field, el: field({ label: id.label, field: id.field, value: company[id.field] ?? '', hint: id.hint, readonly }) }));
  const stored = company.address ?? {};
  const address = addressParts.map(part => ({
    key: part.key,
    el: field({
      label: part.label, field: `address.${part.key}`, value: stored[part.key] ?? (part.key === 'country' && !company.address ? regime.defaultCountry : ''),
      hint: part.hint, autocomplete: part.autocomplete, readonly,
    }),
  }));

  const status = h('p', { class: 'form-status', role: 'status', id: 'settings-status' });
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'company-details' },
    h('h2', { id: 'company-details' }, 'Company'), formAlert(),
    h('dl', { class: 'facts', id: 'company-fixed' },
      fact('Withholding regime', regime.label ?? company.regime),
      fact('Currency', company.currency),
      fact('Slug', company.slug)),
    h('p', { class: 'hint' }, 'The regime, its currency and the slug are fixed when the company is created.'),
    name, identifiers.map(i => i.el),
    h('fieldset', { class: 'address' }, h('legend', {}, 'Address (printed on payslips)'), address.map(a => a.el)),
    editable
      ? h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save settings'), status)
      : h('p', { class: 'role-note' }, 'Only a company admin can change these settings.'));

  let current = company;
  if (editable) {
    submitOnce(form, {
      send: key => api.patch(`/api/companies/${company.id}`, changes(current, name, identifiers, address), { idempotencyKey: key }),
      done: updated => {
        current = updated;
        rememberCompany(updated);
        setCompanyNav(updated, 'settings');
        status.textContent = 'Settings saved.';
      },
    });
    form.addEventListener('input', () => { status.textContent = ''; });
  }

  replace(ctx.main, pageHeader('Settings'), form);
}

/** Only what differs from the stored company; a blank identifier or a wholly blank address clears it. */
function changes(company, name, identifiers, address) {
  const body = {};
  if (name.control.value.trim() !== company.name) body.name = name.control.value;
  for (const { key, el } of identifiers) {
    const value = el.control.value.trim() || null;
    if (value !== (company[key] ?? null)) body[key] = value;
  }
  const entered = Object.fromEntries(address.map(a => [a.key, a.el.control.value.trim() || null]));
  const blank = address.filter(a => a.key !== 'country').every(a => entered[a.key] === null);
  const next = blank ? null : entered;
  if (JSON.stringify(next) !== JSON.stringify(company.address ?? null)) body.address = next;
  return body;
}

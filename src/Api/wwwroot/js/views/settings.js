// Company settings: name, the employer's identifying number (the regime module says which: an EIN, a business registration
// number), the postal address payslips print, the regime and currency, shown read-only because they are fixed at
// creation, and the holiday list that moves pay dates (docs/SCHEDULES.md). Company admins and the administrator edit;
// everyone else with access reads. One PATCH per save of the company: fields not changed are not sent, an emptied number or
// address is sent as null (cleared); the holidays are replaced as a whole with one PUT.
import { h, replace, uid } from '../dom.js';
import { api } from '../api.js';
import { canManageMembers } from '../session.js';
import { field, formAlert, submitOnce } from '../forms.js';
import { companyPage, pageHeader, fact, rememberCompany, setCompanyNav, tableWrap } from './common.js';
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
  const { holidays } = await api.get(`/api/companies/${company.id}/holidays`);
  if (!ctx.isCurrent()) return;
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

  replace(ctx.main, pageHeader('Settings'), form, holidayForm(company, holidays, editable));
}

/**
 * The holiday list as rows of date and name; blank rows are left out. The API names a refused row's field
 * (holidays[2].date), which is that row's input here, counting the rows sent.
 */
function holidayForm(company, holidays, editable) {
  const body = h('tbody', {});
  const status = h('p', { class: 'form-status', role: 'status', id: 'holidays-status' });
  const addRow = (holiday = { date: '', name: '' }) => {
    const dateId = uid('holiday-date');
    const nameId = uid('holiday-name');
    const errorId = uid('holiday-error');
    const date = h('input', { id: dateId, type: 'date', value: holiday.date, disabled: !editable || null, 'aria-describedby': errorId });
    const name = h('input', { id: nameId, type: 'text', value: holiday.name, disabled: !editable || null, 'aria-describedby': errorId, maxlength: 100 });
    const row = h('tr', { class: 'holiday' },
      h('td', {}, h('label', { for: dateId, class: 'visually-hidden' }, 'Holiday date'), date),
      h('td', {}, h('label', { for: nameId, class: 'visually-hidden' }, 'Holiday name'), name,
        h('p', { class: 'field-error', id: errorId, hidden: true })),
      h('td', {}, editable ? h('button', { type: 'button', class: 'secondary small', on: { click: () => row.remove() } }, 'Remove') : null));
    row.inputs = { date, name };
    body.append(row);
    return row;
  };
  for (const holiday of holidays) addRow(holiday);
  if (holidays.length === 0 && editable) addRow();

  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'holidays-title', id: 'holidays-form' },
    h('h2', { id: 'holidays-title' }, 'Holidays'), formAlert(),
    h('p', { class: 'hint' }, 'Pay dates that fall on a holiday move to the business day before. Payrolls already posted keep their dates.'),
    tableWrap('Holidays', h('table', { id: 'holidays-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, ''))),
      body)),
    editable
      ? h('div', { class: 'form-actions' },
        h('button', { type: 'button', class: 'secondary', on: { click: () => addRow().inputs.date.focus() } }, 'Add a holiday'),
        h('button', { type: 'submit', class: 'primary' }, 'Save holidays'), status)
      : null);

  if (editable) {
    let sent = [];
    submitOnce(form, {
      send: key => {
        sent = [...body.querySelectorAll('tr.holiday')].map(r => r.inputs).filter(i => i.date.value || i.name.value.trim());
        // Each row's inputs take the name the API gives its fields, so a refusal lands beside them.
        sent.forEach((inputs, i) => {
          inputs.date.dataset.field = `holidays[${i}].date`;
          inputs.name.dataset.field = `holidays[${i}].name`;
        });
        return api.put(`/api/companies/${company.id}/holidays`,
          { holidays: sent.map(i => ({ date: i.date.value || null, name: i.name.value.trim() })) }, { idempotencyKey: key });
      },
      done: saved => {
        body.replaceChildren();
        for (const holiday of saved.holidays) addRow(holiday);
        status.textContent = `Holidays saved (${saved.holidays.length}).`;
      },
    });
    form.addEventListener('input', () => { status.textContent = ''; });
  }
  return form;
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

// A kr company's employees: the masked 주민등록번호 and the withholding profile instead of the SSN and the W-4.
import { h, replace } from '../dom.js';
import { api } from '../api.js';
import { canWrite } from '../session.js';
import { field, formAlert, submitOnce, FormInputError } from '../forms.js';
import { navigate } from '../router.js';
import { tableWrap, roleNote } from './common.js';
import { bilingual, formatKrw, krNonTaxable, parseKrw } from './kr.js';

export function krEmployeeTable(company, employees) {
  return tableWrap('Employees', h('table', {},
    h('caption', { class: 'visually-hidden' }, 'Employees'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Name'),
      h('th', { scope: 'col' }, bilingual('주민등록번호', 'Resident registration no.')),
      h('th', { scope: 'col' }, 'Hired'),
      h('th', { scope: 'col' }, bilingual('공제대상가족', 'Dependents')),
      h('th', { scope: 'col' }, bilingual('원천징수 비율', 'Withholding ratio')))),
    h('tbody', {}, employees.map(e => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/c/${company.id}/employees/${e.id}` }, `${e.lastName}, ${e.firstName}`)),
      h('td', { class: 'mono' }, e.ssnMasked),
      h('td', {}, e.hireDate, e.terminationDate ? ` – ${e.terminationDate}` : ''),
      h('td', {}, e.kr ? `${e.kr.dependents}${e.kr.childrenAged8To20 ? ` (${e.kr.childrenAged8To20} aged 8-20)` : ''}` : ''),
      h('td', {}, e.kr ? `${e.kr.withholdingRatio}%` : ''))))));
}

const ratios = [80, 100, 120].map(r => ({ value: r, label: `${r}%` }));

/**
 * Add a kr employee (name, 주민등록번호, hire date, profile). An existing one is shown read-only: changing a kr profile
 * (PATCH) is not in the API yet.
 */
export function krEmployeeForm(ctx, company, employee) {
  const isNew = !employee;
  const readonly = !canWrite(company.id) || !isNew;
  const kr = employee?.kr ?? { dependents: 1, childrenAged8To20: 0, withholdingRatio: 100, nonTaxable: {} };
  const f = {
    firstName: field({ label: 'First name', field: 'firstName', required: true, value: employee?.firstName, autocomplete: 'off', readonly }),
    lastName: field({ label: 'Last name', field: 'lastName', required: true, value: employee?.lastName, autocomplete: 'off', readonly }),
    rrn: field({
      label: '주민등록번호 Resident registration number',
      field: 'residentRegistrationNumber',
      required: isNew,
      autocomplete: 'off',
      inputmode: 'numeric',
      readonly,
      hint: isNew ? 'YYMMDD-NNNNNNN. After saving, only ******-***1234 is ever shown.' : `On file: ${employee.ssnMasked}.`,
    }),
    hireDate: field({ label: 'Hire date', field: 'hireDate', type: 'date', required: true, value: employee?.hireDate, readonly }),
    dependents: field({ label: '공제대상가족 수 Dependents (the employee included)', field: 'kr.dependents', type: 'number', required: true, value: kr.dependents, readonly, attrs: { min: '1', step: '1' } }),
    children: field({ label: '8-20세 자녀 Children aged 8-20', field: 'kr.childrenAged8To20', type: 'number', value: kr.childrenAged8To20 ?? 0, readonly, attrs: { min: '0', step: '1' } }),
    ratio: field({ label: '원천징수 비율 Withholding ratio', field: 'kr.withholdingRatio', type: 'select', options: ratios, value: kr.withholdingRatio ?? 100, readonly }),
  };
  f.rrn.control.classList.add('mono');
  const allowances = krNonTaxable.map(a => ({
    key: a.key,
    el: field({ label: `${a.ko} ${a.en} (monthly, non-taxable)`, field: `kr.nonTaxable.${a.key}`, value: kr.nonTaxable?.[a.key] ? formatKrw(kr.nonTaxable[a.key]) : '', inputmode: 'numeric', readonly }),
  }));

  const form = h('form', { class: 'card employee-form', novalidate: true, 'aria-labelledby': 'employee-title' },
    formAlert(),
    h('fieldset', {}, h('legend', {}, 'Employee'), h('div', { class: 'grid-2' }, f.firstName, f.lastName, f.rrn, f.hireDate)),
    h('fieldset', {}, h('legend', {}, bilingual('원천징수 정보', 'Withholding profile')),
      h('div', { class: 'grid-2' }, f.dependents, f.children, f.ratio), h('div', { class: 'grid-2' }, allowances.map(a => a.el))),
    !readonly ? h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Add employee'),
      h('a', { href: `#/c/${company.id}/employees`, class: 'button secondary' }, 'Cancel')) : null);

  const value = el => el.control.value.trim();
  const count = el => (value(el) === '' ? null : Number(value(el)));
  submitOnce(form, {
    send: key => {
      const errors = {};
      const nonTaxable = {};
      for (const a of allowances) {
        const amount = parseKrw(a.el.control.value);
        if (Number.isNaN(amount)) errors[`kr.nonTaxable.${a.key}`] = ['Enter whole won, such as 200,000.'];
        else nonTaxable[a.key] = amount ?? 0;
      }
      if (Object.keys(errors).length) throw new FormInputError(errors);
      return api.post(`/api/companies/${company.id}/employees`, {
        firstName: value(f.firstName),
        lastName: value(f.lastName),
        residentRegistrationNumber: value(f.rrn),
        hireDate: value(f.hireDate) || null,
        kr: { dependents: count(f.dependents), childrenAged8To20: count(f.children) ?? 0, withholdingRatio: Number(f.ratio.control.value), nonTaxable },
      }, { idempotencyKey: key });
    },
    done: () => navigate(`#/c/${company.id}/employees`),
  });

  replace(ctx.main,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/c/${company.id}/employees` }, '← Employees')),
    h('h1', { id: 'employee-title' }, isNew ? 'New employee' : `${employee.firstName} ${employee.lastName}`),
    roleNote(company.id),
    !isNew && canWrite(company.id) ? h('p', { class: 'role-note' }, 'Changing a kr employee is not yet possible in the portal.') : null,
    form);
  if (!readonly) f.firstName.control.focus();
}

// A kr company's employees: the masked 주민등록번호 and the withholding profile instead of the SSN and the W-4.
import { h, replace, todayIso } from '../../dom.js';
import { api } from '../../api.js';
import { canWrite } from '../../session.js';
import { field, formAlert, submitOnce, FormInputError } from '../../forms.js';
import { navigate } from '../../router.js';
import { tableWrap, roleNote } from '../../views/common.js';
import { bilingual, formatKrw, krNonTaxable, parseKrw } from './format.js';
import { assignmentFields } from '../../views/employee-assignment.js';

export function krEmployeeTable(company, employees) {
  return tableWrap('Employees', h('table', {},
    h('caption', { class: 'visually-hidden' }, 'Employees'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Name'),
      h('th', { scope: 'col' }, bilingual('사번', 'Employee no.')),
      h('th', { scope: 'col' }, bilingual('주민등록번호', 'Resident registration no.')),
      h('th', { scope: 'col' }, 'Hired'),
      h('th', { scope: 'col' }, bilingual('공제대상가족', 'Dependents')),
      h('th', { scope: 'col' }, bilingual('원천징수 비율', 'Withholding ratio')))),
    h('tbody', {}, employees.map(e => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/c/${company.id}/employees/${e.id}` }, `${e.lastName}, ${e.firstName}`)),
      h('td', { class: 'mono' }, e.employeeNumber ?? ''),
      h('td', { class: 'mono' }, e.ssnMasked),
      h('td', {}, e.hireDate, e.terminationDate ? ` – ${e.terminationDate}` : ''),
      h('td', {}, e.kr ? `${e.kr.dependents}${e.kr.childrenAged8To20 ? ` (${e.kr.childrenAged8To20} aged 8-20)` : ''}` : ''),
      h('td', {}, e.kr ? `${e.kr.withholdingRatio}%` : ''))))));
}

const ratios = [80, 100, 120].map(r => ({ value: r, label: `${r}%` }));

/**
 * Add or change a kr employee: name, 주민등록번호, dates and the withholding profile. A changed profile is sent as a new
 * profile from its effective date (PATCH kr with kr.effectiveDate), so payrolls paid before it keep the profile they used.
 * A corrected 주민등록번호 is typed into a masked input and, once saved, only ever shown as ******-***1234.
 */
export function krEmployeeForm(ctx, company, employee, { schedules = [] } = {}) {
  const isNew = !employee;
  const readonly = !canWrite(company.id);
  const kr = employee?.kr ?? { dependents: 1, childrenAged8To20: 0, withholdingRatio: 100, nonTaxable: {} };
  const f = {
    firstName: field({ label: 'First name', field: 'firstName', required: true, value: employee?.firstName, autocomplete: 'off', readonly }),
    lastName: field({ label: 'Last name', field: 'lastName', required: true, value: employee?.lastName, autocomplete: 'off', readonly }),
    rrn: field({
      label: isNew ? '주민등록번호 Resident registration number' : '주민등록번호 correction',
      field: 'residentRegistrationNumber',
      required: isNew,
      autocomplete: 'off',
      inputmode: 'numeric',
      readonly,
      hint: isNew ? 'YYMMDD-NNNNNNN. After saving, only ******-***1234 is ever shown.' : `On file: ${employee.ssnMasked}. Type a corrected number (YYMMDD-NNNNNNN) to replace it; leave blank to keep it.`,
    }),
    hireDate: field({ label: 'Hire date', field: 'hireDate', type: 'date', required: true, value: employee?.hireDate, readonly }),
    terminationDate: field({ label: 'Termination date', field: 'terminationDate', type: 'date', value: employee?.terminationDate, readonly }),
    dependents: field({ label: '공제대상가족 수 Dependents (the employee included)', field: 'kr.dependents', type: 'number', required: true, value: kr.dependents, readonly, attrs: { min: '1', step: '1' } }),
    children: field({ label: '8-20세 자녀 Children aged 8-20', field: 'kr.childrenAged8To20', type: 'number', value: kr.childrenAged8To20 ?? 0, readonly, attrs: { min: '0', step: '1' } }),
    ratio: field({ label: '원천징수 비율 Withholding ratio', field: 'kr.withholdingRatio', type: 'select', options: ratios, value: kr.withholdingRatio ?? 100, readonly }),
  };
  const effective = isNew ? null : field({
    label: '적용일 Profile effective date',
    field: 'kr.effectiveDate',
    type: 'date',
    value: todayIso(),
    readonly,
    hint: 'Needed when the profile changes: the first pay date the new profile applies to. Payrolls paid earlier keep the profile in effect then.',
  });
  f.rrn.control.classList.add('mono');
  const assignment = assignmentFields(employee, schedules, readonly);
  if (!isNew) f.rrn.control.classList.add('masked');
  const reveal = isNew || readonly ? null : h('button', {
    type: 'button',
    class: 'secondary small',
    'aria-pressed': 'false',
    on: {
      click: event => {
        const shown = f.rrn.control.classList.toggle('masked') === false;
        event.currentTarget.setAttribute('aria-pressed', String(shown));
        event.currentTarget.textContent = shown ? 'Hide number' : 'Show number';
      },
    },
  }, 'Show number');
  if (reveal) f.rrn.append(reveal);
  const allowances = krNonTaxable.map(a => ({
    key: a.key,
    el: field({ label: `${a.ko} ${a.en} (monthly, non-taxable)`, field: `kr.nonTaxable.${a.key}`, value: kr.nonTaxable?.[a.key] ? formatKrw(kr.nonTaxable[a.key]) : '', inputmode: 'numeric', readonly }),
  }));

  const form = h('form', { class: 'card employee-form', novalidate: true, 'aria-labelledby': 'employee-title' },
    formAlert(),
    h('fieldset', {}, h('legend', {}, 'Employee'), h('div', { class: 'grid-2' }, f.firstName, f.lastName, f.rrn, assignment.nodes, f.hireDate, isNew ? null : f.terminationDate)),
    h('fieldset', {}, h('legend', {}, bilingual('원천징수 정보', 'Withholding profile')),
      h('div', { class: 'grid-2' }, f.dependents, f.children, f.ratio, effective), h('div', { class: 'grid-2' }, allowances.map(a => a.el))),
    !readonly ? h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, isNew ? 'Add employee' : 'Save changes'),
      h('a', { href: `#/c/${company.id}/employees`, class: 'button secondary' }, 'Cancel')) : null);

  const value = el => el.control.value.trim();
  const count = el => (value(el) === '' ? null : Number(value(el)));
  const readProfile = () => {
    const errors = {};
    const nonTaxable = {};
    for (const a of allowances) {
      const amount = parseKrw(a.el.control.value);
      if (Number.isNaN(amount)) errors[`kr.nonTaxable.${a.key}`] = ['Enter whole won, such as 200,000.'];
      else nonTaxable[a.key] = amount ?? 0;
    }
    if (Object.keys(errors).length) throw new FormInputError(errors);
    return { dependents: count(f.dependents), childrenAged8To20: count(f.children) ?? 0, withholdingRatio: Number(f.ratio.control.value), nonTaxable };
  };
  submitOnce(form, {
    send: key => {
      const profile = readProfile();
      if (isNew) {
        return api.post(`/api/companies/${company.id}/employees`, {
          firstName: value(f.firstName),
          lastName: value(f.lastName),
          residentRegistrationNumber: value(f.rrn),
          hireDate: value(f.hireDate) || null,
          kr: profile,
          ...assignment.forCreate(),
        }, { idempotencyKey: key });
      }
      // PATCH sends only what changed; a changed profile joins the history from its effective date.
      const patch = {};
      const put = (name, next, before) => { if (next !== before) patch[name] = next; };
      put('firstName', value(f.firstName), employee.firstName);
      put('lastName', value(f.lastName), employee.lastName);
      if (value(f.rrn)) patch.residentRegistrationNumber = value(f.rrn);
      put('hireDate', value(f.hireDate) || null, employee.hireDate);
      put('terminationDate', value(f.terminationDate) || null, employee.terminationDate ?? null);
      Object.assign(patch, assignment.changes());
      if (!sameProfile(profile, employee.kr)) patch.kr = { ...profile, effectiveDate: value(effective) || null };
      if (Object.keys(patch).length === 0) return Promise.resolve(employee);
      return api.patch(`/api/companies/${company.id}/employees/${employee.id}`, patch, { idempotencyKey: key });
    },
    done: () => navigate(`#/c/${company.id}/employees`),
  });

  replace(ctx.main,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/c/${company.id}/employees` }, '← Employees')),
    h('h1', { id: 'employee-title' }, isNew ? 'New employee' : `${employee.firstName} ${employee.lastName}`),
    roleNote(company.id),
    form,
    employee ? profileHistory(employee) : null);
  if (!readonly) f.firstName.control.focus();
}

/** Whether the profile on screen is the one on file (a blank allowance is 0), so an unchanged profile is not re-sent. */
function sameProfile(a, b) {
  return a.dependents === b.dependents && a.childrenAged8To20 === (b.childrenAged8To20 ?? 0) && a.withholdingRatio === b.withholdingRatio
    && krNonTaxable.every(n => (a.nonTaxable[n.key] ?? 0) === (b.nonTaxable?.[n.key] ?? 0));
}

function profileHistory(employee) {
  return h('section', { class: 'card', 'aria-labelledby': 'kr-history' },
    h('h2', { id: 'kr-history' }, bilingual('원천징수 정보 이력', 'Profile history')),
    tableWrap('Profile history', h('table', { id: 'kr-profile-history' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Effective from'),
        h('th', { scope: 'col' }, bilingual('공제대상가족', 'Dependents')),
        h('th', { scope: 'col' }, bilingual('8-20세 자녀', 'Children 8-20')),
        h('th', { scope: 'col' }, bilingual('원천징수 비율', 'Ratio')),
        krNonTaxable.map(a => h('th', { scope: 'col', class: 'num' }, bilingual(a.ko, a.en))))),
      h('tbody', {}, (employee.krHistory ?? []).map(p => h('tr', {},
        h('td', {}, p.effectiveDate),
        h('td', {}, String(p.dependents)),
        h('td', {}, String(p.childrenAged8To20 ?? 0)),
        h('td', {}, `${p.withholdingRatio}%`),
        krNonTaxable.map(a => h('td', { class: 'num' }, formatKrw(p.nonTaxable?.[a.key] ?? 0)))))))));
}

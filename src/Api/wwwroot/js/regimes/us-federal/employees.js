// A us-federal company's employees: the masked SSN, the federal Form W-4 with its history, the work state and its certificate.
import { h, todayIso, replace } from '../../dom.js';
import { parseAmount } from './format.js';
import { api } from '../../api.js';
import { canWrite } from '../../session.js';
import { field, formAlert, submitOnce, FormInputError } from '../../forms.js';
import { navigate } from '../../router.js';
import { tableWrap, roleNote, payFrequencies, frequencyLabel } from '../../views/common.js';
import { stateForms, stateFieldLabels } from './states.js';
import { assignmentFields } from '../../views/employee-assignment.js';

/** The employees list: the employee number, the masked SSN, hire date, pay frequency and the W-4 in force. */
export function usEmployeeTable(company, employees) {
  return tableWrap('Employees', h('table', {},
    h('caption', { class: 'visually-hidden' }, 'Employees'),
    h('thead', {}, h('tr', {}, ['Name', 'Employee no.', 'SSN', 'Hired', 'Pay frequency', 'W-4', 'Work state'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, employees.map(e => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/c/${company.id}/employees/${e.id}` }, `${e.lastName}, ${e.firstName}`)),
      h('td', { class: 'mono' }, e.employeeNumber ?? ''),
      h('td', { class: 'mono' }, e.ssnMasked),
      h('td', {}, e.hireDate, e.terminationDate ? ` – ${e.terminationDate}` : ''),
      h('td', {}, frequencyLabel(e.payFrequency)),
      h('td', {}, describeW4(e.w4, e.exempt)),
      h('td', {}, e.workState ?? '—'))))));
}

const filingStatuses = [
  { value: 'single', label: 'Single or married filing separately' },
  { value: 'married_filing_jointly', label: 'Married filing jointly' },
  { value: 'married_filing_separately', label: 'Married filing separately' },
  { value: 'head_of_household', label: 'Head of household' },
  { value: 'qualifying_surviving_spouse', label: 'Qualifying surviving spouse' },
];
const maritalStatuses = [
  { value: 'single', label: 'Single' },
  { value: 'married', label: 'Married' },
  { value: 'married_higher_single', label: 'Married, but withhold at the higher single rate' },
];

export function describeW4(w4, exempt) {
  if (exempt || w4?.exempt) return 'Exempt';
  if (!w4) return '';
  const status = w4.version >= '2020'
    ? filingStatuses.find(s => s.value === w4.filingStatus)?.label
    : `${maritalStatuses.find(s => s.value === w4.maritalStatus)?.label}, ${w4.allowances ?? 0} allowances`;
  return `${w4.version >= '2020' ? '2020+' : '2019'} form · ${status ?? ''}`;
}

/**
 * Add or change a us-federal employee: name, SSN, dates, pay frequency and the W-4 (2020+ or 2019 form). A changed W-4
 * joins the history from its effective date, so payrolls paid before it keep the form they used.
 */
export function usEmployeeForm(ctx, company, employee, { schedules = [] } = {}) {
  const isNew = !employee;
  const writer = canWrite(company.id);
  const readonly = !writer;
  const w4 = employee?.w4 ?? { version: '2020', filingStatus: 'single' };

  const f = {
    firstName: field({ label: 'First name', field: 'firstName', required: true, value: employee?.firstName, autocomplete: 'off', readonly }),
    lastName: field({ label: 'Last name', field: 'lastName', required: true, value: employee?.lastName, autocomplete: 'off', readonly }),
    ssn: field({
      label: 'Social Security number',
      field: 'ssn',
      required: isNew,
      autocomplete: 'off',
      inputmode: 'numeric',
      readonly,
      hint: isNew ? 'NNN-NN-NNNN. After saving, only the last four digits are ever shown.' : `On file: ${employee.ssnMasked}. Leave blank to keep it.`,
    }),
    hireDate: field({ label: 'Hire date', field: 'hireDate', type: 'date', required: true, value: employee?.hireDate, readonly }),
    terminationDate: field({ label: 'Termination date', field: 'terminationDate', type: 'date', value: employee?.terminationDate, readonly }),
    payFrequency: field({ label: 'Pay frequency', field: 'payFrequency', type: 'select', options: payFrequencies, value: employee?.payFrequency ?? 'biweekly', readonly }),
    exempt: field({ label: 'Exempt from federal income tax withholding', field: 'exempt', type: 'checkbox', value: employee?.exempt, readonly }),
  };
  f.ssn.control.classList.add('mono');
  const assignment = assignmentFields(employee, schedules, readonly);
  // The schedule decides the pay frequency; showing the schedule's keeps the request from contradicting it.
  const followSchedule = () => {
    const schedule = assignment.schedule();
    if (schedule) f.payFrequency.control.value = schedule.frequency;
    f.payFrequency.control.disabled = readonly || Boolean(schedule);
  };
  assignment.onScheduleChange(followSchedule);
  followSchedule();

  const w = {
    version: field({ label: 'Form W-4 version', field: 'w4.version', type: 'select', value: w4.version >= '2020' ? '2020' : '2019', readonly, options: [
      { value: '2020', label: '2020 or later' }, { value: '2019', label: '2019 or earlier' }] }),
    filingStatus: field({ label: 'Filing status (Step 1c)', field: 'w4.filingStatus', type: 'select', options: filingStatuses, value: w4.filingStatus ?? 'single', readonly }),
    step2Checkbox: field({ label: 'Multiple jobs or spouse works (Step 2 checkbox)', field: 'w4.step2Checkbox', type: 'checkbox', value: w4.step2Checkbox, readonly }),
    step3Dependents: amountField('Dependents amount (Step 3)', 'w4.step3Dependents', w4.step3Dependents, readonly),
    step4aOtherIncome: amountField('Other income (Step 4a)', 'w4.step4aOtherIncome', w4.step4aOtherIncome, readonly),
    step4bDeductions: amountField('Deductions (Step 4b)', 'w4.step4bDeductions', w4.step4bDeductions, readonly),
    step4cExtraWithholding: amountField('Extra withholding per period (Step 4c)', 'w4.step4cExtraWithholding', w4.step4cExtraWithholding, readonly),
    maritalStatus: field({ label: 'Marital status', field: 'w4.maritalStatus', type: 'select', options: maritalStatuses, value: w4.maritalStatus ?? 'single', readonly }),
    allowances: field({ label: 'Allowances', field: 'w4.allowances', type: 'number', value: w4.allowances ?? 0, readonly, attrs: { min: '0', step: '1' } }),
    extraWithholding: amountField('Extra withholding per period', 'w4.extraWithholding', w4.extraWithholding, readonly),
  };
  const effective = field({
    label: 'W-4 effective date',
    field: 'w4EffectiveDate',
    type: 'date',
    readonly,
    value: isNew ? '' : todayIso(),
    hint: isNew ? 'The first pay date this form applies to; defaults to the hire date.' : 'Needed when the W-4 changes: the first pay date the new form applies to. Earlier payrolls keep the form in effect then.',
  });

  const new2020 = h('div', { class: 'w4-fields' }, w.filingStatus, w.step2Checkbox, w.step3Dependents, w.step4aOtherIncome, w.step4bDeductions, w.step4cExtraWithholding);
  const old2019 = h('div', { class: 'w4-fields' }, w.maritalStatus, w.allowances, w.extraWithholding);
  const syncVersion = () => {
    new2020.hidden = w.version.control.value !== '2020';
    old2019.hidden = w.version.control.value === '2020';
  };
  w.version.control.addEventListener('change', syncVersion);
  syncVersion();

  const readW4 = () => {
    const errors = {};
    const amount = (fieldEl, key) => {
      const value = parseAmount(fieldEl.control.value);
      if (Number.isNaN(value)) errors[`w4.${key}`] = ['Enter an amount such as 1234.50.'];
      return Number.isNaN(value) ? null : value;
    };
    const form = w.version.control.value === '2020'
      ? {
        version: '2020',
        filingStatus: w.filingStatus.control.value,
        step2Checkbox: w.step2Checkbox.control.checked,
        step3Dependents: amount(w.step3Dependents, 'step3Dependents'),
        step4aOtherIncome: amount(w.step4aOtherIncome, 'step4aOtherIncome'),
        step4bDeductions: amount(w.step4bDeductions, 'step4bDeductions'),
        step4cExtraWithholding: amount(w.step4cExtraWithholding, 'step4cExtraWithholding'),
        exempt: w4.exempt ?? null,
      }
      : {
        version: '2019',
        maritalStatus: w.maritalStatus.control.value,
        allowances: w.allowances.control.value === '' ? 0 : Number(w.allowances.control.value),
        extraWithholding: amount(w.extraWithholding, 'extraWithholding'),
        exempt: w4.exempt ?? null,
      };
    if (Object.keys(errors).length) throw new FormInputError(errors);
    return form;
  };

  const state = stateSection(employee, readonly, isNew);

  const form = h('form', { class: 'card employee-form', novalidate: true, 'aria-labelledby': 'employee-title' },
    formAlert(),
    h('fieldset', {}, h('legend', {}, 'Employee'), h('div', { class: 'grid-2' }, f.firstName, f.lastName, f.ssn, assignment.nodes, f.payFrequency, f.hireDate, f.terminationDate), f.exempt),
    h('fieldset', {}, h('legend', {}, 'Form W-4'), h('div', { class: 'grid-2' }, w.version, effective), new2020, old2019),
    state.fieldset,
    writer ? h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, isNew ? 'Add employee' : 'Save changes'),
      h('a', { href: `#/c/${company.id}/employees`, class: 'button secondary' }, 'Cancel')) : null);

  const value = el => el.control.value.trim();
  submitOnce(form, {
    send: key => {
      const w4Now = readW4();
      if (isNew) {
        return api.post(`/api/companies/${company.id}/employees`, {
          firstName: value(f.firstName),
          lastName: value(f.lastName),
          ssn: value(f.ssn),
          hireDate: value(f.hireDate) || null,
          terminationDate: value(f.terminationDate) || null,
          payFrequency: f.payFrequency.control.value,
          exempt: f.exempt.control.checked,
          w4: w4Now,
          w4EffectiveDate: value(effective) || null,
          ...state.forHire(),
          ...assignment.forCreate(),
        }, { idempotencyKey: key });
      }
      // PATCH sends only what changed; a changed W-4 joins the history from its effective date.
      const patch = {};
      const put = (name, next, before) => { if (next !== before) patch[name] = next; };
      put('firstName', value(f.firstName), employee.firstName);
      put('lastName', value(f.lastName), employee.lastName);
      if (value(f.ssn)) patch.ssn = value(f.ssn);
      put('hireDate', value(f.hireDate) || null, employee.hireDate);
      put('terminationDate', value(f.terminationDate) || null, employee.terminationDate ?? null);
      put('payFrequency', f.payFrequency.control.value, employee.payFrequency);
      put('exempt', f.exempt.control.checked, employee.exempt);
      if (!sameW4(w4Now, employee.w4)) {
        patch.w4 = w4Now;
        patch.w4EffectiveDate = value(effective) || null;
      }
      Object.assign(patch, state.changes(), assignment.changes());
      // The schedule sets the frequency on the server; sending the one it replaced too would contradict it.
      if ('payScheduleId' in patch && patch.payScheduleId) delete patch.payFrequency;
      if (Object.keys(patch).length === 0) return Promise.resolve(employee);
      return api.patch(`/api/companies/${company.id}/employees/${employee.id}`, patch, { idempotencyKey: key });
    },
    done: () => navigate(`#/c/${company.id}/employees`),
  });

  const title = isNew ? 'New employee' : `${employee.firstName} ${employee.lastName}`;
  replace(ctx.main, 
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/c/${company.id}/employees` }, '← Employees')),
    h('h1', { id: 'employee-title' }, title),
    roleNote(company.id),
    form,
    employee ? w4History(employee) : null);
  if (writer) f.firstName.control.focus();
}

function amountField(label, apiField, value, readonly) {
  return field({ label, field: apiField, value: value ?? '', inputmode: 'decimal', readonly, hint: null });
}

const w4Keys = {
  2020: ['filingStatus', 'step2Checkbox', 'step3Dependents', 'step4aOtherIncome', 'step4bDeductions', 'step4cExtraWithholding', 'exempt'],
  2019: ['maritalStatus', 'allowances', 'extraWithholding', 'exempt'],
};

/** Whether the form on screen is the W-4 on file (blank, zero and false are the same), so an unchanged W-4 is not re-sent. */
function sameW4(a, b) {
  const version = v => (v >= '2020' ? 2020 : 2019);
  const norm = v => (v === undefined || v === null || v === false || v === 0 || v === '' ? null : v);
  return version(a.version) === version(b.version) && w4Keys[version(a.version)].every(k => norm(a[k]) === norm(b[k]));
}

function w4History(employee) {
  return h('section', { class: 'card', 'aria-labelledby': 'w4-history' },
    h('h2', { id: 'w4-history' }, 'W-4 history'),
    tableWrap('W-4 history', h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Effective from'), h('th', { scope: 'col' }, 'Form'))),
      h('tbody', {}, employee.w4History.map(entry => h('tr', {}, h('td', {}, entry.effectiveDate), h('td', {}, describeW4(entry.w4))))))));
}

/**
 * The work state and its withholding certificate: only the chosen state's fields, with its own allowed values. A change
 * joins the state history from its effective date, as a W-4 does.
 */
function stateSection(employee, readonly, isNew) {
  const jurisdictions = Object.keys(stateForms);
  const workState = field({
    label: 'Work state', field: 'workState', type: 'select', readonly, value: employee?.workState ?? '',
    options: [{ value: '', label: 'None (no state withholding)' }, ...jurisdictions.map(j => ({ value: j, label: j }))],
  });
  const effective = field({
    label: 'State effective date', field: 'stateEffectiveDate', type: 'date', readonly, value: isNew ? '' : todayIso(),
    hint: isNew ? 'The first pay date the work state applies to; defaults to the hire date.' : 'Needed when the work state or certificate changes: the first pay date it applies to.',
  });
  const fields = h('div', { class: 'grid-2 state-fields' });
  let controls = {};

  const render = () => {
    const code = workState.control.value;
    const spec = stateForms[code];
    const current = code && code === employee?.workState ? employee.stateCertificate ?? {} : {};
    controls = {};
    const parts = [];
    if (spec?.noTax) parts.push(h('p', { class: 'hint' }, `${code} taxes no wages: no state income tax is withheld.`));
    for (const name of spec?.fields ?? []) {
      const label = stateFieldLabels[name];
      if (name === 'filingStatus') {
        controls[name] = field({ label, field: `stateCertificate.${name}`, type: 'select', readonly, value: current.filingStatus ?? spec.statuses[0],
          options: spec.statuses.map(v => ({ value: v, label: v })) });
      } else if (name === 'electedRate') {
        controls[name] = field({ label, field: `stateCertificate.${name}`, type: 'select', readonly, value: current.electedRate ?? '',
          options: [{ value: '', label: 'No election (employer default)' }, ...spec.electedRates.map(v => ({ value: v, label: `${(Number(v) * 100).toFixed(1)}%` }))] });
      } else if (name === 'rateSchedule') {
        controls[name] = field({ label, field: `stateCertificate.${name}`, type: 'select', readonly, value: current.rateSchedule ?? spec.rateSchedules[0],
          options: spec.rateSchedules.map(v => ({ value: v, label: v })) });
      } else if (name === 'mdResidentInDe') {
        controls[name] = field({ label, field: `stateCertificate.${name}`, type: 'checkbox', readonly, value: current.mdResidentInDe });
      } else if (name === 'electedAnnualAmount') {
        controls[name] = amountField(label, `stateCertificate.${name}`, current.electedAnnualAmount, readonly);
      } else if (name === 'exemptions') {
        for (const kind of ['personal', 'dependent', 'firstTimeDependent', 'adopted']) {
          controls[`exemptions.${kind}`] = field({ label: `Exemptions: ${kind}`, field: `stateCertificate.exemptions.${kind}`, type: 'number', readonly,
            value: current.exemptions?.[kind] ?? 0, attrs: { min: '0', step: '1' } });
        }
      } else {
        controls[name] = field({ label, field: `stateCertificate.${name}`, type: 'number', readonly, value: current[name] ?? 0, attrs: { min: '0', step: '1' } });
      }
    }
    if (spec && !spec.noTax) {
      controls.additionalWithholding = amountField('State additional withholding per period', 'stateCertificate.additionalWithholding', current.additionalWithholding, readonly);
    }
    replace(fields, ...parts, ...Object.values(controls));
  };
  workState.control.addEventListener('change', render);
  render();

  const certificate = () => {
    const c = {};
    const errors = {};
    for (const [key, el] of Object.entries(controls)) {
      const raw = el.control.type === 'checkbox' ? el.control.checked : el.control.value;
      if (key.startsWith('exemptions.')) {
        (c.exemptions ??= {})[key.slice(11)] = Number(raw || 0);
      } else if (key === 'additionalWithholding' || key === 'electedAnnualAmount') {
        const amount = parseAmount(raw);
        if (Number.isNaN(amount)) errors[`stateCertificate.${key}`] = ['Enter an amount such as 12.50.'];
        else if (amount !== null) c[key] = amount;
      } else if (key === 'allowances' || key === 'secondaryAllowances') {
        c[key] = raw === '' ? 0 : Number(raw);
      } else if (key === 'mdResidentInDe') {
        c[key] = raw;
      } else if (raw !== '') {
        c[key] = raw;
      }
    }
    if (Object.keys(errors).length) throw new FormInputError(errors);
    return c;
  };
  const chosen = () => workState.control.value || null;
  const date = () => effective.control.value.trim() || null;

  return {
    fieldset: h('fieldset', {}, h('legend', {}, 'State withholding'), h('div', { class: 'grid-2' }, workState, effective), fields),
    forHire: () => (chosen() ? { workState: chosen(), stateCertificate: certificate(), stateEffectiveDate: date() } : {}),
    changes: () => {
      const before = employee.workState ?? null;
      if (chosen() === before && (!chosen() || sameCertificate(certificate(), employee.stateCertificate ?? {}))) return {};
      return { workState: chosen(), stateCertificate: chosen() ? certificate() : null, stateEffectiveDate: date() };
    },
  };
}

/** Whether the certificate on screen is the one on file (blank, zero and false are the same). */
function sameCertificate(a, b) {
  const norm = v => (v === undefined || v === null || v === false || v === 0 || v === '' ? null : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every(k => norm(a[k]) === norm(b[k]));
}

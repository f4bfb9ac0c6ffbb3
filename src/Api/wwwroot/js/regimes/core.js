// What the portal shows for a regime registered on the server without a portal module: the figures every regime has
// (gross, post-tax deductions, net pay, in the payroll's currency), read-only. Its employee profiles and payroll lines are
// written through the API, which needs no portal code.
import { h } from '../dom.js';
import { tableWrap, fact, frequencyLabel, prorationText } from '../views/common.js';

const amount = (value, currency) => new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(value);

export const coreRegime = {
  code: null,
  label: null,
  employeeForm: null,
  lineKind: null,
  compensation: null,
  // Without a module the settings page offers both identifiers the API stores, and no default country.
  companyIdentifier: null,
  defaultCountry: '',

  employeeTable: (company, employees) => tableWrap('Employees', h('table', {},
    h('caption', { class: 'visually-hidden' }, 'Employees'),
    h('thead', {}, h('tr', {}, ['Name', 'National identifier', 'Hired', 'Pay frequency'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, employees.map(e => h('tr', {},
      h('th', { scope: 'row' }, `${e.lastName}, ${e.firstName}`),
      h('td', { class: 'mono' }, e.ssnMasked),
      h('td', {}, e.hireDate, e.terminationDate ? ` – ${e.terminationDate}` : ''),
      h('td', {}, frequencyLabel(e.payFrequency))))))),

  payrollList: {
    headings: ['Gross wages', 'Taxes and deductions', 'Net pay'],
    cells: (t, company) => [t.grossWages + t.supplementalWages, t.grossWages + t.supplementalWages - t.netPay, t.netPay]
      .map(v => h('td', { class: 'num' }, amount(v, company.currency))),
  },

  payrollDetail(payroll) {
    const money = v => amount(v, payroll.currency);
    const t = payroll.totals;
    return {
      facts: [fact('Gross wages', money(t.grossWages + t.supplementalWages)), fact('Net pay', money(t.netPay))],
      table: tableWrap('Payroll lines', h('table', { class: 'numbers', id: 'payroll-lines' },
        h('caption', {}, `Lines (${payroll.currency})`),
        h('thead', {}, h('tr', {}, ['Employee', 'Gross', 'Taxes and deductions', 'Net pay'].map(x => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, payroll.lines.map(line => h('tr', {},
          h('th', { scope: 'row' }, line.employeeName, h('span', { class: 'muted mono' }, ` ···${line.ssnLast4}`),
            prorationText(line.earnings) ? h('span', { class: 'earnings' }, prorationText(line.earnings)) : null),
          h('td', { class: 'num' }, money(line.grossWages + line.supplementalWages)),
          h('td', { class: 'num' }, money(line.grossWages + line.supplementalWages - line.netPay)),
          h('td', { class: 'num strong' }, money(line.netPay))))))),
    };
  },

  report: (report, title) => h('p', { class: 'alert', role: 'status' },
    `${report.employeeCount} employee${report.employeeCount === 1 ? '' : 's'} paid in ${title}. The portal has no report page for the “${report.regime}” withholding regime; its figures are in the register below and in the API.`),
};

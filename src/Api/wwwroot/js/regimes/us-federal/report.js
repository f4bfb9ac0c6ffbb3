// A us-federal company's quarter: the Form 941 figures per month (wages, income tax, both shares of Social Security and
// Medicare) and a chart of each month's total liability.
import { h, monthName } from '../../dom.js';
import { formatMoney } from './format.js';
import { tableWrap, emptyState } from '../../views/common.js';
import { liabilityChart } from '../../views/chart.js';

export function usReport(report, title) {
  const months = report.months;
  const t = report.totals;
  const hasData = months.some(m => m.payrollCount > 0);
  const row = (label, m) => h('tr', {},
    h('th', { scope: 'row' }, label),
    h('td', { class: 'num' }, formatMoney(m.wages)),
    h('td', { class: 'num' }, formatMoney(m.federalIncomeTax)),
    h('td', { class: 'num' }, formatMoney(m.socialSecurityEmployee + m.socialSecurityEmployer)),
    h('td', { class: 'num' }, formatMoney(m.medicareEmployee + m.medicareEmployer + m.additionalMedicare)),
    h('td', { class: 'num strong' }, formatMoney(m.totalLiability)),
    h('td', { class: 'num' }, m.payrollCount));
  return [
    hasData ? null : emptyState(`No approved payrolls were paid in ${title}.`),
    h('section', { class: 'card', 'aria-labelledby': 'liability-title' },
      h('h2', { id: 'liability-title' }, 'Monthly liability'),
      liabilityChart(months, title, { value: m => m.totalLiability, format: formatMoney, name: 'Total liability' })),
    tableWrap(`Withholding, ${title}`, h('table', { class: 'numbers', id: 'report-table' },
      h('caption', {}, `Approved payrolls paid in ${title}; ${report.employeeCount} employee${report.employeeCount === 1 ? '' : 's'} paid`),
      h('thead', {}, h('tr', {}, ['Month', 'Wages', 'Income tax withheld', 'Social Security (both shares)', 'Medicare (both shares + additional)', 'Total liability', 'Payrolls']
        .map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, months.map(m => row(monthName(m.month), m))),
      h('tfoot', {}, row('Quarter', t)))),
  ];
}

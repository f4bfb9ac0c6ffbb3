// A kr company's quarter: pay and the six deductions per month in whole won, a chart of the monthly deductions, and the
// business income (사업소득) paid on approved sheets.
import { h, monthName } from '../../dom.js';
import { tableWrap, emptyState } from '../../views/common.js';
import { liabilityChart } from '../../views/chart.js';
import { formatKrw, bilingual, krDeductions } from './format.js';

export function krReport(report, title) {
  const months = report.kr.months;
  const hasData = months.some(m => m.payrollCount > 0);
  const won = (amount, strong) => h('td', { class: strong ? 'num strong' : 'num' }, formatKrw(amount));
  const row = (label, m) => h('tr', {},
    h('th', { scope: 'row' }, label),
    won(m.grossPay),
    krDeductions.map(d => won(m[d.key])),
    won(m.totalDeductions, true),
    h('td', { class: 'num' }, m.payrollCount));
  return [
    hasData ? null : emptyState(`No approved payrolls were paid in ${title}.`),
    h('section', { class: 'card', 'aria-labelledby': 'liability-title' },
      h('h2', { id: 'liability-title' }, bilingual('월별 공제액', 'Monthly deductions')),
      liabilityChart(months, title, { value: m => m.totalDeductions, format: formatKrw, name: 'Total deductions' })),
    tableWrap(`Withholding, ${title}`, h('table', { class: 'numbers kr', id: 'report-table' },
      h('caption', {}, `Approved payrolls paid in ${title}, KRW in whole won; ${report.employeeCount} employee${report.employeeCount === 1 ? '' : 's'} paid`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Month'),
        h('th', { scope: 'col' }, bilingual('총지급액', 'Gross pay')),
        krDeductions.map(d => h('th', { scope: 'col' }, bilingual(d.ko, d.en))),
        h('th', { scope: 'col' }, bilingual('공제 합계', 'Total deductions')),
        h('th', { scope: 'col' }, 'Payrolls'))),
      h('tbody', {}, months.map(m => row(monthName(m.month), m))),
      h('tfoot', {}, row('Quarter', report.kr.totals)))),
    businessIncome(report.businessIncome, title),
  ];
}

/** The approved business-income sheets (사업소득) of the period: payees, amount and the two taxes withheld, per month. */
function businessIncome(totals, title) {
  if (!totals || totals.amount === 0) return null;
  const won = amount => h('td', { class: 'num' }, formatKrw(amount));
  const row = (label, m) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', { class: 'num' }, m.payees), won(m.amount), won(m.incomeTax), won(m.localIncomeTax));
  return tableWrap(`Business income, ${title}`, h('table', { class: 'numbers kr', id: 'business-income-report' },
    h('caption', {}, `Business income (사업소득) on approved sheets paid in ${title}, KRW in whole won`),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Month'),
      h('th', { scope: 'col' }, bilingual('인원', 'Payees')),
      h('th', { scope: 'col' }, bilingual('지급액', 'Amount')),
      h('th', { scope: 'col' }, bilingual('소득세', 'Income tax')),
      h('th', { scope: 'col' }, bilingual('지방소득세', 'Local income tax')))),
    h('tbody', {}, totals.months.map(m => row(monthName(m.month), m))),
    h('tfoot', {}, row('Total', totals))));
}

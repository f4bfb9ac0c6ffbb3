// A kr payroll in the payrolls list and on its own page: pay items and the six deductions in whole won, Korean labels
// beside English ones.
import { h } from '../../dom.js';
import { tableWrap, fact, prorationText } from '../../views/common.js';
import { krEarnings } from './compensation.js';
import { formatKrw, bilingual, krDeductions, nonTaxableTotal } from './format.js';

/** The payrolls list: gross (pay items + bonus), the deductions (gross less net) and net pay. */
export const krPayrollList = {
  headings: [bilingual('총지급액', 'Gross pay'), bilingual('공제액', 'Deductions'), bilingual('실지급액', 'Net pay')],
  cells(t) {
    const gross = t.grossWages + t.supplementalWages;
    return [
      h('td', { class: 'num' }, formatKrw(gross)),
      h('td', { class: 'num' }, formatKrw(gross - t.netPay)),
      h('td', { class: 'num' }, formatKrw(t.netPay))];
  },
};

/** A payroll's page: per line the pay items and the six deductions from its `kr` block; the footer from `krTotals`. */
export function krPayrollDetail(payroll) {
  const t = payroll.krTotals;
  const sum = pick => payroll.lines.reduce((total, line) => total + pick(line.kr), 0);
  const payColumns = [
    { ko: '기본급', en: 'Base pay', value: kr => kr.basePay },
    { ko: '과세수당', en: 'Taxable allowances', value: kr => kr.taxableAllowances },
    { ko: '비과세', en: 'Non-taxable', value: kr => nonTaxableTotal(kr.nonTaxable) },
    { ko: '상여', en: 'Bonus', value: kr => kr.bonus },
  ];
  const cell = (amount, attrs = {}) => h('td', { class: 'num', ...attrs }, formatKrw(amount));
  const rows = payroll.lines.map(line => h('tr', {},
    h('th', { scope: 'row' }, line.employeeName, h('span', { class: 'muted mono' }, ` ···${line.ssnLast4}`),
      krEarnings(line.earnings, prorationText(line.earnings))),
    payColumns.map(c => cell(c.value(line.kr))),
    krDeductions.map(d => cell(line.kr[d.key], { dataset: { deduction: d.key } })),
    cell(line.netPay, { class: 'num strong' })));
  return {
    facts: [
      fact(bilingual('총지급액', 'Gross pay'), formatKrw(t.grossPay)),
      fact(bilingual('공제액', 'Deductions'), formatKrw(t.totalDeductions)),
      fact(bilingual('실지급액', 'Net pay'), formatKrw(t.netPay))],
    table: tableWrap('Payroll lines', h('table', { class: 'numbers kr', id: 'payroll-lines', lang: 'en' },
      h('caption', {}, 'Lines (KRW, whole won)'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, bilingual('사원', 'Employee')),
        payColumns.map(c => h('th', { scope: 'col' }, bilingual(c.ko, c.en))),
        krDeductions.map(d => h('th', { scope: 'col' }, bilingual(d.ko, d.en))),
        h('th', { scope: 'col' }, bilingual('실지급액', 'Net pay')))),
      h('tbody', {}, rows),
      h('tfoot', {}, h('tr', {},
        h('th', { scope: 'row' }, bilingual('합계', 'Total')),
        payColumns.map(c => cell(sum(c.value))),
        krDeductions.map(d => cell(t[d.key], { id: `total-${d.key}` })),
        cell(t.netPay, { class: 'num strong', id: 'total-net-pay' }))))),
  };
}

// A us-federal payroll in the payrolls list and on its own page, in dollars.
import { h } from '../../dom.js';
import { formatMoney } from './format.js';
import { tableWrap, fact, prorationText } from '../../views/common.js';
import { usEarnings } from './compensation.js';

/** The payrolls list: gross wages, federal income tax and net pay. */
export const usPayrollList = {
  headings: ['Gross wages', 'Income tax', 'Net pay'],
  cells: t => [
    h('td', { class: 'num' }, formatMoney(t.grossWages)),
    h('td', { class: 'num' }, formatMoney(t.federalIncomeTax)),
    h('td', { class: 'num' }, formatMoney(t.netPay))],
};

/** A payroll's page: per line gross, pre-tax deductions, the federal taxes, the work state's tax and net pay; the employer's share in the facts. */
export function usPayrollDetail(payroll) {
  const t = payroll.totals;
  const rows = payroll.lines.map(line => h('tr', {},
    h('th', { scope: 'row' }, line.employeeName, h('span', { class: 'muted mono' }, ` ···${line.ssnLast4}`),
      usEarnings(line.earnings, prorationText(line.earnings))),
    h('td', { class: 'num' }, formatMoney(line.grossWages + line.supplementalWages)),
    h('td', { class: 'num' }, formatMoney(line.preTaxDeductions.retirement + line.preTaxDeductions.cafeteria + line.preTaxDeductions.hsa)),
    h('td', { class: 'num' }, formatMoney(line.withholdings.federalIncomeTax)),
    h('td', { class: 'num' }, formatMoney(line.withholdings.socialSecurity)),
    h('td', { class: 'num' }, formatMoney(line.withholdings.medicare + line.withholdings.additionalMedicare)),
    h('td', {}, line.stateJurisdiction ?? '—'),
    h('td', { class: 'num' }, formatMoney(line.stateIncomeTax ?? 0)),
    h('td', { class: 'num' }, formatMoney(line.postTaxDeductions)),
    h('td', { class: 'num strong' }, formatMoney(line.netPay))));

  return {
    facts: [
      fact('Gross wages', formatMoney(t.grossWages + t.supplementalWages)),
      fact('Employee taxes', formatMoney(t.federalIncomeTax + t.socialSecurity + t.medicare + t.additionalMedicare + (t.stateIncomeTax ?? 0))),
      fact('Employer taxes', formatMoney(t.employerSocialSecurity + t.employerMedicare)),
      fact('Net pay', formatMoney(t.netPay))],
    table: tableWrap('Payroll lines', h('table', { class: 'numbers', id: 'payroll-lines' },
      h('caption', {}, 'Lines'),
      h('thead', {}, h('tr', {}, ['Employee', 'Gross', 'Pre-tax deductions', 'Income tax', 'Social Security', 'Medicare', 'State', 'State tax', 'Post-tax deductions', 'Net pay']
        .map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows),
      h('tfoot', {}, h('tr', {},
        h('th', { scope: 'row' }, 'Total'),
        h('td', { class: 'num' }, formatMoney(t.grossWages + t.supplementalWages)),
        h('td', { class: 'num' }, formatMoney(t.preTaxDeductions)),
        h('td', { class: 'num', id: 'total-income-tax' }, formatMoney(t.federalIncomeTax)),
        h('td', { class: 'num' }, formatMoney(t.socialSecurity)),
        h('td', { class: 'num' }, formatMoney(t.medicare + t.additionalMedicare)),
        h('td', {}, ''),
        h('td', { class: 'num' }, formatMoney(t.stateIncomeTax ?? 0)),
        h('td', { class: 'num' }, formatMoney(t.postTaxDeductions)),
        h('td', { class: 'num strong' }, formatMoney(t.netPay)))))),
  };
}

// "My payslips": the signed-in person's own payslips (the employee record their membership is bound to), across companies.
import { h, replace } from '../dom.js';
import { api } from '../api.js';
import { pageHeader, emptyState, tableWrap, fact } from './common.js';

const formatters = new Map();

/** An amount in its currency's scale as the payslip prints it: 1,234.56 or 1,234,567. */
function money(amount, currency) {
  if (!formatters.has(currency)) {
    // The currency's own minor digits (two for USD, none for a currency without a minor unit), as the API's amounts have.
    const digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
    formatters.set(currency, new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
  }
  return formatters.get(currency).format(amount);
}

export async function myPayslipsView(ctx) {
  document.title = 'My payslips · Payroll Portal';
  const payslips = await api.get('/api/me/payslips');
  if (!ctx.isCurrent()) return;
  const list = payslips.length === 0
    ? emptyState('There are no payslips for you yet. They appear here once a payroll that pays you is approved.')
    : tableWrap('My payslips', h('table', { class: 'numbers' },
      h('caption', { class: 'visually-hidden' }, 'My payslips'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Pay date'), h('th', { scope: 'col' }, 'Company'), h('th', { scope: 'col' }, 'Period'),
        h('th', { scope: 'col', class: 'num' }, 'Net pay'), h('th', { scope: 'col' }, 'PDF'))),
      h('tbody', {}, payslips.map(p => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `#/my/payslips/${p.companyId}/${p.payrollId}` }, p.payDate)),
        h('td', {}, p.companyName),
        h('td', {}, `${p.periodStart} – ${p.periodEnd}`),
        h('td', { class: 'num' }, `${money(p.netPay, p.currency)} ${p.currency}`),
        h('td', {}, h('a', { href: p.pdfUrl, download: '' }, 'Download PDF')))))));
  replace(ctx.main, pageHeader('My payslips'), list);
}

export async function myPayslipView(ctx) {
  const path = `/api/me/payslips/${encodeURIComponent(ctx.companyId)}/${encodeURIComponent(ctx.payrollId)}`;
  const payslip = await api.get(path);
  if (!ctx.isCurrent()) return;
  document.title = `Payslip ${payslip.payDate} · Payroll Portal`;
  const currency = payslip.currency;
  const row = (label, amount, yearToDate, note) => h('tr', {},
    h('th', { scope: 'row' }, label, note ? h('div', { class: 'hint' }, note) : null),
    h('td', { class: 'num' }, money(amount, currency)),
    h('td', { class: 'num' }, money(yearToDate, currency)));
  const totals = payslip.totals;
  const table = tableWrap('Payslip', h('table', { class: 'numbers payslip' },
    h('caption', { class: 'visually-hidden' }, `Payslip paid ${payslip.payDate}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Item'), h('th', { scope: 'col', class: 'num' }, 'Current'), h('th', { scope: 'col', class: 'num' }, 'Year to date'))),
    payslip.sections.map(section => h('tbody', {},
      h('tr', { class: 'section' }, h('th', { scope: 'rowgroup', colspan: '3' }, section.title)),
      section.items.map(item => row(item.label, item.amount, item.yearToDate, item.calculation)))),
    h('tfoot', {},
      row('Gross pay', totals.grossPay, totals.grossPayYearToDate),
      row('Total deductions', totals.deductions, totals.deductionsYearToDate),
      h('tr', { class: 'net' }, h('th', { scope: 'row' }, 'Net pay'),
        h('td', { class: 'num' }, money(totals.netPay, currency)), h('td', { class: 'num' }, money(totals.netPayYearToDate, currency))))));
  replace(ctx.main,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/my/payslips' }, '← My payslips')),
    pageHeader(`Payslip paid ${payslip.payDate}`, h('a', { class: 'button', href: `${path}.pdf`, download: '' }, 'Download PDF')),
    h('dl', { class: 'facts' },
      fact('Employer', payslip.employer.name),
      fact('Employee', payslip.employee.name),
      fact('Period', `${payslip.periodStart} – ${payslip.periodEnd}`),
      fact('Amounts in', currency)),
    table);
}

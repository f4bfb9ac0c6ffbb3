import { h, monthName, replace } from '../dom.js';
import { getAll, query } from '../api.js';
import { canWrite } from '../session.js';
import { navigate } from '../router.js';
import { companyPage, pageHeader, emptyState, tableWrap, roleNote, statusBadge, exportButtons } from './common.js';
import { regimeOf } from '../regimes/index.js';

export async function payrollsView(ctx) {
  const company = await companyPage(ctx, 'payrolls', 'Payrolls');
  if (!company) return;
  const thisYear = new Date().getFullYear();
  const year = Number(ctx.params.get('year')) || thisYear;
  const month = Number(ctx.params.get('month')) || null;
  const payrolls = await getAll(`/api/companies/${company.id}/payrolls`, { year, month });
  if (!ctx.isCurrent()) return;
  const writer = canWrite(company.id);
  const { payrollList } = regimeOf(company);

  const filter = h('form', { class: 'filters', 'aria-label': 'Choose the month' },
    h('div', { class: 'field' }, h('label', { for: 'payroll-year' }, 'Year'),
      h('select', { id: 'payroll-year', name: 'year' }, range(thisYear - 5, thisYear + 1).reverse().map(y => h('option', { value: y, selected: y === year }, y)))),
    h('div', { class: 'field' }, h('label', { for: 'payroll-month' }, 'Month (pay date)'),
      h('select', { id: 'payroll-month', name: 'month' }, h('option', { value: '' }, 'All months'),
        range(1, 12).map(m => h('option', { value: m, selected: m === month }, monthName(m))))));
  filter.addEventListener('change', () => navigate(`#/c/${company.id}/payrolls${query({ year: filter.elements.year.value, month: filter.elements.month.value })}`));

  const period = month ? `${monthName(month)} ${year}` : String(year);
  const body = payrolls.length === 0
    ? emptyState(`No payrolls paid in ${period}.`, writer ? h('a', { href: `#/c/${company.id}/payrolls/new` }, 'Start a payroll') : null)
    : tableWrap(`Payrolls paid in ${period}`, h('table', { class: 'numbers' },
      h('caption', {}, `Payrolls paid in ${period}`),
      h('thead', {}, h('tr', {}, ['Pay date', 'Period', 'Status', 'Lines', ...payrollList.headings].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, payrolls.map(p => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `#/c/${company.id}/payrolls/${p.id}` }, p.payDate)),
        h('td', {}, `${p.periodStart} – ${p.periodEnd}`),
        h('td', {}, statusBadge(p.status), p.needsReview ? h('span', { class: 'badge badge-review' }, 'Needs review') : null),
        h('td', { class: 'num' }, p.totals.lineCount),
        payrollList.cells(p.totals, company))))));

  replace(ctx.main, 
    pageHeader('Payrolls', writer ? h('a', { class: 'button primary', href: `#/c/${company.id}/payrolls/new` }, 'New payroll') : null),
    roleNote(company.id),
    filter,
    body,
    month ? exportButtons(company.id, { year, month }, `Approved payrolls of ${period}:`) : null);
}

function range(from, to) {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

// The closing dashboard (global administrator): one row per company, one column per month of the year, each month closed,
// in progress (payrolls paid in it, not closed) or none. The figures are GET /api/closings's.
import { h, monthName, replace } from '../dom.js';
import { getAll, query } from '../api.js';
import { isAdmin } from '../session.js';
import { navigate } from '../router.js';
import { setCompanyNav, pageHeader, tableWrap, emptyState } from './common.js';

const statusLabels = { closed: 'Closed', in_progress: 'In progress', none: '—' };

export async function closingsView(ctx) {
  document.title = 'Month closings · Payroll Portal';
  setCompanyNav(null);
  if (!isAdmin()) {
    replace(ctx.main, pageHeader('Month closings'), h('p', { class: 'alert', role: 'alert' }, 'Only the administrator sees every company’s month closings.'));
    return;
  }
  const thisYear = new Date().getFullYear();
  const year = Number(ctx.params.get('year')) || thisYear;
  const [companies, closings] = await Promise.all([
    getAll('/api/companies'),
    getAll('/api/closings', { from: `${year}-01`, to: `${year}-12` }),
  ]);
  if (!ctx.isCurrent()) return;

  const byCompany = new Map();
  for (const item of closings) {
    if (!byCompany.has(item.companyId)) byCompany.set(item.companyId, new Map());
    byCompany.get(item.companyId).set(item.month, item);
  }
  const months = Array.from({ length: 12 }, (_, i) => ({ number: i + 1, key: `${year}-${String(i + 1).padStart(2, '0')}` }));
  const filter = h('form', { class: 'filters', 'aria-label': 'Choose the year' },
    h('div', { class: 'field' }, h('label', { for: 'closings-year' }, 'Year'),
      h('select', { id: 'closings-year', name: 'year' }, Array.from({ length: 7 }, (_, i) => thisYear + 1 - i).map(y => h('option', { value: y, selected: y === year }, y)))));
  filter.addEventListener('change', () => navigate(`#/closings${query({ year: filter.elements.year.value })}`));

  const cell = (company, month) => {
    const item = byCompany.get(company.id)?.get(month.key);
    const status = item?.status ?? 'none';
    const text = status === 'none' ? statusLabels.none : `${statusLabels[status]} (${item.payrolls})`;
    return h('td', { class: `closing closing-${status}`, dataset: { month: month.key, status } },
      status === 'none' ? text : h('a', { href: `#/c/${company.id}/payrolls${query({ year, month: month.number })}` }, text));
  };
  const grid = companies.length === 0 ? emptyState('No companies yet.') : tableWrap(`Month closings, ${year}`, h('table', { id: 'closings-grid', class: 'closings' },
    h('caption', {}, `Months of ${year} by pay date: closed, in progress (payrolls not yet closed), or nothing paid (—)`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Company'), months.map(m => h('th', { scope: 'col' }, monthName(m.number).slice(0, 3))))),
    h('tbody', {}, companies.map(company => h('tr', { dataset: { companyId: company.id } },
      h('th', { scope: 'row' }, company.name),
      months.map(m => cell(company, m)))))));

  replace(ctx.main, pageHeader('Month closings'), filter, grid);
}

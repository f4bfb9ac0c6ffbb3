// A quarter's withholding report from approved payrolls. The figures, the table and the chart come from the company's
// regime module (js/regimes/); this page chooses the quarter and offers the register.
import { h, replace } from '../dom.js';
import { api, query } from '../api.js';
import { navigate } from '../router.js';
import { companyPage, pageHeader, exportButtons } from './common.js';
import { regimeOf } from '../regimes/index.js';

export async function reportView(ctx) {
  const company = await companyPage(ctx, 'report', 'Quarter report');
  if (!company) return;
  const now = new Date();
  // Without a quarter in the address, the API answers the quarter of the latest approved payroll (the current one when
  // there is none), so the first view of the report has figures in it.
  const asked = { year: Number(ctx.params.get('year')) || null, quarter: Number(ctx.params.get('quarter')) || null };
  const report = await api.get(`/api/companies/${company.id}/withholding${query(asked.year ? { year: asked.year, quarter: asked.quarter ?? Math.floor(now.getMonth() / 3) + 1 } : {})}`);
  if (!ctx.isCurrent()) return;
  const { year, quarter } = report;

  const filter = h('form', { class: 'filters', 'aria-label': 'Choose the quarter' },
    h('div', { class: 'field' }, h('label', { for: 'report-year' }, 'Year'),
      h('select', { id: 'report-year', name: 'year' }, Array.from({ length: 7 }, (_, i) => now.getFullYear() + 1 - i).map(y => h('option', { value: y, selected: y === year }, y)))),
    h('div', { class: 'field' }, h('label', { for: 'report-quarter' }, 'Quarter'),
      h('select', { id: 'report-quarter', name: 'quarter' }, [1, 2, 3, 4].map(q => h('option', { value: q, selected: q === quarter }, `Q${q}`)))));
  filter.addEventListener('change', () => navigate(`#/c/${company.id}/report${query({ year: filter.elements.year.value, quarter: filter.elements.quarter.value })}`));

  const title = `Q${quarter} ${year}`;
  replace(ctx.main,
    pageHeader(`Withholding report, ${title}`),
    filter,
    regimeOf(company).report(report, title),
    exportButtons(company.id, { year, quarter }, `Register for ${title}:`));
}

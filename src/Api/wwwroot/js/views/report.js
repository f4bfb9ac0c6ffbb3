// A quarter's withholding liability from approved payrolls (the Form 941 figures), with a bar chart per month.
import { h, svg, formatMoney, monthName, replace } from '../dom.js';
import { api, query } from '../api.js';
import { navigate } from '../router.js';
import { companyPage, pageHeader, tableWrap, exportButtons, emptyState } from './common.js';

export async function reportView(ctx) {
  const company = await companyPage(ctx, 'report', 'Quarter report');
  if (!company) return;
  const now = new Date();
  const year = Number(ctx.params.get('year')) || now.getFullYear();
  const quarter = Number(ctx.params.get('quarter')) || Math.floor(now.getMonth() / 3) + 1;
  const report = await api.get(`/api/companies/${company.id}/withholding${query({ year, quarter })}`);
  if (!ctx.isCurrent()) return;

  const filter = h('form', { class: 'filters', 'aria-label': 'Choose the quarter' },
    h('div', { class: 'field' }, h('label', { for: 'report-year' }, 'Year'),
      h('select', { id: 'report-year', name: 'year' }, Array.from({ length: 7 }, (_, i) => now.getFullYear() + 1 - i).map(y => h('option', { value: y, selected: y === year }, y)))),
    h('div', { class: 'field' }, h('label', { for: 'report-quarter' }, 'Quarter'),
      h('select', { id: 'report-quarter', name: 'quarter' }, [1, 2, 3, 4].map(q => h('option', { value: q, selected: q === quarter }, `Q${q}`)))));
  filter.addEventListener('change', () => navigate(`#/c/${company.id}/report${query({ year: filter.elements.year.value, quarter: filter.elements.quarter.value })}`));

  const title = `Q${quarter} ${year}`;
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

  replace(ctx.main, 
    pageHeader(`Withholding report, ${title}`),
    filter,
    hasData ? null : emptyState(`No approved payrolls were paid in ${title}.`),
    h('section', { class: 'card', 'aria-labelledby': 'liability-title' },
      h('h2', { id: 'liability-title' }, 'Monthly liability'),
      liabilityChart(months, title)),
    tableWrap(`Withholding, ${title}`, h('table', { class: 'numbers', id: 'report-table' },
      h('caption', {}, `Approved payrolls paid in ${title}; ${report.employeeCount} employee${report.employeeCount === 1 ? '' : 's'} paid`),
      h('thead', {}, h('tr', {}, ['Month', 'Wages', 'Income tax withheld', 'Social Security (both shares)', 'Medicare (both shares + additional)', 'Total liability', 'Payrolls']
        .map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, months.map(m => row(monthName(m.month), m))),
      h('tfoot', {}, row('Quarter', t)))),
    exportButtons(company.id, { year, quarter }, `Register for ${title}:`));
}

/** Bars of each month's total liability, scaled to the largest; the table above it carries the same figures as text. */
export function liabilityChart(months, title) {
  const width = 480;
  const height = 220;
  const pad = { top: 24, right: 12, bottom: 32, left: 12 };
  const max = Math.max(...months.map(m => m.totalLiability), 0);
  const slot = (width - pad.left - pad.right) / months.length;
  const barWidth = slot * 0.6;
  const plot = height - pad.top - pad.bottom;
  const description = months.map(m => `${monthName(m.month)} ${formatMoney(m.totalLiability)}`).join(', ');
  return svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': `Total liability by month, ${title}: ${description}` },
    svg('line', { x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom, class: 'axis' }),
    months.map((m, i) => {
      const barHeight = max > 0 ? (m.totalLiability / max) * plot : 0;
      const x = pad.left + i * slot + (slot - barWidth) / 2;
      const y = height - pad.bottom - barHeight;
      return svg('g', { class: 'bar' },
        svg('rect', { x, y, width: barWidth, height: barHeight, rx: 3 }, svg('title', {}, `${monthName(m.month)}: ${formatMoney(m.totalLiability)}`)),
        svg('text', { x: x + barWidth / 2, y: Math.max(y - 6, 12), class: 'value', 'text-anchor': 'middle' }, formatMoney(m.totalLiability)),
        svg('text', { x: x + barWidth / 2, y: height - pad.bottom + 20, class: 'label', 'text-anchor': 'middle' }, monthName(m.month)));
    }));
}

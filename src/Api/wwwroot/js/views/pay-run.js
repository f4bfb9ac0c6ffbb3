// Starting a schedule's period: the hours grid for the schedule's hourly employees (typed, or pasted from a spreadsheet as
// employee number, regular hours, overtime hours), then POST .../runs and the generated draft's page.
import { h, replace, uid } from '../dom.js';
import { api, getAll, query } from '../api.js';
import { canWrite } from '../session.js';
import { formAlert, submitOnce, FormInputError } from '../forms.js';
import { navigate } from '../router.js';
import { companyPage, roleNote, tableWrap, fact, isHourly, recordOn } from './common.js';

export async function payRunView(ctx) {
  const company = await companyPage(ctx, 'schedules', 'Start payroll');
  if (!company) return;
  const periodStart = ctx.params.get('periodStart') ?? '';
  const base = `/api/companies/${company.id}/pay-schedules/${encodeURIComponent(ctx.scheduleId)}`;
  const [periods, employees] = await Promise.all([
    api.get(`${base}/periods${query({ from: periodStart, count: 1 })}`),
    getAll(`/api/companies/${company.id}/employees`),
  ]);
  const period = periods.items[0];
  // Who is paid in the period: the schedule's employees employed on any day of it, as the run decides.
  const inRun = employees.filter(e => e.payScheduleId === periods.scheduleId
    && e.hireDate <= period.periodEnd && (!e.terminationDate || e.terminationDate >= period.periodStart));
  const histories = await Promise.all(inRun.map(e => api.get(`/api/companies/${company.id}/employees/${e.id}/compensation`)));
  if (!ctx.isCurrent()) return;
  const people = inRun.map((e, i) => ({ employee: e, record: recordOn(histories[i].items, period.periodEnd) }));
  const hourly = people.filter(p => isHourly(p.record));
  const others = people.filter(p => !isHourly(p.record));
  const scheduleLink = `#/c/${company.id}/schedules/${periods.scheduleId}`;
  const name = e => `${e.firstName} ${e.lastName}`;

  const back = h('p', { class: 'breadcrumb' }, h('a', { href: scheduleLink }, `← ${periods.name}`));
  const facts = h('dl', { class: 'facts' },
    fact('Period', `${period.periodStart} – ${period.periodEnd}`),
    fact('Pay date', period.payDate),
    fact('Employees', people.length));
  if (period.payrollId || (periodStart && period.periodStart !== periodStart)) {
    replace(ctx.main, back, h('h1', {}, 'Start payroll'), facts,
      h('p', { class: 'alert', role: 'status' }, period.payrollId ? 'This period already has a payroll. ' : `${periodStart} does not start a period of this schedule. `,
        period.payrollId ? h('a', { href: `#/c/${company.id}/payrolls/${period.payrollId}` }, 'Open it') : h('a', { href: scheduleLink }, 'Choose a period')));
    return;
  }

  const money = amount => new Intl.NumberFormat('en-US', { style: 'currency', currency: company.currency }).format(amount);
  const rows = hourly.map(({ employee, record }) => {
    const errorId = uid('hours-error');
    const cell = (label, column) => h('input', {
      class: 'amount', inputmode: 'decimal', autocomplete: 'off',
      'aria-label': `${label}, ${name(employee)}`, 'aria-describedby': errorId,
      dataset: { column, errorPrefix: label },
    });
    const regular = cell('Regular hours', 'regularHours');
    const overtime = cell('Overtime hours', 'overtimeHours');
    const error = h('p', { class: 'field-error', id: errorId, hidden: true });
    const tr = h('tr', { dataset: { employeeId: employee.id } },
      h('th', { scope: 'row' }, name(employee), employee.employeeNumber ? h('span', { class: 'muted mono' }, ` ${employee.employeeNumber}`) : null),
      h('td', { class: 'num' }, money(record.hourlyRate)),
      h('td', {}, regular), h('td', {}, overtime), h('td', {}, error));
    return { employee, tr, regular, overtime };
  });

  const alert = formAlert();
  const gridErrorId = uid('hours-error');
  const grid = hourly.length === 0 ? null : h('div', { class: 'table-wrap', role: 'region', 'aria-label': 'Hours', tabindex: '0', dataset: { field: 'hours' }, 'aria-describedby': gridErrorId },
    h('table', { class: 'grid', id: 'hours-grid' },
      h('caption', {}, 'Hours of the hourly employees'),
      h('thead', {}, h('tr', {}, ['Employee', 'Rate', 'Regular hours', 'Overtime hours', ''].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map(r => r.tr))));
  const gridError = h('p', { class: 'field-error', id: gridErrorId, hidden: true });
  const pasteStatus = h('p', { class: 'hint', role: 'status' });

  // A spreadsheet's Ctrl+V: tab-separated rows of employee number (or name), regular hours and overtime hours, filled
  // into the rows they name, whichever cell has the focus. A header row (no number in the hours column) is skipped.
  grid?.addEventListener('paste', event => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!/[\t\n]/.test(text)) return;
    event.preventDefault();
    const unmatched = [];
    let filled = 0;
    text.split(/\r?\n/).map(line => line.split('\t').map(c => c.trim())).filter(cells => cells.some(c => c !== '')).forEach((cells, i) => {
      const [who, regular = '', overtime = ''] = cells;
      if (i === 0 && regular !== '' && Number.isNaN(Number(regular.replace(/,/g, '')))) return;
      const key = who.toLowerCase();
      const row = rows.find(r => (r.employee.employeeNumber ?? '').toLowerCase() === key || name(r.employee).toLowerCase() === key);
      if (!row) {
        unmatched.push(who);
        return;
      }
      row.regular.value = regular;
      row.overtime.value = overtime;
      filled += 1;
    });
    pasteStatus.textContent = `${filled} row${filled === 1 ? '' : 's'} pasted.`
      + (unmatched.length ? ` No hourly employee on this run has the number or name: ${unmatched.join(', ')}.` : '');
    pasteStatus.classList.toggle('warning', unmatched.length > 0);
  });

  const form = h('form', { class: 'card pay-run', novalidate: true, 'aria-label': 'Start payroll' },
    alert,
    grid ? [h('p', { class: 'hint' }, 'Overtime hours are the hours over 40 in each workweek, paid at 1.5 times the rate. Paste rows from a spreadsheet (employee number, regular hours, overtime hours) into any cell.'), grid, gridError, pasteStatus]
      : h('p', {}, 'No hourly employees are paid in this period: every line comes from the compensation records.'),
    others.length ? h('p', { class: 'hint' }, `Also paid from their records: ${others.map(p => name(p.employee)).join(', ')}.`) : null,
    canWrite(company.id) ? h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Start payroll')) : null);

  // The rows posted, in order: hours[i] errors from the server point back to them.
  let posted = [];
  const parseHours = (input, label, errors) => {
    const text = input.value.replace(/,/g, '').trim();
    if (text === '') return 0;
    if (!/^\d+(\.\d{1,2})?$/.test(text)) errors[label] = ['Enter hours such as 38.5.'];
    return Number(text);
  };
  submitOnce(form, {
    send: key => {
      const errors = {};
      // A row left blank is not sent, so the server names the hourly employees still missing hours.
      posted = rows.filter(r => r.regular.value.trim() !== '' || r.overtime.value.trim() !== '');
      const hours = posted.map((r, i) => ({
        employeeId: r.employee.id,
        regularHours: parseHours(r.regular, `hours[${i}].regularHours`, errors),
        overtimeHours: parseHours(r.overtime, `hours[${i}].overtimeHours`, errors),
      }));
      if (Object.keys(errors).length) throw new FormInputError(errors);
      return api.post(`${base}/runs`, { periodStart: period.periodStart, hours }, { idempotencyKey: key });
    },
    done: run => navigate(`#/c/${company.id}/payrolls/${run.id}`),
    resolve: key => {
      const match = /^hours\[(\d+)\]\.(\w+)$/.exec(key);
      const row = match ? posted[Number(match[1])] : null;
      if (!row) return null;
      return match[2] === 'overtimeHours' ? row.overtime : row.regular;
    },
  });
  // The 409 for a period started meanwhile (another tab, another clerk) names that payroll: link to it in the alert.
  const observer = new MutationObserver(() => {
    const text = alert.textContent;
    const id = /payroll ([0-9a-f-]{36})/.exec(text)?.[1];
    if (id && !alert.querySelector('a')) alert.append(h('p', {}, h('a', { href: `#/c/${company.id}/payrolls/${id}` }, 'Open that payroll')));
  });
  observer.observe(alert, { childList: true, subtree: true });

  replace(ctx.main, back, h('h1', {}, `Start payroll: ${period.periodStart} – ${period.periodEnd}`), roleNote(company.id), facts, form);
  rows[0]?.regular.focus();
}

// Pay schedules: the company's schedules (list, add one) and a schedule's upcoming periods with their pay dates and status,
// each linking to its payroll or to starting it (docs/PORTAL.md, docs/SCHEDULES.md).
import { h, replace } from '../dom.js';
import { api, query } from '../api.js';
import { canWrite } from '../session.js';
import { field, formAlert, submitOnce, FormInputError } from '../forms.js';
import { navigate } from '../router.js';
import { companyPage, pageHeader, emptyState, tableWrap, roleNote, statusBadge, frequencyLabel, fact, loadSchedules, describePayDay } from './common.js';

const scheduleFrequencies = ['weekly', 'biweekly', 'semimonthly', 'monthly'].map(value => ({ value, label: frequencyLabel(value) }));

export async function schedulesView(ctx) {
  const company = await companyPage(ctx, 'schedules', 'Pay schedules');
  if (!company) return;
  const schedules = await loadSchedules(company.id);
  if (!ctx.isCurrent()) return;
  const writer = canWrite(company.id);

  const body = schedules.length === 0
    ? emptyState('No pay schedules yet.')
    : tableWrap('Pay schedules', h('table', { id: 'schedules' },
      h('caption', { class: 'visually-hidden' }, 'Pay schedules'),
      h('thead', {}, h('tr', {}, ['Name', 'Frequency', 'Pay date', 'First period'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, schedules.map(s => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `#/c/${company.id}/schedules/${s.id}` }, s.name)),
        h('td', {}, frequencyLabel(s.frequency)),
        h('td', {}, describePayDay(s)),
        h('td', {}, s.firstPeriodStart))))));

  replace(ctx.main, pageHeader('Pay schedules'), roleNote(company.id), body, writer ? scheduleForm(company) : null);
}

/** A new schedule: monthly schedules may pay on a fixed day of the month instead of a number of days after the period. */
function scheduleForm(company) {
  const f = {
    name: field({ label: 'Schedule name', field: 'name', required: true, autocomplete: 'off' }),
    frequency: field({ label: 'Frequency', field: 'frequency', type: 'select', options: scheduleFrequencies, value: 'biweekly' }),
    firstPeriodStart: field({ label: 'First period starts', field: 'firstPeriodStart', type: 'date', required: true,
      hint: 'Weekly and biweekly periods count from this day; semimonthly and monthly ones follow the calendar from its month.' }),
    rule: field({ label: 'Pay date', field: 'payDayRule', type: 'select', value: 'offset', options: [
      { value: 'offset', label: 'A number of days after the period ends' },
      { value: 'dayOfMonth', label: 'A fixed day of the month' }] }),
    offset: field({ label: 'Days after the period ends', field: 'payDateOffsetDays', type: 'number', value: 5, attrs: { min: '0', step: '1' },
      hint: 'A pay date on a weekend or a company holiday moves to the business day before.' }),
    dayOfMonth: field({ label: 'Pay day of the month', field: 'payDayOfMonth', type: 'number', value: 25, attrs: { min: '1', max: '31', step: '1' },
      hint: '31 means the last day of a shorter month.' }),
    nextMonth: field({ label: 'Paid in the month after the period', field: 'payInNextMonth', type: 'checkbox' }),
  };
  const sync = () => {
    const monthly = f.frequency.control.value === 'monthly';
    f.rule.hidden = !monthly;
    const fixedDay = monthly && f.rule.control.value === 'dayOfMonth';
    f.offset.hidden = fixedDay;
    f.dayOfMonth.hidden = !fixedDay;
    f.nextMonth.hidden = !fixedDay;
  };
  f.frequency.control.addEventListener('change', sync);
  f.rule.control.addEventListener('change', sync);
  sync();

  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'new-schedule' },
    h('h2', { id: 'new-schedule' }, 'Add a pay schedule'),
    formAlert(),
    h('div', { class: 'grid-2' }, f.name, f.frequency, f.firstPeriodStart, f.rule, f.offset, f.dayOfMonth, f.nextMonth),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Add schedule')));

  const whole = (el, name) => {
    const text = el.control.value.trim();
    if (text === '') return null;
    if (!/^\d+$/.test(text)) throw new FormInputError({ [name]: ['Enter a whole number of days.'] });
    return Number(text);
  };
  submitOnce(form, {
    send: key => {
      const fixedDay = f.frequency.control.value === 'monthly' && f.rule.control.value === 'dayOfMonth';
      const body = {
        name: f.name.control.value.trim(),
        frequency: f.frequency.control.value,
        firstPeriodStart: f.firstPeriodStart.control.value || null,
      };
      if (fixedDay) {
        body.payDayOfMonth = whole(f.dayOfMonth, 'payDayOfMonth');
        body.payInNextMonth = f.nextMonth.control.checked;
      } else {
        body.payDateOffsetDays = whole(f.offset, 'payDateOffsetDays') ?? 0;
      }
      return api.post(`/api/companies/${company.id}/pay-schedules`, body, { idempotencyKey: key });
    },
    done: schedule => navigate(`#/c/${company.id}/schedules/${schedule.id}`),
  });
  return form;
}

/** One schedule: its periods from the next one to run (or from a chosen day), each with its pay date, status and payroll. */
export async function scheduleView(ctx) {
  const company = await companyPage(ctx, 'schedules', 'Pay schedule');
  if (!company) return;
  const from = ctx.params.get('from') ?? '';
  const base = `/api/companies/${company.id}/pay-schedules/${encodeURIComponent(ctx.scheduleId)}`;
  const [schedules, periods] = await Promise.all([
    loadSchedules(company.id),
    api.get(`${base}/periods${query({ from, count: 12 })}`),
  ]);
  if (!ctx.isCurrent()) return;
  const schedule = schedules.find(s => s.id === periods.scheduleId);
  const writer = canWrite(company.id);

  const filter = h('form', { class: 'filters', 'aria-label': 'Choose the first period' },
    h('div', { class: 'field' }, h('label', { for: 'periods-from' }, 'Periods from'), h('input', { id: 'periods-from', type: 'date', name: 'from', value: from })),
    h('button', { type: 'submit', class: 'secondary' }, 'Show'),
    from ? h('a', { href: `#/c/${company.id}/schedules/${periods.scheduleId}` }, 'Next to run') : null);
  filter.addEventListener('submit', event => {
    event.preventDefault();
    navigate(`#/c/${company.id}/schedules/${periods.scheduleId}${query({ from: filter.elements.from.value })}`);
  });

  const action = p => {
    if (p.payrollId) return h('a', { href: `#/c/${company.id}/payrolls/${p.payrollId}` }, p.status === 'draft' ? 'Open draft' : 'Open payroll');
    if (!writer) return '';
    return h('a', { class: 'button primary small', href: `#/c/${company.id}/schedules/${periods.scheduleId}/start${query({ periodStart: p.periodStart })}` }, 'Start payroll');
  };
  const table = tableWrap('Periods', h('table', { id: 'schedule-periods' },
    h('caption', {}, from ? `Periods from ${from}` : 'Upcoming periods, from the next one to run'),
    h('thead', {}, h('tr', {}, ['Period', 'Pay date', 'Status', ''].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, periods.items.map(p => h('tr', { dataset: { periodStart: p.periodStart } },
      h('th', { scope: 'row' }, `${p.periodStart} – ${p.periodEnd}`),
      h('td', {}, p.payDate),
      h('td', {}, p.status === 'none' ? h('span', { class: 'badge' }, 'Not started') : statusBadge(p.status)),
      h('td', {}, action(p)))))));

  replace(ctx.main,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/c/${company.id}/schedules` }, '← Pay schedules')),
    pageHeader(periods.name),
    roleNote(company.id),
    h('dl', { class: 'facts' },
      fact('Frequency', frequencyLabel(periods.frequency)),
      schedule ? fact('Pay date', describePayDay(schedule)) : null,
      schedule ? fact('Periods a year', schedule.periodsPerYear) : null),
    filter,
    table);
}

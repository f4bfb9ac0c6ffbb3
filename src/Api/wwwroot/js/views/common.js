// Pieces every company page shares: the company navigation, page headings, loading and empty states, export buttons.
import { h, clear, replace } from '../dom.js';
import { api, WriteIntent } from '../api.js';
import { canWrite, canManageMembers, roleIn, roleLabels } from '../session.js';
import { describe } from '../forms.js';

const companies = new Map();

export async function loadCompany(companyId) {
  if (!companies.has(companyId)) companies.set(companyId, await api.get(`/api/companies/${encodeURIComponent(companyId)}`));
  return companies.get(companyId);
}

/** Forgets what the previous user could see (called on sign-in and sign-out). */
export function forgetCompanies() {
  companies.clear();
}

export function rememberCompany(company) {
  companies.set(company.id, company);
}

// The pages a company's regime module adds (set once by app.js, so this file need not import the regimes, which import it).
let regimePages = () => [];

export function setCompanyNavPages(pagesOf) {
  regimePages = pagesOf;
}

export function setCompanyNav(company, active) {
  const nav = document.getElementById('company-nav');
  if (!company) {
    nav.hidden = true;
    clear(nav);
    return;
  }
  const link = (section, label) => h('a', {
    href: `#/c/${company.id}/${section}`,
    'aria-current': section === active ? 'page' : null,
  }, label);
  replace(nav, 
    h('span', { class: 'company-name' }, company.name),
    h('ul', {},
      h('li', {}, link('payrolls', 'Payrolls')),
      h('li', {}, link('employees', 'Employees')),
      h('li', {}, link('schedules', 'Pay schedules')),
      h('li', {}, link('report', 'Quarter report')),
      regimePages(company).map(p => h('li', {}, link(`r/${p.path}`, p.label))),
      canManageMembers(company.id) ? h('li', {}, link('members', 'Members')) : null,
      canManageMembers(company.id) ? h('li', {}, link('import', 'Import')) : null,
      h('li', {}, link('settings', 'Settings')),
      h('li', {}, h('a', { href: '#/companies' }, 'All companies'))));
  nav.hidden = false;
}

/** Loads the company, sets the navigation and the document title; returns the company. */
export async function companyPage(ctx, section, title) {
  const company = await loadCompany(ctx.companyId);
  if (!ctx.isCurrent()) return null;
  setCompanyNav(company, section);
  document.title = `${title} · ${company.name} · Payroll Portal`;
  return company;
}

export function pageHeader(title, ...actions) {
  return h('div', { class: 'page-header' }, h('h1', {}, title), actions.length ? h('div', { class: 'actions' }, actions) : null);
}

export function roleNote(companyId) {
  const role = roleIn(companyId);
  return role && !canWrite(companyId) ? h('p', { class: 'role-note' }, `You have read-only access (${roleLabels[role] ?? role}).`) : null;
}

export function emptyState(message, action) {
  return h('div', { class: 'empty', role: 'status' }, h('p', {}, message), action ?? null);
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

export function tableWrap(caption, table) {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' }, table);
}

/** One term of a <dl class="facts">: a label and its value. */
export function fact(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
}

export function statusBadge(status) {
  return h('span', { class: `badge badge-${status}` }, status[0].toUpperCase() + status.slice(1));
}

/**
 * "Download CSV" / "Download XLSX" for one export scope. Each click asks the API for a fresh link (an idempotent write:
 * one key per click) and then downloads it; the link is signed and short-lived, so it is never kept.
 */
export function exportButtons(companyId, scope, label) {
  if (!canWrite(companyId)) return null;
  const status = h('p', { class: 'export-status', role: 'status' });
  const button = format => {
    const intent = new WriteIntent();
    const el = h('button', {
      type: 'button',
      class: 'secondary',
      dataset: { export: format },
      on: {
        click: async () => {
          el.disabled = true;
          status.textContent = `Preparing the ${format.toUpperCase()} file…`;
          try {
            const link = await intent.run(key => api.post(`/api/companies/${companyId}/exports`, { scope, format }, { idempotencyKey: key }));
            const anchor = h('a', { href: link.url, download: '', hidden: true });
            document.body.append(anchor);
            anchor.click();
            anchor.remove();
            status.textContent = `The ${format.toUpperCase()} download has started.`;
          } catch (error) {
            status.textContent = `Export failed: ${describe(error)}`;
          } finally {
            el.disabled = false;
          }
        },
      },
    }, `Download ${format.toUpperCase()}`);
    return el;
  };
  return h('div', { class: 'exports', role: 'group', 'aria-label': label }, h('span', { class: 'exports-label' }, label), button('csv'), button('xlsx'), status);
}

export const payFrequencies = [
  { value: 'weekly', label: 'Weekly' },
  { value: 'biweekly', label: 'Every two weeks' },
  { value: 'semimonthly', label: 'Twice a month' },
  { value: 'monthly', label: 'Monthly' },
  { value: 'quarterly', label: 'Quarterly' },
  { value: 'semiannual', label: 'Twice a year' },
  { value: 'annual', label: 'Yearly' },
  { value: 'daily', label: 'Daily' },
];

export function frequencyLabel(value) {
  return payFrequencies.find(f => f.value === value)?.label ?? value;
}

/**
 * One payroll line computed as saving it would (POST /api/companies/{id}/payrolls/preview: the employee's profile in effect
 * on the pay date, this year's approved payrolls), nothing stored. Both regimes' payroll grids preview their rows with it.
 */
export async function previewLine(company, head, payFrequency, line, signal) {
  const result = await api.post(`/api/companies/${company.id}/payrolls/preview`, {
    periodStart: head.periodStart,
    payDate: head.payDate,
    payFrequency,
    lines: [line],
  }, { signal });
  return result.lines[0];
}

/** The company's pay schedules (a handful), for the schedules page, the employee form and a payroll's page. */
export async function loadSchedules(companyId) {
  const page = await api.get(`/api/companies/${encodeURIComponent(companyId)}/pay-schedules`);
  return page.items;
}

const ordinal = n => `${n}${[11, 12, 13].includes(n % 100) ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

/** A schedule's pay-date rule in words: "5 days after the period ends", "On the 25th", "On the 10th of the next month". */
export function describePayDay(schedule) {
  if (schedule.payDayOfMonth) {
    const day = schedule.payDayOfMonth === 31 ? 'the last day' : `the ${ordinal(schedule.payDayOfMonth)}`;
    return `On ${day}${schedule.payInNextMonth ? ' of the next month' : ''}`;
  }
  const days = schedule.payDateOffsetDays;
  return days === 0 ? 'The day the period ends' : `${days} day${days === 1 ? '' : 's'} after the period ends`;
}

/**
 * A run's proration of a line in words, for the payroll page: "8/10 weekdays (0.8)" or "17/31 calendar days (0.548387)";
 * null for a line paid the whole period or typed by hand. The regime modules add what else made the pay (hours, premiums).
 */
export function prorationText(earnings) {
  if (!earnings || earnings.daysEmployed == null || earnings.daysInPeriod == null) return null;
  const basis = earnings.prorationBasis === 'weekdays' ? 'weekdays' : 'calendar days';
  return `${earnings.daysEmployed}/${earnings.daysInPeriod} ${basis} (${Number(earnings.prorationFactor)})`;
}

/** Hours are only entered for an hourly record: the same test the server's runs make (ICompensationTerms.IsHourly). */
export function isHourly(record) {
  return record?.payType === 'hourly';
}

/** The compensation record in effect on a day: the latest effective date on or before it (the history is newest first). */
export function recordOn(records, day) {
  return records.find(r => r.effectiveFrom <= day) ?? null;
}

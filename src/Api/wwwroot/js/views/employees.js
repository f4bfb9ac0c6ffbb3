// The employees list and the employee page. Which columns the list shows and what the form holds (the national
// identifier, the tax profile and its history) come from the company's regime module (js/regimes/).
import { h, replace } from '../dom.js';
import { api, getAll, query } from '../api.js';
import { canWrite } from '../session.js';
import { navigate } from '../router.js';
import { regimeOf } from '../regimes/index.js';
import { companyPage, pageHeader, emptyState, roleNote, loadSchedules } from './common.js';
import { compensationSection } from './compensation.js';

export async function employeesView(ctx) {
  const company = await companyPage(ctx, 'employees', 'Employees');
  if (!company) return;
  const q = ctx.params.get('q') ?? '';
  const employees = await getAll(`/api/companies/${company.id}/employees`, { q });
  if (!ctx.isCurrent()) return;
  const writer = canWrite(company.id);
  const regime = regimeOf(company);

  const search = h('form', { class: 'search', role: 'search' },
    h('label', { for: 'employee-search' }, 'Search by name'),
    h('input', { id: 'employee-search', type: 'search', name: 'q', value: q }),
    h('button', { type: 'submit', class: 'secondary' }, 'Search'));
  search.addEventListener('submit', event => {
    event.preventDefault();
    navigate(`#/c/${company.id}/employees${query({ q: search.elements.q.value.trim() })}`);
  });

  const add = writer && regime.employeeForm ? h('a', { class: 'button primary', href: `#/c/${company.id}/employees/new` }, 'Add employee') : null;
  const body = employees.length === 0
    ? emptyState(q ? `No employee matches “${q}”.` : 'No employees yet.', add && !q ? h('a', { href: `#/c/${company.id}/employees/new` }, 'Add the first employee') : null)
    : regime.employeeTable(company, employees);

  replace(ctx.main, pageHeader('Employees', add), roleNote(company.id), search, body);
}

export async function employeeFormView(ctx) {
  const isNew = !ctx.employeeId;
  const company = await companyPage(ctx, 'employees', isNew ? 'New employee' : 'Employee');
  if (!company) return;
  const path = `/api/companies/${company.id}/employees/${encodeURIComponent(ctx.employeeId)}`;
  const regime = regimeOf(company);
  const [employee, schedules, compensation] = await Promise.all([
    isNew ? null : api.get(path),
    loadSchedules(company.id),
    isNew || !regime.compensation ? null : api.get(`${path}/compensation`),
  ]);
  if (!ctx.isCurrent()) return;
  if (!regime.employeeForm) {
    noPortalModule(ctx, company, employee);
    return;
  }
  regime.employeeForm(ctx, company, employee, { schedules });
  if (compensation) ctx.main.append(compensationSection(company, employee, regime.compensation, compensation));
}

/** A regime registered on the server without a portal module: its employees are managed through the API. */
function noPortalModule(ctx, company, employee) {
  replace(ctx.main,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/c/${company.id}/employees` }, '← Employees')),
    h('h1', { id: 'employee-title' }, employee ? `${employee.firstName} ${employee.lastName}` : 'New employee'),
    h('p', { class: 'alert', role: 'status' }, `The portal has no form for the “${company.regime}” withholding regime's profile. Add and change these employees through the API (see /api/docs).`));
}

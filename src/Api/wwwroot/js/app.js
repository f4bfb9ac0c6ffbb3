// Boot: find the session, then render the view the hash names. Views are plain functions that fill <main>.
import { h, clear, replace } from './dom.js';
import { setUnauthorizedHandler } from './api.js';
import { route, match, currentLocation, navigate } from './router.js';
import { loadSession, session, signOut, onlyEmployee } from './session.js';
import { describe } from './forms.js';
import { loginView } from './views/login.js';
import { companiesView } from './views/companies.js';
import { employeesView, employeeFormView } from './views/employees.js';
import { payrollsView } from './views/payrolls.js';
import { payrollEditorView } from './views/payroll-editor.js';
import { payrollDetailView } from './views/payroll-detail.js';
import { reportView } from './views/report.js';
import { membersView } from './views/members.js';
import { passwordView } from './views/password.js';
import { tokensView } from './views/tokens.js';
import { closingsView } from './views/closings.js';
import { schedulesView, scheduleView } from './views/schedules.js';
import { payRunView } from './views/pay-run.js';
import { settingsView } from './views/settings.js';
import { auditView } from './views/audit.js';
import { regimePageView } from './views/regime-page.js';
import { myPayslipsView, myPayslipView } from './views/my-payslips.js';
import { importView } from './views/import.js';
import { setCompanyNav, setCompanyNavPages, forgetCompanies } from './views/common.js';
import { regimeOf } from './regimes/index.js';

route('/login', loginView);
route('/', ctx => navigate(onlyEmployee() ? '#/my/payslips' : '#/companies') ?? ctx);
route('/companies', companiesView);
route('/c/:companyId', ctx => navigate(`#/c/${ctx.companyId}/payrolls`) ?? ctx);
route('/c/:companyId/employees', employeesView);
route('/c/:companyId/employees/new', employeeFormView);
route('/c/:companyId/employees/:employeeId', employeeFormView);
route('/c/:companyId/payrolls', payrollsView);
route('/c/:companyId/payrolls/new', payrollEditorView);
route('/c/:companyId/payrolls/:payrollId', payrollDetailView);
route('/c/:companyId/payrolls/:payrollId/edit', payrollEditorView);
route('/c/:companyId/schedules', schedulesView);
route('/c/:companyId/schedules/:scheduleId', scheduleView);
route('/c/:companyId/schedules/:scheduleId/start', payRunView);
route('/c/:companyId/report', reportView);
route('/c/:companyId/members', membersView);
route('/c/:companyId/import', importView);
route('/c/:companyId/settings', settingsView);
route('/c/:companyId/r/:page', regimePageView);
route('/c/:companyId/r/:page/:itemId', regimePageView);
setCompanyNavPages(company => regimeOf(company).pages ?? []);
route('/account/password', passwordView);
route('/account/tokens', tokensView);
route('/closings', closingsView);
route('/audit', auditView);
route('/my/payslips', myPayslipsView);
route('/my/payslips/:companyId/:payrollId', myPayslipView);

const main = document.getElementById('main');
let renderToken = 0;

function returnTo() {
  const hash = location.hash;
  return hash && !hash.startsWith('#/login') ? hash : '#/';
}

setUnauthorizedHandler(() => {
  if (!location.hash.startsWith('#/login')) navigate(`#/login?next=${encodeURIComponent(returnTo())}`);
});

function showUser() {
  const box = document.getElementById('user-box');
  const current = session();
  box.hidden = !current;
  document.getElementById('user-email').textContent = current?.user.email ?? '';
  for (const [id, path] of [['my-payslips', '/my/payslips'], ['change-password', '/account/password'], ['api-tokens', '/account/tokens']]) {
    const link = document.getElementById(id);
    if (currentLocation().path === path) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function render() {
  const token = ++renderToken;
  const { path, params } = currentLocation();
  if (!session() && path !== '/login') {
    navigate(`#/login?next=${encodeURIComponent(returnTo())}`);
    return;
  }
  showUser();
  const found = match(path);
  if (!found?.values.companyId) setCompanyNav(null);
  clear(main);
  main.setAttribute('aria-busy', 'true');
  main.append(h('p', { class: 'loading', role: 'status' }, 'Loading…'));
  const context = { ...found?.values, params, main, isCurrent: () => token === renderToken };
  try {
    if (!found) {
      replace(main, h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/companies' }, 'Go to your companies')));
      return;
    }
    await found.handler(context);
  } catch (error) {
    if (token !== renderToken) return;
    replace(main, h('h1', {}, 'Something went wrong'), h('p', { class: 'alert', role: 'alert' }, describe(error)),
      h('p', {}, h('a', { href: '#/companies' }, 'Back to your companies')));
  } finally {
    if (token === renderToken) main.removeAttribute('aria-busy');
  }
}

document.getElementById('sign-out').addEventListener('click', async () => {
  await signOut().catch(() => {});
  forgetCompanies();
  showUser();
  setCompanyNav(null);
  navigate('#/login');
});

window.addEventListener('hashchange', render);

try {
  await loadSession();
} catch (error) {
  replace(main, h('h1', {}, 'The portal cannot reach the server'), h('p', { class: 'alert', role: 'alert' }, describe(error)));
}
await render();

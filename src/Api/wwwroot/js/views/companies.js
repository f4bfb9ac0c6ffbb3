import { h, replace } from '../dom.js';
import { api, getAll } from '../api.js';
import { session, isAdmin, roleLabels } from '../session.js';
import { field, formAlert, submitOnce } from '../forms.js';
import { navigate } from '../router.js';
import { pageHeader, emptyState, tableWrap, rememberCompany, setCompanyNav } from './common.js';
import { portalRegimes } from '../regimes/index.js';

export async function companiesView(ctx) {
  document.title = 'Companies · Payroll Portal';
  setCompanyNav(null);
  const admin = isAdmin();
  // An administrator sees every company; anyone else sees the companies they are a member of, with their role.
  const rows = admin
    ? (await getAll('/api/companies')).map(c => {
      rememberCompany(c);
      return { id: c.id, name: c.name, detail: c.slug, role: 'admin' };
    })
    : session().memberships.map(m => ({ id: m.companyId, name: m.companyName, detail: '', role: m.role }));
  if (!ctx.isCurrent()) return;

  const list = rows.length === 0
    ? emptyState(admin ? 'There are no companies yet. Create the first one below.' : 'You are not a member of any company yet. Ask an administrator to add you.')
    : tableWrap('Companies', h('table', {},
      h('caption', { class: 'visually-hidden' }, 'Companies'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Company'), h('th', { scope: 'col' }, admin ? 'Slug' : 'Your role'))),
      h('tbody', {}, rows.map(r => h('tr', {},
        h('th', { scope: 'row' }, h('a', { href: `#/c/${r.id}/payrolls` }, r.name)),
        h('td', {}, admin ? r.detail : roleLabels[r.role] ?? r.role))))));

  replace(ctx.main, pageHeader('Companies', ...(admin ? [h('a', { class: 'button secondary', href: '#/closings' }, 'Month closings'), h('a', { class: 'button secondary', href: '#/audit' }, 'Audit trail')] : [])), list, admin ? createCompanyForm() : null);
}

function createCompanyForm() {
  const name = field({ label: 'Name', field: 'name', required: true });
  const slug = field({ label: 'Slug', field: 'slug', required: true, hint: 'Lower-case letters, digits and dashes, 3–63 characters; it cannot change later.' });
  const ein = field({ label: 'EIN', field: 'ein', hint: 'Optional, as NN-NNNNNNN.', inputmode: 'numeric' });
  // The regimes the portal has pages for, in their registration order (js/regimes/index.js); the first is the default.
  const regime = field({ label: 'Withholding regime', field: 'regime', type: 'select', value: portalRegimes[0].code, hint: 'Chosen once: it decides the currency, the employee fields and the deductions.',
    options: portalRegimes.map(r => ({ value: r.code, label: r.label })) });
  name.control.addEventListener('input', () => {
    if (!slug.control.dataset.touched) {
      slug.control.value = name.control.value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
    }
  });
  slug.control.addEventListener('input', () => { slug.control.dataset.touched = '1'; });
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'new-company' },
    h('h2', { id: 'new-company' }, 'New company'), formAlert(), name, slug, ein, regime,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create company')));
  submitOnce(form, {
    send: key => api.post('/api/companies', {
      name: name.control.value,
      slug: slug.control.value.trim(),
      ein: ein.control.value.trim() || null,
      regime: regime.control.value,
    }, { idempotencyKey: key }),
    done: company => {
      rememberCompany(company);
      navigate(`#/c/${company.id}/employees`);
    },
  });
  return form;
}

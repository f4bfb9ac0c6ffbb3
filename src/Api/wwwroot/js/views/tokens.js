// My API tokens: list them, create one (its secret shown once, with a copy button), revoke one. Every signed-in user has
// this page; a token can have at most the role its owner has in the company (the API checks).
import { h, replace, todayIso } from '../dom.js';
import { api, getAll, WriteIntent } from '../api.js';
import { session, isAdmin, roleLabels } from '../session.js';
import { field, formAlert, submitOnce, showError, clearErrors } from '../forms.js';
import { setCompanyNav, pageHeader, emptyState, tableWrap } from './common.js';

const day = instant => (typeof instant === 'string' ? instant.slice(0, 10) : '');

export async function tokensView(ctx) {
  document.title = 'API tokens · Payroll Portal';
  setCompanyNav(null);
  const tokens = await getAll('/api/tokens');
  if (!ctx.isCurrent()) return;
  const companies = new Map((session()?.memberships ?? []).map(m => [m.companyId, m.companyName]));
  const status = h('p', { class: 'visually-hidden', role: 'status', id: 'tokens-status' });
  const listBox = h('div', { id: 'tokens-list' }, tokenList(tokens, companies, status));
  const refresh = async () => replace(listBox, tokenList(await getAll('/api/tokens'), companies, status));

  replace(ctx.main,
    pageHeader('API tokens'),
    h('p', { class: 'hint page-intro' }, 'A token lets a script or another system call the API as you, with the role you give it, until it expires or you revoke it. Send it as “Authorization: Bearer …”.'),
    status,
    listBox,
    createForm(companies, refresh));
}

function tokenList(tokens, companies, status) {
  return tokens.length === 0
    ? emptyState('You have no API tokens.')
    : tableWrap('API tokens', h('table', { id: 'tokens-table' },
      h('caption', {}, 'Your API tokens'),
      h('thead', {}, h('tr', {}, ['Name', 'Company', 'Role', 'Created', 'Expires', 'Last used', ''].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, tokens.map(token => tokenRow(token, companies, status)))));
}

function tokenRow(token, companies, status) {
  const intent = new WriteIntent();
  const cell = h('td', {});
  const revoke = h('button', { type: 'button', class: 'secondary small', 'aria-label': `Revoke ${token.name}` }, 'Revoke…');
  const confirm = h('button', { type: 'button', class: 'danger small' }, 'Revoke token');
  const box = h('div', { class: 'inline-confirm', hidden: true },
    h('span', {}, `Revoke “${token.name}”? Calls with it stop at once.`), confirm);
  revoke.addEventListener('click', () => { box.hidden = false; confirm.focus(); });
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    clearErrors(cell);
    try {
      await intent.run(key => api.delete(`/api/tokens/${token.id}`, { idempotencyKey: key }));
      row.remove();
      status.textContent = `${token.name} was revoked.`;
    } catch (error) {
      showError(cell, error);
      confirm.disabled = false;
    }
  });
  cell.append(formAlert(), revoke, box);
  const row = h('tr', { dataset: { tokenId: token.id } },
    h('th', { scope: 'row' }, token.name),
    h('td', {}, token.companyId ? companies.get(token.companyId) ?? token.companyId : 'All companies'),
    h('td', {}, roleLabels[token.role] ?? token.role),
    h('td', {}, day(token.createdAt)),
    h('td', {}, day(token.expiresAt)),
    h('td', {}, token.lastUsedAt ? day(token.lastUsedAt) : 'Never'),
    cell);
  return row;
}

function createForm(companies, refresh) {
  const admin = isAdmin();
  const companyOptions = [...companies.entries()].map(([id, name]) => ({ value: id, label: name }));
  if (admin) companyOptions.unshift({ value: '', label: 'All companies (administrator token)' });
  const name = field({ label: 'Name', field: 'name', required: true, hint: 'What uses it, such as “nightly export”.' });
  const company = field({ label: 'Company', field: 'companyId', type: 'select', options: companyOptions });
  const role = field({ label: 'Role', field: 'role', type: 'select', value: 'viewer', options: [
    { value: 'viewer', label: roleLabels.viewer },
    { value: 'payroll_manager', label: roleLabels.payroll_manager },
    { value: 'company_admin', label: roleLabels.company_admin }] });
  const expires = field({ label: 'Expires on', field: 'expiresAt', type: 'date', hint: 'Optional; the API’s default lifetime applies when blank.', attrs: { min: todayIso() } });
  const result = h('div', { class: 'add-result', id: 'token-result', role: 'status' });
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'new-token' },
    h('h2', { id: 'new-token' }, 'Create a token'), formAlert(), name, company, role, expires,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create token')),
    result);
  const syncRole = () => { role.hidden = company.control.value === ''; };
  company.control.addEventListener('change', syncRole);
  syncRole();
  submitOnce(form, {
    send: key => {
      replace(result);
      const everywhere = company.control.value === '';
      return api.post('/api/tokens', {
        name: name.control.value.trim(),
        companyId: everywhere ? null : company.control.value,
        role: everywhere ? 'admin' : role.control.value,
        // The end of the chosen day, UTC.
        expiresAt: expires.control.value ? `${expires.control.value}T23:59:59Z` : null,
      }, { idempotencyKey: key });
    },
    done: created => {
      const secret = h('code', { class: 'mono generated-password', id: 'new-token-secret' }, created.token);
      const copy = h('button', { type: 'button', class: 'secondary small' }, 'Copy');
      copy.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(created.token);
          copy.textContent = 'Copied';
        } catch {
          // Without clipboard access (a plain-HTTP origin), select the text so Ctrl+C copies it.
          getSelection()?.selectAllChildren(secret);
          copy.textContent = 'Selected: press Ctrl+C';
        }
      });
      replace(result, h('div', { class: 'notice secret' },
        h('p', {}, `“${created.name}” was created. The token:`),
        h('p', {}, secret, ' ', copy),
        h('p', { class: 'strong' }, 'It is shown only this once. Copy it now; afterwards only its name is listed above.')));
      name.control.value = '';
      return refresh();
    },
  });
  return form;
}

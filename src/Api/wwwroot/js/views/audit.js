// The audit trail (global administrator): events filtered by company, action, entity, actor and date range, a page at a
// time (keyset: "Next page" follows the API's nextCursor), and the hash chains' verification, as `payroll audit verify`
// reports it (GET /api/audit/verify). The filters live in the address, so a filtered view can be bookmarked.
import { h, replace } from '../dom.js';
import { api, getAll, query, ApiError } from '../api.js';
import { isAdmin } from '../session.js';
import { navigate } from '../router.js';
import { field, formAlert, showError, describe } from '../forms.js';
import { setCompanyNav, pageHeader, tableWrap, emptyState } from './common.js';

const PAGE = 50;
const filterNames = ['companyId', 'action', 'entityType', 'entityId', 'actorId', 'from', 'to'];
const entityTypes = ['company', 'employee', 'payroll', 'period', 'user', 'api_token', 'message'];
const actions = ['company.created', 'company.updated', 'employee.created', 'employee.updated', 'payroll.created', 'payroll.lines_replaced',
  'payroll.approved', 'payroll.voided', 'period.closed', 'period.reopened', 'export.link_issued', 'user.created', 'membership.added',
  'membership.changed', 'membership.removed', 'token.created', 'token.revoked', 'token.revoked_all', 'auth.login_succeeded',
  'auth.login_failed', 'auth.locked_out', 'auth.logged_out', 'auth.password_changed', 'auth.access_denied'];

/** A day (yyyy-mm-dd) as the API's instants: from the start of the first day to the start of the day after the last (UTC). */
const startOf = day => (day ? `${day}T00:00:00Z` : null);
const dayAfter = day => {
  if (!day) return null;
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().replace('.000Z', 'Z');
};

export async function auditView(ctx) {
  document.title = 'Audit trail · Payroll Portal';
  setCompanyNav(null);
  if (!isAdmin()) {
    replace(ctx.main, pageHeader('Audit trail'), h('p', { class: 'alert', role: 'alert' }, 'Only the administrator sees the audit trail here.'));
    return;
  }
  const filters = Object.fromEntries(filterNames.map(n => [n, ctx.params.get(n) ?? '']));
  const cursor = ctx.params.get('cursor');
  // A page size in the address (limit=) is kept while paging; the form always starts again at the default.
  const limit = Number(ctx.params.get('limit')) || null;
  const [companies, members] = await Promise.all([
    getAll('/api/companies'),
    filters.companyId ? getAll(`/api/companies/${encodeURIComponent(filters.companyId)}/users`).catch(() => []) : Promise.resolve([]),
  ]);
  if (!ctx.isCurrent()) return;

  const form = filterForm(filters, companies, members);
  let results = null;
  let refused = null;
  try {
    const page = await api.get('/api/audit' + query({
      companyId: filters.companyId, action: filters.action, entityType: filters.entityType, entityId: filters.entityId,
      actorId: filters.actorId, from: startOf(filters.from), to: dayAfter(filters.to), limit: limit ?? PAGE, cursor,
    }));
    if (!ctx.isCurrent()) return;
    results = eventList(page, { ...filters, limit }, cursor, companies);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400) throw error;
    refused = error;
  }

  replace(ctx.main, pageHeader('Audit trail'), verifyPanel(), form, results ?? emptyState('Correct the filters to see events.'));
  // The API names the filter it refused; the message goes beside that control.
  if (refused) showError(form, refused);
}

function filterForm(filters, companies, members) {
  const company = field({ label: 'Company', field: 'companyId', type: 'select', value: filters.companyId,
    options: [{ value: '', label: 'All companies' }, ...companies.map(c => ({ value: c.id, label: c.name }))] });
  const action = field({ label: 'Action', field: 'action', value: filters.action, attrs: { list: 'audit-actions' }, hint: 'For example payroll.approved.' });
  const entityType = field({ label: 'Entity type', field: 'entityType', type: 'select', value: filters.entityType,
    options: [{ value: '', label: 'Any' }, ...entityTypes.map(t => ({ value: t, label: t }))] });
  const entityId = field({ label: 'Entity id', field: 'entityId', value: filters.entityId, hint: 'The id of the company, employee, payroll… the event concerns.' });
  const actor = field({ label: 'Actor', field: 'actorId', type: 'select', value: filters.actorId,
    readonly: !filters.companyId,
    hint: filters.companyId ? 'What this member did, signed in or with their API tokens.' : 'Choose a company to pick one of its members.',
    options: [{ value: '', label: 'Anyone' }, ...members.map(m => ({ value: m.userId, label: m.email }))] });
  const from = field({ label: 'From', field: 'from', type: 'date', value: filters.from });
  const to = field({ label: 'To', field: 'to', type: 'date', value: filters.to, hint: 'Inclusive, in UTC.' });
  const form = h('form', { class: 'card filters', id: 'audit-filters', novalidate: true, 'aria-labelledby': 'audit-filters-title' },
    h('h2', { id: 'audit-filters-title' }, 'Filters'), formAlert(),
    h('datalist', { id: 'audit-actions' }, actions.map(a => h('option', { value: a }))),
    company, action, entityType, entityId, actor, from, to,
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Show events'),
      h('a', { class: 'button secondary', href: '#/audit' }, 'Clear filters')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = Object.fromEntries(filterNames.map(n => [n, form.elements[n].value.trim()]));
    // A member list belongs to one company: changing the company drops the actor.
    if (chosen.companyId !== filters.companyId) chosen.actorId = '';
    navigate(`#/audit${query(chosen)}`);
  });
  return form;
}

function eventList(page, filters, cursor, companies) {
  const names = new Map(companies.map(c => [c.id, c.name]));
  const links = h('div', { class: 'pager' },
    cursor ? h('a', { class: 'button secondary', href: `#/audit${query(filters)}` }, 'First page') : null,
    page.nextCursor ? h('a', { class: 'button secondary', id: 'audit-next', href: `#/audit${query({ ...filters, cursor: page.nextCursor })}` }, 'Next page') : null);
  if (page.items.length === 0) return h('div', {}, emptyState(cursor ? 'No more events.' : 'No events match these filters.'), links);
  return h('div', {},
    tableWrap('Audit events', h('table', { id: 'audit-events' },
      h('caption', {}, `Events, oldest first (${page.items.length}${page.nextCursor ? ', more on the next page' : ''})`),
      h('thead', {}, h('tr', {}, ['When (UTC)', 'Action', 'Actor', 'Company', 'Entity', 'Details'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, page.items.map(e => h('tr', { dataset: { eventId: e.id, action: e.action } },
        h('td', { class: 'mono' }, e.occurredAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')),
        h('th', { scope: 'row' }, e.action),
        h('td', {}, e.actor),
        h('td', {}, e.companyId ? names.get(e.companyId) ?? e.companyId : '—'),
        h('td', {}, h('span', {}, e.targetType), ' ', h('span', { class: 'mono muted' }, e.targetId)),
        h('td', { class: 'mono details' }, JSON.stringify(e.details))))))),
    links);
}

function verifyPanel() {
  const result = h('div', { id: 'audit-verify-result', role: 'status' });
  const button = h('button', { type: 'button', class: 'secondary' }, 'Verify the hash chains');
  button.addEventListener('click', async () => {
    button.disabled = true;
    replace(result, h('p', {}, 'Checking every chain…'));
    try {
      const report = await api.get('/api/audit/verify');
      replace(result, report.isIntact
        ? h('p', { class: 'verify-ok' }, `Intact: ${report.events} event(s) in ${report.chains} chain(s), every link holds.`)
        : h('div', { class: 'alert' },
          h('p', {}, `Altered: ${report.problemCount} problem(s) in ${report.brokenChains} chain(s). The first: ${report.firstProblem}`),
          h('ul', {}, report.problems.map(p => h('li', {}, p))),
          report.problemCount > report.problems.length ? h('p', {}, `… and ${report.problemCount - report.problems.length} more; run payroll audit verify for the full list.`) : null));
    } catch (error) {
      replace(result, h('p', { class: 'alert' }, describe(error)));
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'audit-verify-title' },
    h('h2', { id: 'audit-verify-title' }, 'Tamper evidence'),
    h('p', { class: 'hint' }, 'Walks every hash chain, as payroll audit verify does: each event must match its hash and follow the previous one.'),
    button, result);
}

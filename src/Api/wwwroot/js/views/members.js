// Company members: a company admin (or the global administrator) lists, adds, re-roles and removes the company's members.
import { h, uid, replace } from '../dom.js';
import { api, ApiError } from '../api.js';
import { canManageMembers, loadSession, roleLabels, session } from '../session.js';
import { describe, field, formAlert, submitOnce } from '../forms.js';
import { navigate } from '../router.js';
import { companyPage, pageHeader, emptyState, tableWrap } from './common.js';

const companyRoles = [
  { value: 'viewer', label: roleLabels.viewer },
  { value: 'payroll_manager', label: roleLabels.payroll_manager },
  { value: 'company_admin', label: roleLabels.company_admin },
];

/**
 * Messages for the conflicts whose API wording speaks to REST clients ("send the request without a password", a PATCH
 * route): the portal says what to do on this page. Keyed by the problem's `code`; the field stays the one the API named.
 */
const portalWording = {
  'member.already_member': 'This account is already a member of the company. Change its role in the list above.',
  'user.email_taken': 'An account with this email already exists. Leave the password blank to add it to this company: the account keeps its own password.',
};

function reworded(error) {
  const text = error instanceof ApiError ? portalWording[error.problem.code] : undefined;
  if (!text) return error;
  const errors = Object.fromEntries(Object.keys(error.fieldErrors).map(key => [key, [text]]));
  return new ApiError(error.status, { ...error.problem, detail: text, errors });
}

function sinceDate(since) {
  return typeof since === 'string' ? since.slice(0, 10) : '';
}

export async function membersView(ctx) {
  const company = await companyPage(ctx, 'members', 'Members');
  if (!company) return;
  if (!canManageMembers(company.id)) {
    replace(ctx.main, pageHeader('Members'),
      h('p', { class: 'alert', role: 'alert' }, "Only the company's admins and administrators can see and manage its members."));
    return;
  }
  const base = `/api/companies/${company.id}/users`;
  const members = await api.get(base);
  if (!ctx.isCurrent()) return;

  const status = h('p', { class: 'status-message', role: 'status', id: 'members-status' });
  const list = h('div', { class: 'members-list' });

  // After a write the list is read again, so it shows what the server holds (a role it normalised, a member added twice).
  const refresh = async message => {
    status.textContent = message;
    try {
      const fresh = await api.get(base);
      if (ctx.isCurrent()) replace(list, membersTable(company, fresh, base, refresh));
    } catch (error) {
      status.textContent = `${message} The list could not be reloaded: ${describe(error)}`;
    }
  };

  replace(list, membersTable(company, members, base, refresh));
  replace(ctx.main, pageHeader('Members'),
    h('p', { class: 'hint page-intro' }, `Who can sign in to ${company.name}, and with which role. Viewers only read; payroll managers also edit employees and run payrolls; company admins also manage members.`),
    status, list, addMemberForm(company, base, refresh));
}

function membersTable(company, members, base, refresh) {
  if (members.length === 0) return emptyState('This company has no members yet. Add the first one below.');
  const me = session()?.user.id;
  return tableWrap('Members', h('table', { id: 'members-table' },
    h('caption', { class: 'visually-hidden' }, 'Members'),
    h('thead', {}, h('tr', {}, ['Email', 'Role', 'Member since', 'Remove'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, members.map(m => h('tr', { dataset: { member: m.email } },
      h('th', { scope: 'row' }, m.email, m.userId === me ? h('span', { class: 'muted' }, ' (you)') : null),
      h('td', {}, roleForm(company, m, base, refresh)),
      h('td', {}, sinceDate(m.since)),
      h('td', {}, removeControl(company, m, base, refresh)))))));
}

/** After changing or removing their own membership, the user's rights are read again; they may no longer manage members. */
async function afterOwnChange(company, message, refresh) {
  await loadSession();
  if (canManageMembers(company.id)) {
    await refresh(message);
  } else {
    navigate(session()?.memberships.some(m => m.companyId === company.id) ? `#/c/${company.id}/payrolls` : '#/companies');
  }
}

function roleForm(company, member, base, refresh) {
  const id = uid('role');
  const select = h('select', {
    id,
    name: 'role',
    'aria-label': `Role of ${member.email}`,
    'aria-describedby': `${id}-error`,
    dataset: { field: 'role' },
  }, companyRoles.map(r => h('option', { value: r.value, selected: r.value === member.role }, r.label)));
  const form = h('form', { class: 'role-form', novalidate: true, 'aria-label': `Change the role of ${member.email}` },
    select,
    h('button', { type: 'submit', class: 'secondary small', 'aria-label': `Save the role of ${member.email}` }, 'Save role'),
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
    formAlert());
  submitOnce(form, {
    send: async key => {
      try {
        return await api.patch(`${base}/${member.userId}`, { role: select.value }, { idempotencyKey: key });
      } catch (error) {
        // Refused (the last company admin, a member removed meanwhile): the select goes back to the role still stored.
        if (error instanceof ApiError && error.status < 500) select.value = member.role;
        throw error;
      }
    },
    done: async changed => {
      const message = `${changed.email} is now ${roleLabels[changed.role] ?? changed.role}.`;
      if (changed.userId === session()?.user.id) await afterOwnChange(company, message, refresh);
      else await refresh(message);
    },
  });
  return form;
}

/** "Remove…" opens a confirmation naming the member and what removal does; only "Remove member" sends the DELETE. */
function removeControl(company, member, base, refresh) {
  const open = h('button', { type: 'button', class: 'secondary small', 'aria-label': `Remove ${member.email}…`, 'aria-expanded': 'false' }, 'Remove…');
  const cancel = h('button', { type: 'button', class: 'secondary small' }, 'Cancel');
  const self = member.userId === session()?.user.id;
  const form = h('form', { class: 'remove-form', novalidate: true, hidden: true, 'aria-label': `Confirm removing ${member.email}` },
    formAlert(),
    h('p', {}, self
      ? `Remove yourself from ${company.name}? You lose access to it at once.`
      : `Remove ${member.email} from ${company.name}? Their account stays, but their access to this company and their API tokens for it end at once.`),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'danger small' }, 'Remove member'), cancel));
  open.addEventListener('click', () => {
    form.hidden = false;
    open.hidden = true;
    open.setAttribute('aria-expanded', 'true');
    form.querySelector('button[type="submit"]').focus();
  });
  cancel.addEventListener('click', () => {
    form.hidden = true;
    open.hidden = false;
    open.setAttribute('aria-expanded', 'false');
    open.focus();
  });
  submitOnce(form, {
    send: key => api.delete(`${base}/${member.userId}`, { idempotencyKey: key }),
    done: async () => {
      const message = `${member.email} was removed from ${company.name}.`;
      if (self) await afterOwnChange(company, message, refresh);
      else await refresh(message);
    },
  });
  return h('div', { class: 'remove-member' }, open, form);
}

function addMemberForm(company, base, refresh) {
  const email = field({ label: 'Email', field: 'email', type: 'email', required: true, autocomplete: 'off' });
  const role = field({ label: 'Role', field: 'role', type: 'select', options: companyRoles, value: 'viewer' });
  const password = field({
    label: 'Password (optional)',
    field: 'password',
    type: 'password',
    autocomplete: 'new-password',
    hint: 'Leave blank to have one generated (shown once, below). Leave it blank too for someone who already has an account: they are added and keep their own password.',
  });
  const result = h('div', { class: 'add-result', id: 'add-member-result', role: 'status' });
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'add-member' },
    h('h2', { id: 'add-member' }, 'Add a member'), formAlert(), email, role, password,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Add member')),
    result);
  submitOnce(form, {
    send: async key => {
      replace(result);
      try {
        return await api.post(base, {
          email: email.control.value.trim(),
          role: role.control.value,
          // Omitted, not "": no password means "generate one" for a new user and "keep theirs" for an existing account.
          password: password.control.value === '' ? undefined : password.control.value,
        }, { idempotencyKey: key });
      } catch (error) {
        throw reworded(error);
      }
    },
    done: async added => {
      email.control.value = '';
      password.control.value = '';
      const roleLabel = roleLabels[added.role] ?? added.role;
      if (added.existingAccount) {
        replace(result, h('p', { class: 'notice' },
          `${added.email} already had an account and was added to ${company.name} as ${roleLabel}. The existing account keeps its own password.`));
      } else if (added.generatedPassword) {
        replace(result, h('div', { class: 'notice secret' },
          h('p', {}, `${added.email} was added as ${roleLabel}. Their password:`),
          h('p', {}, h('code', { class: 'mono generated-password', id: 'generated-password' }, added.generatedPassword)),
          h('p', { class: 'strong' }, 'This password is shown only this once. Copy it now and give it to them securely; they can change it after signing in.')));
      } else {
        replace(result, h('p', { class: 'notice' }, `${added.email} was added as ${roleLabel}, with the password you chose.`));
      }
      await refresh(`${added.email} was added as ${roleLabel}.`);
    },
  });
  return form;
}

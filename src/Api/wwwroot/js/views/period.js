// A month's close on the payrolls page: whether the month of pay dates is closed, and for a company admin the button that
// closes it or the form that reopens it with a reason (POST .../periods/{yyyy-MM}/close and /reopen).
import { h, monthName } from '../dom.js';
import { api, WriteIntent } from '../api.js';
import { canManageMembers } from '../session.js';
import { field, formAlert, submitOnce, showError, clearErrors } from '../forms.js';
import { navigate } from '../router.js';

export async function periodBox(company, year, month) {
  const key = `${year}-${String(month).padStart(2, '0')}`;
  const period = await api.get(`/api/companies/${company.id}/periods/${key}`);
  const base = `/api/companies/${company.id}/periods/${key}`;
  const reload = () => navigate(location.hash); // the same address renders the page again, with the new status
  const name = `${monthName(month)} ${year}`;
  const text = period.status === 'closed'
    ? `${name} is closed (by ${period.closedBy}, ${period.closedAt.slice(0, 10)}): its payrolls cannot be posted, edited, approved or voided.`
    : `${name} is open${period.drafts ? `; ${period.drafts} draft${period.drafts === 1 ? '' : 's'} must be approved or voided before it can close` : ''}.`;
  const box = h('section', { class: 'period-status', id: 'period-status', 'aria-label': `Close of ${name}` },
    h('span', { class: `badge ${period.status === 'closed' ? 'badge-approved' : 'badge-draft'}` }, period.status === 'closed' ? 'Closed' : 'Open'),
    h('span', {}, text));
  if (!canManageMembers(company.id)) return box;

  const alert = formAlert();
  box.prepend(alert);
  if (period.status !== 'closed') {
    const intent = new WriteIntent();
    const close = h('button', { type: 'button', class: 'secondary' }, `Close ${name}`);
    close.addEventListener('click', async () => {
      close.disabled = true;
      clearErrors(box);
      try {
        await intent.run(idempotencyKey => api.post(`${base}/close`, undefined, { idempotencyKey }));
        reload();
      } catch (error) {
        showError(box, error);
        close.disabled = false;
      }
    });
    box.append(close);
    return box;
  }

  const reason = field({ label: 'Reason for reopening', field: 'reason', required: true, hint: 'At least 10 characters; the audit trail keeps it.' });
  const form = h('form', { class: 'void-form', novalidate: true, 'aria-label': `Reopen ${name}`, hidden: true },
    formAlert(), reason, h('button', { type: 'submit', class: 'danger' }, `Reopen ${name}`));
  const open = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, 'Reopen…');
  open.addEventListener('click', () => {
    form.hidden = !form.hidden;
    open.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) reason.control.focus();
  });
  submitOnce(form, {
    send: idempotencyKey => api.post(`${base}/reopen`, { reason: reason.control.value.trim() }, { idempotencyKey }),
    done: reload,
  });
  box.append(open, form);
  return box;
}

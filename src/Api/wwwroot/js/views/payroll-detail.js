import { h, replace } from '../dom.js';
import { api, WriteIntent, ApiError, query } from '../api.js';
import { canWrite } from '../session.js';
import { field, formAlert, submitOnce, showError, clearErrors } from '../forms.js';
import { navigate } from '../router.js';
import { companyPage, roleNote, statusBadge, exportButtons, frequencyLabel, fact } from './common.js';
import { regimeOf } from '../regimes/index.js';

export async function payrollDetailView(ctx) {
  const company = await companyPage(ctx, 'payrolls', 'Payroll');
  if (!company) return;
  const payroll = await api.get(`/api/companies/${company.id}/payrolls/${encodeURIComponent(ctx.payrollId)}`);
  if (!ctx.isCurrent()) return;
  const writer = canWrite(company.id);
  const base = `/api/companies/${company.id}/payrolls/${payroll.id}`;

  const actions = h('div', { class: 'actions' });
  const alert = formAlert();
  const actionBox = h('div', { class: 'payroll-actions' }, alert, actions);
  if (writer && payroll.status === 'draft') {
    const approveIntent = new WriteIntent();
    const approve = h('button', {
      type: 'button',
      class: 'primary',
      on: {
        click: async () => {
          approve.disabled = true;
          clearErrors(actionBox);
          try {
            await approveIntent.run(key => api.post(`${base}/approve`, undefined, { idempotencyKey: key }));
            navigate(`#/c/${company.id}/payrolls/${payroll.id}`);
          } catch (error) {
            // The API's advice for a stale draft speaks HTTP; in the portal, saving the lines is what recomputes them.
            const stale = error instanceof ApiError && error.problem.code === 'payroll.stale';
            showError(actionBox, stale
              ? new ApiError(409, { detail: 'Year-to-date wages changed since this draft was computed (another payroll was approved or voided). Open Edit lines and save to recompute, review the figures, then approve.' })
              : error);
            approve.disabled = false;
          }
        },
      },
    }, 'Approve payroll');
    actions.append(h('a', { class: 'button secondary', href: `#/c/${company.id}/payrolls/${payroll.id}/edit` }, 'Edit lines'), approve);
  }
  if (writer && payroll.status === 'approved') actions.append(voidForm(company, payroll, base));

  const { facts, table } = regimeOf(company).payrollDetail(payroll);

  replace(ctx.main, 
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/c/${company.id}/payrolls` }, '← Payrolls')),
    h('div', { class: 'page-header' }, h('h1', {}, `Payroll paid ${payroll.payDate}`), statusBadge(payroll.status)),
    roleNote(company.id),
    payroll.needsReview ? h('p', { class: 'alert warning', role: 'status' }, `Needs review: ${payroll.reviewReason ?? 'an earlier payroll changed.'}`) : null,
    payroll.status === 'voided' ? h('p', { class: 'alert', role: 'status' }, `Voided: ${payroll.voidReason ?? ''}`) : null,
    h('dl', { class: 'facts' },
      fact('Period', `${payroll.periodStart} – ${payroll.periodEnd}`),
      fact('Pay frequency', frequencyLabel(payroll.payFrequency)),
      fact('Employees', payroll.totals.lineCount),
      payroll.payScheduleId ? fact('Pay schedule', h('a', { href: `#/c/${company.id}/schedules/${payroll.payScheduleId}${query({ from: payroll.periodStart })}` }, 'Its periods')) : null,
      payroll.offCycle ? fact('Off-cycle', payroll.offCycleReason ?? 'Yes') : null,
      facts),
    actionBox,
    table,
    payslipLinks(company, payroll, base, writer),
    payroll.status !== 'voided' ? exportButtons(company.id, { payrollId: payroll.id }, 'This payroll:') : null);
}

// Each line's payslip as a PDF; a draft's or a voided payroll's only as a watermarked preview, and the ZIP of all once approved.
function payslipLinks(company, payroll, base, writer) {
  const approved = payroll.status === 'approved';
  const suffix = approved ? '' : '?preview=true';
  const label = approved ? 'Payslip (PDF)' : `Payslip preview (PDF, ${payroll.status === 'draft' ? 'DRAFT' : 'VOID'})`;
  return h('section', { class: 'payslips', 'aria-labelledby': 'payslips-heading' },
    h('h2', { id: 'payslips-heading' }, 'Payslips'),
    h('ul', {}, payroll.lines.map(line => h('li', {},
      `${line.employeeName}: `, h('a', { href: `${base}/payslips/${line.employeeId}.pdf${suffix}`, download: '' }, label)))),
    approved && writer ? h('p', {}, h('a', { class: 'button secondary', href: `${base}/payslips.zip`, download: '' }, 'All payslips (ZIP)')) : null);
}

function voidForm(company, payroll, base) {
  const reason = field({ label: 'Reason for voiding', field: 'reason', required: true });
  const form = h('form', { class: 'void-form', novalidate: true, 'aria-label': 'Void this payroll' },
    formAlert(), reason,
    h('button', { type: 'submit', class: 'danger' }, 'Void payroll'));
  form.hidden = true;
  const open = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', on: { click: () => {
    form.hidden = !form.hidden;
    open.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) reason.control.focus();
  } } }, 'Void…');
  submitOnce(form, {
    send: key => api.post(`${base}/void`, { reason: reason.control.value.trim() }, { idempotencyKey: key }),
    done: () => navigate(`#/c/${company.id}/payrolls/${payroll.id}`),
  });
  return h('div', { class: 'void' }, open, form);
}

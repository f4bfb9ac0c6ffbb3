import { h, formatMoney, replace } from '../dom.js';
import { api, WriteIntent, ApiError } from '../api.js';
import { canWrite } from '../session.js';
import { field, formAlert, submitOnce, showError, clearErrors } from '../forms.js';
import { navigate } from '../router.js';
import { companyPage, tableWrap, roleNote, statusBadge, exportButtons, frequencyLabel } from './common.js';
import { isKorea, formatKrw, bilingual, krDeductions, nonTaxableTotal } from './kr.js';

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

  const { facts, table } = isKorea(company) ? krLines(payroll) : usLines(payroll);

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
      facts),
    actionBox,
    table,
    payroll.status !== 'voided' ? exportButtons(company.id, { payrollId: payroll.id }, 'This payroll:') : null);
}

function fact(label, value) {
  return h('div', {}, h('dt', {}, label), h('dd', {}, value));
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

function usLines(payroll) {
  const t = payroll.totals;
  const rows = payroll.lines.map(line => h('tr', {},
    h('th', { scope: 'row' }, line.employeeName, h('span', { class: 'muted mono' }, ` ···${line.ssnLast4}`)),
    h('td', { class: 'num' }, formatMoney(line.grossWages + line.supplementalWages)),
    h('td', { class: 'num' }, formatMoney(line.preTaxDeductions.retirement + line.preTaxDeductions.cafeteria + line.preTaxDeductions.hsa)),
    h('td', { class: 'num' }, formatMoney(line.withholdings.federalIncomeTax)),
    h('td', { class: 'num' }, formatMoney(line.withholdings.socialSecurity)),
    h('td', { class: 'num' }, formatMoney(line.withholdings.medicare + line.withholdings.additionalMedicare)),
    h('td', { class: 'num' }, formatMoney(line.postTaxDeductions)),
    h('td', { class: 'num strong' }, formatMoney(line.netPay))));

  return {
    facts: [
      fact('Gross wages', formatMoney(t.grossWages + t.supplementalWages)),
      fact('Employee taxes', formatMoney(t.federalIncomeTax + t.socialSecurity + t.medicare + t.additionalMedicare)),
      fact('Employer taxes', formatMoney(t.employerSocialSecurity + t.employerMedicare)),
      fact('Net pay', formatMoney(t.netPay))],
    table: tableWrap('Payroll lines', h('table', { class: 'numbers', id: 'payroll-lines' },
      h('caption', {}, 'Lines'),
      h('thead', {}, h('tr', {}, ['Employee', 'Gross', 'Pre-tax deductions', 'Income tax', 'Social Security', 'Medicare', 'Post-tax deductions', 'Net pay']
        .map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows),
      h('tfoot', {}, h('tr', {},
        h('th', { scope: 'row' }, 'Total'),
        h('td', { class: 'num' }, formatMoney(t.grossWages + t.supplementalWages)),
        h('td', { class: 'num' }, formatMoney(t.preTaxDeductions)),
        h('td', { class: 'num', id: 'total-income-tax' }, formatMoney(t.federalIncomeTax)),
        h('td', { class: 'num' }, formatMoney(t.socialSecurity)),
        h('td', { class: 'num' }, formatMoney(t.medicare + t.additionalMedicare)),
        h('td', { class: 'num' }, formatMoney(t.postTaxDeductions)),
        h('td', { class: 'num strong' }, formatMoney(t.netPay)))))),
  };
}

/** A kr payroll: pay items and the six deductions per line in whole won, Korean labels beside English. */
function krLines(payroll) {
  const t = payroll.krTotals;
  const sum = pick => payroll.lines.reduce((total, line) => total + pick(line.kr), 0);
  const payColumns = [
    { ko: '기본급', en: 'Base pay', value: kr => kr.basePay },
    { ko: '과세수당', en: 'Taxable allowances', value: kr => kr.taxableAllowances },
    { ko: '비과세', en: 'Non-taxable', value: kr => nonTaxableTotal(kr.nonTaxable) },
    { ko: '상여', en: 'Bonus', value: kr => kr.bonus },
  ];
  const cell = (amount, attrs = {}) => h('td', { class: 'num', ...attrs }, formatKrw(amount));
  const rows = payroll.lines.map(line => h('tr', {},
    h('th', { scope: 'row' }, line.employeeName, h('span', { class: 'muted mono' }, ` ···${line.ssnLast4}`)),
    payColumns.map(c => cell(c.value(line.kr))),
    krDeductions.map(d => cell(line.kr[d.key], { dataset: { deduction: d.key } })),
    cell(line.netPay, { class: 'num strong' })));
  return {
    facts: [
      fact(bilingual('총지급액', 'Gross pay'), formatKrw(t.grossPay)),
      fact(bilingual('공제액', 'Deductions'), formatKrw(t.totalDeductions)),
      fact(bilingual('실지급액', 'Net pay'), formatKrw(t.netPay))],
    table: tableWrap('Payroll lines', h('table', { class: 'numbers kr', id: 'payroll-lines', lang: 'en' },
      h('caption', {}, 'Lines (KRW, whole won)'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, bilingual('사원', 'Employee')),
        payColumns.map(c => h('th', { scope: 'col' }, bilingual(c.ko, c.en))),
        krDeductions.map(d => h('th', { scope: 'col' }, bilingual(d.ko, d.en))),
        h('th', { scope: 'col' }, bilingual('실지급액', 'Net pay')))),
      h('tbody', {}, rows),
      h('tfoot', {}, h('tr', {},
        h('th', { scope: 'row' }, bilingual('합계', 'Total')),
        payColumns.map(c => cell(sum(c.value))),
        krDeductions.map(d => cell(t[d.key], { id: `total-${d.key}` })),
        cell(t.netPay, { class: 'num strong', id: 'total-net-pay' }))))),
  };
}

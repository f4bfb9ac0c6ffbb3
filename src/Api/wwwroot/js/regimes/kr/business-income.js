// 사업소득: business income paid to freelancers on a monthly sheet (docs/BUSINESS_INCOME.md). The company's payees, a new
// sheet pasted from a spreadsheet (one payee and amount per row), and a sheet's page with each line's 3.3% (or a
// non-resident's rate), approval, voiding and the export. Reached as #/c/<company>/r/business-income[/<sheet id>].
import { h, replace, todayIso } from '../../dom.js';
import { api, query, WriteIntent } from '../../api.js';
import { canWrite } from '../../session.js';
import { field, formAlert, submitOnce, showError, clearErrors, FormInputError } from '../../forms.js';
import { navigate } from '../../router.js';
import { pageHeader, roleNote, tableWrap, fact, statusBadge, exportButtons, emptyState } from '../../views/common.js';
import { formatKrw, bilingual, parseKrw } from './format.js';

export const krBusinessIncomePage = {
  path: 'business-income',
  label: '사업소득 Business income',
  title: '사업소득 Business income',
  view: (ctx, company) => (ctx.itemId ? sheetView(ctx, company, ctx.itemId) : overview(ctx, company)),
};

const home = company => `#/c/${company.id}/r/business-income`;
const base = company => `/api/companies/${company.id}/business-income`;
const residency = type => (type === 'resident' ? bilingual('거주자', 'Resident') : bilingual('비거주자', 'Non-resident'));
const percent = rate => `${rate}%`;

async function overview(ctx, company) {
  const year = Number(ctx.params.get('year')) || new Date().getFullYear();
  const [payees, sheets] = await Promise.all([
    api.get(`${base(company)}/payees`),
    api.get(`${base(company)}/sheets${query({ year })}`),
  ]);
  if (!ctx.isCurrent()) return;
  const writer = canWrite(company.id);

  replace(ctx.main,
    pageHeader('사업소득 Business income'),
    roleNote(company.id),
    h('p', { class: 'hint' }, 'Freelancers paid business income: 3% income tax and 0.3% local income tax withheld for residents (20% and 2%, or a treaty rate, for non-residents), each truncated to 10 won.'),
    writer ? newSheetSection(company, payees) : null,
    sheetsSection(company, sheets, year),
    payeesSection(company, payees),
    writer ? payeeForm(company) : null);
}

function sheetsSection(company, sheets, year) {
  const link = (y, text) => h('a', { href: `${home(company)}${query({ year: y })}` }, text);
  const rows = sheets.map(s => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `${home(company)}/${s.id}` }, s.payDate)),
    h('td', {}, statusBadge(s.status)),
    h('td', { class: 'num' }, s.lines),
    h('td', { class: 'num' }, formatKrw(s.amount)),
    h('td', { class: 'num' }, formatKrw(s.incomeTax)),
    h('td', { class: 'num' }, formatKrw(s.localIncomeTax)),
    h('td', { class: 'num strong' }, formatKrw(s.netAmount))));
  return h('section', { class: 'card', 'aria-labelledby': 'bi-sheets-title' },
    h('h2', { id: 'bi-sheets-title' }, `Sheets paid in ${year}`),
    h('p', {}, link(year - 1, `← ${year - 1}`), ' ', link(year + 1, `${year + 1} →`)),
    sheets.length === 0 ? emptyState(`No business-income sheets were paid in ${year}.`) : tableWrap(`Sheets, ${year}`, h('table', { class: 'numbers', id: 'bi-sheets' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, bilingual('지급일', 'Pay date')),
        h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col' }, 'Lines'),
        h('th', { scope: 'col' }, bilingual('지급액', 'Amount')),
        h('th', { scope: 'col' }, bilingual('소득세', 'Income tax')),
        h('th', { scope: 'col' }, bilingual('지방소득세', 'Local income tax')),
        h('th', { scope: 'col' }, bilingual('차인지급액', 'Net paid')))),
      h('tbody', {}, rows))));
}

function payeesSection(company, payees) {
  return h('section', { class: 'card', 'aria-labelledby': 'bi-payees-title' },
    h('h2', { id: 'bi-payees-title' }, bilingual('소득자', 'Payees')),
    payees.length === 0 ? emptyState('No payees yet: add the people you pay business income below.') : tableWrap('Payees', h('table', { class: 'numbers', id: 'bi-payees' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, bilingual('성명', 'Name')),
        h('th', { scope: 'col' }, bilingual('주민등록번호', 'Registration number')),
        h('th', { scope: 'col' }, bilingual('거주구분', 'Residency')),
        h('th', { scope: 'col' }, bilingual('업종코드', 'Business type code')),
        h('th', { scope: 'col' }, bilingual('세율', 'Income tax rate')))),
      h('tbody', {}, payees.map(p => h('tr', {},
        h('th', { scope: 'row' }, p.name),
        h('td', { class: 'mono' }, p.residentRegistrationNumber),
        h('td', {}, residency(p.residentType)),
        h('td', { class: 'mono' }, p.businessTypeCode),
        h('td', { class: 'num' }, percent(p.incomeTaxRate))))))));
}

function payeeForm(company) {
  const name = field({ label: 'Name 성명', field: 'name', required: true, autocomplete: 'off' });
  const rrn = field({ label: 'Resident registration number 주민등록번호', field: 'residentRegistrationNumber', required: true, autocomplete: 'off', hint: 'YYMMDD-NNNNNNN; stored encrypted, shown as its last four digits.' });
  const type = field({ label: 'Residency 거주구분', field: 'residentType', type: 'select', value: 'resident', options: [
    { value: 'resident', label: 'Resident 거주자 (3%)' }, { value: 'nonresident', label: 'Non-resident 비거주자 (20% or treaty rate)' }] });
  const code = field({ label: 'Business type code 업종코드', field: 'businessTypeCode', value: '940909', required: true, inputmode: 'numeric', hint: 'Six digits; 940909 is other personal services.' });
  const treaty = field({ label: 'Treaty rate % (non-residents)', field: 'treatyRate', inputmode: 'decimal', hint: 'Leave blank for 20%.' });
  const form = h('form', { id: 'bi-payee-form', class: 'card', novalidate: true, 'aria-labelledby': 'bi-payee-form-title' },
    h('h2', { id: 'bi-payee-form-title' }, 'Add a payee'),
    formAlert(), name, rrn, type, code, treaty,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Add payee')));
  submitOnce(form, {
    send: key => {
      const rate = treaty.control.value.trim();
      if (rate !== '' && Number.isNaN(Number(rate))) throw new FormInputError({ treatyRate: ['Enter the rate as a number, such as 15.'] });
      return api.post(`${base(company)}/payees`, {
        name: name.control.value.trim(),
        residentRegistrationNumber: rrn.control.value.trim(),
        residentType: type.control.value,
        businessTypeCode: code.control.value.trim(),
        treatyRate: rate === '' ? null : Number(rate),
      }, { idempotencyKey: key });
    },
    done: () => navigate(home(company)),
  });
  return form;
}

/**
 * Rows pasted from a spreadsheet: tab-separated cells (what a copied range gives), the payee in the first cell (the name
 * exactly as recorded, or the last four digits of the number) and the amount in the last one (₩, 원 and commas allowed).
 * A first row that is neither is taken as the header and skipped.
 */
export function readPastedRows(text, payees) {
  const rows = [];
  const lines = String(text ?? '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const cells = raw.includes('\t') ? raw.split('\t').map(c => c.trim()).filter(c => c !== '') : splitAtLastSpace(raw.trim());
    const who = cells[0] ?? '';
    const amount = parseKrw(cells.length > 1 ? cells[cells.length - 1] : '');
    const payee = findPayee(who, payees);
    if (rows.length === 0 && !payee.match && Number.isNaN(amount)) return; // a header row
    const error = !payee.match ? payee.error
      : amount === null || Number.isNaN(amount) ? 'The amount is not a whole number of won.'
        : amount < 1 ? 'The amount must be at least 1 won.' : null;
    rows.push({ row: index + 1, who, payee: payee.match, amount, error });
  });
  return rows;
}

function splitAtLastSpace(text) {
  const at = text.search(/\s+\S+$/);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at).trim()];
}

function findPayee(who, payees) {
  const byName = payees.filter(p => p.name === who);
  if (byName.length === 1) return { match: byName[0] };
  const digits = who.replace(/\D/g, '');
  const byNumber = digits.length >= 4 ? payees.filter(p => p.residentRegistrationNumber.endsWith(digits.slice(-4))) : [];
  if (byName.length === 0 && byNumber.length === 1) return { match: byNumber[0] };
  return { error: byName.length > 1 || byNumber.length > 1 ? `"${who}" matches more than one payee; use the last four digits of the number.` : `No payee "${who}".` };
}

function newSheetSection(company, payees) {
  const payDate = field({ label: 'Pay date 지급일', field: 'payDate', type: 'date', value: todayIso(), required: true });
  const paste = field({ label: 'Rows pasted from a spreadsheet: payee (name, or last four digits of the number) and amount', name: 'paste', type: 'textarea', attrs: { rows: 6, spellcheck: 'false' } });
  const preview = h('div', { id: 'bi-preview', 'aria-live': 'polite' });
  const draw = () => {
    const rows = readPastedRows(paste.control.value, payees);
    replace(preview, rows.length === 0 ? null : tableWrap('Pasted rows', h('table', { class: 'numbers' },
      h('caption', {}, `${rows.length} row${rows.length === 1 ? '' : 's'} read`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Row'), h('th', { scope: 'col' }, 'Payee'), h('th', { scope: 'col' }, bilingual('지급액', 'Amount')), h('th', { scope: 'col' }, 'Check'))),
      h('tbody', {}, rows.map(r => h('tr', { class: r.error ? 'invalid' : null, dataset: { row: r.row } },
        h('td', { class: 'num' }, r.row),
        h('th', { scope: 'row' }, r.payee ? `${r.payee.name} ${r.payee.residentRegistrationNumber}` : r.who),
        h('td', { class: 'num' }, Number.isNaN(r.amount) ? '' : formatKrw(r.amount)),
        h('td', {}, r.error ?? 'OK')))))));
    return rows;
  };
  paste.control.addEventListener('input', draw);
  const form = h('form', { id: 'bi-sheet-form', class: 'card', novalidate: true, 'aria-labelledby': 'bi-sheet-form-title' },
    h('h2', { id: 'bi-sheet-form-title' }, 'New sheet'),
    formAlert(), payDate, paste, preview,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save draft sheet')));
  submitOnce(form, {
    send: key => {
      const rows = draw();
      const problems = rows.filter(r => r.error).map(r => `Row ${r.row}: ${r.error}`);
      if (rows.length === 0) problems.push('Paste at least one row.');
      if (problems.length > 0) throw new FormInputError({ paste: problems });
      return api.post(`${base(company)}/sheets`, {
        payDate: payDate.control.value,
        lines: rows.map(r => ({ payeeId: r.payee.id, amount: r.amount })),
      }, { idempotencyKey: key });
    },
    done: sheet => navigate(`${home(company)}/${sheet.id}`),
  });
  paste.control.dataset.field = 'paste';
  return form;
}

async function sheetView(ctx, company, sheetId) {
  const sheet = await api.get(`${base(company)}/sheets/${encodeURIComponent(sheetId)}`);
  if (!ctx.isCurrent()) return;
  const writer = canWrite(company.id);
  const url = `${base(company)}/sheets/${sheet.id}`;
  const actions = h('div', { class: 'actions' });
  const actionBox = h('div', { class: 'payroll-actions' }, formAlert(), actions);
  if (writer && sheet.status === 'draft') {
    const intent = new WriteIntent();
    const approve = h('button', { type: 'button', class: 'primary', id: 'bi-approve', on: { click: async () => {
      approve.disabled = true;
      clearErrors(actionBox);
      try {
        await intent.run(key => api.post(`${url}/approve`, undefined, { idempotencyKey: key }));
        navigate(`${home(company)}/${sheet.id}`);
      } catch (error) {
        showError(actionBox, error);
        approve.disabled = false;
      }
    } } }, 'Approve sheet');
    actions.append(approve);
  }
  if (writer && sheet.status === 'approved') actions.append(voidForm(company, sheet, url));

  const t = sheet.totals;
  const won = (amount, attrs = {}) => h('td', { class: 'num', ...attrs }, formatKrw(amount));
  replace(ctx.main,
    h('p', { class: 'breadcrumb' }, h('a', { href: home(company) }, '← 사업소득 Business income')),
    h('div', { class: 'page-header' }, h('h1', {}, `Business-income sheet paid ${sheet.payDate}`), statusBadge(sheet.status)),
    roleNote(company.id),
    sheet.status === 'voided' ? h('p', { class: 'alert', role: 'status' }, `Voided: ${sheet.voidReason ?? ''}`) : null,
    h('dl', { class: 'facts' },
      fact(bilingual('귀속연월', 'Month'), sheet.month),
      fact(bilingual('인원', 'Payees'), t.payees),
      fact(bilingual('지급액', 'Amount'), formatKrw(t.amount)),
      fact(bilingual('소득세', 'Income tax'), formatKrw(t.incomeTax)),
      fact(bilingual('지방소득세', 'Local income tax'), formatKrw(t.localIncomeTax)),
      fact(bilingual('차인지급액', 'Net paid'), formatKrw(t.netAmount))),
    actionBox,
    tableWrap('Sheet lines', h('table', { class: 'numbers', id: 'bi-lines' },
      h('caption', {}, 'Lines (KRW, whole won; each tax truncated to 10 won)'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, bilingual('소득자', 'Payee')),
        h('th', { scope: 'col' }, bilingual('거주구분', 'Residency')),
        h('th', { scope: 'col' }, bilingual('세율', 'Rate')),
        h('th', { scope: 'col' }, bilingual('지급액', 'Amount')),
        h('th', { scope: 'col' }, bilingual('소득세', 'Income tax')),
        h('th', { scope: 'col' }, bilingual('지방소득세', 'Local income tax')),
        h('th', { scope: 'col' }, bilingual('차인지급액', 'Net paid')))),
      h('tbody', {}, sheet.lines.map(l => h('tr', { dataset: { payee: l.payeeId } },
        h('th', { scope: 'row' }, l.payeeName, h('span', { class: 'muted mono' }, ` ${l.residentRegistrationNumber}`),
          l.smallAmountExempt ? h('span', { class: 'muted' }, ' (소액부징수: under 1,000 won, not withheld)') : null),
        h('td', {}, residency(l.residentType)),
        h('td', { class: 'num' }, percent(l.incomeTaxRate)),
        won(l.amount),
        won(l.incomeTax, { dataset: { figure: 'incomeTax' } }),
        won(l.localIncomeTax, { dataset: { figure: 'localIncomeTax' } }),
        won(l.netAmount, { class: 'num strong', dataset: { figure: 'netAmount' } })))),
      h('tfoot', {}, h('tr', {},
        h('th', { scope: 'row', colspan: 3 }, bilingual('합계', 'Total')),
        won(t.amount), won(t.incomeTax, { id: 'bi-total-income-tax' }), won(t.localIncomeTax, { id: 'bi-total-local-tax' }),
        won(t.netAmount, { class: 'num strong', id: 'bi-total-net' }))))),
    sheet.status !== 'voided' ? exportButtons(company.id, { businessIncomeSheetId: sheet.id }, 'This sheet:') : null);
}

function voidForm(company, sheet, url) {
  const reason = field({ label: 'Reason for voiding', field: 'reason', required: true });
  const form = h('form', { class: 'void-form', novalidate: true, 'aria-label': 'Void this sheet' },
    formAlert(), reason, h('button', { type: 'submit', class: 'danger' }, 'Void sheet'));
  form.hidden = true;
  const open = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', on: { click: () => {
    form.hidden = !form.hidden;
    open.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) reason.control.focus();
  } } }, 'Void…');
  submitOnce(form, {
    send: key => api.post(`${url}/void`, { reason: reason.control.value.trim() }, { idempotencyKey: key }),
    done: () => navigate(`${home(company)}/${sheet.id}`),
  });
  return h('div', { class: 'void' }, open, form);
}

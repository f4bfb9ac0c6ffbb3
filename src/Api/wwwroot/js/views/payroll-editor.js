// The payroll editor: a grid of lines with live withholding from the server, spreadsheet paste and keyboard moves. What a
// line holds depends on the company's regime: its module's "line kind" (js/regimes/<code>/payroll-lines.js) gives the grid
// its columns, amount format, live preview and the API's line shape; the grid's behaviour is the same for every regime.
import { h, uid, replace } from '../dom.js';
import { api, getAll, ApiError } from '../api.js';
import { canWrite } from '../session.js';
import { field, formAlert, submitOnce, FormInputError } from '../forms.js';
import { navigate } from '../router.js';
import { companyPage, payFrequencies, tableWrap } from './common.js';
import { regimeOf } from '../regimes/index.js';

const PREVIEW_DELAY_MS = 300;

export async function payrollEditorView(ctx) {
  const isNew = !ctx.payrollId;
  const company = await companyPage(ctx, 'payrolls', isNew ? 'New payroll' : 'Edit payroll');
  if (!company) return;
  const [employees, payroll] = await Promise.all([
    getAll(`/api/companies/${company.id}/employees`),
    isNew ? null : api.get(`/api/companies/${company.id}/payrolls/${encodeURIComponent(ctx.payrollId)}`),
  ]);
  if (!ctx.isCurrent()) return;
  if (!canWrite(company.id) || (payroll && payroll.status !== 'draft')) {
    navigate(isNew ? `#/c/${company.id}/payrolls` : `#/c/${company.id}/payrolls/${payroll.id}`);
    return;
  }
  const kind = regimeOf(company).lineKind;
  if (!kind) {
    navigate(`#/c/${company.id}/payrolls`);
    return;
  }
  const COLUMNS = kind.columns;
  const AMOUNT_COLUMNS = COLUMNS.slice(1);
  employees.sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`));
  const byId = new Map(employees.map(e => [e.id, e]));

  // Header: period and pay date. An existing draft keeps them (only its lines can be replaced). A kind may fix the
  // frequency (a kr payroll is monthly).
  const defaults = defaultPeriod(kind.payFrequency ?? mostCommon(employees.map(e => e.payFrequency)) ?? 'monthly');
  const head = {
    periodStart: field({ label: 'Period start', field: 'periodStart', type: 'date', required: true, value: payroll?.periodStart ?? defaults.periodStart, readonly: !isNew }),
    periodEnd: field({ label: 'Period end', field: 'periodEnd', type: 'date', required: true, value: payroll?.periodEnd ?? defaults.periodEnd, readonly: !isNew }),
    payDate: field({ label: 'Pay date', field: 'payDate', type: 'date', required: true, value: payroll?.payDate ?? defaults.payDate, readonly: !isNew }),
    payFrequency: field({ label: 'Pay frequency', field: 'payFrequency', type: 'select', options: payFrequencies, value: payroll?.payFrequency ?? defaults.payFrequency, readonly: !isNew || Boolean(kind.payFrequency) }),
  };
  const headValues = () => ({
    periodStart: head.periodStart.control.value || null,
    periodEnd: head.periodEnd.control.value || null,
    payDate: head.payDate.control.value || null,
    payFrequency: head.payFrequency.control.value,
  });

  const tbody = h('tbody', {});
  const totalsCells = Object.fromEntries(kind.previewColumns.map(c => [c.key, h('td', { class: `num ${c.key === 'netPay' ? 'strong' : ''}`, dataset: { total: c.key } })]));
  const previewStatus = h('p', { class: 'preview-status', role: 'status', id: 'preview-status' });
  const rows = [];

  function addRow(values = {}, focus = false) {
    const row = createRow(values);
    rows.push(row);
    tbody.append(row.tr);
    renumber();
    schedulePreview(row);
    if (focus) row.inputs.employee.focus();
    return row;
  }

  function removeRow(row) {
    const index = rows.indexOf(row);
    row.abort?.abort();
    rows.splice(index, 1);
    row.tr.remove();
    renumber();
    updateTotals();
    (rows[index] ?? rows[index - 1])?.inputs.employee.focus();
    if (rows.length === 0) addRow({}, true);
  }

  function renumber() {
    rows.forEach((row, i) => {
      row.number.textContent = String(i + 1);
      for (const column of COLUMNS) row.inputs[column.key].setAttribute('aria-label', `${column.label}, line ${i + 1}`);
      row.remove.setAttribute('aria-label', `Remove line ${i + 1}`);
    });
  }

  function createRow(values) {
    const errorId = uid('row-error');
    const inputs = {};
    const row = { inputs, previewCells: {}, timer: null, abort: null, preview: null };
    inputs.employee = h('select', { 'aria-describedby': errorId, dataset: { col: 'employee', errorPrefix: 'Employee' } },
      h('option', { value: '' }, 'Choose…'),
      employees.map(e => h('option', { value: e.id, selected: e.id === values.employeeId }, `${e.lastName}, ${e.firstName} (···${e.ssnLast4})`)));
    for (const column of AMOUNT_COLUMNS) {
      const value = values[column.key];
      inputs[column.key] = h('input', {
        type: 'text',
        inputmode: kind.inputmode,
        autocomplete: 'off',
        class: 'amount',
        value: value === null || value === undefined || (value === 0 && !column.keepZero) ? '' : kind.formatInput(value),
        'aria-describedby': errorId,
        dataset: { col: column.key, errorPrefix: column.label },
      });
    }
    row.number = h('th', { scope: 'row', class: 'line-number' });
    row.error = h('p', { class: 'field-error', id: errorId, hidden: true });
    row.remove = h('button', { type: 'button', class: 'icon-button', title: 'Remove line', on: { click: () => removeRow(row) } }, '×');
    for (const c of kind.previewColumns) row.previewCells[c.key] = h('td', { class: `num preview ${c.key === 'netPay' ? 'strong' : ''}`, dataset: { preview: c.key } });
    row.tr = h('tr', {},
      row.number,
      h('td', { class: 'employee-cell' }, inputs.employee, row.error),
      AMOUNT_COLUMNS.map(c => h('td', {}, inputs[c.key])),
      Object.values(row.previewCells),
      h('td', {}, row.remove));
    inputs.employee.addEventListener('change', () => {
      row.error.hidden = true;
      inputs.employee.removeAttribute('aria-invalid');
    });
    for (const input of Object.values(inputs)) {
      input.addEventListener('input', () => schedulePreview(row));
      input.addEventListener('change', () => schedulePreview(row));
      input.addEventListener('keydown', event => onKey(event, row, input.dataset.col));
      input.addEventListener('paste', event => onPaste(event, row, input.dataset.col));
    }
    return row;
  }

  // Keyboard: Enter or the down arrow goes to the same column on the next line (a new line after the last), the up arrow
  // to the line above, as in a spreadsheet; Tab moves across as usual. A select keeps its arrows for choosing.
  function onKey(event, row, col) {
    const index = rows.indexOf(row);
    const isSelect = event.target.tagName === 'SELECT';
    let target = null;
    if (event.key === 'Enter' && !event.shiftKey) target = index + 1;
    else if (event.key === 'Enter' && event.shiftKey) target = index - 1;
    else if (!isSelect && event.key === 'ArrowDown') target = index + 1;
    else if (!isSelect && event.key === 'ArrowUp') target = index - 1;
    if (target === null || target < 0) return;
    event.preventDefault();
    const next = rows[target] ?? addRow();
    next.inputs[col].focus();
    next.inputs[col].select?.();
  }

  // Pasting tab-separated rows (copied from a spreadsheet) fills the grid from the focused cell rightwards and downwards,
  // adding lines as needed. The employee column matches an id, "First Last", "Last, First" or the national number's last four digits.
  function onPaste(event, row, col) {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!text.includes('\t') && !text.trim().includes('\n')) return;
    event.preventDefault();
    const lines = text.replace(/\r/g, '').split('\n');
    if (lines.at(-1) === '') lines.pop();
    const startCol = COLUMNS.findIndex(c => c.key === col);
    let index = rows.indexOf(row);
    let unmatched = 0;
    for (const line of lines) {
      const target = rows[index] ?? addRow();
      line.split('\t').forEach((cell, offset) => {
        const column = COLUMNS[startCol + offset];
        if (!column) return;
        if (column.key === 'employee') {
          const found = findEmployee(cell);
          target.inputs.employee.value = found?.id ?? '';
          if (!found && cell.trim()) {
            unmatched += 1;
            target.error.textContent = `No employee matches “${cell.trim()}”.`;
            target.error.hidden = false;
            target.inputs.employee.setAttribute('aria-invalid', 'true');
          }
        } else {
          target.inputs[column.key].value = cell.trim();
        }
      });
      schedulePreview(target);
      index += 1;
    }
    previewStatus.textContent = `Pasted ${lines.length} line${lines.length === 1 ? '' : 's'}${unmatched ? `; ${unmatched} employee${unmatched === 1 ? '' : 's'} not found` : ''}.`;
  }

  function findEmployee(text) {
    const needle = text.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!needle) return null;
    return employees.find(e => e.id === needle
      || `${e.firstName} ${e.lastName}`.toLowerCase() === needle
      || `${e.lastName}, ${e.firstName}`.toLowerCase() === needle
      || `${e.lastName}${e.firstName}`.toLowerCase() === needle
      || (/^\d{4}$/.test(needle) && e.ssnLast4 === needle)) ?? null;
  }

  function readRow(row) {
    const values = { employeeId: row.inputs.employee.value || null };
    for (const column of AMOUNT_COLUMNS) values[column.key] = kind.parse(row.inputs[column.key].value);
    return values;
  }

  function isBlank(values) {
    return !values.employeeId && AMOUNT_COLUMNS.every(c => values[c.key] === null);
  }

  function schedulePreview(row) {
    clearTimeout(row.timer);
    row.timer = setTimeout(() => preview(row), PREVIEW_DELAY_MS);
  }

  async function preview(row) {
    row.abort?.abort();
    const values = readRow(row);
    const employee = byId.get(values.employeeId);
    // An amount that is not a number waits for the submit, which flags it on its row.
    if (!employee || AMOUNT_COLUMNS.some(c => Number.isNaN(values[c.key])) || !kind.ready(values)) {
      row.preview = null;
      row.previewError = null;
      showPreview(row);
      return;
    }
    row.abort = new AbortController();
    row.tr.classList.add('previewing');
    try {
      row.preview = await kind.preview({ values, employee, head: headValues(), company, signal: row.abort.signal });
      row.previewError = null;
    } catch (error) {
      if (error?.name === 'AbortError') return;
      row.preview = null;
      row.previewError = error instanceof ApiError ? Object.values(error.fieldErrors).flat()[0] ?? error.message : error.message;
    } finally {
      row.tr.classList.remove('previewing');
    }
    kind.previewed?.(row);
    showPreview(row);
  }

  function showPreview(row) {
    const p = row.preview;
    for (const c of kind.previewColumns) row.previewCells[c.key].textContent = p ? kind.format(c.value(p)) : '';
    if (!p) row.previewCells.netPay.textContent = row.previewError ?? '';
    updateTotals();
  }

  function updateTotals() {
    for (const c of kind.previewColumns) {
      totalsCells[c.key].textContent = kind.format(round2(rows.reduce((total, row) => total + (row.preview ? c.value(row.preview) : 0), 0)));
    }
  }

  const addAll = () => {
    const start = head.periodStart.control.value;
    const frequency = head.payFrequency.control.value;
    const present = new Set(rows.map(r => r.inputs.employee.value));
    const blank = rows.filter(r => isBlank(readRow(r)));
    for (const e of employees) {
      if (present.has(e.id) || e.payFrequency !== frequency || (e.terminationDate && start && e.terminationDate < start)) continue;
      const row = blank.shift() ?? addRow();
      row.inputs.employee.value = e.id;
      schedulePreview(row);
    }
  };

  const grid = h('table', { class: `grid numbers ${kind.tableClass ?? ''}`, id: 'payroll-grid', 'aria-describedby': 'grid-help' },
    h('caption', {}, kind.caption),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, '#'),
      COLUMNS.map(c => h('th', { scope: 'col' }, c.heading ?? c.label)),
      kind.previewColumns.map(c => h('th', { scope: 'col', class: 'preview' }, c.heading ?? c.label)),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Remove')))),
    tbody,
    h('tfoot', {}, h('tr', {},
      h('th', { scope: 'row', colspan: String(COLUMNS.length + 1) }, kind.totalsLabel ?? 'Estimated totals'),
      Object.values(totalsCells), h('td', {}))));

  const form = h('form', { class: 'payroll-editor', novalidate: true, 'aria-labelledby': 'editor-title' },
    formAlert(),
    h('fieldset', {}, h('legend', {}, 'Pay period'), h('div', { class: 'grid-4' }, head.periodStart, head.periodEnd, head.payDate, head.payFrequency)),
    h('div', { class: 'grid-toolbar' },
      h('button', { type: 'button', class: 'secondary', on: { click: () => addRow({}, true) } }, 'Add line'),
      h('button', { type: 'button', class: 'secondary', on: { click: addAll } }, 'Add all employees'),
      previewStatus),
    h('p', { class: 'hint', id: 'grid-help' }, kind.help),
    tableWrap('Payroll lines', grid),
    h('p', { class: 'hint' }, kind.note),
    h('div', { class: 'form-actions' },
      h('button', { type: 'submit', class: 'primary' }, isNew ? 'Create draft payroll' : 'Save lines'),
      h('a', { class: 'button secondary', href: isNew ? `#/c/${company.id}/payrolls` : `#/c/${company.id}/payrolls/${payroll.id}` }, 'Cancel')));

  for (const control of [head.payFrequency.control, head.payDate.control, head.periodStart.control]) {
    control.addEventListener('change', () => rows.forEach(schedulePreview));
  }

  // Problems name posted lines ("lines[2].grossWages"); blank grid lines are not posted, so map back through `posted`.
  let posted = [];
  const resolve = key => {
    const m = /^lines\[(\d+)\]\.?(.*)$/.exec(key);
    if (!m) return null;
    const row = posted[Number(m[1])];
    if (!row) return null;
    const column = COLUMNS.find(c => c.path === m[2]) ?? COLUMNS[0];
    return row.inputs[column.key];
  };

  submitOnce(form, {
    resolve,
    send: key => {
      posted = [];
      const lines = [];
      const errors = {};
      for (const row of rows) {
        const values = readRow(row);
        if (isBlank(values)) continue;
        const index = lines.length;
        posted.push(row);
        for (const column of AMOUNT_COLUMNS) {
          if (Number.isNaN(values[column.key])) errors[`lines[${index}].${column.path}`] = [kind.invalid];
        }
        lines.push(kind.toLine(values));
      }
      if (Object.keys(errors).length) throw new FormInputError(errors);
      if (!isNew) return api.put(`/api/companies/${company.id}/payrolls/${payroll.id}/lines`, { lines }, { idempotencyKey: key });
      return api.post(`/api/companies/${company.id}/payrolls`, { ...headValues(), lines }, { idempotencyKey: key });
    },
    done: saved => navigate(`#/c/${company.id}/payrolls/${saved.id}`),
  });

  replace(ctx.main,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/c/${company.id}/payrolls` }, '← Payrolls')),
    h('h1', { id: 'editor-title' }, isNew ? 'New payroll' : `Edit draft payroll paid ${payroll.payDate}`),
    employees.length === 0 ? h('p', { class: 'alert', role: 'status' }, 'This company has no employees yet. ', h('a', { href: `#/c/${company.id}/employees/new` }, 'Add one first.')) : null,
    form);

  for (const line of payroll?.lines ?? []) addRow(kind.fromLine(line));
  if (rows.length === 0) addRow();
  (isNew ? head.periodStart.control : rows[0].inputs.employee).focus();
}

function round2(value) {
  return Math.round(value * 100) / 100;
}

function mostCommon(values) {
  const counts = new Map();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The current month for a monthly payroll; otherwise the period ending today, paid today. */
function defaultPeriod(payFrequency) {
  const today = new Date();
  const iso = d => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  if (payFrequency === 'monthly') {
    const first = new Date(today.getFullYear(), today.getMonth(), 1);
    const last = new Date(today.getFullYear(), today.getMonth() + 1, 0);
    return { periodStart: iso(first), periodEnd: iso(last), payDate: iso(last), payFrequency };
  }
  const days = { weekly: 7, biweekly: 14, semimonthly: 15, daily: 1 }[payFrequency] ?? 14;
  const start = new Date(today);
  start.setDate(today.getDate() - days + 1);
  return { periodStart: iso(start), periodEnd: iso(today), payDate: iso(today), payFrequency };
}

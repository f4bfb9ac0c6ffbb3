// An employee's compensation history (GET .../compensation) and a form to add a record from a date on (POST). What a
// record holds (a salary or an hourly rate, a monthly base) is the regime module's `compensation` part; the history's
// dates, the form's effective date, posting and errors are here.
import { h, replace, todayIso } from '../dom.js';
import { api } from '../api.js';
import { canWrite } from '../session.js';
import { field, formAlert, submitOnce } from '../forms.js';
import { tableWrap } from './common.js';

export function compensationSection(company, employee, part, history) {
  const path = `/api/companies/${company.id}/employees/${employee.id}/compensation`;
  const tableBox = h('div', {});
  const showHistory = items => replace(tableBox, items.length === 0
    ? h('p', { class: 'empty', role: 'status' }, 'No compensation recorded yet: a run cannot pay this employee until a record is in effect.')
    : tableWrap('Compensation history', h('table', { class: 'numbers', id: 'compensation-history' },
      h('caption', { class: 'visually-hidden' }, 'Compensation history'),
      h('thead', {}, h('tr', {}, ['Effective from', ...part.headings, 'Recorded'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, items.map(r => h('tr', {},
        h('th', { scope: 'row' }, r.effectiveFrom),
        part.cells(r),
        h('td', {}, new Date(r.recordedAt).toLocaleString())))))));
  showHistory(history.items);

  let form = null;
  if (canWrite(company.id)) {
    const effective = field({ label: 'Effective from', field: 'effectiveFrom', type: 'date', required: true, value: todayIso(),
      hint: 'A run uses the record in effect on the period’s last day. The same date replaces that record; the audit trail keeps both.' });
    const terms = part.fields();
    const saved = h('p', { class: 'hint', role: 'status' });
    form = h('form', { class: 'card employee-form', novalidate: true, 'aria-labelledby': 'add-compensation' },
      h('h3', { id: 'add-compensation' }, 'Add a compensation record'),
      formAlert(),
      h('div', { class: 'grid-2' }, effective, terms.nodes),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Add record'), saved));
    submitOnce(form, {
      send: key => {
        saved.textContent = '';
        return api.post(path, { effectiveFrom: effective.control.value || null, ...terms.read() }, { idempotencyKey: key });
      },
      done: async record => {
        saved.textContent = `Recorded from ${record.effectiveFrom}.`;
        showHistory((await api.get(path)).items);
      },
    });
  }

  return h('section', { class: 'card', 'aria-labelledby': 'compensation-title' },
    h('h2', { id: 'compensation-title' }, 'Compensation'),
    tableBox,
    form);
}

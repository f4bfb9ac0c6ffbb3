// Bringing a company in (docs/IMPORTS.md): the employee import (template, check, import) and the opening balances (check,
// record). A check is the API's dry run: every problem by row and column, nothing stored. The file goes to the API as it
// is; the page reads nothing of it, so what the table shows is exactly what the server found.
import { h, replace } from '../dom.js';
import { ApiError, WriteIntent, request } from '../api.js';
import { canManageMembers, canWrite } from '../session.js';
import { describe } from '../forms.js';
import { companyPage, pageHeader, tableWrap } from './common.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function importView(ctx) {
  const company = await companyPage(ctx, 'import', 'Import');
  if (!company) return;
  if (!canManageMembers(company.id)) {
    replace(ctx.main, pageHeader('Import'), h('p', { class: 'alert', role: 'alert' }, 'Only a company admin can import employees.'));
    return;
  }

  const base = `/api/companies/${company.id}`;
  const employees = uploadSection({
    id: 'employees',
    title: 'Employees',
    intro: 'Each row hires an employee, or updates the one with the same employee number (or, without one, the same national identifier). '
      + 'Header names are the template’s, in any letter case. Check the file first: nothing is stored until every row is right.',
    templates: h('p', { class: 'templates' }, 'Template: ',
      h('a', { href: `${base}/employee-imports/template.csv`, download: '' }, 'Download CSV template'), ' · ',
      h('a', { href: `${base}/employee-imports/template.xlsx`, download: '' }, 'Download XLSX template')),
    accept: '.csv,.xlsx,text/csv,' + XLSX,
    url: dryRun => `${base}/employee-imports${dryRun ? '?dryRun=true' : ''}`,
    commitLabel: 'Import employees',
    summary: (result, dryRun) => dryRun
      ? `The file is ready: ${result.created} to hire, ${result.updated} to update, ${result.unchanged} unchanged.`
      : `Imported: ${result.created} hired, ${result.updated} updated, ${result.unchanged} unchanged.`,
  });
  const balances = canWrite(company.id) ? uploadSection({
    id: 'balances',
    title: 'Opening balances',
    intro: 'Year-to-date figures from your previous payroll, one row per employee, tax year and month: employeeNumber (or employeeId), '
      + 'taxYear, asOf, period and the amounts docs/IMPORTS.md lists for the company’s regime. A correction is a new row for the same month.',
    templates: h('p', { class: 'templates' }, 'Template: ',
      h('a', { href: `${base}/opening-balances/template.csv`, download: '' }, 'Download CSV template')),
    accept: '.csv,text/csv',
    url: dryRun => `${base}/opening-balances${dryRun ? '?dryRun=true' : ''}`,
    commitLabel: 'Record opening balances',
    summary: (result, dryRun) => dryRun
      ? `The file is ready: ${result.balances.length} record(s).`
      : `Recorded ${result.balances.length} opening balance record(s).`,
  }) : null;
  replace(ctx.main, pageHeader('Import'), employees, balances);
}

/** One file's upload: a file input, Check (the dry run) and the write, and the problems table or the summary. */
function uploadSection({ id, title, intro, templates, accept, url, commitLabel, summary }) {
  const input = h('input', { type: 'file', id: `${id}-file`, name: 'file', accept, required: true });
  const status = h('div', { id: `${id}-result`, role: 'status', 'aria-live': 'polite' });
  const check = h('button', { type: 'button', id: `${id}-check` }, 'Check file');
  const commit = h('button', { type: 'button', id: `${id}-commit`, class: 'primary' }, commitLabel);
  const intent = new WriteIntent();

  const send = async dryRun => {
    const chosen = input.files?.[0];
    if (!chosen) {
      replace(status, h('p', { class: 'alert', role: 'alert' }, 'Choose a file first.'));
      return;
    }
    // The type the API reads: XLSX by its extension, anything else as CSV (browsers often give CSV no type, or Excel's).
    const type = chosen.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
    const file = new Blob([await chosen.arrayBuffer()], { type });
    check.disabled = commit.disabled = true;
    replace(status, h('p', { class: 'loading' }, dryRun ? 'Checking…' : 'Importing…'));
    try {
      const result = dryRun
        ? await request('POST', url(true), { file })
        : await intent.run(key => request('POST', url(false), { file, idempotencyKey: key }));
      const problems = result.problems ?? [];
      replace(status, problems.length > 0 ? problemTable(id, problems) : h('p', { class: 'success', id: `${id}-summary` }, summary(result, dryRun)));
    } catch (error) {
      const problems = error instanceof ApiError ? fromFieldErrors(error.fieldErrors) : [];
      replace(status, problems.length > 0 ? problemTable(id, problems) : h('p', { class: 'alert', role: 'alert' }, describe(error)));
    } finally {
      check.disabled = commit.disabled = false;
    }
  };
  check.addEventListener('click', () => send(true));
  commit.addEventListener('click', () => send(false));

  return h('section', { class: 'card import-section', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title),
    h('p', {}, intro),
    templates,
    h('div', { class: 'field' }, h('label', { for: `${id}-file` }, 'File'), input),
    h('div', { class: 'form-actions' }, check, commit),
    status);
}

/** The API's 400 names fields rows[3].hireDate (or balances[0].wages, or file): back to row and column. */
function fromFieldErrors(errors) {
  return Object.entries(errors ?? {}).flatMap(([field, messages]) => {
    const match = /^rows\[(\d+)\]\.(.+)$/.exec(field);
    return messages.map(message => ({ row: match ? Number(match[1]) : null, column: match ? match[2] : field, message }));
  }).sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

function problemTable(id, problems) {
  return h('div', {},
    h('p', { class: 'alert', role: 'alert' }, `${problems.length} problem(s): fix the file and check it again. Nothing was stored.`),
    tableWrap('Problems in the file', h('table', { id: `${id}-problems` },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Row'), h('th', { scope: 'col' }, 'Column'), h('th', { scope: 'col' }, 'Problem'))),
      h('tbody', {}, problems.map(p => h('tr', { dataset: { row: p.row ?? '', column: p.column } },
        h('td', {}, p.row ?? '—'), h('td', {}, p.column), h('td', {}, p.message)))))));
}

// A us-federal compensation record: a salary or an hourly rate, and the deductions taken every period (pre-tax
// retirement as a percent or an amount, cafeteria, HSA, post-tax), in dollars.
import { h } from '../../dom.js';
import { field, FormInputError } from '../../forms.js';
import { formatMoney, parseAmount } from './format.js';

const payTypes = [{ value: 'salary', label: 'Salary' }, { value: 'hourly', label: 'Hourly' }];

export const usCompensation = {
  headings: ['Pay', 'Retirement', 'Cafeteria', 'HSA', 'Post-tax'],
  cells: r => [
    h('td', {}, r.payType === 'hourly' ? `${formatMoney(r.hourlyRate)} an hour` : `${formatMoney(r.annualSalary)} a year`),
    h('td', { class: 'num' }, r.retirementPercent != null ? `${r.retirementPercent}%` : formatMoney(r.retirementAmount ?? 0)),
    h('td', { class: 'num' }, formatMoney(r.cafeteria ?? 0)),
    h('td', { class: 'num' }, formatMoney(r.hsa ?? 0)),
    h('td', { class: 'num' }, formatMoney(r.postTaxDeductions ?? 0))],

  fields() {
    const amount = (label, name, hint) => field({ label, field: name, inputmode: 'decimal', autocomplete: 'off', hint });
    const f = {
      payType: field({ label: 'Pay type', field: 'payType', type: 'select', options: payTypes, value: 'salary' }),
      annualSalary: amount('Annual salary', 'annualSalary', 'Divided by the schedule’s periods a year (52, 26, 24 or 12).'),
      hourlyRate: amount('Hourly rate', 'hourlyRate', 'Overtime hours are paid at 1.5 times this rate.'),
      retirementPercent: amount('Pre-tax retirement (% of gross)', 'retirementPercent'),
      retirementAmount: amount('Pre-tax retirement per period ($)', 'retirementAmount'),
      cafeteria: amount('Cafeteria plan per period', 'cafeteria'),
      hsa: amount('HSA per period', 'hsa'),
      postTaxDeductions: amount('Post-tax deductions per period', 'postTaxDeductions'),
    };
    const sync = () => {
      const hourly = f.payType.control.value === 'hourly';
      f.annualSalary.hidden = hourly;
      f.hourlyRate.hidden = !hourly;
    };
    f.payType.control.addEventListener('change', sync);
    sync();
    return {
      nodes: Object.values(f),
      read() {
        const errors = {};
        const body = { payType: f.payType.control.value };
        const hourly = body.payType === 'hourly';
        for (const key of ['annualSalary', 'hourlyRate', 'retirementPercent', 'retirementAmount', 'cafeteria', 'hsa', 'postTaxDeductions']) {
          if ((key === 'annualSalary' && hourly) || (key === 'hourlyRate' && !hourly)) continue;
          const value = parseAmount(f[key].control.value);
          if (Number.isNaN(value)) errors[key] = ['Enter an amount such as 1234.50.'];
          else if (value !== null) body[key] = value;
        }
        if (Object.keys(errors).length) throw new FormInputError(errors);
        return body;
      },
    };
  },
};

/** How a run made a line's pay, under the employee's name: hours × rate, and the proration of a partial period. */
export function usEarnings(e, proration) {
  if (!e) return null;
  const parts = [];
  if (e.payType === 'hourly' && e.hourlyRate != null) {
    parts.push(`${e.regularHours ?? 0} h × ${formatMoney(e.hourlyRate)}`);
    if (e.overtimeHours) parts.push(`${e.overtimeHours} h overtime × 1.5 × ${formatMoney(e.hourlyRate)}`);
  } else if (e.payType === 'salary') {
    parts.push('Salary');
  }
  if (proration) parts.push(proration);
  return parts.length ? h('span', { class: 'earnings' }, parts.join(' · ')) : null;
}

// A kr compensation record: 기본급 (the monthly base) and 과세수당 (taxable allowances) in whole won. The non-taxable
// allowances (식대, 자가운전보조금, 보육수당) stay in the withholding profile above, where their limits are checked.
import { h } from '../../dom.js';
import { field, FormInputError } from '../../forms.js';
import { formatKrw, parseKrw, bilingual } from './format.js';

export const krCompensation = {
  headings: [bilingual('기본급', 'Monthly base'), bilingual('과세수당', 'Taxable allowances')],
  cells: r => [h('td', { class: 'num' }, formatKrw(r.monthlyBase)), h('td', { class: 'num' }, formatKrw(r.taxableAllowances ?? 0))],

  fields() {
    const f = {
      monthlyBase: field({ label: '기본급 Monthly base', field: 'monthlyBase', inputmode: 'numeric', autocomplete: 'off', required: true }),
      taxableAllowances: field({ label: '과세수당 Taxable allowances (monthly)', field: 'taxableAllowances', inputmode: 'numeric', autocomplete: 'off' }),
    };
    return {
      nodes: Object.values(f),
      read() {
        const errors = {};
        const body = { payType: 'monthly' };
        for (const key of Object.keys(f)) {
          const value = parseKrw(f[key].control.value);
          if (Number.isNaN(value)) errors[key] = ['Enter whole won, such as 3,000,000.'];
          else if (value !== null) body[key] = value;
        }
        if (Object.keys(errors).length) throw new FormInputError(errors);
        return body;
      },
    };
  },
};

const insuranceMonths = {
  acquisition_month: '취득월 Month of joining: 국민연금 and 건강보험 start the month after (this month only when joined on the 1st)',
  loss_month: '상실월 Month of leaving: a full month of 국민연금 and 건강보험 on the whole month’s pay',
};

/** Under the employee's name: 일할계산 (calendar-day proration) and the acquisition- or loss-month premium rule. */
export function krEarnings(e, proration) {
  if (!e) return null;
  const parts = [];
  if (proration) parts.push(`일할계산 ${proration}`);
  if (e.insuranceMonth) parts.push(insuranceMonths[e.insuranceMonth] ?? e.insuranceMonth);
  return parts.length ? h('span', { class: 'earnings' }, parts.join(' · ')) : null;
}

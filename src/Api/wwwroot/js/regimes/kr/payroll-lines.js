// The payroll editor's kr line kind: whole-won pay items in, the six deductions and net pay out, as the server computes them.
import { previewLine } from '../../views/common.js';
import { bilingual, formatKrw, krDeductions, krNonTaxable, parseKrw } from './format.js';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const payItems = [
  { key: 'basePay', ko: '기본급', en: 'Base pay' },
  { key: 'taxableAllowances', ko: '과세수당', en: 'Taxable allowances' },
  { key: 'bonus', ko: '상여', en: 'Bonus' },
];
const column = (item, path, keepZero = false) =>
  ({ key: item.key, label: `${item.ko} ${item.en}`, heading: bilingual(item.ko, item.en), path, keepZero });

function nonTaxableEntered(values) {
  return krNonTaxable.some(a => values[a.key] !== null);
}

/**
 * A kr line: base pay, taxable allowances, bonus and the three non-taxable allowances in whole won. Each row is sent to
 * POST /api/companies/{id}/payrolls/preview, which computes it exactly as saving does (the employee's profile in effect
 * on the pay date, the allowances' limits), so the grid shows the figures the draft will hold, not an estimate.
 */
export const krLines = {
  payFrequency: 'monthly',
  columns: [
    { key: 'employee', label: 'Employee', heading: bilingual('사원', 'Employee') },
    ...payItems.map(item => column(item, item.key)),
    // Non-taxable cells keep an entered 0: a line's allowances, once entered, replace the profile's.
    ...krNonTaxable.map(item => column(item, `nonTaxable.${item.key}`, true)),
  ],
  previewColumns: [
    ...krDeductions.map(d => ({ key: d.key, label: `${d.ko} ${d.en}`, heading: bilingual(d.ko, d.en), value: p => p[d.key] })),
    { key: 'netPay', label: '실지급액 Net pay', heading: bilingual('실지급액', 'Net pay'), value: p => p.netPay },
  ],
  parse: parseKrw,
  format: formatKrw,
  formatInput: value => grouped.format(value),
  inputmode: 'numeric',
  invalid: 'Enter whole won, such as 3,800,000.',
  tableClass: 'kr',
  caption: 'Lines, monthly amounts in whole won (KRW)',
  totalsLabel: bilingual('합계', 'Totals'),
  help: 'Enter or ↓ moves down a line, Shift+Enter or ↑ up, Tab across. Paste rows copied from a spreadsheet, in the order employee (name or 주민등록번호 last four), base pay, taxable allowances, bonus, meals, car allowance, childcare; amounts in whole won.',
  note: 'Deductions and net pay come from the server, computed as saving computes them with each employee\'s withholding profile in effect on the pay date. Non-taxable cells left blank take the monthly allowances of that profile (shown in grey); entering any of the three sets all three for the line.',
  ready: values => payItems.some(item => values[item.key] !== null),

  async preview({ values, head, company, signal }) {
    const line = await previewLine(company, head, 'monthly', krLines.toLine(values), signal);
    return { ...line.kr, netPay: line.netPay };
  },

  /** Blank non-taxable cells show, in grey, the allowances the server applied from the profile. */
  previewed(row) {
    const applied = row.preview?.nonTaxable;
    const blank = krNonTaxable.every(a => row.inputs[a.key].value.trim() === '');
    for (const a of krNonTaxable) row.inputs[a.key].placeholder = applied && blank && applied[a.key] ? grouped.format(applied[a.key]) : '';
  },

  toLine(values) {
    const line = { employeeId: values.employeeId, basePay: values.basePay ?? 0, taxableAllowances: values.taxableAllowances ?? 0, bonus: values.bonus ?? 0 };
    if (nonTaxableEntered(values)) line.nonTaxable = Object.fromEntries(krNonTaxable.map(a => [a.key, values[a.key] ?? 0]));
    return line;
  },

  fromLine: line => ({
    employeeId: line.employeeId,
    basePay: line.kr.basePay,
    taxableAllowances: line.kr.taxableAllowances,
    bonus: line.kr.bonus,
    ...Object.fromEntries(krNonTaxable.map(a => [a.key, line.kr.nonTaxable[a.key] ?? 0])),
  }),
};

// The payroll editor's us-federal line kind: wages and US deductions in dollars in, federal and state withholding and net pay out.
import { formatMoney, parseAmount } from './format.js';
import { previewLine } from '../../views/common.js';

/**
 * A us-federal line: wages and US deductions in dollars. Each row is sent to POST /api/companies/{id}/payrolls/preview,
 * which computes it exactly as saving does (the W-4 in effect on the pay date, year-to-date wages from approved payrolls,
 * so the Social Security wage base and the Additional Medicare threshold apply), so the grid shows what the draft will hold.
 */
export const usLines = {
  /** The grid's editable columns, in the order a pasted spreadsheet row fills them. */
  columns: [
    { key: 'employee', label: 'Employee' },
    { key: 'grossWages', label: 'Gross wages', path: 'grossWages' },
    { key: 'supplementalWages', label: 'Supplemental', path: 'supplementalWages' },
    { key: 'retirement', label: 'Retirement', path: 'preTaxDeductions.retirement' },
    { key: 'cafeteria', label: 'Cafeteria', path: 'preTaxDeductions.cafeteria' },
    { key: 'hsa', label: 'HSA', path: 'preTaxDeductions.hsa' },
    { key: 'postTaxDeductions', label: 'Post-tax', path: 'postTaxDeductions' },
  ],
  previewColumns: [
    { key: 'federalIncomeTax', label: 'Income tax', value: p => p.federalIncomeTax },
    { key: 'socialSecurity', label: 'Social Security', value: p => p.socialSecurity },
    { key: 'medicare', label: 'Medicare', value: p => p.medicare + p.additionalMedicare },
    { key: 'stateIncomeTax', label: 'State tax', value: p => p.stateIncomeTax },
    { key: 'netPay', label: 'Net pay', value: p => p.net },
  ],
  parse: parseAmount,
  format: formatMoney,
  formatInput: value => value.toFixed(2),
  inputmode: 'decimal',
  invalid: 'Enter an amount such as 1234.50.',
  caption: 'Lines, amounts per pay period',
  help: 'Enter or ↓ moves down a line, Shift+Enter or ↑ up, Tab across. Paste rows copied from a spreadsheet, in the order employee (name or SSN last four), gross, supplemental, retirement, cafeteria, HSA, post-tax.',
  note: 'Withholding and net pay come from the server, computed as saving computes them: the W-4 in effect on the pay date and this year\'s approved payrolls (Social Security stops at the wage base; Additional Medicare starts past $200,000).',
  ready: values => values.grossWages !== null,

  async preview({ values, head, company, signal }) {
    const line = await previewLine(company, head, head.payFrequency, usLines.toLine(values), signal);
    return { ...line.withholdings, stateIncomeTax: line.stateIncomeTax ?? 0, net: line.netPay };
  },

  toLine: values => ({
    employeeId: values.employeeId,
    grossWages: values.grossWages,
    supplementalWages: values.supplementalWages ?? 0,
    preTaxDeductions: { retirement: values.retirement ?? 0, cafeteria: values.cafeteria ?? 0, hsa: values.hsa ?? 0 },
    postTaxDeductions: values.postTaxDeductions ?? 0,
  }),

  fromLine: line => ({
    employeeId: line.employeeId,
    grossWages: line.grossWages,
    supplementalWages: line.supplementalWages,
    retirement: line.preTaxDeductions.retirement,
    cafeteria: line.preTaxDeductions.cafeteria,
    hsa: line.preTaxDeductions.hsa,
    postTaxDeductions: line.postTaxDeductions,
  }),
};

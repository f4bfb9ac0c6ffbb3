// The Korea (`kr`) regime in the portal: Korean labels beside English ones and KRW in whole won (₩4,000,000).
import { krEmployeeTable, krEmployeeForm } from './employees.js';
import { krLines } from './payroll-lines.js';
import { krPayrollList, krPayrollDetail } from './payrolls.js';
import { krReport } from './report.js';
import { krCompensation } from './compensation.js';
import { krBusinessIncomePage } from './business-income.js';

export default {
  code: 'kr',
  label: 'Korea 대한민국 (KRW)',
  employeeTable: krEmployeeTable,
  employeeForm: krEmployeeForm,
  lineKind: krLines,
  payrollList: krPayrollList,
  payrollDetail: krPayrollDetail,
  report: krReport,
  compensation: krCompensation,
  // Pages of its own beside the core ones (js/views/regime-page.js): 사업소득, business income paid to freelancers.
  pages: [krBusinessIncomePage],
  // The company settings page: which number identifies the employer, and the address's usual country.
  companyIdentifier: { field: 'registrationNumber', label: '사업자등록번호 Business registration number', hint: 'As ###-##-#####; the last digit is a check digit.' },
  defaultCountry: 'KR',
};

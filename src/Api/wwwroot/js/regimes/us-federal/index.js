// The US federal (`us-federal`) regime in the portal: the SSN, the Form W-4, and the federal taxes in dollars.
import { usEmployeeTable, usEmployeeForm } from './employees.js';
import { usLines } from './payroll-lines.js';
import { usPayrollList, usPayrollDetail } from './payrolls.js';
import { usReport } from './report.js';
import { usCompensation } from './compensation.js';

export default {
  code: 'us-federal',
  label: 'United States, federal (USD)',
  employeeTable: usEmployeeTable,
  employeeForm: usEmployeeForm,
  lineKind: usLines,
  payrollList: usPayrollList,
  payrollDetail: usPayrollDetail,
  report: usReport,
  compensation: usCompensation,
  // The company settings page: which number identifies the employer, and the address's usual country.
  companyIdentifier: { field: 'ein', label: 'EIN', hint: 'Employer Identification Number, as NN-NNNNNNN.' },
  defaultCountry: 'US',
};

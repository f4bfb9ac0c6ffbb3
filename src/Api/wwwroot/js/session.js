// Who is signed in, and what they may do. The server enforces every rule; the portal only hides what would be refused.
import { api, setCsrfToken, ApiError } from './api.js';

const WRITER_ROLES = new Set(['payroll_manager', 'company_admin']);

let current = null;

export function session() {
  return current;
}

function adopt(data) {
  current = { user: data.user, memberships: data.memberships ?? [] };
  setCsrfToken(data.csrfToken);
  return current;
}

/** The signed-in user, or null when there is no session. */
export async function loadSession() {
  try {
    return adopt(await api.get('/api/auth/me', { allow401: true }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      current = null;
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function signIn(email, password) {
  return adopt(await api.post('/api/auth/login', { email, password }, { allow401: true }));
}

export async function signOut() {
  try {
    await api.post('/api/auth/logout', undefined, { allow401: true });
  } finally {
    current = null;
    setCsrfToken(null);
  }
}

export function isAdmin() {
  return current?.user?.isAdmin === true;
}

export function roleIn(companyId) {
  if (isAdmin()) return 'admin';
  return current?.memberships.find(m => m.companyId === companyId)?.role ?? null;
}

/** Employees, payrolls, approve, void and exports: payroll managers and above (contract: payroll_manager, company_admin, admin). */
export function canWrite(companyId) {
  const role = roleIn(companyId);
  return role === 'admin' || WRITER_ROLES.has(role);
}

/** Company members (list, add, change a role, remove): the company's admins and the global administrator. */
export function canManageMembers(companyId) {
  const role = roleIn(companyId);
  return role === 'admin' || role === 'company_admin';
}

/** A person whose every membership is the employee role: the portal opens on their payslips, not on companies. */
export function onlyEmployee() {
  return !isAdmin() && (current?.memberships.length ?? 0) > 0 && current.memberships.every(m => m.role === 'employee');
}

export const roleLabels = {
  admin: 'Administrator',
  company_admin: 'Company admin',
  payroll_manager: 'Payroll manager',
  viewer: 'Viewer',
  employee: 'Employee',
};

import { h, replace } from '../dom.js';
import { ApiError } from '../api.js';
import { signIn } from '../session.js';
import { field, formAlert, clearErrors, showError } from '../forms.js';
import { navigate } from '../router.js';
import { setCompanyNav, forgetCompanies } from './common.js';

export async function loginView(ctx) {
  document.title = 'Sign in · Payroll Portal';
  setCompanyNav(null);
  const next = ctx.params.get('next');
  const email = field({ label: 'Email', field: 'email', type: 'email', required: true, autocomplete: 'username' });
  const password = field({ label: 'Password', field: 'password', type: 'password', required: true, autocomplete: 'current-password' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'card login', novalidate: true, 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Sign in'), formAlert(), email, password, submit);

  // Signing in is not an idempotent write (it creates a session), so it is guarded by the disabled button alone.
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (submit.disabled) return;
    submit.disabled = true;
    clearErrors(form);
    try {
      await signIn(email.control.value.trim(), password.control.value);
      forgetCompanies();
      navigate(next && next.startsWith('#/') && !next.startsWith('#/login') ? next : '#/');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        showError(form, new ApiError(401, { detail: 'The email or password is not correct.' }));
      } else if (error instanceof ApiError && error.status === 429) {
        showError(form, new ApiError(429, { detail: 'Too many sign-in attempts. Wait a minute and try again.' }));
      } else {
        showError(form, error);
      }
      password.control.value = '';
      password.control.focus();
    } finally {
      submit.disabled = false;
    }
  });
  replace(ctx.main, form);
  email.control.focus();
}

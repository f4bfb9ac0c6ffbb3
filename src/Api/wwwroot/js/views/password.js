// Change my password: any signed-in user, proving the current password (POST /api/auth/password).
import { h, replace } from '../dom.js';
import { api } from '../api.js';
import { session } from '../session.js';
import { field, formAlert, submitOnce, FormInputError } from '../forms.js';
import { setCompanyNav } from './common.js';

const MIN_LENGTH = 12; // Passwords.MinLength on the server, which checks it again
const MAX_LENGTH = 256;

export async function passwordView(ctx) {
  document.title = 'Change password · Payroll Portal';
  setCompanyNav(null);
  const current = field({ label: 'Current password', field: 'currentPassword', type: 'password', required: true, autocomplete: 'current-password' });
  const next = field({
    label: 'New password',
    field: 'newPassword',
    type: 'password',
    required: true,
    autocomplete: 'new-password',
    hint: `${MIN_LENGTH} to ${MAX_LENGTH} characters, different from the current one. A long passphrase is easiest to remember.`,
  });
  const confirm = field({ label: 'Repeat the new password', field: 'confirmPassword', type: 'password', required: true, autocomplete: 'new-password' });
  const result = h('div', { class: 'add-result', id: 'password-result', role: 'status' });
  const form = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'password-title' },
    h('h1', { id: 'password-title' }, 'Change password'),
    h('p', { class: 'hint page-intro' }, `Signed in as ${session()?.user.email ?? ''}. Changing the password signs you out everywhere else; this session stays signed in. API tokens are not affected.`),
    formAlert(), current, next, confirm,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Change password')),
    result);

  // submitOnce keeps one request in flight per click. The endpoint checks a credential (a wrong password counts towards the
  // lockout), so, like sign-in, it is not an idempotent write and takes no Idempotency-Key: the key is not sent.
  submitOnce(form, {
    send: async () => {
      replace(result);
      const errors = {};
      if (current.control.value === '') errors.currentPassword = ['Enter your current password.'];
      if (next.control.value.length < MIN_LENGTH || next.control.value.length > MAX_LENGTH) {
        errors.newPassword = [`The new password must be ${MIN_LENGTH} to ${MAX_LENGTH} characters.`];
      } else if (next.control.value !== confirm.control.value) {
        errors.confirmPassword = ['The two new passwords differ.'];
      }
      if (Object.keys(errors).length) throw new FormInputError(errors);
      return api.post('/api/auth/password', { currentPassword: current.control.value, newPassword: next.control.value });
    },
    done: () => {
      for (const f of [current, next, confirm]) f.control.value = '';
      replace(result, h('p', { class: 'notice' },
        'Your password has been changed. Your other sessions have been signed out; use the new password next time you sign in.'));
    },
  });
  replace(ctx.main, form);
  current.control.focus();
}

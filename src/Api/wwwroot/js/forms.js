// Labelled fields, problem details shown beside the field they name, and submit buttons that post once per intent.
import { h, uid, replace } from './dom.js';
import { ApiError, NetworkError, WriteIntent } from './api.js';

/**
 * A labelled control. `field` is the API's name for it ("ssn", "w4.filingStatus"), used to place server errors.
 * type: text | date | number | email | password | select | checkbox | textarea
 */
export function field({ label, field: apiField, name, type = 'text', value, required, options, hint, autocomplete, inputmode, readonly, attrs }) {
  const id = uid('f');
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  let control;
  const common = {
    id,
    name: name ?? apiField,
    'aria-describedby': describedBy,
    dataset: apiField ? { field: apiField } : undefined,
    required: required || null,
    disabled: readonly || null,
    ...attrs,
  };
  if (type === 'select') {
    control = h('select', common, options.map(o => h('option', { value: o.value, selected: String(o.value) === String(value ?? '') }, o.label)));
  } else if (type === 'checkbox') {
    control = h('input', { ...common, type: 'checkbox', checked: Boolean(value) });
  } else if (type === 'textarea') {
    control = h('textarea', { ...common, value: value ?? '' });
  } else {
    control = h('input', { ...common, type, value: value ?? '', autocomplete, inputmode });
  }
  const wrapper = h('div', { class: `field field-${type}` },
    type === 'checkbox' ? [control, h('label', { for: id }, label)] : [h('label', { for: id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null), control],
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: errorId, hidden: true }));
  wrapper.control = control;
  return wrapper;
}

export function formAlert() {
  return h('div', { class: 'alert', role: 'alert', hidden: true, tabindex: '-1' });
}

export function clearErrors(form) {
  for (const el of form.querySelectorAll('.field-error')) {
    el.textContent = '';
    el.hidden = true;
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const alert = form.querySelector('.alert');
  if (alert) {
    alert.replaceChildren();
    alert.hidden = true;
  }
}

/**
 * Shows an error. Field errors go beside the control whose data-field is the error's key (or that `resolve(key)` returns);
 * whatever has no control on the page goes into the form's alert, with the field named, so nothing is lost.
 */
export function showError(form, error, resolve = () => null) {
  clearErrors(form);
  const alert = form.querySelector('.alert');
  const unplaced = [];
  let first = null;
  if (error instanceof ApiError) {
    for (const [key, messages] of Object.entries(error.fieldErrors)) {
      const control = resolve(key) ?? form.querySelector(`[data-field="${CSS.escape(key)}"]`);
      const message = messages.join(' ');
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        const errorEl = document.getElementById(control.getAttribute('aria-describedby')?.split(' ').pop() ?? '');
        if (errorEl?.classList.contains('field-error')) {
          // Grid cells share one error line per row, so each message names its column.
          const text = control.dataset.errorPrefix ? `${control.dataset.errorPrefix}: ${message}` : message;
          errorEl.textContent = errorEl.hidden ? text : `${errorEl.textContent} ${text}`;
          errorEl.hidden = false;
        } else {
          unplaced.push(`${control.getAttribute('aria-label') ?? key}: ${message}`);
        }
        first ??= control;
      } else {
        unplaced.push(key === 'body' ? message : `${key}: ${message}`);
      }
    }
  }
  const hasFieldErrors = error instanceof ApiError && Object.keys(error.fieldErrors).length > 0;
  if (alert && (unplaced.length > 0 || !hasFieldErrors)) {
    const summary = error instanceof ApiError && hasFieldErrors ? (error.problem.title ?? 'Please correct the fields below.') : describe(error);
    replace(alert, h('p', {}, summary), unplaced.length ? h('ul', {}, unplaced.map(m => h('li', {}, m))) : null);
    alert.hidden = false;
    if (!first) alert.focus();
  }
  first?.focus();
}

export function describe(error) {
  if (error instanceof NetworkError) return error.message;
  if (error instanceof ApiError) {
    if (error.status === 403) return error.problem.detail ?? 'You do not have permission to do that.';
    if (error.status === 404) return error.problem.detail ?? 'Not found. It may have been removed, or you have no access to it.';
    return error.problem.detail ?? error.problem.title ?? error.message;
  }
  return error?.message ?? String(error);
}

/**
 * Wires a form's submit to one WriteIntent: the button is disabled while the request runs, a second submit (double click,
 * Enter pressed twice) joins the request already in flight, and the idempotency key is reused until the server answers.
 * send(key) performs the write; done(result) runs after success.
 */
export function submitOnce(form, { send, done, resolve }) {
  const intent = new WriteIntent();
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (intent.busy) return;
    const buttons = form.querySelectorAll('button[type="submit"]');
    for (const b of buttons) b.disabled = true;
    form.setAttribute('aria-busy', 'true');
    clearErrors(form);
    try {
      const result = await intent.run(send);
      await done(result);
    } catch (error) {
      if (error instanceof FormInputError) {
        showError(form, new ApiError(400, { title: 'Please correct the fields below.', errors: error.errors }), resolve);
      } else {
        showError(form, error, resolve);
      }
    } finally {
      form.removeAttribute('aria-busy');
      for (const b of buttons) b.disabled = false;
    }
  });
  return intent;
}

/** Thrown by a form's own checks before anything is sent (a value that is not a number), shown like a server problem. */
export class FormInputError extends Error {
  constructor(errors) {
    super('Invalid input');
    this.errors = errors;
  }
}

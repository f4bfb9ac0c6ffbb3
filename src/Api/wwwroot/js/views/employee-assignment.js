// The employee number and pay schedule every regime's employee form carries (the regime modules place them in their
// Employee fieldset). Assigning a schedule sets the employee's pay frequency to the schedule's on the server.
import { field } from '../forms.js';
import { frequencyLabel } from './common.js';

export function assignmentFields(employee, schedules, readonly) {
  const number = field({
    label: 'Employee number', field: 'employeeNumber', value: employee?.employeeNumber ?? '', autocomplete: 'off', readonly,
    hint: 'Up to 20 letters, digits and dashes; unique in the company. Hours files and pastes name people by it.',
  });
  number.control.classList.add('mono');
  const schedule = field({
    label: 'Pay schedule', field: 'payScheduleId', type: 'select', readonly, value: employee?.payScheduleId ?? '',
    options: [{ value: '', label: 'None' }, ...schedules.map(s => ({ value: s.id, label: `${s.name} (${frequencyLabel(s.frequency).toLowerCase()})` }))],
  });
  const chosenNumber = () => number.control.value.trim() || null;
  const chosenSchedule = () => schedule.control.value || null;
  return {
    nodes: [number, schedule],
    /** The chosen schedule, so a form with its own pay frequency can follow it (a different one in the same request is a 400). */
    schedule: () => schedules.find(s => s.id === chosenSchedule()) ?? null,
    onScheduleChange: handler => schedule.control.addEventListener('change', handler),
    forCreate: () => ({ employeeNumber: chosenNumber(), payScheduleId: chosenSchedule() }),
    changes() {
      const patch = {};
      if (chosenNumber() !== (employee.employeeNumber ?? null)) patch.employeeNumber = chosenNumber();
      if (chosenSchedule() !== (employee.payScheduleId ?? null)) patch.payScheduleId = chosenSchedule();
      return patch;
    },
  };
}

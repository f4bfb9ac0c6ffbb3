// The Korea (`kr`) regime's formats and labels: Korean labels beside English ones and KRW in whole won (₩4,000,000).
import { h } from '../../dom.js';

const won = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW', maximumFractionDigits: 0 });

/** Whole won, e.g. ₩4,000,000; the API sends KRW as JSON integers. */
export function formatKrw(amount) {
  return amount === null || amount === undefined || Number.isNaN(amount) ? '' : won.format(amount);
}

/** A column heading or label: the Korean term with the English one beside it. */
export function bilingual(korean, english) {
  return h('span', { class: 'bilingual' }, h('span', { lang: 'ko' }, korean), ' ', h('span', { class: 'en' }, english));
}

/** The six deductions in the order of the pay slip, with the DTO property that carries each. */
export const krDeductions = [
  { key: 'nationalPension', ko: '국민연금', en: 'National pension' },
  { key: 'healthInsurance', ko: '건강보험', en: 'Health insurance' },
  { key: 'longTermCare', ko: '장기요양보험', en: 'Long-term care' },
  { key: 'employmentInsurance', ko: '고용보험', en: 'Employment insurance' },
  { key: 'incomeTax', ko: '근로소득세', en: 'Income tax' },
  { key: 'localIncomeTax', ko: '지방소득세', en: 'Local income tax' },
];

export const krNonTaxable = [
  { key: 'meals', ko: '식대', en: 'Meals' },
  { key: 'carAllowance', ko: '자가운전보조금', en: 'Car allowance' },
  { key: 'childcare', ko: '보육수당', en: 'Childcare' },
];

export function nonTaxableTotal(n) {
  return (n?.meals ?? 0) + (n?.carAllowance ?? 0) + (n?.childcare ?? 0);
}

/** A whole-won amount as typed (₩, 원, commas and spaces allowed): null when blank, NaN when not a whole number. */
export function parseKrw(text) {
  const cleaned = String(text ?? '').replace(/[₩원,\s]/g, '');
  if (cleaned === '') return null;
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : NaN;
}

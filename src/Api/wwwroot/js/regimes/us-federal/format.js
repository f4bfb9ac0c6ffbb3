// Dollars as the US pages show and read them.
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
export function formatMoney(amount) {
  return amount === null || amount === undefined || Number.isNaN(amount) ? '' : money.format(amount);
}

/** Parses a number the way people type it in a spreadsheet: "1,234.50", "$1,234.50", " 12 ". Empty is null; junk is NaN. */
export function parseAmount(text) {
  const cleaned = String(text ?? '').replace(/[$,\s]/g, '');
  if (cleaned === '') return null;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
}

// The portal's regime modules, found by the code the API gives each company (`company.regime`). Everything the pages show
// that differs by jurisdiction (the employee's tax profile, the payroll grid's columns, a payroll's figures, the quarter
// report) lives in the regime's folder; the pages name no regime. This file is the portal's one registration, as
// src/Api/Hosting/RegimeModules.cs is the server's. See docs/PORTAL.md, "Regime modules", for the contract.
import usFederal from './us-federal/index.js';
import kr from './kr/index.js';
import { coreRegime } from './core.js';

/** The registered modules, in the order the new-company form offers them; the first is its default. */
export const portalRegimes = [usFederal, kr];

/** The module for a company's regime; a regime the server knows but the portal does not gets the core figures only. */
export function regimeOf(company) {
  return portalRegimes.find(r => r.code === company?.regime) ?? coreRegime;
}

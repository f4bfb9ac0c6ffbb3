// A page a company's regime module adds beside the core ones (its `pages`, js/regimes/<code>/index.js): the address names
// it (#/c/<company>/r/<path>[/<item>]), the navigation lists it, and the module draws it. The core names no such page.
import { h, replace } from '../dom.js';
import { loadCompany, companyPage } from './common.js';
import { regimeOf } from '../regimes/index.js';

export async function regimePageView(ctx) {
  const found = await loadCompany(ctx.companyId);
  const page = (regimeOf(found).pages ?? []).find(p => p.path === ctx.page);
  if (!page) {
    replace(ctx.main, h('h1', {}, 'Page not found'), h('p', {}, 'This company has no such page.'));
    return;
  }
  const company = await companyPage(ctx, `r/${page.path}`, page.title);
  if (!company) return;
  await page.view(ctx, company);
}

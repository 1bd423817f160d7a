// The list's first page painted from the prefetched answer before the app's wasm has started
// (release build: `cargo xtask build` writes this file as `hsm-first-paint.js`, with each
// locale's words taken from `locales/` at build time).
//
// A cold load otherwise shows nothing until the wasm is fetched, compiled and rendering, long
// after the list's answer is in. Painted here, the first rows show as soon as the answer is;
// the app then renders its own list hidden behind them and, in one task, drops the painted copy
// (`src/pages/template_list/first_paint.rs`): no visible change, no layout shift. The markup is
// the app's own (`rows_html.rs` and the list's views); the whole-app test
// `e2e/first-paint.test.mjs` compares the two word by word. Links are real links: a click before
// the app has started loads that page.
//
//   import { paintList } from './hsm-first-paint.js';
//   paintList(element, config);   // the element and config `mount` gets, before `await init()`
//
// What the painter cannot know without the app's rules it leaves out: the note on languages
// whose structure drifted apart (it needs the domain's variable parser) appears at takeover.

// The build writes hsm-prefetch.js into this file in place of this import (one request fewer),
// so it also exports prefetchList and listUrl.
import { prefetchList, listUrl } from './hsm-prefetch.js';

/** Each locale's words (list and common areas), from `locales/` at build time. */
const WORDS = /* generated: words */ {};

// Status rules, as hsm-domain and the status badge have them (a native test of the app
// compares this line with them): code → [badge tone, editable, deletable, urgency].
const STATUSES = {"APPROVED":["ok",1,1,10],"PENDING":["wait",0,1,8],"REJECTED":["bad",1,1,0],"PAUSED":["warn",1,1,2],"DISABLED":["bad",0,0,1],"IN_APPEAL":["wait",0,1,7],"PENDING_DELETION":["wait",0,1,9],"DELETED":["bad",0,1,12],"LIMIT_EXCEEDED":["warn",0,1,4],"FLAGGED":["warn",0,1,3],"LOCKED":["warn",0,1,5],"REINSTATED":["ok",0,1,10],"ARCHIVED":["neutral",0,1,11]};
const OTHER_STATUS = ["neutral",0,1,6];
// The languages "Adicionar idioma" offers, in order (hsm_domain::OFFERED_LANGUAGES).
const OFFERED = ["pt_BR","en_US","es"];
// The toolbar's filters (template_list/toolbar.rs; the same native test compares them):
// [select name, label key, label family, choices].
const FILTERS = [["status","list.filter_status","status",["APPROVED","PENDING","REJECTED","PAUSED","DISABLED","IN_APPEAL","PENDING_DELETION","DELETED","LIMIT_EXCEEDED","FLAGGED","LOCKED","REINSTATED","ARCHIVED"]],["category","list.filter_category","category",["MARKETING","UTILITY","AUTHENTICATION"]],["language","list.filter_language","language",["pt_BR","en_US","en","es","es_ES","es_MX","es_AR"]],["category_change","list.filter_category_change","category_change",["ANNOUNCED"]]];
const PAGE_SIZES = [10,25,50,100];

let painted = 0;
// The groups painted at once: more than a screenful; the others follow after the first frame.
const FIRST_GROUPS = 8;

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
// hsm_domain::wire::percent_encode: every byte but A–Z a–z 0–9 - _ . ~
const pct = (s) => Array.from(new TextEncoder().encode(String(s)), (b) =>
  /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

function wordsOf(locale) {
  const tag = ['pt-BR', 'en', 'es'].find((l) => l.toLowerCase() === String(locale ?? '').trim().toLowerCase()
    || l.split('-')[0] === String(locale ?? '').trim().toLowerCase().split('-')[0]) ?? 'pt-BR';
  const words = WORDS[tag] ?? {};
  const t = (key) => words[key] ?? key;
  const tf = (key, args) => t(key).replace(/\{(\w+)\}/g, (m, k) => (k in args ? args[k] : m));
  const label = (kind, code) => words[`common.${kind}_${code}`] ?? code;
  return { tag, t, tf, label };
}

// i18n::format_integer
function integer(n, tag) {
  const digits = String(n);
  const [sep, min] = tag === 'en' ? [',', 4] : tag === 'es' ? ['.', 5] : ['.', 4];
  return digits.length < min ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

// i18n::datetime_text, in the browser's time zone
function datetime(rfc3339, tag) {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  const two = (n) => String(n).padStart(2, '0');
  const [y, mo, day, h, mi] = [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];
  if (tag === 'en') return `${two(mo)}/${two(day)}/${y}, ${two(h % 12 || 12)}:${two(mi)} ${h < 12 ? 'AM' : 'PM'}`;
  return `${two(day)}/${two(mo)}/${y}, ${two(h)}:${two(mi)}`;
}

const rules = (status) => STATUSES[status] ?? OTHER_STATUS;
const badge = (w, status) =>
  `<span class="hsm-badge hsm-badge--${rules(status)[0]}" data-status="${esc(status)}">${esc(w.label('status', status))}</span>`;

// rows_html::head_html
function headHtml(g, w, base) {
  const name = esc(g.name);
  const categories = [...new Set(g.templates.map((t) => t.category))].map((c) => w.label('category', c)).join(', ');
  const languages = w.tf('list.languages_count', { count: String(g.templates.length) });
  const urgent = g.templates.reduce((a, t) => (a && rules(a.status)[3] <= rules(t.status)[3] ? a : t), null);
  let out = `<tr class="hsm-group__head"><th scope="rowgroup" colspan="7"><div class="hsm-group__summary"><span class="hsm-group__name">${name}</span><span class="hsm-group__meta">${esc(categories)} · ${esc(languages)}</span>`;
  if (urgent) out += badge(w, urgent.status);
  out += '<span class="hsm-group__actions">';
  const present = g.templates.map((t) => t.language);
  if (OFFERED.some((l) => !present.includes(l))) {
    const source = OFFERED.map((l) => g.templates.find((t) => t.language === l)).find(Boolean) ?? g.templates[0];
    const label = esc(w.t('list.add_language'));
    out += `<a href="${esc(base)}/new?from=${pct(source.id)}&amp;add_language=1" class="hsm-btn hsm-btn--small" data-action="add-language" aria-label="${label} ${name}">${label}</a>`;
  }
  if (g.templates.length > 1 && g.templates.some((t) => rules(t.status)[2])) {
    const label = esc(w.t('list.delete_all'));
    out += `<button type="button" class="hsm-btn hsm-btn--small hsm-btn--danger-outline" data-action="delete-all" aria-label="${label} ${name}">${label}</button>`;
  }
  return `${out}</span></div></th></tr>`;
}

// rows_html::row_html (the first page is never filtered: every row matches)
function rowHtml(t, w, base) {
  const [, editable, deletable] = rules(t.status);
  const rejected = t.status === 'REJECTED';
  const name = esc(t.name);
  const edit = `${esc(base)}/${pct(t.id)}/edit`;
  const title = editable
    ? w.tf('list.row_edit', { name: t.name })
    : w.tf('list.row_view', { name: t.name, status: w.label('status', t.status) });
  const language = w.label('language', t.language);
  const which = esc(`${t.name} (${language})`);
  // An authentication template's delivery mode, under its category.
  const otp = (t.components ?? []).flatMap((c) => (c.type === 'BUTTONS' ? c.buttons ?? [] : [])).find((b) => b.type === 'OTP');
  let mode = otp ? `<span class="hsm-row__mode">${esc(w.label('otp_type', otp.otp_type))}</span>` : '';
  // rows_html's warning of Meta's announced re-categorisation (components/category_change.rs).
  const change = t.category_change;
  if (change) {
    const category = w.label('category', change.new_category);
    const meaning = change.new_category === 'MARKETING' ? esc(w.t('list.category_change_marketing')) : null;
    const headline = w.tf('list.category_change', { category, date: datetime(change.effective_at, w.tag).split(', ')[0] });
    mode += `<p class="hsm-row__recat" data-category-change="${esc(change.new_category)}"${meaning ? ` title="${meaning}"` : ''}><span aria-hidden="true">⚠ </span>${esc(headline)}${meaning ? `<span class="hsm-visually-hidden"> ${meaning}</span>` : ''}</p>`;
  }
  let cls = 'hsm-row';
  if (!editable) cls += ' hsm-row--readonly';
  if (rejected) cls += ' hsm-row--rejected';
  let out = `<tr class="${cls}" data-id="${esc(t.id)}" data-status="${esc(t.status)}" tabindex="0" title="${esc(title)}"><td class="hsm-row__name"><a href="${edit}">${name}</a></td><td>${esc(w.label('category', t.category))}${mode}</td><td>${esc(language)}</td><td class="hsm-row__status">${badge(w, t.status)}`;
  if (rejected && t.rejected_reason) {
    out += `<p class="hsm-reason">${esc(w.tf('list.reason', { reason: w.label('reason', t.rejected_reason) }))}</p>`;
  }
  if (rejected && typeof t.rejection_recommendation === 'string' && t.rejection_recommendation.trim()) {
    out += `<p class="hsm-recommendation">${esc(w.tf('list.recommendation', { text: t.rejection_recommendation }))}</p>`;
  }
  out += '</td><td>';
  out += t.quality_score?.score ? esc(w.label('quality', t.quality_score.score)) : '<span aria-hidden="true">—</span>';
  out += `</td><td><time datetime="${esc(t.updated_at)}">${esc(datetime(t.updated_at, w.tag))}</time></td><td class="hsm-row__actions">`;
  if (rejected) {
    const label = esc(w.t('list.fix'));
    out += `<a href="${edit}?fix=rejection" class="hsm-btn hsm-btn--small hsm-btn--primary" data-action="fix" aria-label="${label} ${which}">${label}</a>`;
  }
  const dup = esc(w.t('list.duplicate'));
  out += `<a href="${esc(base)}/new?from=${pct(t.id)}" class="hsm-btn hsm-btn--small" data-action="duplicate" aria-label="${dup} ${which}">${dup}</a>`;
  for (const [action, key] of [['insights', 'list.insights'], ['history', 'list.history']]) {
    const label = esc(w.t(key));
    out += `<a href="${esc(base)}/${pct(t.id)}/${action}" class="hsm-btn hsm-btn--small" data-action="${action}" aria-label="${label} ${which}">${label}</a>`;
  }
  if (deletable) {
    const label = esc(w.t('list.delete'));
    out += `<button type="button" class="hsm-btn hsm-btn--small hsm-btn--danger-outline" data-action="delete" aria-label="${label} ${which}">${label}</button>`;
  }
  return `${out}</td></tr>`;
}

// table::SortHeader, for the default order (newest update first)
function sortHeader(w, key, state, next) {
  const arrow = state === 'descending' ? '▼' : state === 'ascending' ? '▲' : '';
  return `<th scope="col" aria-sort="${state}"><button type="button" class="hsm-sort" data-sort="${next}" data-focus="sort:${key}">${esc(w.t(key))}<span class="hsm-sort__arrow" aria-hidden="true">${arrow}</span></button></th>`;
}

// The list screen of the app (template_list/mod.rs, toolbar.rs, table.rs, pagination.rs)
// around the first page's groups.
function screenHtml(page, w, base, embedded, n) {
  const id = (name) => `hsm-painted-${name}-${n}`;
  const filters = FILTERS.map(([name, labelKey, kind, codes]) =>
    `<div class="hsm-field"><label for="${id(name)}">${esc(w.t(labelKey))}</label><select id="${id(name)}" name="${name}"><option value="">${esc(w.t('list.filter_all'))}</option>${codes.map((c) => `<option value="${c}">${esc(w.label(kind, c))}</option>`).join('')}</select></div>`).join('');
  const groups = page.items
    .map((g) => ({
      name: g.name,
      templates: (g.templates ?? []).map((t) => ({ ...t, name: t.name ?? g.name })),
    }))
    .filter((g) => g.templates.length)
    .map((g) => () => `<tbody class="hsm-group" data-name="${esc(g.name)}">${headHtml(g, w, base)}${g.templates.map((t) => rowHtml(t, w, base)).join('')}</tbody>`);
  const first = groups.slice(0, FIRST_GROUPS).map((g) => g()).join('');
  const rest = () => groups.slice(FIRST_GROUPS).map((g) => g()).join('');
  const perPage = Math.max(page.per_page ?? 25, 1);
  const pageNo = Math.max(page.page ?? 1, 1);
  const pages = Math.max(Math.ceil((page.total ?? 0) / perPage), 1);
  const total = page.total === 1 ? w.tf('list.total_one', { count: '1' }) : w.tf('list.total', { count: integer(page.total ?? 0, w.tag) });
  const html = `<div class="hsm-app${embedded ? ' hsm-app--embedded' : ''}" lang="${w.tag}" data-hsm-painted="${groups.length > FIRST_GROUPS ? 'first' : 'all'}"><main class="hsm-main"><div class="hsm-notice-area" role="status" aria-live="polite"></div><section class="hsm-page hsm-list"><header class="hsm-page__header"><h1 tabindex="-1">${esc(w.t('list.title'))}</h1><a href="${esc(base)}/new" class="hsm-btn hsm-btn--primary">${esc(w.t('list.new'))}</a></header>`
    + `<form class="hsm-toolbar" role="search"><div class="hsm-field hsm-toolbar__search"><label for="${id('q')}">${esc(w.t('list.search_label'))}</label><input id="${id('q')}" type="search" name="q" autocomplete="off" placeholder="${esc(w.t('list.search_placeholder'))}" data-focus="search"></div>${filters}<button type="button" class="hsm-btn" data-action="clear-filters" disabled="">${esc(w.t('list.clear_filters'))}</button><div class="hsm-toolbar__transfer"><button type="button" class="hsm-btn" data-action="export">${esc(w.t('transfer.export'))}</button><p class="hsm-transfer__status" role="status" data-export="idle"></p><a class="hsm-btn" data-action="import" href="${esc(base)}/import">${esc(w.t('transfer.import_link'))}</a></div></form>`
    + `<div class="hsm-list__sync"><button type="button" class="hsm-btn hsm-btn--small" data-action="refresh">${esc(w.t('list.refresh'))}</button><span class="hsm-relative-time">${esc(w.tf('list.updated_ago', { time: w.t('common.now') }))}</span><span class="hsm-list__loading" role="status"></span></div>`
    + `<div class="hsm-table-wrap"><table class="hsm-table hsm-list__table" aria-busy="false"><caption class="hsm-visually-hidden">${esc(w.t('list.caption'))}</caption><thead><tr>${sortHeader(w, 'list.col_name', 'none', 'name')}<th scope="col">${esc(w.t('list.col_category'))}</th><th scope="col">${esc(w.t('list.col_language'))}</th><th scope="col">${esc(w.t('list.col_status'))}</th><th scope="col">${esc(w.t('list.col_quality'))}</th>${sortHeader(w, 'list.col_updated', 'descending', 'updated_at')}<th scope="col">${esc(w.t('list.col_actions'))}</th></tr></thead>${first}</table></div>`
    + `<nav class="hsm-pagination" aria-label="${esc(w.t('list.pagination'))}"><p class="hsm-total">${esc(total)}</p><div class="hsm-pagination__pages"><button type="button" class="hsm-btn hsm-btn--small" data-page="previous"${pageNo <= 1 ? ' disabled=""' : ''}>${esc(w.t('list.previous'))}</button><span class="hsm-pagination__current" aria-current="page">${esc(w.tf('list.page_of', { page: integer(pageNo, w.tag), pages: integer(pages, w.tag) }))}</span><button type="button" class="hsm-btn hsm-btn--small" data-page="next"${pageNo >= pages ? ' disabled=""' : ''}>${esc(w.t('list.next'))}</button></div><div class="hsm-field hsm-field--inline"><label for="${id('per-page')}">${esc(w.t('list.per_page'))}</label><select id="${id('per-page')}" name="per_page">${PAGE_SIZES.map((s) => `<option value="${s}"${s === perPage ? ' selected=""' : ''}>${s}</option>`).join('')}</select></div></nav>`
    + '</section></main></div>';
  return { html, rest: groups.length > FIRST_GROUPS ? rest : null };
}

/** Resolves once the browser has shown what the DOM holds now (after its next frame). */
const afterFrame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));

/** The app's styles for a shadow root, fetched from next to this file: the same sheets, in the same
 * order, as the app adopts (`embed.rs`), so the painted copy lays out as the app will. */
async function shadowSheet() {
  const css = await fetch(new URL('./hsm.css', import.meta.url)).then((r) => (r.ok ? r.text() : Promise.reject()));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`:host{all:initial;display:block}\n${css}`);
  return sheet;
}

/**
 * Paints the list's first page into `element` from the prefetched answer, unless the app got
 * there first or the page is not the list. Resolves to whether it painted, once what it painted
 * is on screen (so that loading the app after it does not delay that frame); never rejects.
 * `config` is `mount`'s: `basePath`, `locale`, `shadowDom` (default true: inside the element's
 * shadow root, as the app renders, with the app's styles), and what the prefetch needs.
 */
export async function paintList(element, config = {}) {
  try {
    if (!element) return false;
    if (!globalThis.__hsmPrefetch) prefetchList(config);
    const entry = globalThis.__hsmPrefetch;
    if (!entry || entry.url !== listUrl(config)) return false;
    const shadow = config.shadowDom !== false;
    const sheet = shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function' ? shadowSheet() : null;
    if (shadow && !sheet) return false;
    const response = await entry.response;
    if (!response.ok) return false;
    const page = await response.clone().json();
    if (!Array.isArray(page?.items)) return false;
    const styles = shadow ? await sheet : null;
    let container = element;
    if (shadow) {
      // The app mounts into a shadow root it finds or makes, keeping what is painted there.
      const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
      if (root.childElementCount > 0) return false;
      root.adoptedStyleSheets = [styles];
      container = document.createElement('div');
      root.append(container);
    } else if (element.querySelector(':scope > .hsm-app') || element.hasAttribute('data-hsm-mounted')) {
      // The app mounted meanwhile: it shows its own rows.
      return false;
    }
    const base = (config.basePath ?? '').trim().replace(/\/+$/, '');
    const prefix = base === '' ? '' : base.startsWith('/') ? base : `/${base}`;
    const screen = screenHtml(page, wordsOf(config.locale), prefix, shadow, ++painted);
    container.insertAdjacentHTML('afterbegin', screen.html);
    performance.mark('hsm:painted');
    if (screen.rest) {
      // The rest of the page once the first rows are on screen.
      const root = container.firstElementChild;
      await afterFrame();
      if (root.isConnected) {
        root.querySelector('table').insertAdjacentHTML('beforeend', screen.rest());
        root.dataset.hsmPainted = 'all';
      }
    }
    await afterFrame();
    return true;
  } catch {
    return false;
  }
}

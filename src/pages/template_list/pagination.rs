//! Server-side paging: previous/next, "Página 2 de 7" and the page size.

use leptos::prelude::*;

use crate::components::button::{class, Look, Size};
use crate::i18n::{format_integer, use_i18n};

/// Plain `<button>`s, not [`crate::components::Button`]s: this view is rebuilt with the next page's
/// values, and what a component is given as `on:…`/`attr:…` keeps its first value then.
const SMALL: &str = class(Look::Plain, Size::Small);

/// Number of pages for `total` items, at least 1.
pub fn page_count(total: u64, per_page: u32) -> u32 {
    let per_page = u64::from(per_page.max(1));
    total.div_ceil(per_page).clamp(1, u64::from(u32::MAX)) as u32
}

/// Paging controls for a list of `total` items shown `per_page` at a time. Built for one page
/// of results and rebuilt with the next, so its words are read once (no locale subscriptions
/// left behind by every page shown).
///
/// The callbacks are plain closures rather than `Callback`s: a list re-rendered inside
/// `Transition` keeps showing the old controls while the next page loads, after the reactive
/// owner they were created in has been cleaned up.
#[component]
pub fn Pagination<P, S>(
    /// Items across all pages.
    total: u64,
    /// The current page, from 1.
    page: u32,
    /// Items per page.
    per_page: u32,
    /// The choices of page size.
    sizes: &'static [u32],
    /// Go to a page.
    on_page: P,
    /// Change the page size (the caller goes back to page 1).
    on_per_page: S,
) -> impl IntoView
where
    P: Fn(u32) + Clone + 'static,
    S: Fn(u32) + 'static,
{
    let on_next = on_page.clone();
    let i18n = use_i18n();
    let pages = page_count(total, per_page);
    // Options would leak into a wrapping label's name: point the label at the select.
    let size_id = crate::ids::next_id("hsm-page-size");
    let label = i18n.tf(
        "list.page_of",
        &[
            ("page", format_integer(page.into(), i18n.locale())),
            ("pages", format_integer(pages.into(), i18n.locale())),
        ],
    );
    let total_text = i18n.count("list.total", total);
    view! {
        <nav class="hsm-pagination" aria-label=i18n.t("list.pagination")>
            <p class="hsm-total">{total_text}</p>
            <div class="hsm-pagination__pages">
                <button
                    type="button"
                    class=SMALL
                    data-page="previous"
                    disabled={page <= 1}
                    on:click=move |_| on_page(page.saturating_sub(1).max(1))
                >
                    {i18n.t("list.previous")}
                </button>
                <span class="hsm-pagination__current" aria-current="page">
                    {label}
                </span>
                <button
                    type="button"
                    class=SMALL
                    data-page="next"
                    disabled={page >= pages}
                    on:click=move |_| on_next(page + 1)
                >
                    {i18n.t("list.next")}
                </button>
            </div>
            <div class="hsm-field hsm-field--inline">
                <label for=size_id.clone()>{i18n.t("list.per_page")}</label>
                <select
                    id=size_id
                    name="per_page"
                    on:change:target=move |ev| {
                        if let Ok(n) = ev.target().value().parse() {
                            on_per_page(n);
                        }
                    }
                >
                    {sizes
                        .iter()
                        .map(|n| {
                            view! {
                                <option value=n.to_string() selected=*n == per_page>
                                    {n.to_string()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_count_rounds_up_and_is_never_zero() {
        assert_eq!(page_count(0, 25), 1);
        assert_eq!(page_count(25, 25), 1);
        assert_eq!(page_count(26, 25), 2);
        assert_eq!(page_count(101, 10), 11);
        assert_eq!(page_count(5, 0), 5);
    }
}

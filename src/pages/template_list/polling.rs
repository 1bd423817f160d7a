//! PENDING templates change status on their own (Meta reviews them): re-read the list while
//! any is shown and the page is visible, less often the longer nothing happens.

use std::time::Duration;

use leptos::prelude::*;

/// Seconds between automatic re-reads: 15, then 30, then 60 from then on.
pub const DELAYS_S: [u64; 3] = [15, 30, 60];

/// The wait before automatic re-read number `polls` (0 = the first).
pub fn delay(polls: u32) -> Duration {
    let i = (polls as usize).min(DELAYS_S.len() - 1);
    Duration::from_secs(DELAYS_S[i])
}

fn page_visible() -> bool {
    !document().hidden()
}

/// Calls `reload` after [`delay`] while `active` is true. Returns the count of re-reads so
/// far; setting it to 0 (a new query, a manual refresh) starts again from the shortest wait.
/// The timer is cleared when `active` changes or the owner is cleaned up.
pub fn poll_while_pending(
    active: Signal<bool>,
    reload: impl Fn() + Clone + Send + Sync + 'static,
) -> RwSignal<u32> {
    let polls = RwSignal::new(0u32);
    Effect::new(move |_| {
        if !active.get() {
            return;
        }
        let n = polls.get();
        let reload = reload.clone();
        let fire = move || {
            // A hidden tab does not ask the server; counting the skip lets the wait grow.
            if page_visible() {
                reload();
            }
            polls.try_update(|p| *p = p.saturating_add(1));
        };
        if let Ok(handle) = set_timeout_with_handle(fire, delay(n)) {
            on_cleanup(move || handle.clear());
        }
    });
    polls
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backs_off_to_a_minute() {
        let secs: Vec<u64> = (0..5).map(|n| delay(n).as_secs()).collect();
        assert_eq!(secs, [15, 30, 60, 60, 60]);
        assert_eq!(delay(u32::MAX).as_secs(), 60);
    }
}

//! DOM ids: one counter for the whole app, so no two controls ever share an id, also with
//! several apps mounted in one page (they share this module's state).

use std::sync::atomic::{AtomicU32, Ordering};

/// A fresh element id, `<prefix>-<n>`, for `for`, `aria-labelledby` and `aria-describedby`.
pub fn next_id(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_fresh_and_keep_their_prefix() {
        let (a, b) = (next_id("hsm-x"), next_id("hsm-x"));
        assert_ne!(a, b);
        assert!(a.starts_with("hsm-x-") && b.starts_with("hsm-x-"));
    }
}

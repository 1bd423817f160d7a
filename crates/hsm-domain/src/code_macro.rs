//! The macro every list of codes is written with (a leaf: the lists name each other).

/// Declares each code as a constant named for it, and `$all` listing them: the crate's one way
/// of writing codes ([`crate::codes`], [`crate::wire::problem`], [`crate::transfer::codes`]).
macro_rules! codes {
    ($(#[$all_doc:meta])* $all:ident; $($name:ident = $code:literal),+ $(,)?) => {
        $(#[doc = concat!("`", $code, "`")] pub const $name: &str = $code;)+
        $(#[$all_doc])*
        pub const $all: &[&str] = &[$($code),+];
    };
}
pub(crate) use codes;

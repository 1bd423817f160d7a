//! Meta's and Citrus's limits, in one leaf module: the rules check them and the editor shows
//! them beside its fields.

/// Body limit, in characters ([`char_count`](crate::char_count)).
pub const BODY_MAX: usize = 1024;
/// Header text limit.
pub const HEADER_TEXT_MAX: usize = 60;
/// Footer limit.
pub const FOOTER_MAX: usize = 60;
/// Buttons per template.
pub const BUTTONS_MAX: usize = 10;
/// Quick-reply buttons per template.
pub const QUICK_REPLIES_MAX: usize = 10;
/// URL buttons per template.
pub const URL_BUTTONS_MAX: usize = 2;
/// Phone-number buttons per template.
pub const PHONE_BUTTONS_MAX: usize = 1;
/// Button text limit.
pub const BUTTON_TEXT_MAX: usize = 25;
/// URL limit.
pub const URL_MAX: usize = 2000;
/// Copy-code buttons per template.
pub const COPY_CODE_BUTTONS_MAX: usize = 1;
/// Characters of a copy-code button's code.
pub const COPY_CODE_MAX: usize = 15;
/// Fewest digits of a phone number.
pub const PHONE_MIN_DIGITS: usize = 8;
/// Most digits of a phone number.
pub const PHONE_MAX_DIGITS: usize = 20;

/// The longest name Meta accepts.
pub const NAME_MAX: usize = 512;

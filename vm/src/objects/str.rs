//! str: an immutable UTF-8 string with a cached hash and character count.

use std::cell::Cell;

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct StrData {
    pub value: Box<str>,
    /// Number of characters (code points).
    pub char_len: usize,
    /// Cached hash; 0 means not computed yet.
    pub hash: Cell<i64>,
}

impl StrData {
    pub fn new(value: Box<str>) -> StrData {
        let char_len = if value.is_ascii() { value.len() } else { value.chars().count() };
        StrData { value, char_len, hash: Cell::new(0) }
    }
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.value.len()
    }
}

/// The text of a str value, or "" for anything else (for messages about names).
pub fn text_of(value: StackRef) -> String {
    value.downcast::<StrData>().map(|s| s.value.to_string()).unwrap_or_default()
}

impl Payload for StrData {
    const KIND: Kind = Kind::Str;
    fn trace(&self, _visit: &mut dyn FnMut(StackRef)) {}
}

//! list: a growable array of counted references.

use std::cell::RefCell;

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct ListData {
    pub items: RefCell<Vec<StackRef>>,
}

impl Payload for ListData {
    const KIND: Kind = Kind::List;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        for item in self.items.borrow().iter() {
            visit(*item);
        }
    }
}

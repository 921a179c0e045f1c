//! module objects: a name and a globals dict (modules are immortal).

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct ModuleData {
    pub name: String,
    pub dict: StackRef,
}

impl Payload for ModuleData {
    const KIND: Kind = Kind::Module;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.dict);
    }
}

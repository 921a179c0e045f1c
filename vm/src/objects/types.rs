//! Type objects: builtin types and user classes. A type has a dict of attributes, an
//! MRO, and a version that changes whenever its dict (or a base's) changes, so that
//! specialized attribute loads can guard on it. Instances of user classes store their
//! attributes in a values array laid out by the class's shared keys (append-only, so an
//! attribute's index never changes for a class).

use std::cell::{Cell, RefCell};

use crate::objects::kind::Kind;
use crate::value::{Payload, StackRef};

pub struct TypeData {
    pub name: String,
    /// The direct base, or NULL for object.
    pub base: StackRef,
    /// Method resolution order, starting with the type itself.
    pub mro: RefCell<Vec<StackRef>>,
    /// Attribute dict (a dict object).
    pub dict: StackRef,
    /// 0 when unversioned (after a change, until the specializer asks again).
    pub version: Cell<u32>,
    /// The kind of the instances this type creates.
    pub instance_kind: Kind,
    /// True for types defined by class statements.
    pub is_heap_type: bool,
    /// Names of instance attributes, in slot order.
    pub shared_keys: RefCell<Vec<StackRef>>,
    /// Subclasses, so that a change can reset their versions too.
    pub subclasses: RefCell<Vec<StackRef>>,
    /// The `__init__` function CALL_ALLOC_AND_ENTER_INIT calls, with the type version it
    /// was looked up at. It is only used while that is still the type's version: until
    /// the type or a base changes, the function is the one in the dict (which keeps it
    /// alive), so the cache itself holds no reference.
    pub init_cache: Cell<(u32, StackRef)>,
    /// A builtin type's `__new__` as calling the type last found it, with the type
    /// version it was looked up at (as `init_cache`, it holds no reference).
    pub new_cache: Cell<(u32, StackRef)>,
}

impl Payload for TypeData {
    const KIND: Kind = Kind::Type;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.base);
        visit(self.dict);
    }
}

pub struct InstanceData {
    /// Attribute values by the class's shared-key slot; NULL where absent.
    pub values: RefCell<Vec<StackRef>>,
}

impl Payload for InstanceData {
    const KIND: Kind = Kind::Instance;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        for v in self.values.borrow().iter() {
            visit(*v);
        }
    }
}

/// super(cls, obj): attribute lookup starting after `cls` in obj's MRO.
pub struct SuperData {
    pub start_after: StackRef,
    pub obj: StackRef,
}

impl Payload for SuperData {
    const KIND: Kind = Kind::Super;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.start_after);
        visit(self.obj);
    }
}

/// property, staticmethod and classmethod wrappers.
pub struct DescriptorData {
    pub func: StackRef,
    pub setter: Cell<StackRef>,
}

pub struct PropertyData(pub DescriptorData);
pub struct StaticMethodData(pub DescriptorData);
pub struct ClassMethodData(pub DescriptorData);

impl Payload for PropertyData {
    const KIND: Kind = Kind::Property;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.0.func);
        visit(self.0.setter.get());
    }
}
impl Payload for StaticMethodData {
    const KIND: Kind = Kind::StaticMethod;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.0.func);
    }
}
impl Payload for ClassMethodData {
    const KIND: Kind = Kind::ClassMethod;
    fn trace(&self, visit: &mut dyn FnMut(StackRef)) {
        visit(self.0.func);
    }
}

//! Per-kind tracing and freeing: the one place that turns a header pointer back into
//! the typed object it heads.

use crate::heap::with_heap;
use crate::objects::awaitable::*;
use crate::objects::bytes::{ByteArrayData, BytesData, BytesIterData};
use crate::objects::cell::CellData;
use crate::objects::code::CodeData;
use crate::objects::complex::ComplexData;
use crate::objects::dict::DictData;
use crate::objects::exception::ExceptionData;
use crate::objects::float::FloatData;
use crate::objects::function::{BoundMethodData, BuiltinFunctionData, FunctionData};
use crate::objects::generator::GeneratorData;
use crate::objects::int::BigIntData;
use crate::objects::iterators::*;
use crate::objects::kind::Kind;
use crate::objects::list::ListData;
use crate::objects::module::ModuleData;
use crate::objects::range::{RangeData, RangeIterData};
use crate::objects::singletons::*;
use crate::objects::slice::SliceData;
use crate::objects::str::StrData;
use crate::objects::tuple::TupleData;
use crate::objects::types::*;
use crate::value::{Header, Obj, Payload, StackRef};

/// Freed floats kept for reuse (more than a collection typically frees).
pub(super) const FLOAT_FREE_LIST_MAX: usize = 32 * 1024;

macro_rules! for_each_payload {
    ($ptr:expr, $kind:expr, $action:ident $(, $arg:expr)*) => {
        match $kind {
            Kind::BigInt => $action::<BigIntData>($ptr $(, $arg)*),
            Kind::Bool => $action::<BoolData>($ptr $(, $arg)*),
            Kind::None => $action::<NoneData>($ptr $(, $arg)*),
            Kind::NotImplemented => $action::<NotImplementedData>($ptr $(, $arg)*),
            Kind::Ellipsis => $action::<EllipsisData>($ptr $(, $arg)*),
            Kind::Float => $action::<FloatData>($ptr $(, $arg)*),
            Kind::Complex => $action::<ComplexData>($ptr $(, $arg)*),
            Kind::Bytes => $action::<BytesData>($ptr $(, $arg)*),
            Kind::ByteArray => $action::<ByteArrayData>($ptr $(, $arg)*),
            Kind::BytesIter => $action::<BytesIterData>($ptr $(, $arg)*),
            Kind::Str => $action::<StrData>($ptr $(, $arg)*),
            Kind::Tuple => $action::<TupleData>($ptr $(, $arg)*),
            Kind::List => $action::<ListData>($ptr $(, $arg)*),
            Kind::Dict => $action::<DictData>($ptr $(, $arg)*),
            Kind::Range => $action::<RangeData>($ptr $(, $arg)*),
            Kind::Slice => $action::<SliceData>($ptr $(, $arg)*),
            Kind::Function => $action::<FunctionData>($ptr $(, $arg)*),
            Kind::BuiltinFunction => $action::<BuiltinFunctionData>($ptr $(, $arg)*),
            Kind::BoundMethod => $action::<BoundMethodData>($ptr $(, $arg)*),
            Kind::Code => $action::<CodeData>($ptr $(, $arg)*),
            Kind::Type => $action::<TypeData>($ptr $(, $arg)*),
            Kind::Instance => $action::<InstanceData>($ptr $(, $arg)*),
            Kind::Exception => $action::<ExceptionData>($ptr $(, $arg)*),
            Kind::Module => $action::<ModuleData>($ptr $(, $arg)*),
            Kind::RangeIter => $action::<RangeIterData>($ptr $(, $arg)*),
            Kind::ListIter => $action::<ListIterData>($ptr $(, $arg)*),
            Kind::TupleIter => $action::<TupleIterData>($ptr $(, $arg)*),
            Kind::StrIter => $action::<StrIterData>($ptr $(, $arg)*),
            Kind::DictIter => $action::<DictIterData>($ptr $(, $arg)*),
            Kind::DictView => $action::<DictViewData>($ptr $(, $arg)*),
            Kind::Enumerate => $action::<EnumerateData>($ptr $(, $arg)*),
            Kind::Zip => $action::<ZipData>($ptr $(, $arg)*),
            Kind::Reversed => $action::<ReversedData>($ptr $(, $arg)*),
            Kind::Map => $action::<MapData>($ptr $(, $arg)*),
            Kind::Filter => $action::<FilterData>($ptr $(, $arg)*),
            Kind::Super => $action::<SuperData>($ptr $(, $arg)*),
            Kind::Property => $action::<PropertyData>($ptr $(, $arg)*),
            Kind::StaticMethod => $action::<StaticMethodData>($ptr $(, $arg)*),
            Kind::ClassMethod => $action::<ClassMethodData>($ptr $(, $arg)*),
            Kind::Generator => $action::<GeneratorData>($ptr $(, $arg)*),
            Kind::Cell => $action::<CellData>($ptr $(, $arg)*),
            Kind::CoroWrapper => $action::<CoroWrapperData>($ptr $(, $arg)*),
            Kind::Frame => $action::<crate::objects::frame::FrameObjectData>($ptr $(, $arg)*),
            Kind::AsyncGenASend => $action::<AsyncGenASendData>($ptr $(, $arg)*),
            Kind::AsyncGenAThrow => $action::<AsyncGenAThrowData>($ptr $(, $arg)*),
            Kind::Set => $action::<crate::objects::set::SetData>($ptr $(, $arg)*),
            Kind::SetIter => $action::<crate::objects::set::SetIterData>($ptr $(, $arg)*),
            Kind::AsyncGenWrappedValue => $action::<AsyncGenWrappedValueData>($ptr $(, $arg)*),
            Kind::Null | Kind::SmallInt => unreachable!("not a heap kind"),
        }
    };
}

fn trace_as<T: Payload>(ptr: *mut Header, visit: &mut dyn FnMut(StackRef)) {
    // SAFETY: the kind byte says the object was allocated as Obj<T>, and it is live.
    let obj = unsafe { &*(ptr as *const Obj<T>) };
    obj.data.trace(visit);
}

fn free_as<T: Payload>(ptr: *mut Header) {
    // SAFETY: allocated by `heap::alloc::<T>` via Box; nothing references it any more.
    drop(unsafe { Box::from_raw(ptr as *mut Obj<T>) });
}

/// Reports every counted reference the object holds (NULLs included; callers skip them).
pub(super) fn trace(ptr: *mut Header, visit: &mut dyn FnMut(StackRef)) {
    // SAFETY: `ptr` heads a live object.
    let kind = unsafe { (*ptr).kind };
    let mut skip_null = |v: StackRef| {
        if v.is_heap() {
            visit(v)
        }
    };
    for_each_payload!(ptr, kind, trace_as, &mut skip_null)
}

/// Releases the object's memory (floats go to the free list).
pub(super) fn free(ptr: *mut Header) {
    // SAFETY: `ptr` heads an object nothing references.
    let kind = unsafe { (*ptr).kind };
    if kind == Kind::Float {
        let kept = with_heap(|h| {
            if h.float_free_list.len() < FLOAT_FREE_LIST_MAX {
                h.float_free_list.push(ptr as *mut Obj<FloatData>);
                true
            } else {
                false
            }
        });
        if !kept {
            free_as::<FloatData>(ptr);
        }
        return;
    }
    for_each_payload!(ptr, kind, free_as)
}

/// Whether an unreachable object must first have its finalizer run (and is not freed
/// now): a generator suspended inside a handler that was not finalized yet. Marks it
/// finalized, so that this happens once.
pub(super) fn wants_finalizer(ptr: *mut Header) -> bool {
    // SAFETY: `ptr` heads a live object.
    if unsafe { (*ptr).kind } != Kind::Generator {
        return false;
    }
    // SAFETY: the kind says it is a generator.
    let gen = unsafe { &(*(ptr as *const Obj<GeneratorData>)).data };
    if gen.finalized.get() || !gen.close_runs_code() {
        return false;
    }
    gen.finalized.set(true);
    true
}

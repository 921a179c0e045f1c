//! Python exceptions as Rust errors: a `PyErr` owns a counted reference to an exception
//! object. `ExcType` names the builtin exception classes so that any code, even code
//! without the VM, can raise one.

use crate::heap::Handle;
use crate::objects::new;
use crate::runtime::types::types;
use crate::value::StackRef;

/// The builtin exception classes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExcType {
    BaseException,
    Exception,
    ArithmeticError,
    AssertionError,
    AttributeError,
    IndexError,
    KeyError,
    LookupError,
    NameError,
    UnboundLocalError,
    NotImplementedError,
    OverflowError,
    RecursionError,
    RuntimeError,
    StopIteration,
    StopAsyncIteration,
    GeneratorExit,
    SystemExit,
    KeyboardInterrupt,
    TypeError,
    ValueError,
    ZeroDivisionError,
    ImportError,
    ModuleNotFoundError,
    MemoryError,
    UnicodeError,
    UnicodeEncodeError,
    UnicodeDecodeError,
}

impl ExcType {
    /// (name, base) for every builtin exception, in creation order (bases first).
    pub const ALL: &'static [(ExcType, &'static str, Option<ExcType>)] = &[
        (ExcType::BaseException, "BaseException", None),
        (ExcType::Exception, "Exception", Some(ExcType::BaseException)),
        (ExcType::SystemExit, "SystemExit", Some(ExcType::BaseException)),
        (ExcType::KeyboardInterrupt, "KeyboardInterrupt", Some(ExcType::BaseException)),
        (ExcType::GeneratorExit, "GeneratorExit", Some(ExcType::BaseException)),
        (ExcType::ArithmeticError, "ArithmeticError", Some(ExcType::Exception)),
        (ExcType::ZeroDivisionError, "ZeroDivisionError", Some(ExcType::ArithmeticError)),
        (ExcType::OverflowError, "OverflowError", Some(ExcType::ArithmeticError)),
        (ExcType::AssertionError, "AssertionError", Some(ExcType::Exception)),
        (ExcType::AttributeError, "AttributeError", Some(ExcType::Exception)),
        (ExcType::LookupError, "LookupError", Some(ExcType::Exception)),
        (ExcType::IndexError, "IndexError", Some(ExcType::LookupError)),
        (ExcType::KeyError, "KeyError", Some(ExcType::LookupError)),
        (ExcType::NameError, "NameError", Some(ExcType::Exception)),
        (ExcType::UnboundLocalError, "UnboundLocalError", Some(ExcType::NameError)),
        (ExcType::RuntimeError, "RuntimeError", Some(ExcType::Exception)),
        (ExcType::NotImplementedError, "NotImplementedError", Some(ExcType::RuntimeError)),
        (ExcType::RecursionError, "RecursionError", Some(ExcType::RuntimeError)),
        (ExcType::StopIteration, "StopIteration", Some(ExcType::Exception)),
        (ExcType::StopAsyncIteration, "StopAsyncIteration", Some(ExcType::Exception)),
        (ExcType::TypeError, "TypeError", Some(ExcType::Exception)),
        (ExcType::ValueError, "ValueError", Some(ExcType::Exception)),
        (ExcType::UnicodeError, "UnicodeError", Some(ExcType::ValueError)),
        (ExcType::UnicodeEncodeError, "UnicodeEncodeError", Some(ExcType::UnicodeError)),
        (ExcType::UnicodeDecodeError, "UnicodeDecodeError", Some(ExcType::UnicodeError)),
        (ExcType::ImportError, "ImportError", Some(ExcType::Exception)),
        (ExcType::ModuleNotFoundError, "ModuleNotFoundError", Some(ExcType::ImportError)),
        (ExcType::MemoryError, "MemoryError", Some(ExcType::Exception)),
    ];

    /// The class object.
    pub fn class(self) -> StackRef {
        types().exception(self)
    }
}

/// A raised Python exception.
#[derive(Clone, Debug)]
pub struct PyErr(Handle);

impl PyErr {
    /// An exception of a builtin class with a message (args = (message,)).
    pub fn new(ty: ExcType, message: impl AsRef<str>) -> PyErr {
        let msg = new::str(message.as_ref());
        PyErr::from_exception(new::exception(ty.class(), &[msg]))
    }
    /// An exception of a builtin class with no args.
    pub fn bare(ty: ExcType) -> PyErr {
        PyErr::from_exception(new::exception(ty.class(), &[]))
    }
    /// An exception with explicit args.
    pub fn with_args(ty: ExcType, args: &[StackRef]) -> PyErr {
        PyErr::from_exception(new::exception(ty.class(), args))
    }
    /// Wraps an exception instance.
    pub fn from_exception(exc: StackRef) -> PyErr {
        PyErr(Handle::new(exc))
    }
    /// The exception instance.
    pub fn exception(&self) -> StackRef {
        self.0.get()
    }
    /// Whether the exception is an instance of the builtin class `ty` (or a subclass).
    pub fn matches(&self, ty: ExcType) -> bool {
        crate::runtime::types::is_subclass(crate::runtime::types::type_of(self.exception()), ty.class())
    }
}

pub fn type_error(message: impl AsRef<str>) -> PyErr {
    PyErr::new(ExcType::TypeError, message)
}
pub fn value_error(message: impl AsRef<str>) -> PyErr {
    PyErr::new(ExcType::ValueError, message)
}
pub fn index_error(message: impl AsRef<str>) -> PyErr {
    PyErr::new(ExcType::IndexError, message)
}
pub fn overflow_error(message: impl AsRef<str>) -> PyErr {
    PyErr::new(ExcType::OverflowError, message)
}
pub fn zero_division(message: impl AsRef<str>) -> PyErr {
    PyErr::new(ExcType::ZeroDivisionError, message)
}
pub fn attribute_error(message: impl AsRef<str>) -> PyErr {
    PyErr::new(ExcType::AttributeError, message)
}
/// KeyError(key): args hold the key itself.
pub fn key_error(key: StackRef) -> PyErr {
    PyErr::with_args(ExcType::KeyError, &[key])
}

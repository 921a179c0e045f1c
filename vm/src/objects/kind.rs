//! The kind byte of every heap object: which payload type it holds. Builtin types map
//! one-to-one to kinds; instances of user classes are `Instance` (or `Exception` for
//! exception subclasses) and find their class through the header's type pointer.

#[repr(u8)]
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Kind {
    Null,
    SmallInt,
    BigInt,
    Bool,
    None,
    NotImplemented,
    Ellipsis,
    Float,
    Str,
    Tuple,
    List,
    Dict,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    BoundMethod,
    Code,
    Type,
    Instance,
    Exception,
    Module,
    RangeIter,
    ListIter,
    TupleIter,
    StrIter,
    DictIter,
    DictView,
    Enumerate,
    Zip,
    Reversed,
    Map,
    Filter,
    Super,
    Property,
    StaticMethod,
    ClassMethod,
    /// Generators, coroutines and async generators (one payload, three types).
    Generator,
    Cell,
    /// `coroutine.__await__()`'s iterator.
    CoroWrapper,
    /// An async generator's `asend`/`__anext__` awaitable.
    AsyncGenASend,
    /// An async generator's `athrow`/`aclose` awaitable.
    AsyncGenAThrow,
    /// A value an async generator yields, wrapped (ASYNC_GEN_WRAP).
    AsyncGenWrappedValue,
    /// A generator's frame, as `gi_frame` gives it.
    Frame,
    /// set and frozenset (one payload, two types).
    Set,
    SetIter,
    Complex,
    Bytes,
    ByteArray,
    BytesIter,
}

impl Kind {
    /// Whether objects of this kind may hold references (the cycle collector tracks them).
    pub const fn is_container(self) -> bool {
        !matches!(
            self,
            Kind::Null
                | Kind::SmallInt
                | Kind::BigInt
                | Kind::Bool
                | Kind::None
                | Kind::NotImplemented
                | Kind::Ellipsis
                | Kind::Float
                | Kind::Complex
                | Kind::Bytes
                | Kind::ByteArray
                | Kind::Str
                | Kind::Range
                | Kind::RangeIter
                | Kind::Code
                | Kind::BuiltinFunction
        )
    }
}

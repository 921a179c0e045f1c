//! The compiler's output: a plain-data code object, independent of the runtime's
//! object model. The VM turns it into a live code object (constants become values).

use num_bigint::BigInt;

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    /// An imaginary literal (`2j`): complex with a zero real part.
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Constant>),
    /// A frozenset of constants, its items in the order they are added (CPython folds
    /// constant set displays into these; the compiler only makes them from items
    /// whose equality and hashing run no Python code).
    FrozenSet(Vec<Constant>),
    Code(Box<CompiledCode>),
}

/// COMPARE_OP oparg bit: the result feeds a conditional jump, so convert it to a bool
/// (a rich comparison may return any object). The low 4 bits hold the comparison.
pub const COMPARE_TO_BOOL: u32 = 16;

/// Code-object flags. The ones CPython has carry CPython's values (programs read
/// `co_flags`); the ones only Sidewinder has sit above CPython's range.
pub mod code_flags {
    /// The function takes *args.
    pub const VARARGS: u32 = 0x04;
    /// The function takes **kwargs.
    pub const VARKEYWORDS: u32 = 0x08;
    /// Calling the function makes a generator.
    pub const GENERATOR: u32 = 0x20;
    /// Calling the function (`async def`) makes a coroutine.
    pub const COROUTINE: u32 = 0x80;
    /// A generator function made awaitable (`types.coroutine`).
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    /// Calling the function (`async def` with `yield`) makes an async generator.
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// The code is a function body (not a module or class body).
    pub const FUNCTION: u32 = 0x0100_0000;
    /// The code is a class body (names go through the frame's locals dict).
    pub const CLASS_BODY: u32 = 0x0200_0000;
}

/// One entry of the exception table: instructions in `start..end` (code-unit offsets)
/// that raise jump to `target` with the value stack cut to `depth` items; if
/// `push_lasti`, the offset of the raising instruction is pushed before the exception.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

/// Source position of one code unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Location {
    pub line: u32,
    pub end_line: u32,
    /// Columns are 0-based character offsets within the line.
    pub col: u32,
    pub end_col: u32,
}

/// A code object as the compiler makes it. Its frame's slots (`localsplus`, as in
/// CPython 3.11) are the locals (`varnames`), then the cell variables that are not
/// parameters, then the free variables; see [`CompiledCode::localsplus_names`].
#[derive(Clone, Debug, PartialEq)]
pub struct CompiledCode {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    pub arg_count: u32,
    pub posonly_arg_count: u32,
    pub kwonly_arg_count: u32,
    pub flags: u32,
    /// Code units: opcode in the low byte, oparg in the high byte, caches as zero units.
    pub units: Vec<u16>,
    pub constants: Vec<Constant>,
    /// Names used by the *_GLOBAL, *_NAME, *_ATTR and IMPORT_* instructions.
    pub names: Vec<String>,
    /// Local variable names: the arguments first (positional, keyword-only, *args,
    /// **kwargs), then the other locals, then compiler temporaries.
    pub varnames: Vec<String>,
    /// Names of the cell variables (`co_cellvars`): locals that nested code captures.
    /// A cell that is also a parameter keeps the parameter's slot among `varnames`.
    pub cellvars: Vec<String>,
    /// Names of the free variables (`co_freevars`): the cells the function's closure
    /// supplies, in the order of its `__closure__` tuple.
    pub freevars: Vec<String>,
    /// One location per code unit (caches repeat their instruction's location).
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionTableEntry>,
    /// The maximum depth of the value stack.
    pub stack_size: u32,
}

impl CompiledCode {
    /// The name of every frame slot: locals, cell-only variables, free variables.
    pub fn localsplus_names(&self) -> Vec<String> {
        let mut names = self.varnames.clone();
        names.extend(self.cellvars.iter().filter(|c| !self.varnames.contains(c)).cloned());
        names.extend(self.freevars.iter().cloned());
        names
    }
}

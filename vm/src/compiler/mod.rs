//! The compiler: Python source to plain-data code objects ([`CompiledCode`]).
//!
//! Pipeline: parse (ruff) -> syntax-error translation -> private-name mangling
//! (`mangle`) -> symbol table
//! (`symtable`) -> code generation into a labelled instruction list (`codegen`,
//! `stmt`, `expr`, `flow`, `comprehension`, `fstring`, `patterns`) -> assembly (`assemble`:
//! stack depth, dead code, jumps, EXTENDED_ARG, locations, exception table).
//!
//! The supported subset is documented by the errors it gives: everything outside it
//! fails with [`CompileErrorKind::Unsupported`] naming the construct.

pub mod code;

mod assemble;
mod codegen;
mod comprehension;
mod constants;
mod disasm;
mod error;
mod expr;
mod flow;
mod fstring;
mod generators;
mod ir;
mod lines;
mod mangle;
mod patterns;
mod stmt;
mod symtable;
mod syntax_errors;
#[cfg(test)]
mod tests;

use ruff_python_parser::{Mode, ParseOptions};

pub use code::{code_flags, CompiledCode, Constant, ExceptionTableEntry, Location};
pub use disasm::{constant_repr, disassemble};
pub use error::{CompileError, CompileErrorKind};

/// Compiles a module's source into its code object.
pub fn compile_module(source: &str, filename: &str) -> Result<CompiledCode, CompileError> {
    // A UTF-8 byte order mark at the start of a file is not part of the program.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let lines = lines::LineIndex::new(source);
    let parsed = ruff_python_parser::parse_unchecked(source, ParseOptions::from(Mode::Module))
        .try_into_module()
        .expect("module mode parses to a module");
    if let Some(err) = parsed.errors().first() {
        return Err(syntax_errors::parse_error(err, parsed.syntax(), &lines));
    }
    let mut module = parsed.into_syntax();
    mangle::mangle_module(&mut module.body);
    let mut depth = 0;
    let result = symtable::build(&module.body, &lines, &mut depth)
        .and_then(|table| codegen::Compiler::compile_module(&module.body, &lines, &table, filename));
    if depth > symtable::DEEP_AST {
        // Dropping a very deep tree recurses once per level: leak it instead.
        std::mem::forget(module);
    }
    result
}

//! A disassembler for compiled code: one line per instruction,
//! `offset NAME oparg (argrepr)`, then the exception table, then nested code objects.

use std::fmt::Write;

use crate::opcodes::{op, INSTRUCTIONS};

use super::code::{CompiledCode, Constant};

/// A Python-like repr of a constant.
pub fn constant_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => float_repr(*f),
        Constant::Complex { real, imag } => crate::format::complex_repr((*real, *imag)),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => crate::format::bytes_repr(b),
        Constant::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(constant_repr).collect();
            if items.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            let inner: Vec<String> = items.iter().map(constant_repr).collect();
            format!("frozenset({{{}}})", inner.join(", "))
        }
        Constant::Code(code) => format!("<code object {}, line {}>", code.name, code.first_line),
    }
}

fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let s = format!("{f:?}");
    match s.split_once('e') {
        Some((m, e)) if !e.starts_with('-') => format!("{m}e+{e}"),
        _ => s,
    }
}

fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

const COMPARE: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];
const BINARY: [&str; 13] = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];

/// The index into `names` that an instruction's oparg carries, if it names something
/// (LOAD_GLOBAL and LOAD_ATTR keep a flag in the low bit).
pub(crate) fn name_index(opcode: u8, arg: u32) -> Option<usize> {
    match opcode {
        op::LOAD_GLOBAL | op::LOAD_ATTR => Some((arg >> 1) as usize),
        op::STORE_GLOBAL
        | op::DELETE_GLOBAL
        | op::LOAD_NAME
        | op::STORE_NAME
        | op::DELETE_NAME
        | op::IMPORT_NAME
        | op::IMPORT_FROM
        | op::STORE_ATTR
        | op::DELETE_ATTR => Some(arg as usize),
        _ => None,
    }
}

pub(crate) fn arg_repr(code: &CompiledCode, opcode: u8, arg: u32, end: usize) -> String {
    let name = |i: u32| code.names.get(i as usize).cloned().unwrap_or_else(|| "?".into());
    match opcode {
        op::LOAD_CONST => code.constants.get(arg as usize).map(constant_repr).unwrap_or_default(),
        op::LOAD_FAST
        | op::STORE_FAST
        | op::DELETE_FAST
        | op::MAKE_CELL
        | op::LOAD_CLOSURE
        | op::LOAD_DEREF
        | op::STORE_DEREF
        | op::DELETE_DEREF
        | op::LOAD_CLASSDEREF => code.localsplus_names().get(arg as usize).cloned().unwrap_or_default(),
        op::LOAD_GLOBAL => {
            let n = name(arg >> 1);
            if arg & 1 != 0 {
                format!("{n} + NULL")
            } else {
                n
            }
        }
        op::LOAD_ATTR => {
            let n = name(arg >> 1);
            if arg & 1 != 0 {
                format!("{n} + NULL|self")
            } else {
                n
            }
        }
        op::JUMP_FORWARD
        | op::POP_JUMP_IF_FALSE
        | op::POP_JUMP_IF_TRUE
        | op::POP_JUMP_IF_NONE
        | op::POP_JUMP_IF_NOT_NONE
        | op::FOR_ITER => format!("to {}", end + arg as usize),
        op::JUMP_BACKWARD => format!("to {}", end as i64 - arg as i64),
        op::COMPARE_OP => {
            let name = COMPARE.get((arg & 15) as usize).copied().unwrap_or("?");
            if arg & super::code::COMPARE_TO_BOOL != 0 {
                format!("bool({name})")
            } else {
                name.into()
            }
        }
        op::BINARY_OP => {
            let i = arg as usize;
            if i < 13 {
                BINARY[i].into()
            } else if i < 26 {
                format!("{}=", BINARY[i - 13])
            } else {
                "?".into()
            }
        }
        op::IS_OP => if arg == 0 { "is" } else { "is not" }.into(),
        op::CONTAINS_OP => if arg == 0 { "in" } else { "not in" }.into(),
        op::FORMAT_VALUE => {
            let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
            match (conv, arg & 4 != 0) {
                ("", false) => String::new(),
                ("", true) => "with format".into(),
                (c, false) => c.into(),
                (c, true) => format!("{c}, with format"),
            }
        }
        _ => name_index(opcode, arg).map(|i| name(i as u32)).unwrap_or_default(),
    }
}

/// Disassembles `code` and every code object among its constants.
pub fn disassemble(code: &CompiledCode) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &CompiledCode, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of <code {}> ({}, line {}, stack {}):",
        code.qualname, code.filename, code.first_line, code.stack_size
    );
    let mut i = 0;
    let mut ext: u32 = 0;
    while i < code.units.len() {
        let unit = code.units[i];
        let opcode = (unit & 0xff) as u8;
        let arg = (ext << 8) | (unit >> 8) as u32;
        let info = INSTRUCTIONS.get(opcode as usize);
        let (name, caches) = info.map_or(("<invalid>", 0), |i| (i.name, i.cache_units));
        let end = i + 1 + caches;
        let repr = arg_repr(code, opcode, arg, end);
        if repr.is_empty() {
            let _ = writeln!(out, "{i:>4} {name} {arg}");
        } else {
            let _ = writeln!(out, "{i:>4} {name} {arg} ({repr})");
        }
        ext = if opcode == op::EXTENDED_ARG { arg } else { 0 };
        i = end;
    }
    if !code.exception_table.is_empty() {
        let _ = writeln!(out, "ExceptionTable:");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                e.end,
                e.target,
                e.depth,
                if e.push_lasti { " lasti" } else { "" }
            );
        }
    }
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            out.push('\n');
            disassemble_into(inner, out);
        }
    }
}

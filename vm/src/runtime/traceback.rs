//! Printing uncaught exceptions in CPython's format, with chained causes and contexts.

use std::collections::HashMap;

use crate::heap::Handle;
use crate::objects::code::CodeData;
use crate::objects::exception::ExceptionData;
use crate::runtime::errors::PyErr;
use crate::runtime::types::{type_data, type_of};
use crate::runtime::Vm;
use crate::value::StackRef;

/// The full report for an uncaught exception, as CPython writes it to stderr.
pub fn format_exception(vm: &mut Vm, err: &PyErr) -> String {
    let mut sources: HashMap<String, Option<Vec<String>>> = HashMap::new();
    let mut out = String::new();
    let mut seen = Vec::new();
    format_chain(vm, err.exception(), &mut out, &mut sources, &mut seen);
    out
}

fn format_chain(
    vm: &mut Vm,
    exc: StackRef,
    out: &mut String,
    sources: &mut HashMap<String, Option<Vec<String>>>,
    seen: &mut Vec<StackRef>,
) {
    seen.push(exc);
    if let Some(data) = exc.downcast::<ExceptionData>() {
        let cause = data.cause.get();
        let context = data.context.get();
        if cause.is_heap() && !seen.contains(&cause) {
            format_chain(vm, cause, out, sources, seen);
            out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
        } else if context.is_heap() && !data.suppress_context.get() && !seen.contains(&context) {
            format_chain(vm, context, out, sources, seen);
            out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        let entries = data.traceback.borrow().clone();
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
        }
        for entry in entries.iter().rev() {
            let code = entry.code.downcast::<CodeData>().expect("code");
            let line = code.line_at(entry.unit);
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", code.filename, line, code.name));
            let lines = sources.entry(code.filename.clone()).or_insert_with(|| {
                std::fs::read_to_string(&code.filename).ok().map(|s| s.lines().map(str::to_string).collect())
            });
            if let Some(text) = lines.as_ref().and_then(|l| l.get(line as usize - 1)) {
                let trimmed = text.trim();
                if !trimmed.is_empty() {
                    out.push_str(&format!("    {trimmed}\n"));
                }
            }
        }
    }
    out.push_str(&exception_line(vm, exc));
    out.push('\n');
}

/// `TypeName: message` (or just the name when str(exc) is empty).
pub fn exception_line(vm: &mut Vm, exc: StackRef) -> String {
    let keep = Handle::new(exc);
    let ty = type_of(keep.get());
    let data = type_data(ty);
    // CPython omits the module for classes from __main__ and builtins (all ours).
    let name = data.name.clone();
    let message = match crate::ops::str_string(vm, keep.get()) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if message.is_empty() {
        name
    } else {
        format!("{name}: {message}")
    }
}

//! `-X jit-dump[=DIR]`: a text description of each executor as it is built, one file
//! per executor in DIR (`executor-NNNN.txt`), or on stderr without DIR, and a line per
//! abandoned projection (`aborted.txt` in DIR). It gives where
//! the trace starts, the source lines it covers, its uops before and after
//! optimization with their operands, and each exit with its target. docs/debugging.md
//! explains how to read it.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::Path;

use sidewinder_vm::objects::code::CodeData;
use sidewinder_vm::opcodes::Uop;
use sidewinder_vm::StackRef;

use crate::ir::{Trace, TraceUop, NO_EXIT};

/// Writes the dump of one executor.
pub fn write(id: u64, chain_depth: u8, projected: &Trace, optimized: &Trace, dir: Option<&Path>) {
    let text = render(id, chain_depth, projected, optimized);
    match dir {
        Some(dir) => {
            let written = std::fs::create_dir_all(dir)
                .and_then(|()| std::fs::write(dir.join(format!("executor-{id:04}.txt")), &text));
            if let Err(e) = written {
                eprintln!("sidewinder: -X jit-dump: cannot write to {}: {e}", dir.display());
            }
        }
        None => eprint!("{text}"),
    }
}

/// Writes one line for a projection that was abandoned: where it started and why (to
/// `aborted.txt` in DIR, or to stderr).
pub fn write_abort(start_code: &CodeData, start_ip: usize, reason: &str, dir: Option<&Path>) {
    let line = format!(
        "=== aborted projection from {} (code unit {start_ip}): {reason}\n",
        location(start_code, start_ip as u32)
    );
    match dir {
        Some(dir) => {
            use std::io::Write as _;
            let written = std::fs::create_dir_all(dir).and_then(|()| {
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(dir.join("aborted.txt"))?
                    .write_all(line.as_bytes())
            });
            if let Err(e) = written {
                eprintln!("sidewinder: -X jit-dump: cannot write to {}: {e}", dir.display());
            }
        }
        None => eprint!("{line}"),
    }
}

fn location(code: &CodeData, ip: u32) -> String {
    format!("{}:{} in {}", code.filename, code.line_at(ip as usize), code.qualname)
}

/// The dump text.
pub fn render(id: u64, chain_depth: u8, projected: &Trace, optimized: &Trace) -> String {
    let mut out = String::new();
    let root = &projected.frames[0];
    let kind =
        if chain_depth == 0 { "root trace".to_string() } else { format!("side trace, chain depth {chain_depth}") };
    let _ = writeln!(out, "=== executor {id} ({kind})");
    let _ = writeln!(out, "start: {} (code unit {})", location(root.code, projected.start_ip), projected.start_ip);
    let ending = if optimized.closes_loop { "closes the loop (_JUMP_TO_TOP)" } else { "ends in an exit" };
    let _ =
        writeln!(out, "shape: {ending}; {} frames ({} inlined)", projected.frames.len(), projected.frames.len() - 1);
    let _ = writeln!(
        out,
        "uops: {} projected, {} optimized; guards: {} projected, {} optimized",
        projected.uops.len(),
        optimized.uops.len(),
        projected.guard_count(),
        optimized.guard_count()
    );
    let _ = writeln!(out, "\n--- source");
    write_source(&mut out, projected);
    let _ = writeln!(out, "\n--- uops before optimization");
    write_uops(&mut out, projected);
    let _ = writeln!(out, "\n--- uops after optimization");
    write_uops(&mut out, optimized);
    let _ = writeln!(out, "\n--- exits (after optimization)");
    for (index, exit) in optimized.exits.iter().enumerate() {
        if !optimized.uops.iter().any(|u| u.exit as usize == index) {
            continue;
        }
        let frame = &optimized.frames[exit.frame as usize];
        let _ = writeln!(
            out,
            "exit {index:<4} {:<12} -> code unit {} at {}",
            exit.kind.name(),
            exit.target,
            location(frame.code, exit.target)
        );
    }
    if !optimized.dependencies.is_empty() {
        let _ = writeln!(out, "\n--- dependencies");
        for dependency in &optimized.dependencies {
            let _ = writeln!(out, "{dependency:?}");
        }
    }
    out.push('\n');
    out
}

fn write_source(out: &mut String, trace: &Trace) {
    for (index, frame) in trace.frames.iter().enumerate() {
        let lines: BTreeSet<u32> = trace
            .uops
            .iter()
            .filter(|u| u.frame as usize == index)
            .map(|u| frame.code.line_at(u.target as usize))
            .collect();
        let role = if index == 0 { "root".to_string() } else { format!("inlined frame {index}") };
        let _ = writeln!(out, "[{role}] {} in {}", frame.code.filename, frame.code.qualname);
        let source = std::fs::read_to_string(&frame.code.filename).unwrap_or_default();
        let source_lines: Vec<&str> = source.lines().collect();
        for line in lines {
            let text = source_lines.get(line.saturating_sub(1) as usize).copied().unwrap_or("");
            let _ = writeln!(out, "  {line:>5} | {text}");
        }
    }
}

fn write_uops(out: &mut String, trace: &Trace) {
    for (index, uop) in trace.uops.iter().enumerate() {
        let _ = writeln!(out, "{index:>4}  {}", describe(trace, uop));
    }
}

/// One uop as a dump line: name, oparg, operand, frame, source line and exit.
pub fn describe(trace: &Trace, uop: &TraceUop) -> String {
    let frame = &trace.frames[uop.frame as usize];
    let mut text = format!("{:<36} oparg={:<4}", uop.uop.name(), uop.oparg);
    match uop.uop {
        Uop::_LOAD_CONST_INLINE | Uop::_POP_TOP_LOAD_CONST_INLINE => {
            let value = StackRef::from_bits(uop.operand as usize);
            let _ = write!(text, " value={}", short_repr(value));
        }
        Uop::_SET_IP | Uop::_SAVE_RETURN_OFFSET => {
            let _ = write!(text, " ip={}", uop.operand);
        }
        _ if uop.operand != 0 => {
            let _ = write!(text, " operand={:#x}", uop.operand);
        }
        _ => {}
    }
    let _ = write!(text, "  [frame {} line {}]", uop.frame, frame.code.line_at(uop.target as usize));
    if uop.exit != NO_EXIT {
        let exit = &trace.exits[uop.exit as usize];
        let follows = if uop.expect_jump { " follows jump" } else { "" };
        let _ = write!(text, " exit {} -> {}{follows}", uop.exit, exit.target);
    }
    text
}

fn short_repr(value: StackRef) -> String {
    if value.is_small_int() {
        return value.small_int_value().to_string();
    }
    format!("<{:?} at {:#x}>", value.kind(), value.bits())
}

//! Assembly: stack-depth analysis over the control flow (which also finds dead code),
//! jump resolution with EXTENDED_ARG sizing iterated to a fixpoint, and the code
//! units, per-unit locations and exception table of the final code object.

use crate::opcodes::{op, INSTRUCTIONS};

use super::code::{ExceptionTableEntry, Location};
use super::ir::{pseudo, Instr, Label, Stream};

pub(crate) struct Assembled {
    pub units: Vec<u16>,
    pub locations: Vec<Location>,
    pub exception_table: Vec<ExceptionTableEntry>,
    pub stack_size: u32,
}

fn is_cond_jump(opcode: u16) -> bool {
    matches!(
        opcode as u8,
        op::POP_JUMP_IF_FALSE | op::POP_JUMP_IF_TRUE | op::POP_JUMP_IF_NONE | op::POP_JUMP_IF_NOT_NONE
    ) && opcode < 0x100
}

fn is_terminator(opcode: u16) -> bool {
    opcode == pseudo::JUMP
        || opcode == pseudo::JUMP_NO_INTERRUPT
        || (opcode < 0x100 && matches!(opcode as u8, op::RETURN_VALUE | op::RAISE_VARARGS | op::RERAISE))
}

/// Number of EXTENDED_ARG prefixes an oparg needs.
fn ext_count(oparg: u32) -> usize {
    match oparg {
        0..=0xff => 0,
        0x100..=0xffff => 1,
        0x1_0000..=0xff_ffff => 2,
        _ => 3,
    }
}

pub(crate) fn assemble(stream: Stream) -> Assembled {
    let Stream { mut instrs, labels, handlers } = stream;
    let n = instrs.len();
    let pos = |l: Label| labels[l.0 as usize].expect("jump to an unbound label");

    // 0. Thread jumps whose target is an unconditional jump (conditional jumps and
    //    FOR_ITER only while they stay forward).
    for i in 0..n {
        let Some(first) = instrs[i].target else {
            continue;
        };
        let mut target = first;
        for _ in 0..8 {
            let p = pos(target);
            match instrs.get(p) {
                Some(next) if next.op == pseudo::JUMP && next.target != Some(target) => {
                    target = next.target.unwrap();
                }
                _ => break,
            }
        }
        if target != first && (instrs[i].op == pseudo::JUMP || pos(target) > i) {
            instrs[i].target = Some(target);
        }
    }

    // 1. Stack depth of every reachable instruction (and of every handler).
    let mut depth: Vec<Option<u32>> = vec![None; n];
    let mut handler_depth: Vec<Option<u32>> = vec![None; handlers.len()];
    let mut max_depth = 0u32;
    let mut work: Vec<(usize, u32)> = vec![(0, 0)];
    while let Some((mut i, mut d)) = work.pop() {
        loop {
            assert!(i < n, "control flow falls off the end of the code");
            if let Some(old) = depth[i] {
                debug_assert_eq!(old, d, "inconsistent stack depth at instruction {i}");
                break;
            }
            depth[i] = Some(d);
            max_depth = max_depth.max(d);
            let ins = &instrs[i];
            if ins.op == pseudo::SETUP {
                let slot = &mut handler_depth[ins.arg as usize];
                let depth = d - handlers[ins.arg as usize].above;
                debug_assert!(slot.is_none_or(|old| old == depth));
                *slot = Some(depth);
                i += 1;
                continue;
            }
            if let Some(h) = ins.handler {
                let handler = handlers[h as usize];
                let hd = handler_depth[h as usize].expect("handler used before its setup");
                let entry = hd + 1 + handler.lasti as u32;
                max_depth = max_depth.max(entry);
                work.push((pos(handler.label), entry));
            }
            if ins.op == pseudo::JUMP || ins.op == pseudo::JUMP_NO_INTERRUPT {
                work.push((pos(ins.target.unwrap()), d));
                break;
            }
            let opcode = ins.op as u8;
            if is_cond_jump(ins.op) {
                d -= 1;
                work.push((pos(ins.target.unwrap()), d));
                i += 1;
                continue;
            }
            if opcode == op::SEND {
                // [receiver, v]: on to [receiver, yielded], or [retval] at the target.
                work.push((pos(ins.target.unwrap()), d - 1));
                i += 1;
                continue;
            }
            if opcode == op::FOR_ITER {
                work.push((pos(ins.target.unwrap()), d - 1));
                d += 1;
                max_depth = max_depth.max(d);
                i += 1;
                continue;
            }
            let (popped, pushed) = (INSTRUCTIONS[opcode as usize].stack_effect)(ins.arg);
            assert!(d as usize >= popped, "stack underflow at {} ({i})", INSTRUCTIONS[opcode as usize].name);
            d = d - popped as u32 + pushed as u32;
            max_depth = max_depth.max(d);
            if is_terminator(ins.op) {
                break;
            }
            i += 1;
        }
    }

    // 2. Drop unreachable instructions and the SETUP markers; remap labels.
    let mut before = Vec::with_capacity(n + 1); // kept instructions before each position
    let mut kept: Vec<Instr> = Vec::new();
    for (i, ins) in instrs.into_iter().enumerate() {
        before.push(kept.len());
        if depth[i].is_some() && ins.op != pseudo::SETUP {
            kept.push(ins);
        }
    }
    before.push(kept.len());
    let mut label_pos: Vec<usize> = labels.iter().map(|p| p.map_or(usize::MAX, |p| before[p])).collect();

    // 3. Drop jumps to the next instruction.
    loop {
        let removable: Vec<bool> = kept
            .iter()
            .enumerate()
            .map(|(i, ins)| ins.op == pseudo::JUMP && label_pos[ins.target.unwrap().0 as usize] == i + 1)
            .collect();
        if !removable.iter().any(|&r| r) {
            break;
        }
        let mut before = Vec::with_capacity(kept.len() + 1);
        let mut next: Vec<Instr> = Vec::new();
        for (i, ins) in kept.into_iter().enumerate() {
            before.push(next.len());
            if !removable[i] {
                next.push(ins);
            }
        }
        before.push(next.len());
        for p in label_pos.iter_mut() {
            if *p != usize::MAX {
                *p = before[*p];
            }
        }
        kept = next;
    }

    // 4. Resolve jumps; size EXTENDED_ARG prefixes to a fixpoint.
    let m = kept.len();
    let opcodes: Vec<u8> = kept
        .iter()
        .enumerate()
        .map(|(i, ins)| {
            if ins.op == pseudo::JUMP {
                if label_pos[ins.target.unwrap().0 as usize] <= i {
                    op::JUMP_BACKWARD
                } else {
                    op::JUMP_FORWARD
                }
            } else if ins.op == pseudo::JUMP_NO_INTERRUPT {
                assert!(label_pos[ins.target.unwrap().0 as usize] <= i, "JUMP_NO_INTERRUPT goes backward");
                op::JUMP_BACKWARD_NO_INTERRUPT
            } else {
                if let Some(target) = ins.target {
                    assert!(label_pos[target.0 as usize] > i, "conditional jumps must go forward");
                }
                ins.op as u8
            }
        })
        .collect();
    let caches: Vec<usize> = opcodes.iter().map(|&o| INSTRUCTIONS[o as usize].cache_units).collect();
    let mut ext: Vec<usize> =
        kept.iter().map(|ins| if ins.target.is_some() { 0 } else { ext_count(ins.arg) }).collect();
    let mut offsets = vec![0usize; m + 1];
    let mut opargs: Vec<u32> = kept.iter().map(|ins| ins.arg).collect();
    loop {
        let mut off = 0;
        for i in 0..m {
            offsets[i] = off;
            off += ext[i] + 1 + caches[i];
        }
        offsets[m] = off;
        let mut changed = false;
        for (i, ins) in kept.iter().enumerate() {
            let Some(target) = ins.target else { continue };
            let end = offsets[i + 1];
            let t = offsets[label_pos[target.0 as usize]];
            let backward = matches!(opcodes[i], op::JUMP_BACKWARD | op::JUMP_BACKWARD_NO_INTERRUPT);
            let oparg = if backward { end - t } else { t - end } as u32;
            opargs[i] = oparg;
            let need = ext_count(oparg);
            if need > ext[i] {
                ext[i] = need;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    // 5. Emit units, locations and the exception table.
    let mut units = Vec::with_capacity(offsets[m]);
    let mut locations = Vec::with_capacity(offsets[m]);
    for (i, ins) in kept.iter().enumerate() {
        let oparg = opargs[i];
        for k in (1..=ext[i]).rev() {
            units.push(op::EXTENDED_ARG as u16 | ((((oparg >> (8 * k)) & 0xff) as u16) << 8));
        }
        units.push(opcodes[i] as u16 | (((oparg & 0xff) as u16) << 8));
        units.extend(std::iter::repeat_n(0u16, caches[i]));
        locations.extend(std::iter::repeat_n(ins.loc, ext[i] + 1 + caches[i]));
    }
    let mut exception_table: Vec<ExceptionTableEntry> = Vec::new();
    let mut run: Option<(u32, usize)> = None; // (handler, start instruction)
    for i in 0..=m {
        let h = if i < m { kept[i].handler } else { None };
        if run.map(|(rh, _)| Some(rh)) != Some(h) {
            if let Some((rh, start)) = run.take() {
                let handler = handlers[rh as usize];
                exception_table.push(ExceptionTableEntry {
                    start: offsets[start] as u32,
                    end: offsets[i] as u32,
                    target: offsets[label_pos[handler.label.0 as usize]] as u32,
                    depth: handler_depth[rh as usize].unwrap(),
                    push_lasti: handler.lasti,
                });
            }
            run = h.map(|h| (h, i));
        }
    }
    Assembled { units, locations, exception_table, stack_size: max_depth }
}

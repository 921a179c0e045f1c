//! `match` statements, compiled as CPython 3.11's compiler does them.
//!
//! A pattern consumes the value on top of the stack, whether it matches or not. On the
//! way it keeps what it still needs on the stack (`on_top` counts those items) and
//! pushes every captured value below them, the first capture nearest the top; the
//! names are stored only once the whole pattern has matched, so a failed pattern binds
//! nothing. A failing check jumps to the label that pops exactly what is on the stack
//! at that point (`fail_pop[n]` pops n items and falls into `fail_pop[n-1]`), which ends
//! where the next case starts.

use std::collections::HashSet;

use ruff_python_ast::{self as ast, Expr, MatchCase, Pattern, Singleton};
use ruff_text_size::{Ranged, TextRange};

use crate::opcodes::op;

use super::code::{Constant, COMPARE_TO_BOOL};
use super::codegen::{Compiler, Ctx};
use super::constants::fold;
use super::error::CResult;
use super::ir::Label;

/// COMPARE_OP's argument for `==` and for `>=`.
const COMPARE_EQ: u32 = 2;
const COMPARE_GE: u32 = 5;

/// The state of one case's pattern being compiled.
struct PatternContext {
    /// Captured names, in the order they will be stored.
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here (a later case would be unreachable).
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops n items and then continues with the next alternative.
    fail_pop: Vec<Label>,
    /// Items above the captures that a failure must pop.
    on_top: u32,
    /// The pattern compiled last: CPython reports pattern errors at it.
    last: TextRange,
}

impl PatternContext {
    fn new(allow_irrefutable: bool) -> Self {
        PatternContext {
            stores: Vec::new(),
            allow_irrefutable,
            fail_pop: Vec::new(),
            on_top: 0,
            last: TextRange::default(),
        }
    }
}

/// `_` (also inside `*_`).
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let last = &m.cases[cases - 1];
        let has_default = cases > 1 && is_wildcard(&last.pattern);
        let explicit = cases - usize::from(has_default);
        for (i, case) in m.cases[..explicit].iter().enumerate() {
            let keeps_subject = i != explicit - 1;
            self.at(case.pattern.range(), |c| {
                if keeps_subject {
                    c.emit(op::COPY, 1)
                }
            });
            let mut pc = PatternContext::new(case.guard.is_some() || i == cases - 1);
            self.pattern(&case.pattern, &mut pc)?;
            debug_assert_eq!(pc.on_top, 0);
            let stores = std::mem::take(&mut pc.stores);
            self.at(case.pattern.range(), |c| {
                for name in &stores {
                    c.name_op(name, Ctx::Store);
                }
            });
            if let Some(guard) = &case.guard {
                let fail = self.fail_label(&mut pc, 0);
                self.jump_if(guard, fail, false)?;
            }
            if keeps_subject {
                self.at(case.pattern.range(), |c| c.emit(op::POP_TOP, 0));
            }
            self.case_body(case)?;
            self.jump(end);
            self.at(case.pattern.range(), |c| c.emit_fail_pop(&mut pc));
        }
        if has_default {
            // A trailing `case _:` needs no copy of the subject (the case before it took it).
            self.at(last.pattern.range(), |c| c.emit(op::NOP, 0));
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            self.case_body(last)?;
        }
        self.bind(end);
        Ok(())
    }

    fn case_body(&mut self, case: &'a MatchCase) -> CResult<()> {
        self.stmts(&case.body)
    }

    /// The label that pops `n` items and fails the pattern.
    fn fail_label(&mut self, pc: &mut PatternContext, n: u32) -> Label {
        while pc.fail_pop.len() <= n as usize {
            let label = self.new_label();
            pc.fail_pop.push(label);
        }
        pc.fail_pop[n as usize]
    }

    /// Emits a conditional jump (`Some(opcode)`) or a jump to the failure label for what
    /// is on the stack now.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, opcode: Option<u8>) {
        let pops = pc.on_top + pc.stores.len() as u32;
        let label = self.fail_label(pc, pops);
        match opcode {
            Some(opcode) => self.emit_jump(opcode, label),
            None => self.jump(label),
        }
    }

    /// Binds the failure labels, each popping one item into the next.
    fn emit_fail_pop(&mut self, pc: &mut PatternContext) {
        let labels = std::mem::take(&mut pc.fail_pop);
        if labels.is_empty() {
            return;
        }
        for &label in labels[1..].iter().rev() {
            self.bind(label);
            self.emit(op::POP_TOP, 0);
        }
        self.bind(labels[0]);
    }

    /// Moves the top item down to position `count` (1 is the top).
    fn rotate(&mut self, count: u32) {
        for depth in (2..=count).rev() {
            self.emit(op::SWAP, depth);
        }
    }

    /// Records a capture of the top item (or drops it, for `_`).
    fn store_capture(&mut self, name: Option<&ast::Identifier>, pc: &mut PatternContext) -> CResult<()> {
        let Some(name) = name else {
            self.emit(op::POP_TOP, 0);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == name.as_str()) {
            return Err(self.syntax_error(format!("multiple assignments to name '{}' in pattern", name), pc.last));
        }
        self.rotate(pc.on_top + pc.stores.len() as u32 + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        let range = p.range();
        pc.last = range;
        let saved = self.unit.loc;
        self.unit.loc = self.location(range);
        let result = match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(op::COMPARE_OP, COMPARE_EQ | COMPARE_TO_BOOL);
                self.jump_to_fail_pop(pc, Some(op::POP_JUMP_IF_FALSE));
                Ok(())
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    Singleton::None => Constant::None,
                    Singleton::True => Constant::Bool(true),
                    Singleton::False => Constant::Bool(false),
                });
                self.emit(op::IS_OP, 0);
                self.jump_to_fail_pop(pc, Some(op::POP_JUMP_IF_FALSE));
                Ok(())
            }
            Pattern::MatchAs(a) => self.pattern_as(a, pc),
            Pattern::MatchStar(s) => self.store_capture(s.name.as_ref(), pc),
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc),
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc),
            Pattern::MatchClass(c) => self.pattern_class(c, pc),
            Pattern::MatchOr(o) => self.pattern_or(o, pc),
        };
        self.unit.loc = saved;
        result
    }

    /// A sub-pattern: irrefutable ones are always allowed.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        let allow = std::mem::replace(&mut pc.allow_irrefutable, true);
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = allow;
        r
    }

    fn pattern_as(&mut self, a: &'a ast::PatternMatchAs, pc: &mut PatternContext) -> CResult<()> {
        let Some(inner) = &a.pattern else {
            if !pc.allow_irrefutable {
                return Err(match &a.name {
                    Some(name) => self
                        .syntax_error(format!("name capture '{}' makes remaining patterns unreachable", name), a.range),
                    None => self.syntax_error("wildcard makes remaining patterns unreachable", a.range),
                });
            }
            return self.store_capture(a.name.as_ref(), pc);
        };
        // Keep a copy to store once the inner pattern matched.
        pc.on_top += 1;
        self.emit(op::COPY, 1);
        self.pattern(inner, pc)?;
        pc.on_top -= 1;
        self.store_capture(a.name.as_ref(), pc)
    }

    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> CResult<()> {
        let size = patterns.len() as u32;
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return Err(self.syntax_error("multiple starred names in sequence pattern", pc.last));
                }
                only_wildcard &= is_star_wildcard(p);
                star = Some(i);
            } else {
                only_wildcard &= is_wildcard(p);
            }
        }
        // The subject stays on top through the type and length checks.
        pc.on_top += 1;
        self.emit(op::MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, Some(op::POP_JUMP_IF_FALSE));
        match star {
            None => {
                self.emit(op::GET_LEN, 0);
                self.load_const(Constant::Int(size.into()));
                self.emit(op::COMPARE_OP, COMPARE_EQ | COMPARE_TO_BOOL);
                self.jump_to_fail_pop(pc, Some(op::POP_JUMP_IF_FALSE));
            }
            Some(_) if size > 1 => {
                self.emit(op::GET_LEN, 0);
                self.load_const(Constant::Int((size - 1).into()));
                self.emit(op::COMPARE_OP, COMPARE_GE | COMPARE_TO_BOOL);
                self.jump_to_fail_pop(pc, Some(op::POP_JUMP_IF_FALSE));
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            // `[_, _]`, `[*_]`: the checks were all there was to it.
            self.emit(op::POP_TOP, 0);
            return Ok(());
        }
        match star {
            None => self.emit(op::UNPACK_SEQUENCE, size),
            Some(i) => self.emit(op::UNPACK_EX, i as u32 | ((size - 1 - i as u32) << 8)),
        }
        pc.on_top += size;
        for p in patterns {
            pc.on_top -= 1;
            if is_wildcard(p) || is_star_wildcard(p) {
                self.emit(op::POP_TOP, 0);
            } else {
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternContext) -> CResult<()> {
        let size = m.keys.len() as u32;
        // The subject stays on top through the checks.
        pc.on_top += 1;
        self.emit(op::MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, Some(op::POP_JUMP_IF_FALSE));
        if size == 0 && m.rest.is_none() {
            // `{}` matches any mapping.
            pc.on_top -= 1;
            self.emit(op::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(op::GET_LEN, 0);
            self.load_const(Constant::Int(size.into()));
            self.emit(op::COMPARE_OP, COMPARE_GE | COMPARE_TO_BOOL);
            self.jump_to_fail_pop(pc, Some(op::POP_JUMP_IF_FALSE));
        }
        let mut seen: Vec<Constant> = Vec::new();
        for key in m.keys.iter() {
            match key {
                Expr::Attribute(_) => {}
                _ => match fold(key) {
                    Some(constant) => {
                        if seen.iter().any(|s| constants_equal(s, &constant)) {
                            return Err(self.syntax_error(
                                format!("mapping pattern checks duplicate key ({})", super::constant_repr(&constant)),
                                pc.last,
                            ));
                        }
                        seen.push(constant);
                    }
                    None if matches!(
                        key,
                        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::UnaryOp(_) | Expr::BinOp(_)
                    ) => {}
                    None => {
                        return Err(self.syntax_error(
                            "mapping pattern keys may only match literals and attribute lookups",
                            pc.last,
                        ))
                    }
                },
            }
            self.expr(key)?;
        }
        self.emit(op::BUILD_TUPLE, size);
        self.emit(op::MATCH_KEYS, 0);
        // The keys tuple and the values tuple (or None) are on top of the subject.
        pc.on_top += 2;
        self.emit(op::COPY, 1);
        self.load_const(Constant::None);
        self.emit(op::IS_OP, 1);
        self.jump_to_fail_pop(pc, Some(op::POP_JUMP_IF_FALSE));
        self.emit(op::UNPACK_SEQUENCE, size);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in m.patterns.iter() {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(op::POP_TOP, 0);
            } else {
                self.subpattern(p, pc)?;
            }
        }
        // Matched: what follows consumes the keys tuple and the subject.
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // rest = dict(subject) without the keys.
                self.emit(op::BUILD_MAP, 0);
                self.emit(op::SWAP, 3);
                self.emit(op::DICT_UPDATE, 2);
                self.emit(op::UNPACK_SEQUENCE, size);
                for remaining in (1..=size).rev() {
                    self.emit(op::COPY, 1 + remaining);
                    self.emit(op::SWAP, 2);
                    self.emit(op::DELETE_SUBSCR, 0);
                }
                self.store_capture(Some(rest), pc)
            }
            None => {
                self.emit(op::POP_TOP, 0);
                self.emit(op::POP_TOP, 0);
                Ok(())
            }
        }
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternContext) -> CResult<()> {
        let positional = &c.arguments.patterns;
        let keywords = &c.arguments.keywords;
        let mut seen = HashSet::new();
        for k in keywords {
            if !seen.insert(k.attr.as_str()) {
                return Err(self
                    .syntax_error(format!("attribute name repeated in class pattern: {}", k.attr), k.pattern.range()));
            }
        }
        self.expr(&c.cls)?;
        let names: Vec<Constant> = keywords.iter().map(|k| Constant::Str(k.attr.to_string())).collect();
        self.load_const(Constant::Tuple(names));
        self.emit(op::MATCH_CLASS, positional.len() as u32);
        self.emit(op::COPY, 1);
        self.load_const(Constant::None);
        self.emit(op::IS_OP, 1);
        // The attributes tuple (or None) replaced the subject.
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Some(op::POP_JUMP_IF_FALSE));
        let count = (positional.len() + keywords.len()) as u32;
        self.emit(op::UNPACK_SEQUENCE, count);
        pc.on_top += count;
        pc.on_top -= 1;
        for p in positional.iter().chain(keywords.iter().map(|k| &k.pattern)) {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(op::POP_TOP, 0);
            } else {
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> CResult<()> {
        let end = self.new_label();
        let outer_allow = pc.allow_irrefutable;
        let mut control: Option<Vec<String>> = None;
        let alternatives = o.patterns.len();
        for (i, alt) in o.patterns.iter().enumerate() {
            let mut inner = PatternContext::new(i == alternatives - 1 && outer_allow);
            self.emit(op::COPY, 1);
            self.pattern(alt, &mut inner)?;
            pc.last = inner.last;
            match &control {
                None => control = Some(inner.stores.clone()),
                Some(names) if names.len() != inner.stores.len() => {
                    return Err(self.syntax_error("alternative patterns bind different names", pc.last));
                }
                Some(names) => {
                    // Put the captures in the first alternative's order, on the stack too.
                    for icontrol in (0..names.len()).rev() {
                        let name = &names[icontrol];
                        let Some(istores) = inner.stores.iter().position(|s| s == name) else {
                            return Err(self.syntax_error("alternative patterns bind different names", pc.last));
                        };
                        if icontrol != istores {
                            let rotated: Vec<String> = inner.stores.drain(..=istores).collect();
                            let at = icontrol - istores;
                            for (k, n) in rotated.into_iter().enumerate() {
                                inner.stores.insert(at + k, n);
                            }
                            for _ in 0..=istores {
                                self.rotate(icontrol as u32 + 1);
                            }
                        }
                    }
                }
            }
            self.jump(end);
            self.emit_fail_pop(&mut inner);
        }
        // No alternative matched: drop the subject and fail.
        self.emit(op::POP_TOP, 0);
        self.jump_to_fail_pop(pc, None);
        self.bind(end);
        let names = control.unwrap_or_default();
        let rotations = names.len() as u32 + 1 + pc.on_top + pc.stores.len() as u32;
        for name in names {
            self.rotate(rotations);
            if pc.stores.contains(&name) {
                return Err(self.syntax_error(format!("multiple assignments to name '{name}' in pattern"), pc.last));
            }
            pc.stores.push(name);
        }
        // The subject's copy.
        self.emit(op::POP_TOP, 0);
        Ok(())
    }
}

/// Equality of folded constants as Python's `==` sees it for mapping-pattern keys
/// (`1`, `1.0` and `True` are the same key).
fn constants_equal(a: &Constant, b: &Constant) -> bool {
    fn number(c: &Constant) -> Option<f64> {
        match c {
            Constant::Bool(b) => Some(f64::from(u8::from(*b))),
            Constant::Int(i) => num_traits::ToPrimitive::to_f64(i),
            Constant::Float(f) => Some(*f),
            _ => None,
        }
    }
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

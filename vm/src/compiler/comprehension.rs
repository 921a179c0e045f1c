//! List, set and dict comprehensions, inlined into the enclosing code (PEP 709 style):
//! the iteration variables live in hidden fast locals (`<listcomp>.x`), even at module
//! and class level, so comprehensions never need a separate frame. A variable that a
//! lambda (or other nested scope) in the comprehension captures is a hidden cell of the
//! enclosing code instead; each run of the comprehension starts it as a fresh, empty
//! cell (its slot cleared, then MAKE_CELL), so the closures made in one run share it
//! and runs do not, as with CPython 3.11's comprehension functions.
//!
//! Shape: iter; [fresh cells]; GET_ITER; BUILD_LIST 0; SWAP 2; top: FOR_ITER end;
//! STORE target; [conditions jumping to the back edge]; element; LIST_APPEND depth;
//! JUMP_BACKWARD top. An `async for` clause (in an async function) has GET_AITER, and
//! its step awaits `__anext__()` under a handler whose END_ASYNC_FOR ends the loop
//! (`async_for_step`).

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Comprehension, Expr};
use ruff_text_size::TextRange;

use crate::opcodes::op;

use super::codegen::{CompFrame, Compiler, DerefVar};
use super::error::CResult;
use super::ir::pseudo;
use super::symtable::SymScope;

pub(crate) enum Element<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    /// A generator expression's element, yielded (its code is a generator function).
    Yield(&'a Expr),
    Dict(&'a Expr, &'a Expr),
}

fn target_names<'e>(t: &'e Expr, out: &mut Vec<&'e str>) {
    match t {
        Expr::Name(n) => out.push(n.id.as_str()),
        Expr::Starred(s) => target_names(&s.value, out),
        Expr::Tuple(tu) => tu.elts.iter().for_each(|e| target_names(e, out)),
        Expr::List(l) => l.elts.iter().for_each(|e| target_names(e, out)),
        _ => {}
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn list_comprehension(&mut self, c: &'a ast::ExprListComp) -> CResult<()> {
        self.comprehension("listcomp", c.range, &c.generators, Element::List(&c.elt))
    }

    pub(crate) fn set_comprehension(&mut self, c: &'a ast::ExprSetComp) -> CResult<()> {
        self.comprehension("setcomp", c.range, &c.generators, Element::Set(&c.elt))
    }

    pub(crate) fn dict_comprehension(&mut self, c: &'a ast::ExprDictComp) -> CResult<()> {
        let Some(key) = &c.key else {
            return Err(self.unsupported("'**' in dict comprehensions is not supported", c.range));
        };
        self.comprehension("dictcomp", c.range, &c.generators, Element::Dict(key, &c.value))
    }

    fn comprehension(
        &mut self,
        kind: &str,
        range: TextRange,
        generators: &'a [Comprehension],
        element: Element<'a>,
    ) -> CResult<()> {
        if generators.iter().any(|g| g.is_async) && !self.in_async_function() {
            return Err(self.syntax_error("asynchronous comprehension outside of an asynchronous function", range));
        }
        // The outermost iterable is evaluated in the enclosing scope.
        self.iterable(&generators[0].iter)?;
        let scope = self.table.scope_at(range);

        let taken: HashSet<String> = self.unit.comp_frames.iter().flat_map(|f| f.hidden.values().cloned()).collect();
        let mut names = Vec::new();
        for g in generators {
            target_names(&g.target, &mut names);
        }
        let mut hidden = HashMap::new();
        for name in names {
            if !hidden.contains_key(name) {
                let hidden_name = self.hidden_local(kind, name, &taken);
                if self.table.scope(scope).scope_of(name) == Some(SymScope::Cell) {
                    // A fresh cell for this run: clear the slot (it may hold the cell of
                    // an earlier run), then make the cell.
                    let cell = self.deref_index(&DerefVar { name: hidden_name.clone(), is_cell: true });
                    self.emit(op::PUSH_NULL, 0);
                    self.push_pseudo(pseudo::STORE_FAST_CELL_SLOT, cell);
                    self.emit(op::MAKE_CELL, cell);
                }
                hidden.insert(name.to_string(), hidden_name);
            }
        }
        self.emit(if generators[0].is_async { op::GET_AITER } else { op::GET_ITER }, 0);
        match element {
            Element::List(_) => self.emit(op::BUILD_LIST, 0),
            Element::Set(_) => self.emit(op::BUILD_SET, 0),
            Element::Dict(..) => self.emit(op::BUILD_MAP, 0),
            Element::Yield(_) => unreachable!("generator expressions are compiled as functions"),
        }
        self.emit(op::SWAP, 2);
        self.unit.comp_frames.push(CompFrame { scope, hidden });
        let r = self.comprehension_generator(range, generators, 0, &element);
        self.unit.comp_frames.pop();
        r
    }

    pub(crate) fn comprehension_generator(
        &mut self,
        range: TextRange,
        generators: &'a [Comprehension],
        index: usize,
        element: &Element<'a>,
    ) -> CResult<()> {
        let g = &generators[index];
        if index > 0 {
            self.iterable(&g.iter)?;
            self.emit(if g.is_async { op::GET_AITER } else { op::GET_ITER }, 0);
        }
        let (start, back, end) = (self.new_label(), self.new_label(), self.new_label());
        self.bind(start);
        if g.is_async {
            self.at(g.range, |c| c.async_for_step(end));
        } else {
            self.at(g.range, |c| c.emit_jump(op::FOR_ITER, end));
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, back, false)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(range, generators, index + 1, element)?;
        } else {
            let depth = index as u32 + 2;
            match element {
                Element::List(e) => {
                    self.expr(e)?;
                    self.at(range, |c| c.emit(op::LIST_APPEND, depth));
                }
                Element::Set(e) => {
                    self.expr(e)?;
                    self.at(range, |c| c.emit(op::SET_ADD, depth));
                }
                Element::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.at(range, |c| c.emit(op::MAP_ADD, depth));
                }
                Element::Yield(e) => {
                    self.expr(e)?;
                    self.at(range, |c| {
                        if c.in_async_function() {
                            c.emit(op::ASYNC_GEN_WRAP, 0);
                        }
                        c.emit(op::YIELD_VALUE, 0);
                        c.emit(op::RESUME, 1);
                        c.emit(op::POP_TOP, 0);
                    });
                }
            }
        }
        self.bind(back);
        self.at(g.range, |c| c.jump(start));
        self.bind(end);
        if g.is_async {
            self.at(g.range, |c| c.emit(op::END_ASYNC_FOR, 0));
        }
        Ok(())
    }
}

//! Expressions: constants, names, operators, comparisons (including chains),
//! boolean operators with value semantics, conditional jumps on conditions, calls
//! (method calls, keyword arguments, `*args`, zero-argument super()), subscripts and
//! slices, and list/tuple/dict displays.

use ruff_python_ast::{self as ast, BoolOp, CmpOp, Expr, ExprContext, UnaryOp};
use ruff_text_size::Ranged;

use crate::opcodes::op;

use super::code::{Constant, COMPARE_TO_BOOL};
use super::codegen::{Access, Compiler, Ctx};
use super::constants::{fold, truthy};
use super::error::CResult;
use super::ir::Label;
use super::stmt::binary_op_arg;

/// Most items a BUILD_LIST/BUILD_TUPLE/BUILD_MAP takes at once; the rest are appended.
const BUILD_CHUNK: usize = 16;
/// CPython's limit on the items a display pushes before building (its
/// STACK_USE_GUIDELINE); set displays follow it exactly, since it decides the order
/// their keys go in.
const STACK_USE_GUIDELINE: usize = 30;

/// The constants of a set display that CPython folds into a frozenset (at least
/// `min_items` items, all constants), when every one is a key whose hashing and
/// equality run no Python code (ints, floats, strs, bools, None and shallow tuples).
pub(crate) fn constant_set_items(elts: &[Expr], min_items: usize) -> Option<Vec<Constant>> {
    fn simple(c: &Constant, depth: u32) -> bool {
        match c {
            Constant::None | Constant::Bool(_) | Constant::Int(_) | Constant::Float(_) | Constant::Str(_) => true,
            Constant::Tuple(items) => depth < 8 && items.iter().all(|i| simple(i, depth + 1)),
            _ => false,
        }
    }
    if elts.len() < min_items {
        return None;
    }
    let items: Vec<Constant> = elts.iter().map(fold).collect::<Option<_>>()?;
    items.iter().all(|c| simple(c, 0)).then_some(items)
}

enum CompareKind {
    Compare(u32),
    Is(u32),
    Contains(u32),
}

fn compare_kind(o: CmpOp) -> CompareKind {
    match o {
        CmpOp::Lt => CompareKind::Compare(0),
        CmpOp::LtE => CompareKind::Compare(1),
        CmpOp::Eq => CompareKind::Compare(2),
        CmpOp::NotEq => CompareKind::Compare(3),
        CmpOp::Gt => CompareKind::Compare(4),
        CmpOp::GtE => CompareKind::Compare(5),
        CmpOp::Is => CompareKind::Is(0),
        CmpOp::IsNot => CompareKind::Is(1),
        CmpOp::In => CompareKind::Contains(0),
        CmpOp::NotIn => CompareKind::Contains(1),
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn expr(&mut self, e: &'a Expr) -> CResult<()> {
        let saved = self.unit.loc;
        self.unit.loc = self.location(e.range());
        let r = self.expr_inner(e);
        self.unit.loc = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> CResult<()> {
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let jump = if b.op == BoolOp::And { op::POP_JUMP_IF_FALSE } else { op::POP_JUMP_IF_TRUE };
                let (last, init) = b.values.split_last().unwrap();
                for v in init {
                    self.expr(v)?;
                    self.emit(op::COPY, 1);
                    self.emit(op::TO_BOOL, 0);
                    self.emit_jump(jump, end);
                    self.emit(op::POP_TOP, 0);
                }
                self.expr(last)?;
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(op::COPY, 1);
                self.store_target(&n.target)?;
            }
            Expr::BinOp(_) => {
                // Left-associative chains (`a + b + c + ...`) are walked iteratively.
                let mut chain: Vec<&'a ast::ExprBinOp> = Vec::new();
                let mut base = e;
                let mut folded = None;
                while let Expr::BinOp(b) = base {
                    if let Some(c) = fold(base) {
                        folded = Some(c);
                        break;
                    }
                    chain.push(b);
                    base = &b.left;
                }
                match folded {
                    Some(c) => self.at(base.range(), |cc| cc.load_const(c)),
                    None => self.expr(base)?,
                }
                for b in chain.iter().rev() {
                    self.expr(&b.right)?;
                    self.at(b.range, |c| c.emit(op::BINARY_OP, binary_op_arg(b.op)));
                }
            }
            Expr::UnaryOp(u) => {
                if let Some(c) = fold(e) {
                    self.load_const(c);
                    return Ok(());
                }
                self.expr(&u.operand)?;
                match u.op {
                    UnaryOp::Not => {
                        self.emit(op::TO_BOOL, 0);
                        self.emit(op::UNARY_NOT, 0);
                    }
                    UnaryOp::USub => self.emit(op::UNARY_NEGATIVE, 0),
                    UnaryOp::UAdd => self.emit(op::UNARY_POSITIVE, 0),
                    UnaryOp::Invert => self.emit(op::UNARY_INVERT, 0),
                }
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let (orelse, end) = (self.new_label(), self.new_label());
                self.jump_if(&i.test, orelse, false)?;
                self.expr(&i.body)?;
                self.jump(end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict_display(d)?,
            Expr::Set(s) => self.set_display(&s.elts)?,
            Expr::ListComp(c) => self.list_comprehension(c)?,
            Expr::DictComp(c) => self.dict_comprehension(c)?,
            Expr::SetComp(c) => self.set_comprehension(c)?,
            Expr::Generator(g) => self.generator_expression(g)?,
            Expr::Await(a) => self.await_expr(a)?,
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                if self.unit.flags & super::code::code_flags::ASYNC_GENERATOR != 0 {
                    self.emit(op::ASYNC_GEN_WRAP, 0);
                }
                self.emit(op::YIELD_VALUE, 0);
                self.emit(op::RESUME, 1);
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.emit(op::GET_YIELD_FROM_ITER, 0);
                self.load_const(Constant::None);
                self.delegate_loop(2);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(t) => {
                return Err(self.unsupported("template strings (t-strings) are not supported yet", t.range))
            }
            Expr::StringLiteral(s) => self.load_const(Constant::Str(s.value.to_str().to_string())),
            Expr::BytesLiteral(_) => self.load_const(fold(e).unwrap()),
            Expr::NumberLiteral(_) => self.load_const(fold(e).unwrap()),
            Expr::BooleanLiteral(b) => self.load_const(Constant::Bool(b.value)),
            Expr::NoneLiteral(_) => self.load_const(Constant::None),
            Expr::EllipsisLiteral(_) => self.load_const(Constant::Ellipsis),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.add_name(&a.attr);
                self.emit(op::LOAD_ATTR, i << 1);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                match &*s.slice {
                    Expr::Slice(sl) if sl.step.is_none() => {
                        self.slice_bounds(sl)?;
                        self.emit(op::BINARY_SLICE, 0);
                    }
                    slice => {
                        self.expr(slice)?;
                        self.emit(op::BINARY_SUBSCR, 0);
                    }
                }
            }
            Expr::Starred(s) => return Err(self.syntax_error("can't use starred expression here", s.range)),
            Expr::Name(n) => {
                if n.ctx != ExprContext::Load {
                    return Err(self.syntax_error("invalid syntax", n.range));
                }
                self.name_op(&n.id, Ctx::Load);
            }
            Expr::List(l) => self.list_display(&l.elts)?,
            Expr::Tuple(t) => {
                if let Some(c) = fold(e) {
                    self.load_const(c);
                } else if t.elts.iter().any(|e| e.is_starred_expr()) {
                    self.star_unpack(&t.elts)?;
                    self.emit(op::LIST_TO_TUPLE, 0);
                } else {
                    let elts: Vec<&'a Expr> = t.elts.iter().collect();
                    self.tuple_of(&elts)?;
                }
            }
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Constant::None),
                    }
                }
                match &s.step {
                    Some(step) => {
                        self.expr(step)?;
                        self.emit(op::BUILD_SLICE, 3);
                    }
                    None => self.emit(op::BUILD_SLICE, 2),
                }
            }
            Expr::IpyEscapeCommand(c) => return Err(self.syntax_error("invalid syntax", c.range)),
        }
        Ok(())
    }

    /// A tuple of the given (non-starred) expressions: a constant if they all fold.
    pub(crate) fn tuple_of(&mut self, elts: &[&'a Expr]) -> CResult<()> {
        let folded: Option<Vec<Constant>> = elts.iter().map(|e| fold(e)).collect();
        if let Some(items) = folded {
            self.load_const(Constant::Tuple(items));
            return Ok(());
        }
        if elts.len() <= BUILD_CHUNK * 2 {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(op::BUILD_TUPLE, elts.len() as u32);
        } else {
            self.build_list(elts)?;
            self.emit(op::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    /// A list of non-starred expressions, in chunks to bound the stack use.
    fn build_list(&mut self, elts: &[&'a Expr]) -> CResult<()> {
        let first = elts.len().min(BUILD_CHUNK * 2);
        for e in &elts[..first] {
            self.expr(e)?;
        }
        self.emit(op::BUILD_LIST, first as u32);
        for e in &elts[first..] {
            self.expr(e)?;
            self.emit(op::LIST_APPEND, 1);
        }
        Ok(())
    }

    fn list_display(&mut self, elts: &'a [Expr]) -> CResult<()> {
        if elts.iter().any(|e| e.is_starred_expr()) {
            return self.star_unpack(elts);
        }
        if elts.len() >= 3 {
            let folded: Option<Vec<Constant>> = elts.iter().map(fold).collect();
            if let Some(items) = folded {
                self.emit(op::BUILD_LIST, 0);
                self.load_const(Constant::Tuple(items));
                self.emit(op::LIST_EXTEND, 1);
                return Ok(());
            }
        }
        let elts: Vec<&'a Expr> = elts.iter().collect();
        self.build_list(&elts)
    }

    /// A list of items some of which are `*iterable`.
    pub(crate) fn star_unpack(&mut self, elts: &'a [Expr]) -> CResult<()> {
        let leading = elts.iter().take_while(|e| !e.is_starred_expr()).count();
        for e in &elts[..leading] {
            self.expr(e)?;
        }
        self.emit(op::BUILD_LIST, leading as u32);
        for e in &elts[leading..] {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(op::LIST_EXTEND, 1);
                }
                e => {
                    self.expr(e)?;
                    self.emit(op::LIST_APPEND, 1);
                }
            }
        }
        Ok(())
    }

    /// A set display, as CPython 3.11 compiles it (the order keys go in decides the
    /// order the set iterates in): more than two constants become a frozenset constant
    /// merged into an empty set; up to STACK_USE_GUIDELINE plain items one BUILD_SET;
    /// otherwise a set built up by SET_ADD and, for `*iterable`, SET_UPDATE.
    fn set_display(&mut self, elts: &'a [Expr]) -> CResult<()> {
        if let Some(items) = constant_set_items(elts, 3) {
            self.emit(op::BUILD_SET, 0);
            self.load_const(Constant::FrozenSet(items));
            self.emit(op::SET_UPDATE, 1);
            return Ok(());
        }
        let starred = elts.iter().any(|e| e.is_starred_expr());
        if !starred && elts.len() <= STACK_USE_GUIDELINE {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(op::BUILD_SET, elts.len() as u32);
            return Ok(());
        }
        let mut built = elts.len() > STACK_USE_GUIDELINE;
        if built {
            self.emit(op::BUILD_SET, 0);
        }
        for (i, e) in elts.iter().enumerate() {
            match e {
                Expr::Starred(s) => {
                    if !built {
                        self.emit(op::BUILD_SET, i as u32);
                        built = true;
                    }
                    self.expr(&s.value)?;
                    self.emit(op::SET_UPDATE, 1);
                }
                e => {
                    self.expr(e)?;
                    if built {
                        self.emit(op::SET_ADD, 1);
                    }
                }
            }
        }
        Ok(())
    }

    /// A dict display: the leading key/value pairs (up to a chunk) by BUILD_MAP, the rest
    /// added by MAP_ADD, and each `**mapping` merged in by DICT_UPDATE, in source order.
    fn dict_display(&mut self, d: &'a ast::ExprDict) -> CResult<()> {
        let leading = d.items.iter().take_while(|i| i.key.is_some()).count().min(BUILD_CHUNK);
        for item in &d.items[..leading] {
            self.expr(item.key.as_ref().expect("a key"))?;
            self.expr(&item.value)?;
        }
        self.emit(op::BUILD_MAP, leading as u32);
        for item in &d.items[leading..] {
            match &item.key {
                Some(key) => {
                    self.expr(key)?;
                    self.expr(&item.value)?;
                    self.emit(op::MAP_ADD, 1);
                }
                None => {
                    self.expr(&item.value)?;
                    self.at(item.value.range(), |c| c.emit(op::DICT_UPDATE, 1));
                }
            }
        }
        Ok(())
    }

    fn compare_op(&mut self, o: CmpOp) {
        match compare_kind(o) {
            CompareKind::Compare(i) => self.emit(op::COMPARE_OP, i),
            CompareKind::Is(i) => self.emit(op::IS_OP, i),
            CompareKind::Contains(i) => self.emit(op::CONTAINS_OP, i),
        }
    }

    /// A comparison operand; a list of constants on the right of `in` becomes a
    /// constant tuple, a set of constants a constant frozenset.
    fn comparand(&mut self, o: CmpOp, e: &'a Expr) -> CResult<()> {
        if matches!(o, CmpOp::In | CmpOp::NotIn) {
            return self.iterable(e);
        }
        self.expr(e)
    }

    /// An expression that is iterated (a `for` or comprehension iterable, the right
    /// of `in`): a list display of constants becomes a constant tuple and a set display
    /// of constants a constant frozenset, as CPython's AST optimizer does.
    pub(crate) fn iterable(&mut self, e: &'a Expr) -> CResult<()> {
        match e {
            Expr::List(l) => {
                let folded: Option<Vec<Constant>> = l.elts.iter().map(fold).collect();
                if let Some(items) = folded {
                    self.at(l.range, |c| c.load_const(Constant::Tuple(items)));
                    return Ok(());
                }
            }
            Expr::Set(s) => {
                if let Some(items) = constant_set_items(&s.elts, 1) {
                    self.at(s.range, |c| c.load_const(Constant::FrozenSet(items)));
                    return Ok(());
                }
            }
            _ => {}
        }
        self.expr(e)
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult<()> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.comparand(c.ops[0], &c.comparators[0])?;
            self.compare_op(c.ops[0]);
            return Ok(());
        }
        let (cleanup, end) = (self.new_label(), self.new_label());
        for i in 0..n - 1 {
            self.comparand(c.ops[i], &c.comparators[i])?;
            self.emit(op::SWAP, 2);
            self.emit(op::COPY, 2);
            self.compare_op(c.ops[i]);
            self.emit(op::COPY, 1);
            self.emit(op::TO_BOOL, 0);
            self.emit_jump(op::POP_JUMP_IF_FALSE, cleanup);
            self.emit(op::POP_TOP, 0);
        }
        self.comparand(c.ops[n - 1], &c.comparators[n - 1])?;
        self.compare_op(c.ops[n - 1]);
        self.jump(end);
        self.bind(cleanup);
        self.emit(op::SWAP, 2);
        self.emit(op::POP_TOP, 0);
        self.bind(end);
        Ok(())
    }

    /// A comparison whose result feeds a conditional jump: COMPARE_OP with the
    /// `COMPARE_TO_BOOL` bit (so a rich comparison returning a non-bool is converted),
    /// IS_OP and CONTAINS_OP as they are (they always produce a bool). No TO_BOOL
    /// follows, which saves an instruction per comparison-based branch.
    fn compare_op_to_bool(&mut self, o: CmpOp) {
        match compare_kind(o) {
            CompareKind::Compare(i) => self.emit(op::COMPARE_OP, i | COMPARE_TO_BOOL),
            _ => self.compare_op(o),
        }
    }

    /// Pops a bool left by `compare_op_to_bool` and jumps if it equals `cond`.
    fn jump_on_result(&mut self, target: Label, cond: bool) {
        self.emit_jump(if cond { op::POP_JUMP_IF_TRUE } else { op::POP_JUMP_IF_FALSE }, target);
    }

    /// Evaluates `e` as a condition and jumps to `target` if its truth equals `cond`
    /// (falling through otherwise). Nothing is left on the stack.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult<()> {
        let saved = self.unit.loc;
        self.unit.loc = self.location(e.range());
        let r = self.jump_if_inner(e, target, cond);
        self.unit.loc = saved;
        r
    }

    fn jump_if_inner(&mut self, e: &'a Expr, target: Label, cond: bool) -> CResult<()> {
        if let Some(t) = fold(e).as_ref().and_then(truthy) {
            if t == cond {
                self.jump(target);
            }
            return Ok(());
        }
        match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => return self.jump_if(&u.operand, target, !cond),
            Expr::BoolOp(b) => {
                // `and` jumps on the first false, `or` on the first true.
                let short = b.op == BoolOp::Or;
                let (last, init) = b.values.split_last().unwrap();
                if cond == short {
                    for v in init {
                        self.jump_if(v, target, cond)?;
                    }
                    self.jump_if(last, target, cond)?;
                } else {
                    let skip = self.new_label();
                    for v in init {
                        self.jump_if(v, skip, !cond)?;
                    }
                    self.jump_if(last, target, cond)?;
                    self.bind(skip);
                }
                return Ok(());
            }
            Expr::Compare(c) => {
                if c.ops.len() == 1 {
                    let o = c.ops[0];
                    let right = &c.comparators[0];
                    if matches!(o, CmpOp::Is | CmpOp::IsNot) && right.is_none_literal_expr() {
                        self.expr(&c.left)?;
                        let jump_if_none = (o == CmpOp::Is) == cond;
                        self.emit_jump(
                            if jump_if_none { op::POP_JUMP_IF_NONE } else { op::POP_JUMP_IF_NOT_NONE },
                            target,
                        );
                        return Ok(());
                    }
                    self.expr(&c.left)?;
                    self.comparand(o, right)?;
                    self.compare_op_to_bool(o);
                    self.jump_on_result(target, cond);
                    return Ok(());
                }
                self.expr(&c.left)?;
                let (cleanup, end) = (self.new_label(), self.new_label());
                let n = c.ops.len();
                for i in 0..n - 1 {
                    self.comparand(c.ops[i], &c.comparators[i])?;
                    self.emit(op::SWAP, 2);
                    self.emit(op::COPY, 2);
                    self.compare_op_to_bool(c.ops[i]);
                    self.jump_on_result(cleanup, false);
                }
                self.comparand(c.ops[n - 1], &c.comparators[n - 1])?;
                self.compare_op_to_bool(c.ops[n - 1]);
                self.jump_on_result(target, cond);
                self.jump(end);
                self.bind(cleanup);
                self.emit(op::POP_TOP, 0);
                if !cond {
                    self.jump(target);
                }
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.emit(op::TO_BOOL, 0);
        self.emit_jump(if cond { op::POP_JUMP_IF_TRUE } else { op::POP_JUMP_IF_FALSE }, target);
        Ok(())
    }

    /// The keyword-arguments dict of a call with `*` or `**`, as CPython 3.11 builds it:
    /// each run of named keywords is a BUILD_MAP, the first run or `**` starts the dict
    /// and every later one is merged into it with DICT_MERGE, which rejects repeats.
    fn keyword_dict(&mut self, keywords: &'a [ast::Keyword]) -> CResult<()> {
        let mut started = false;
        let mut run = 0;
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(Constant::Str(name.to_string()));
                    self.expr(&k.value)?;
                    run += 1;
                }
                None => {
                    if run > 0 || !started {
                        self.emit(op::BUILD_MAP, run);
                        if started {
                            self.emit(op::DICT_MERGE, 1);
                        }
                        started = true;
                        run = 0;
                    }
                    self.expr(&k.value)?;
                    self.emit(op::DICT_MERGE, 1);
                }
            }
        }
        if run > 0 {
            self.emit(op::BUILD_MAP, run);
            if started {
                self.emit(op::DICT_MERGE, 1);
            }
        }
        Ok(())
    }

    /// Pushes [callable, self_or_null] for a call.
    pub(crate) fn callee(&mut self, func: &'a Expr, method_form: bool) -> CResult<()> {
        match func {
            Expr::Attribute(a) if method_form => {
                self.expr(&a.value)?;
                let i = self.add_name(&a.attr);
                self.at(a.range, |c| c.emit(op::LOAD_ATTR, (i << 1) | 1));
            }
            Expr::Name(n) if self.resolve(&n.id) == Access::Global => {
                let i = self.add_name(&n.id);
                self.at(n.range, |c| c.emit(op::LOAD_GLOBAL, (i << 1) | 1));
            }
            _ => {
                self.expr(func)?;
                self.emit(op::PUSH_NULL, 0);
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult<()> {
        let args = &c.arguments;
        let double_star = args.keywords.iter().any(|k| k.arg.is_none());
        if double_star || args.args.iter().any(|a| a.is_starred_expr()) {
            self.callee(&c.func, false)?;
            if args.args.iter().any(|a| a.is_starred_expr()) {
                self.star_unpack(&args.args)?;
                self.emit(op::LIST_TO_TUPLE, 0);
            } else {
                for a in args.args.iter() {
                    self.expr(a)?;
                }
                self.emit(op::BUILD_TUPLE, args.args.len() as u32);
            }
            if args.keywords.is_empty() {
                self.emit(op::CALL_FUNCTION_EX, 0);
            } else {
                self.keyword_dict(&args.keywords)?;
                self.emit(op::CALL_FUNCTION_EX, 1);
            }
            return Ok(());
        }
        self.callee(&c.func, true)?;
        for a in args.args.iter() {
            self.expr(a)?;
        }
        for k in args.keywords.iter() {
            self.expr(&k.value)?;
        }
        let argc = (args.args.len() + args.keywords.len()) as u32;
        if args.keywords.is_empty() {
            self.emit(op::CALL, argc);
        } else {
            let names = args.keywords.iter().map(|k| Constant::Str(k.arg.as_ref().unwrap().to_string())).collect();
            self.load_const(Constant::Tuple(names));
            self.emit(op::CALL_KW, argc);
        }
        Ok(())
    }
}

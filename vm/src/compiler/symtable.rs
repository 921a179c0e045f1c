//! The symbol-table pass: which names each scope binds, which it declares `global`,
//! the syntax errors CPython's symtable and compiler report (misplaced `return`,
//! `break`, `continue`, `global` after use, duplicate parameters, ...), and the
//! detection of closures, which the compiler does not support yet.
//!
//! Scopes are the module, functions, lambdas, classes and comprehensions. List and
//! dict comprehensions are inlined into the code that contains them, so the names
//! they bind become hidden locals of that code and never need a closure.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Comprehension, ExceptHandler, Expr, ExprContext, Parameters, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::error::{CResult, CompileError};
use super::lines::LineIndex;

pub(crate) type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Function,
    Lambda,
    Class,
    Comprehension,
}

const USE: u8 = 1;
const ASSIGNED: u8 = 2;
const PARAM: u8 = 4;

pub(crate) struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub parent: Option<ScopeId>,
    /// Bound names in order of first binding (parameters first).
    bound: Vec<String>,
    /// Per-name flags (USE, ASSIGNED, PARAM) seen so far in source order.
    flags: HashMap<String, u8>,
    pub globals: HashSet<String>,
    /// Names read in this scope, with where.
    uses: Vec<(String, TextRange)>,
    /// Where the first `yield` of a function is.
    pub yield_at: Option<TextRange>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>) -> Self {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            bound: Vec::new(),
            flags: HashMap::new(),
            globals: HashSet::new(),
            uses: Vec::new(),
            yield_at: None,
        }
    }

    fn binds(&self, name: &str) -> bool {
        self.flags.get(name).is_some_and(|f| f & (ASSIGNED | PARAM) != 0)
    }

    /// Whether `name` is a local variable of this scope (bound and not global).
    pub(crate) fn is_local(&self, name: &str) -> bool {
        self.binds(name) && !self.globals.contains(name)
    }

    /// The scope's local variables in order of first binding, parameters first.
    pub(crate) fn locals(&self) -> impl Iterator<Item = &String> {
        self.bound.iter().filter(|n| !self.globals.contains(*n))
    }

    fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Lambda)
    }
}

pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_range: HashMap<(u32, u32), ScopeId>,
}

impl SymbolTable {
    /// The scope created by the function, lambda, class or comprehension node at `range`.
    pub(crate) fn scope_at(&self, range: TextRange) -> ScopeId {
        self.by_range[&(range.start().to_u32(), range.end().to_u32())]
    }

    pub(crate) fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id]
    }
}

/// Most nested expressions (not counting left-associative operator chains, which
/// are compiled iteratively): bounds the compiler's recursion.
const MAX_EXPR_NESTING: u32 = 200;
/// Most nested compound statements (CPython's limit on indentation levels).
const MAX_BLOCK_NESTING: u32 = 100;
/// Beyond this AST depth, dropping the tree recursively could overflow the stack.
pub(crate) const DEEP_AST: u32 = 2000;

/// Builds the symbol table. `ast_depth` receives (a bound on) the AST's depth, also
/// when an error is returned.
pub(crate) fn build(body: &[Stmt], lines: &LineIndex, ast_depth: &mut u32) -> CResult<SymbolTable> {
    let mut b = Builder {
        table: SymbolTable { scopes: vec![Scope::new(ScopeKind::Module, "<module>", None)], by_range: HashMap::new() },
        lines,
        cur: 0,
        loop_depth: 0,
        in_async: false,
        expr_depth: 0,
        block_depth: 0,
        ast_depth: 0,
    };
    let r = b.stmts(body).and_then(|_| b.check_closures());
    *ast_depth = b.ast_depth;
    r.map(|_| b.table)
}

struct Builder<'l, 's> {
    table: SymbolTable,
    lines: &'l LineIndex<'s>,
    cur: ScopeId,
    /// Loops enclosing the current statement within the current function or class body.
    loop_depth: u32,
    /// Whether the current function is `async def`.
    in_async: bool,
    expr_depth: u32,
    block_depth: u32,
    /// The deepest AST nesting seen (counting operator chains).
    ast_depth: u32,
}

impl Builder<'_, '_> {
    fn err(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError::syntax(msg, range, self.lines)
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.cur]
    }

    fn push_scope(&mut self, kind: ScopeKind, name: &str, range: TextRange) -> ScopeId {
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, name, Some(self.cur)));
        self.table.by_range.insert((range.start().to_u32(), range.end().to_u32()), id);
        self.cur = id;
        id
    }

    fn add_flag(&mut self, name: &str, flag: u8) {
        let scope = self.scope();
        let entry = scope.flags.entry(name.to_string()).or_insert(0);
        if flag & (ASSIGNED | PARAM) != 0 && *entry & (ASSIGNED | PARAM) == 0 {
            scope.bound.push(name.to_string());
        }
        *entry |= flag;
    }

    fn bind(&mut self, name: &str) {
        self.add_flag(name, ASSIGNED);
    }

    fn use_name(&mut self, name: &str, range: TextRange) {
        self.add_flag(name, USE);
        self.scope().uses.push((name.to_string(), range));
    }

    /// The innermost enclosing scope that is not a comprehension.
    fn unit_scope(&self) -> &Scope {
        let mut id = self.cur;
        while self.table.scopes[id].kind == ScopeKind::Comprehension {
            id = self.table.scopes[id].parent.unwrap();
        }
        &self.table.scopes[id]
    }

    fn stmts(&mut self, body: &[Stmt]) -> CResult<()> {
        self.block_depth += 1;
        if self.block_depth > MAX_BLOCK_NESTING + 1 {
            self.ast_depth = DEEP_AST + 1;
            let range = body.first().map_or(TextRange::default(), |s| s.range());
            return Err(self.err("too many levels of indentation", range));
        }
        let r = body.iter().try_for_each(|s| self.stmt(s));
        self.block_depth -= 1;
        r
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.defaults(&f.parameters)?;
                self.bind(&f.name);
                let (saved_cur, saved_loop, saved_async) = (self.cur, self.loop_depth, self.in_async);
                self.push_scope(ScopeKind::Function, &f.name, f.range);
                self.loop_depth = 0;
                self.in_async = f.is_async;
                self.params(&f.parameters)?;
                self.stmts(&f.body)?;
                (self.cur, self.loop_depth, self.in_async) = (saved_cur, saved_loop, saved_async);
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.bind(&c.name);
                let (saved_cur, saved_loop, saved_async) = (self.cur, self.loop_depth, self.in_async);
                self.push_scope(ScopeKind::Class, &c.name, c.range);
                self.loop_depth = 0;
                self.in_async = false;
                self.stmts(&c.body)?;
                (self.cur, self.loop_depth, self.in_async) = (saved_cur, saved_loop, saved_async);
            }
            Stmt::Return(r) => {
                if !self.unit_scope().is_function_like() {
                    return Err(self.err("'return' outside function", r.range));
                }
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t)?;
                }
            }
            Stmt::Assign(a) => {
                for t in &a.targets {
                    self.target(t)?;
                }
                self.expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    self.use_name(&n.id, n.range);
                }
                self.target(&a.target)?;
                self.expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    if self.scope().globals.contains(n.id.as_str()) && a.simple {
                        return Err(self.err(format!("annotated name '{}' can't be global", n.id), n.range));
                    }
                }
                self.target(&a.target)?;
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            Stmt::For(f) => {
                self.target(&f.target)?;
                self.expr(&f.iter)?;
                self.loop_depth += 1;
                self.stmts(&f.body)?;
                self.loop_depth -= 1;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.loop_depth += 1;
                self.stmts(&w.body)?;
                self.loop_depth -= 1;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for clause in &i.elif_else_clauses {
                    if let Some(t) = &clause.test {
                        self.expr(t)?;
                    }
                    self.stmts(&clause.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Match(_) | Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {}
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                let n = t.handlers.len();
                for (i, h) in t.handlers.iter().enumerate() {
                    let ExceptHandler::ExceptHandler(h) = h;
                    match &h.type_ {
                        Some(ty) => self.expr(ty)?,
                        None if i + 1 < n => {
                            return Err(self.err("default 'except:' must be last", h.range));
                        }
                        None => {}
                    }
                    if let Some(name) = &h.name {
                        self.bind(name);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    match &alias.asname {
                        Some(asname) => self.bind(asname),
                        None => {
                            let first = alias.name.split('.').next().unwrap_or("").to_string();
                            self.bind(&first);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    if alias.name.as_str() == "*" {
                        if self.unit_scope().kind != ScopeKind::Module {
                            return Err(self.err("import * only allowed at module level", i.range));
                        }
                        continue;
                    }
                    let name = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.bind(name);
                }
            }
            Stmt::Global(g) => {
                for name in &g.names {
                    let flags = self.scope().flags.get(name.as_str()).copied().unwrap_or(0);
                    let msg = if flags & PARAM != 0 {
                        Some("is parameter and global")
                    } else if flags & USE != 0 {
                        Some("is used prior to global declaration")
                    } else if flags & ASSIGNED != 0 {
                        Some("is assigned to before global declaration")
                    } else {
                        None
                    };
                    if let Some(msg) = msg {
                        return Err(self.err(format!("name '{}' {msg}", name.id), g.range));
                    }
                    self.scope().globals.insert(name.to_string());
                }
            }
            Stmt::Nonlocal(n) => {
                if self.unit_scope().kind == ScopeKind::Module {
                    return Err(self.err("nonlocal declaration not allowed at module level", n.range));
                }
                return Err(CompileError::unsupported(
                    "'nonlocal' statements are not supported yet",
                    n.range,
                    self.lines,
                ));
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) => {}
            Stmt::Break(b) => {
                if self.loop_depth == 0 {
                    return Err(self.err("'break' outside loop", b.range));
                }
            }
            Stmt::Continue(c) => {
                if self.loop_depth == 0 {
                    return Err(self.err("'continue' not properly in loop", c.range));
                }
            }
        }
        Ok(())
    }

    /// Parameter defaults are evaluated in the enclosing scope.
    fn defaults(&mut self, params: &Parameters) -> CResult<()> {
        for p in params.iter_non_variadic_params() {
            if let Some(d) = &p.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, params: &Parameters) -> CResult<()> {
        let names = params
            .posonlyargs
            .iter()
            .chain(&params.args)
            .map(|p| &p.parameter)
            .chain(params.vararg.as_deref())
            .chain(params.kwonlyargs.iter().map(|p| &p.parameter))
            .chain(params.kwarg.as_deref());
        for p in names {
            let name = p.name.as_str();
            if self.scope().flags.contains_key(name) {
                return Err(self.err(format!("duplicate argument '{name}' in function definition"), p.range));
            }
            self.add_flag(name, PARAM);
        }
        Ok(())
    }

    /// An assignment (or `del`) target.
    fn target(&mut self, t: &Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return Err(self.err("cannot assign to __debug__", n.range));
                }
                self.bind(&n.id);
                Ok(())
            }
            Expr::Starred(s) => self.target(&s.value),
            Expr::Tuple(tu) => tu.elts.iter().try_for_each(|e| self.target(e)),
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.target(e)),
            other => self.expr(other),
        }
    }

    fn comprehension(
        &mut self,
        name: &str,
        range: TextRange,
        generators: &[Comprehension],
        elts: &[&Expr],
    ) -> CResult<()> {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&generators[0].iter)?;
        let saved = self.cur;
        self.push_scope(ScopeKind::Comprehension, name, range);
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.cur = saved;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> CResult<()> {
        self.expr_depth += 1;
        self.ast_depth = self.ast_depth.max(self.expr_depth + self.block_depth);
        if self.expr_depth > MAX_EXPR_NESTING {
            self.ast_depth = DEEP_AST + 1;
            return Err(self.err("too many nested expressions", e.range()));
        }
        let r = self.expr_inner(e);
        self.expr_depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult<()> {
        match e {
            Expr::Name(n) => match n.ctx {
                ExprContext::Load => self.use_name(&n.id, n.range),
                _ => self.bind(&n.id),
            },
            Expr::BoolOp(b) => b.values.iter().try_for_each(|v| self.expr(v))?,
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.target(&n.target)?;
            }
            Expr::BinOp(_) => {
                // Walk left-associative chains iteratively.
                let mut rights = Vec::new();
                let mut base = e;
                while let Expr::BinOp(b) = base {
                    rights.push(&*b.right);
                    base = &b.left;
                }
                let depth = self.expr_depth + self.block_depth + rights.len() as u32;
                self.ast_depth = self.ast_depth.max(depth);
                self.expr(base)?;
                for r in rights.iter().rev() {
                    self.expr(r)?;
                }
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.defaults(p)?;
                }
                let (saved_cur, saved_loop, saved_async) = (self.cur, self.loop_depth, self.in_async);
                self.push_scope(ScopeKind::Lambda, "<lambda>", l.range);
                self.loop_depth = 0;
                self.in_async = false;
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                (self.cur, self.loop_depth, self.in_async) = (saved_cur, saved_loop, saved_async);
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k)?;
                    }
                    self.expr(&item.value)?;
                }
            }
            Expr::Set(s) => s.elts.iter().try_for_each(|v| self.expr(v))?,
            Expr::ListComp(c) => self.comprehension("<listcomp>", c.range, &c.generators, &[&c.elt])?,
            Expr::SetComp(c) => self.comprehension("<setcomp>", c.range, &c.generators, &[&c.elt])?,
            Expr::Generator(c) => self.comprehension("<genexpr>", c.range, &c.generators, &[&c.elt])?,
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = Vec::new();
                if let Some(k) = &c.key {
                    elts.push(k);
                }
                elts.push(&c.value);
                self.comprehension("<dictcomp>", c.range, &c.generators, &elts)?
            }
            Expr::Await(a) => {
                if !self.in_async {
                    let msg = if self.unit_scope().is_function_like() {
                        "'await' outside async function"
                    } else {
                        "'await' outside function"
                    };
                    return Err(self.err(msg, a.range));
                }
                self.expr(&a.value)?;
            }
            Expr::Yield(_) | Expr::YieldFrom(_) => {
                let range = e.range();
                let kind = self.scope().kind;
                match kind {
                    ScopeKind::Function | ScopeKind::Lambda => {
                        let scope = self.scope();
                        scope.yield_at.get_or_insert(range);
                    }
                    ScopeKind::Comprehension => {
                        let name = self.scope().name.trim_matches(['<', '>']).to_string();
                        let what = match name.as_str() {
                            "listcomp" => "list comprehension",
                            "setcomp" => "set comprehension",
                            "dictcomp" => "dict comprehension",
                            _ => "generator expression",
                        };
                        return Err(self.err(format!("'yield' inside {what}"), range));
                    }
                    _ => return Err(self.err("'yield' outside function", range)),
                }
                match e {
                    Expr::Yield(y) => {
                        if let Some(v) = &y.value {
                            self.expr(v)?;
                        }
                    }
                    Expr::YieldFrom(y) => {
                        if self.in_async {
                            return Err(self.err("'yield from' inside async function", range));
                        }
                        self.expr(&y.value)?
                    }
                    _ => unreachable!(),
                }
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                c.comparators.iter().try_for_each(|v| self.expr(v))?;
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                c.arguments.args.iter().try_for_each(|v| self.expr(v))?;
                let mut seen: HashSet<&str> = HashSet::new();
                for k in c.arguments.keywords.iter() {
                    if let Some(arg) = &k.arg {
                        if !seen.insert(arg.as_str()) {
                            return Err(self.err(format!("keyword argument repeated: {}", arg.id), k.range));
                        }
                    }
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements)?;
                    }
                }
            }
            Expr::TString(_) => {}
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::List(l) => l.elts.iter().try_for_each(|v| self.expr(v))?,
            Expr::Tuple(t) => t.elts.iter().try_for_each(|v| self.expr(v))?,
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
        }
        Ok(())
    }

    fn fstring_elements(&mut self, elements: &ast::InterpolatedStringElements) -> CResult<()> {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression)?;
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements)?;
                }
            }
        }
        Ok(())
    }

    /// Reports the first (in source order) read of a name that would need a closure.
    fn check_closures(&self) -> CResult<()> {
        let mut first: Option<(TextRange, String)> = None;
        for (id, scope) in self.table.scopes.iter().enumerate() {
            for (name, range) in &scope.uses {
                if let Some(msg) = self.closure_use(id, name) {
                    if first.as_ref().is_none_or(|(r, _)| range.start() < r.start()) {
                        first = Some((*range, msg));
                    }
                }
            }
        }
        match first {
            Some((range, msg)) => Err(CompileError::unsupported(msg, range, self.lines)),
            None => Ok(()),
        }
    }

    /// If reading `name` in scope `id` needs a closure, the error message.
    fn closure_use(&self, id: ScopeId, name: &str) -> Option<String> {
        let scopes = &self.table.scopes;
        // Comprehensions are inlined: their names and those of the code they are
        // inlined into are plain locals.
        let mut unit = id;
        while scopes[unit].kind == ScopeKind::Comprehension {
            if scopes[unit].is_local(name) {
                return None;
            }
            unit = scopes[unit].parent.unwrap();
        }
        let user = &scopes[unit];
        if user.globals.contains(name) {
            return None;
        }
        match user.kind {
            ScopeKind::Module => return None,
            ScopeKind::Function | ScopeKind::Lambda => {
                if user.is_local(name) {
                    return None;
                }
            }
            ScopeKind::Class => {
                // The class body itself sees its own names; comprehensions in it don't.
                if unit == id && user.is_local(name) {
                    return None;
                }
            }
            ScopeKind::Comprehension => unreachable!(),
        }
        let mut anc = user.parent;
        while let Some(a) = anc {
            let scope = &scopes[a];
            match scope.kind {
                ScopeKind::Module => return None,
                ScopeKind::Class => {}
                ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension => {
                    if scope.globals.contains(name) {
                        return None;
                    }
                    if scope.is_local(name) {
                        let kind = if user.kind == ScopeKind::Class { "class" } else { "function" };
                        return Some(format!(
                            "closures are not supported yet ({kind} '{}' uses '{name}' from '{}')",
                            user.name, scope.name
                        ));
                    }
                }
            }
            anc = scope.parent;
        }
        None
    }
}

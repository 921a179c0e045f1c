//! The symbol-table pass, as CPython's symtable.c: a first walk records, per scope, the
//! flags of every name (assigned, parameter, used, `global`, `nonlocal`, annotated);
//! then `analyze` decides each name's scope (LOCAL, CELL, FREE, GLOBAL_EXPLICIT,
//! GLOBAL_IMPLICIT), passing free names up through intermediate scopes. It reports the
//! syntax errors CPython's symtable gives (`nonlocal` and `global` misuse, duplicate
//! parameters, ...) and, after those, the ones CPython's compiler gives (misplaced
//! `return`, `break`, `continue`, `await`, `yield`).
//!
//! Scopes are the module, functions, lambdas, classes and comprehensions. Names bound
//! in a class body are not visible to nested scopes; a function nested in a class sees
//! an implicit `__class__` (used by `super`), which makes the class body keep a
//! `__class__` cell. List and dict comprehensions are inlined into the code that
//! contains them (as CPython 3.12's PEP 709 does): their names become hidden locals of
//! that code, a free name they use that the enclosing function binds is a plain local
//! there (not a cell) unless a scope nested in the comprehension captures it, and the
//! free names they use pass to the enclosing code.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::{self as ast, Comprehension, ExceptHandler, Expr, ExprContext, Parameters, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::error::{CResult, CompileError};
use super::lines::LineIndex;
use super::mangle::mangle;

pub(crate) type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Function,
    Lambda,
    Class,
    Comprehension,
}

const USE: u16 = 1;
const ASSIGNED: u16 = 2;
const PARAM: u16 = 4;
const DEF_GLOBAL: u16 = 8;
const DEF_NONLOCAL: u16 = 16;
const ANNOTATED: u16 = 32;
/// A class binds the name and a nested function uses the enclosing function's variable
/// of that name: the class code passes it on as a free variable too.
const DEF_FREE_CLASS: u16 = 64;
const BOUND: u16 = ASSIGNED | PARAM;

/// Where a name lives, as decided by the analysis (CPython's scope values).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SymScope {
    Local,
    /// A local that nested code captures: it lives in a cell.
    Cell,
    /// A variable of an enclosing function, reached through the closure.
    Free,
    GlobalExplicit,
    GlobalImplicit,
}

pub(crate) struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub parent: Option<ScopeId>,
    /// Bound names in order of first binding (parameters first).
    bound: Vec<String>,
    /// Per-name flags (USE, ASSIGNED, PARAM, ...) seen so far in source order.
    flags: HashMap<String, u16>,
    /// Names in order of first mention (the order the analysis visits them in).
    order: Vec<String>,
    pub globals: HashSet<String>,
    /// Where each `global` and `nonlocal` statement naming a name is, first first.
    directives: Vec<(String, TextRange)>,
    /// Each name's scope, filled by the analysis.
    scopes: HashMap<String, SymScope>,
    pub children: Vec<ScopeId>,
    /// A comprehension compiled inline into the enclosing code (list and dict ones).
    pub inlined: bool,
    /// A class body whose methods use `__class__` (or `super`): it makes the cell.
    pub needs_class_closure: bool,
    /// Where the first `yield` of a function is.
    pub yield_at: Option<TextRange>,
    /// A generator expression with an `async for` or an `await` of its own: it makes an
    /// async generator (allowed in any function, as in CPython 3.11).
    pub async_genexpr: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>) -> Self {
        Scope {
            kind,
            name: name.to_string(),
            parent,
            bound: Vec::new(),
            flags: HashMap::new(),
            order: Vec::new(),
            globals: HashSet::new(),
            directives: Vec::new(),
            scopes: HashMap::new(),
            children: Vec::new(),
            inlined: false,
            needs_class_closure: false,
            yield_at: None,
            async_genexpr: false,
        }
    }

    /// The scope the analysis gave `name` here (None for a name the scope never sees).
    pub(crate) fn scope_of(&self, name: &str) -> Option<SymScope> {
        self.scopes.get(name).copied()
    }

    /// The scope's plain local variables in order of first binding, parameters first.
    pub(crate) fn locals(&self) -> impl Iterator<Item = &String> {
        self.bound.iter().filter(|n| self.scope_of(n) == Some(SymScope::Local))
    }

    /// The cell variables (`co_cellvars`), sorted as CPython sorts them; a class body
    /// that needs it has the implicit `__class__` cell.
    pub(crate) fn cellvars(&self) -> Vec<String> {
        if self.kind == ScopeKind::Class {
            return if self.needs_class_closure { vec!["__class__".to_string()] } else { Vec::new() };
        }
        let mut cells: Vec<String> =
            self.scopes.iter().filter(|(_, s)| **s == SymScope::Cell).map(|(n, _)| n.clone()).collect();
        cells.sort();
        cells
    }

    /// The free variables (`co_freevars`), sorted: the names whose scope is FREE, and
    /// in a class body the names it binds that nested functions take from an
    /// enclosing function.
    pub(crate) fn freevars(&self) -> Vec<String> {
        let mut free: Vec<String> = self
            .scopes
            .iter()
            .filter(|(n, s)| **s == SymScope::Free || self.flags.get(*n).is_some_and(|f| f & DEF_FREE_CLASS != 0))
            .map(|(n, _)| n.clone())
            .collect();
        free.sort();
        free
    }

    /// Function-like in CPython's sense (its locals are fast locals, `super` in it uses
    /// `__class__`): functions, lambdas and comprehensions.
    fn is_function_block(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
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
        compiler_error: None,
        iterable_scopes: Vec::new(),
    };
    let r = b.stmts(body).and_then(|_| b.analyze());
    *ast_depth = b.ast_depth;
    r?;
    // The errors CPython's compiler (not its symtable) reports come after the symtable's.
    match b.compiler_error {
        Some(e) => Err(e),
        None => Ok(b.table),
    }
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
    /// The first error of those CPython's compiler reports (after the symtable's).
    compiler_error: Option<CompileError>,
    /// The scopes in which a comprehension's iterable is being visited (innermost last):
    /// `:=` may not appear there.
    iterable_scopes: Vec<ScopeId>,
}

impl Builder<'_, '_> {
    fn err(&self, msg: impl Into<String>, range: TextRange) -> CompileError {
        CompileError::syntax(msg, range, self.lines)
    }

    /// Records an error CPython reports in its compiler, after the symtable's errors.
    fn compiler_error(&mut self, msg: impl Into<String>, range: TextRange) {
        if self.compiler_error.is_none() {
            self.compiler_error = Some(self.err(msg, range));
        }
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.cur]
    }

    fn push_scope(&mut self, kind: ScopeKind, name: &str, range: TextRange) -> ScopeId {
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, name, Some(self.cur)));
        self.table.scopes[self.cur].children.push(id);
        self.table.by_range.insert((range.start().to_u32(), range.end().to_u32()), id);
        self.cur = id;
        id
    }

    fn add_flag(&mut self, name: &str, flag: u16) {
        let scope = self.scope();
        if !scope.flags.contains_key(name) {
            scope.order.push(name.to_string());
        }
        let entry = scope.flags.entry(name.to_string()).or_insert(0);
        if flag & (ASSIGNED | PARAM) != 0 && *entry & (ASSIGNED | PARAM) == 0 {
            scope.bound.push(name.to_string());
        }
        *entry |= flag;
    }

    fn bind(&mut self, name: &str) {
        self.add_flag(name, ASSIGNED);
    }

    fn use_name(&mut self, name: &str) {
        self.add_flag(name, USE);
        // `super` counts as a use of `__class__` (zero-argument super() reads it).
        if name == "super" && self.table.scopes[self.cur].is_function_block() {
            self.add_flag("__class__", USE);
        }
    }

    /// The name a `def` or `class` statement named `name` binds here: mangled inside a
    /// class (see `mangle`).
    fn stored_name(&self, name: &str) -> String {
        let mut id = Some(self.cur);
        while let Some(i) = id {
            let scope = &self.table.scopes[i];
            if scope.kind == ScopeKind::Class {
                return mangle(Some(&scope.name), name).unwrap_or_else(|| name.to_string());
            }
            id = scope.parent;
        }
        name.to_string()
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
                self.parameter_annotations(&f.parameters)?;
                if let Some(returns) = &f.returns {
                    self.expr(returns)?;
                }
                self.bind(&self.stored_name(&f.name));
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
                self.bind(&self.stored_name(&c.name));
                let (saved_cur, saved_loop, saved_async) = (self.cur, self.loop_depth, self.in_async);
                self.push_scope(ScopeKind::Class, &c.name, c.range);
                self.loop_depth = 0;
                self.in_async = false;
                self.stmts(&c.body)?;
                (self.cur, self.loop_depth, self.in_async) = (saved_cur, saved_loop, saved_async);
            }
            Stmt::Return(r) => {
                if !self.unit_scope().is_function_like() {
                    self.compiler_error("'return' outside function", r.range);
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
                self.target(&a.target)?;
                self.expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = &*a.target {
                    let flags = self.scope().flags.get(n.id.as_str()).copied().unwrap_or(0);
                    if flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur != 0 && a.simple {
                        let what = if flags & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(self.err(format!("annotated name '{}' can't be {what}", n.id), a.range));
                    }
                    if a.simple {
                        self.add_flag(&n.id, ANNOTATED);
                    }
                }
                self.target(&a.target)?;
                self.expr(&a.annotation)?;
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
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    if let Some(guard) = &case.guard {
                        self.expr(guard)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            Stmt::TypeAlias(_) | Stmt::IpyEscapeCommand(_) => {}
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
                        None if i + 1 < n => self.compiler_error("default 'except:' must be last", h.range),
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
                    self.directive(name, g.range, "global")?;
                    self.add_flag(name, DEF_GLOBAL);
                    self.scope().globals.insert(name.to_string());
                }
            }
            Stmt::Nonlocal(n) => {
                for name in &n.names {
                    self.directive(name, n.range, "nonlocal")?;
                    self.add_flag(name, DEF_NONLOCAL);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) => {}
            Stmt::Break(b) => {
                if self.loop_depth == 0 {
                    self.compiler_error("'break' outside loop", b.range);
                }
            }
            Stmt::Continue(c) => {
                if self.loop_depth == 0 {
                    self.compiler_error("'continue' not properly in loop", c.range);
                }
            }
        }
        Ok(())
    }

    /// A `global` or `nonlocal` statement naming `name` (`what`): refused after the name
    /// was a parameter, used, annotated or assigned in this scope.
    /// A `case` pattern: its value, class and key expressions, and the names it captures.
    fn pattern(&mut self, p: &ast::Pattern) -> CResult<()> {
        use ast::Pattern;
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.pattern(p))?,
            Pattern::MatchMapping(m) => {
                m.keys.iter().try_for_each(|k| self.expr(k))?;
                m.patterns.iter().try_for_each(|p| self.pattern(p))?;
                if let Some(rest) = &m.rest {
                    self.bind(rest);
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                c.arguments.patterns.iter().try_for_each(|p| self.pattern(p))?;
                c.arguments.keywords.iter().try_for_each(|k| self.pattern(&k.pattern))?;
            }
            Pattern::MatchStar(s) => {
                if let Some(name) = &s.name {
                    self.bind(name);
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(inner) = &a.pattern {
                    self.pattern(inner)?;
                }
                if let Some(name) = &a.name {
                    self.bind(name);
                }
            }
            Pattern::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.pattern(p))?,
        }
        Ok(())
    }

    fn directive(&mut self, name: &str, range: TextRange, what: &str) -> CResult<()> {
        let flags = self.scope().flags.get(name).copied().unwrap_or(0);
        let msg = if flags & PARAM != 0 {
            Some(format!("name '{name}' is parameter and {what}"))
        } else if flags & USE != 0 {
            Some(format!("name '{name}' is used prior to {what} declaration"))
        } else if flags & ANNOTATED != 0 {
            Some(format!("annotated name '{name}' can't be {what}"))
        } else if flags & ASSIGNED != 0 {
            Some(format!("name '{name}' is assigned to before {what} declaration"))
        } else {
            None
        };
        if let Some(msg) = msg {
            return Err(self.err(msg, range));
        }
        self.scope().directives.push((name.to_string(), range));
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

    /// A def's annotations are evaluated in the enclosing scope too.
    fn parameter_annotations(&mut self, params: &Parameters) -> CResult<()> {
        let parameters = params
            .args
            .iter()
            .chain(&params.posonlyargs)
            .map(|p| &p.parameter)
            .chain(params.vararg.as_deref())
            .chain(params.kwonlyargs.iter().map(|p| &p.parameter))
            .chain(params.kwarg.as_deref());
        for p in parameters {
            if let Some(annotation) = &p.annotation {
                self.expr(annotation)?;
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
        self.comprehension_iterable(&generators[0].iter)?;
        let saved = self.cur;
        let id = self.push_scope(ScopeKind::Comprehension, name, range);
        // Inlined into the enclosing code by the compiler (comprehension.rs).
        self.table.scopes[id].inlined = matches!(name, "<listcomp>" | "<dictcomp>" | "<setcomp>");
        self.table.scopes[id].async_genexpr = name == "<genexpr>" && generators.iter().any(|g| g.is_async);
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.comprehension_iterable(&g.iter)?;
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

    fn comprehension_iterable(&mut self, e: &Expr) -> CResult<()> {
        self.iterable_scopes.push(self.cur);
        let r = self.expr(e);
        self.iterable_scopes.pop();
        r
    }

    /// `target := value`. Inside a comprehension the target binds in the innermost
    /// enclosing function or module (each comprehension between refers to it as a free
    /// name), with CPython's errors for class bodies, iteration variables and iterables.
    fn named_expr(&mut self, n: &ast::ExprNamed) -> CResult<()> {
        if self.iterable_scopes.last() == Some(&self.cur) {
            return Err(
                self.err("assignment expression cannot be used in a comprehension iterable expression", n.range)
            );
        }
        self.expr(&n.value)?;
        let Expr::Name(target) = &*n.target else { return self.target(&n.target) };
        let name = target.id.as_str();
        if self.scope().kind != ScopeKind::Comprehension {
            return self.target(&n.target);
        }
        let mut chain = Vec::new();
        let mut id = self.cur;
        while self.table.scopes[id].kind == ScopeKind::Comprehension {
            if self.table.scopes[id].flags.get(name).is_some_and(|f| f & ASSIGNED != 0) {
                return Err(self.err(
                    format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                    target.range,
                ));
            }
            chain.push(id);
            id = self.table.scopes[id].parent.expect("a comprehension has a parent");
        }
        if self.table.scopes[id].kind == ScopeKind::Class {
            return Err(
                self.err("assignment expression within a comprehension cannot be used in a class body", target.range)
            );
        }
        let saved = self.cur;
        for scope in chain {
            self.cur = scope;
            self.add_flag(name, USE);
        }
        self.cur = id;
        self.bind(name);
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
                ExprContext::Load => self.use_name(&n.id),
                _ => self.bind(&n.id),
            },
            Expr::BoolOp(b) => b.values.iter().try_for_each(|v| self.expr(v))?,
            Expr::Named(n) => self.named_expr(n)?,
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
                let genexpr = self.scope().kind == ScopeKind::Comprehension && self.scope().name == "<genexpr>";
                if genexpr {
                    // An `await` in a generator expression makes it an async generator.
                    self.scope().async_genexpr = true;
                } else if !self.in_async {
                    let msg = if self.unit_scope().is_function_like() {
                        "'await' outside async function"
                    } else {
                        "'await' outside function"
                    };
                    self.compiler_error(msg, a.range);
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
                    _ => self.compiler_error("'yield' outside function", range),
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

    // ------------------------------------------------------------------ analysis

    /// Decides every name's scope (CPython's `symtable_analyze`).
    fn analyze(&mut self) -> CResult<()> {
        let mut free = HashSet::new();
        let mut global = HashSet::new();
        self.analyze_block(0, None, &mut free, &mut global)
    }

    /// Analyzes scope `id` given the names bound in enclosing functions (`bound`, None
    /// for the module) and the known globals; adds the scope's free names to `free`.
    fn analyze_block(
        &mut self,
        id: ScopeId,
        mut bound: Option<HashSet<String>>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> CResult<()> {
        let kind = self.table.scopes[id].kind;
        let mut scopes: HashMap<String, SymScope> = HashMap::new();
        let mut local = HashSet::new();
        let mut new_bound = HashSet::new();
        let mut new_global = HashSet::new();
        // A class's names are not visible to nested scopes: what they see is decided
        // before the class's own names are.
        if kind == ScopeKind::Class {
            new_global.extend(global.iter().cloned());
            if let Some(bound) = &bound {
                new_bound.extend(bound.iter().cloned());
            }
        }
        let names = self.table.scopes[id].order.clone();
        for name in &names {
            let flags = self.table.scopes[id].flags[name];
            let scope = self.analyze_name(id, name, flags, bound.as_mut(), &mut local, free, global)?;
            scopes.insert(name.clone(), scope);
        }
        if kind == ScopeKind::Class {
            new_bound.insert("__class__".to_string());
        } else {
            if self.table.scopes[id].is_function_block() {
                new_bound.extend(local.iter().cloned());
            }
            if let Some(bound) = &bound {
                new_bound.extend(bound.iter().cloned());
            }
            new_global.extend(global.iter().cloned());
        }
        let mut new_free = HashSet::new();
        for child in self.table.scopes[id].children.clone() {
            let mut child_free = HashSet::new();
            let mut child_global = new_global.clone();
            self.analyze_block(child, Some(new_bound.clone()), &mut child_free, &mut child_global)?;
            if self.table.scopes[child].inlined && kind != ScopeKind::Class {
                // A free name of an inlined comprehension that this scope binds is just
                // this code's variable, unless a scope nested in the comprehension
                // captures it.
                let scope = &self.table.scopes[id];
                child_free.retain(|name| {
                    let binds = scope.flags.get(name).is_some_and(|f| f & BOUND != 0);
                    !binds || self.captured_below(child, name)
                });
            }
            new_free.extend(child_free);
        }
        if self.table.scopes[id].is_function_block() {
            // Locals that nested scopes use become cells.
            for (name, scope) in scopes.iter_mut() {
                if *scope == SymScope::Local && new_free.remove(name) {
                    *scope = SymScope::Cell;
                }
            }
        } else if kind == ScopeKind::Class && new_free.remove("__class__") {
            self.table.scopes[id].needs_class_closure = true;
        }
        // Free names of nested scopes that pass through this one.
        let scope = &mut self.table.scopes[id];
        for name in &new_free {
            match scope.flags.get_mut(name) {
                Some(flags) => {
                    if kind == ScopeKind::Class && *flags & (BOUND | DEF_GLOBAL) != 0 {
                        *flags |= DEF_FREE_CLASS;
                    }
                }
                None => {
                    if bound.as_ref().is_some_and(|b| b.contains(name)) {
                        scopes.insert(name.clone(), SymScope::Free);
                    }
                }
            }
        }
        scope.scopes = scopes;
        free.extend(new_free);
        Ok(())
    }

    /// Whether a scope nested in the inlined comprehension `comp` (looking through
    /// comprehensions inlined in it) has `name` as a free variable.
    fn captured_below(&self, comp: ScopeId, name: &str) -> bool {
        self.table.scopes[comp].children.iter().any(|&child| {
            let scope = &self.table.scopes[child];
            if scope.inlined {
                self.captured_below(child, name)
            } else {
                scope.scope_of(name) == Some(SymScope::Free)
            }
        })
    }

    /// The scope of one name of scope `id` (CPython's `analyze_name`).
    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &self,
        id: ScopeId,
        name: &str,
        flags: u16,
        bound: Option<&mut HashSet<String>>,
        local: &mut HashSet<String>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> CResult<SymScope> {
        let directive_error = |msg: String| {
            let scope = &self.table.scopes[id];
            let range = scope.directives.iter().find(|(n, _)| n == name).map_or(TextRange::default(), |(_, r)| *r);
            Err(self.err(msg, range))
        };
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return directive_error(format!("name '{name}' is nonlocal and global"));
            }
            global.insert(name.to_string());
            if let Some(bound) = bound {
                bound.remove(name);
            }
            return Ok(SymScope::GlobalExplicit);
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(bound) = bound else {
                return directive_error("nonlocal declaration not allowed at module level".to_string());
            };
            if !bound.contains(name) {
                return directive_error(format!("no binding for nonlocal '{name}' found"));
            }
            free.insert(name.to_string());
            return Ok(SymScope::Free);
        }
        if flags & BOUND != 0 {
            local.insert(name.to_string());
            global.remove(name);
            return Ok(SymScope::Local);
        }
        if bound.is_some_and(|b| b.contains(name)) {
            free.insert(name.to_string());
            return Ok(SymScope::Free);
        }
        Ok(SymScope::GlobalImplicit)
    }
}

//! Private-name mangling, as CPython's `_Py_Mangle`: inside a class body, and in every
//! scope nested in it, an identifier `__spam` (two leading underscores, not ending in
//! two) stands for `_Class__spam`, where `Class` is the innermost enclosing class's name
//! without its leading underscores.
//!
//! [`mangle_module`] rewrites the AST before the symbol table sees it: variable names,
//! attribute names, parameters, `global`/`nonlocal` names, `except ... as` names, `case`
//! pattern captures and
//! the names imports bind. A class's bases, keywords and decorators are evaluated
//! outside its body and keep the enclosing private name. Two kinds of identifier are
//! left alone because their spelling is observable: the names of `def` and `class`
//! statements (their `__name__` and `__qualname__` stay as written; the symbol table and
//! the code generator mangle the name they bind with [`mangle`]), and keyword
//! arguments of calls (CPython does not mangle them either).

use std::cell::{Cell, RefCell};

use ruff_python_ast::visitor::transformer::{self, Transformer};
use ruff_python_ast::{ExceptHandler, Expr, Identifier, Parameter, Stmt};

/// Beyond this nesting the pass stops descending; the symbol table rejects such trees
/// ("too many nested expressions" / "too many levels of indentation") anyway.
const MAX_DEPTH: u32 = 1000;

/// `name` as spelled inside a class named `private`, or None when it is not mangled.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> Option<String> {
    let private = private?;
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return None;
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return None;
    }
    Some(format!("_{stripped}{name}"))
}

/// Mangles the private names of a module's body in place.
pub(crate) fn mangle_module(body: &mut [Stmt]) {
    let pass = Mangler { private: RefCell::new(None), depth: Cell::new(0) };
    transformer::walk_body(&pass, body);
}

struct Mangler {
    /// The innermost enclosing class's name.
    private: RefCell<Option<String>>,
    depth: Cell<u32>,
}

impl Mangler {
    fn rename(&self, id: &mut Identifier) {
        if let Some(m) = mangle(self.private.borrow().as_deref(), id.as_str()) {
            id.id = m.into();
        }
    }

    /// Runs `f` one level deeper, unless the tree is already too deep to walk.
    fn deeper(&self, f: impl FnOnce()) {
        let depth = self.depth.get();
        if depth >= MAX_DEPTH {
            return;
        }
        self.depth.set(depth + 1);
        f();
        self.depth.set(depth);
    }
}

impl Transformer for Mangler {
    fn visit_stmt(&self, stmt: &mut Stmt) {
        self.deeper(|| match stmt {
            Stmt::ClassDef(class) => {
                for d in class.decorator_list.iter_mut() {
                    self.visit_decorator(d);
                }
                if let Some(params) = class.type_params.as_deref_mut() {
                    self.visit_type_params(params);
                }
                if let Some(args) = class.arguments.as_deref_mut() {
                    self.visit_arguments(args);
                }
                let outer = self.private.replace(Some(class.name.to_string()));
                self.visit_body(&mut class.body);
                *self.private.borrow_mut() = outer;
            }
            Stmt::Global(g) => g.names.iter_mut().for_each(|n| self.rename(n)),
            Stmt::Nonlocal(n) => n.names.iter_mut().for_each(|n| self.rename(n)),
            Stmt::Import(i) => {
                for alias in i.names.iter_mut() {
                    match alias.asname.as_mut() {
                        Some(asname) => self.rename(asname),
                        None => {
                            // `import __m` binds `_C__m` to the module `__m`.
                            let mut bound = alias.name.clone();
                            self.rename(&mut bound);
                            if bound.id != alias.name.id {
                                alias.asname = Some(bound);
                            }
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in i.names.iter_mut().filter(|a| a.name.as_str() != "*") {
                    let mut bound = alias.asname.clone().unwrap_or_else(|| alias.name.clone());
                    self.rename(&mut bound);
                    if bound.id != alias.asname.as_ref().unwrap_or(&alias.name).id {
                        alias.asname = Some(bound);
                    }
                }
            }
            _ => transformer::walk_stmt(self, stmt),
        })
    }

    fn visit_expr(&self, expr: &mut Expr) {
        self.deeper(|| {
            match expr {
                Expr::Name(n) => {
                    if let Some(m) = mangle(self.private.borrow().as_deref(), n.id.as_str()) {
                        n.id = m.into();
                    }
                }
                Expr::Attribute(a) => self.rename(&mut a.attr),
                _ => {}
            }
            transformer::walk_expr(self, expr);
        })
    }

    fn visit_parameter(&self, parameter: &mut Parameter) {
        self.rename(&mut parameter.name);
        transformer::walk_parameter(self, parameter);
    }

    fn visit_pattern(&self, pattern: &mut ruff_python_ast::Pattern) {
        use ruff_python_ast::Pattern;
        match pattern {
            Pattern::MatchAs(a) => a.name.iter_mut().for_each(|n| self.rename(n)),
            Pattern::MatchStar(s) => s.name.iter_mut().for_each(|n| self.rename(n)),
            Pattern::MatchMapping(m) => m.rest.iter_mut().for_each(|n| self.rename(n)),
            _ => {}
        }
        self.deeper(|| transformer::walk_pattern(self, pattern));
    }

    fn visit_except_handler(&self, handler: &mut ExceptHandler) {
        let ExceptHandler::ExceptHandler(h) = handler;
        if let Some(name) = h.name.as_mut() {
            self.rename(name);
        }
        transformer::walk_except_handler(self, handler);
    }
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn mangles_as_cpython() {
        assert_eq!(mangle(Some("A"), "__x").as_deref(), Some("_A__x"));
        assert_eq!(mangle(Some("_A"), "__x").as_deref(), Some("_A__x"));
        assert_eq!(mangle(Some("__A_"), "__x").as_deref(), Some("_A___x"));
        assert_eq!(mangle(Some("___"), "__x"), None);
        assert_eq!(mangle(Some("A"), "__init__"), None);
        assert_eq!(mangle(Some("A"), "_x"), None);
        assert_eq!(mangle(Some("A"), "__a.b"), None);
        assert_eq!(mangle(None, "__x"), None);
    }
}

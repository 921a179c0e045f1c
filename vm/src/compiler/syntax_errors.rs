//! Parse errors from the ruff parser, reworded as CPython 3.11 words them where that
//! is cheap: unclosed and mismatched brackets (found by a small bracket scanner, as
//! CPython's tokenizer finds them), "expected ':'", invalid assignment targets,
//! indentation errors, unterminated strings.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
use ruff_python_ast::{Expr, ModModule, Number, Stmt};
use ruff_python_parser::{InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType};
use ruff_text_size::{Ranged, TextRange, TextSize};

use super::error::CompileError;
use super::lines::LineIndex;

/// CPython's name for an expression in "cannot assign to ..." messages.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::StringLiteral(_) | Expr::BytesLiteral(_) => "literal",
        Expr::NumberLiteral(n) => match n.value {
            Number::Int(_) | Number::Float(_) | Number::Complex { .. } => "literal",
        },
        Expr::BooleanLiteral(b) => {
            if b.value {
                "True"
            } else {
                "False"
            }
        }
        Expr::NoneLiteral(_) => "None",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Slice(_) => "slice",
        Expr::IpyEscapeCommand(_) => "expression",
    }
}

/// What a scan of the brackets (skipping strings and comments) finds.
struct BracketScan {
    /// The first unmatched or mismatched closing bracket: (offset, message).
    error: Option<(usize, String)>,
    /// The innermost bracket still open at the end: (offset, bracket).
    unclosed: Option<(usize, char)>,
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

fn scan_brackets(src: &str, lines: &LineIndex) -> BracketScan {
    let b = src.as_bytes();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut i = 0;
    let mut error = None;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                    i += 1;
                }
            }
            b'\\' => i += 2,
            b'\'' | b'"' => i = skip_string(b, i),
            b'(' | b'[' | b'{' => {
                stack.push((c, i));
                i += 1;
            }
            b')' | b']' | b'}' => {
                let open = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match stack.pop() {
                    None => {
                        error = Some((i, format!("unmatched '{}'", c as char)));
                        break;
                    }
                    Some((o, at)) if o != open => {
                        let (open_line, _) = lines.line_col(at);
                        let (close_line, _) = lines.line_col(i);
                        let mut msg = format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, o as char
                        );
                        if open_line != close_line {
                            msg.push_str(&format!(" on line {open_line}"));
                        }
                        error = Some((i, msg));
                        break;
                    }
                    Some(_) => i += 1,
                }
            }
            c if is_ident_byte(c) => {
                let start = i;
                while i < b.len() && is_ident_byte(b[i]) {
                    i += 1;
                }
                let word = src[start..i].to_ascii_lowercase();
                if i < b.len()
                    && (b[i] == b'\'' || b[i] == b'"')
                    && matches!(word.as_str(), "r" | "u" | "b" | "f" | "t" | "br" | "rb" | "fr" | "rf" | "tr" | "rt")
                {
                    i = skip_string(b, i);
                }
            }
            _ => i += 1,
        }
    }
    let unclosed = if error.is_none() { stack.last().map(|&(c, at)| (at, c as char)) } else { None };
    BracketScan { error, unclosed }
}

/// Skips a string literal starting at the quote at `i`; returns the offset after it
/// (or where an unterminated string stops).
fn skip_string(b: &[u8], mut i: usize) -> usize {
    let q = b[i];
    let triple = b.len() >= i + 3 && b[i + 1] == q && b[i + 2] == q;
    if triple {
        i += 3;
        while i < b.len() {
            if b[i] == b'\\' {
                i += 2;
            } else if b[i] == q && b.len() >= i + 3 && b[i + 1] == q && b[i + 2] == q {
                return i + 3;
            } else {
                i += 1;
            }
        }
        b.len()
    } else {
        i += 1;
        while i < b.len() {
            match b[i] {
                b'\\' => i += 2,
                b'\n' | b'\r' => return i,
                c if c == q => return i + 1,
                _ => i += 1,
            }
        }
        b.len()
    }
}

/// Finds the expression at an error's range, and whether it is the single target
/// of a plain assignment.
struct TargetFinder<'a> {
    range: TextRange,
    found: Option<&'a Expr>,
    single_assign_target: bool,
}

impl<'a> Visitor<'a> for TargetFinder<'a> {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if let Stmt::Assign(a) = stmt {
            if a.targets.len() == 1 && a.targets[0].range() == self.range {
                self.single_assign_target = true;
            }
        }
        walk_stmt(self, stmt);
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_none() && expr.range() == self.range {
            self.found = Some(expr);
        }
        walk_expr(self, expr);
    }
}

fn fstring_message(e: &InterpolatedStringErrorType) -> String {
    match e {
        InterpolatedStringErrorType::UnclosedLbrace => "f-string: expecting '}'".into(),
        InterpolatedStringErrorType::SingleRbrace => "f-string: single '}' is not allowed".into(),
        InterpolatedStringErrorType::InvalidConversionFlag => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'".into()
        }
        InterpolatedStringErrorType::LambdaWithoutParentheses => {
            "f-string: lambda expressions are not allowed without parentheses".into()
        }
        other => format!("f-string: {other}"),
    }
}

/// Converts the first parse error into a CompileError.
pub(crate) fn parse_error(err: &ParseError, module: &ModModule, lines: &LineIndex) -> CompileError {
    let src = lines.source();
    let scan = scan_brackets(src, lines);
    let at = err.location;
    let point = |offset: usize| TextRange::empty(TextSize::new(offset as u32));
    // A bracket error the tokenizer meets first wins.
    if let Some((offset, msg)) = &scan.error {
        if *offset <= at.start().to_usize() {
            return CompileError::syntax(msg.clone(), point(*offset), lines);
        }
    }
    let syntax = |msg: &str| CompileError::syntax(msg, at, lines);
    let indentation = syntax;
    let found_expr = || {
        let mut finder = TargetFinder { range: at, found: None, single_assign_target: false };
        for s in &module.body {
            finder.visit_stmt(s);
        }
        (finder.found, finder.single_assign_target)
    };
    let generic = "invalid syntax";
    let from_parser = !matches!(err.error, ParseErrorType::Lexical(_));
    let err = match &err.error {
        ParseErrorType::Lexical(lex) => match lex {
            LexicalErrorType::Eof => {
                if let Some((offset, c)) = scan.unclosed {
                    return CompileError::syntax(format!("'{c}' was never closed"), point(offset), lines);
                }
                syntax("unexpected EOF while parsing")
            }
            LexicalErrorType::IndentationError => indentation("unindent does not match any outer indentation level"),
            LexicalErrorType::UnclosedStringError => {
                let start = at.start().to_usize();
                let quote = src[start..].find(['\'', '"']).map_or(start, |q| start + q);
                let bytes = src.as_bytes();
                let triple =
                    bytes.len() >= quote + 3 && bytes[quote + 1] == bytes[quote] && bytes[quote + 2] == bytes[quote];
                if triple {
                    let last = lines.line_count().max(1) as u32;
                    let last = if src.ends_with('\n') && last > 1 { last - 1 } else { last };
                    syntax(&format!("unterminated triple-quoted string literal (detected at line {last})"))
                } else {
                    let (line, _) = lines.line_col(start);
                    syntax(&format!("unterminated string literal (detected at line {line})"))
                }
            }
            LexicalErrorType::UnrecognizedToken { tok } => {
                if tok.is_ascii() {
                    syntax(generic)
                } else {
                    syntax(&format!("invalid character '{tok}' (U+{:04X})", *tok as u32))
                }
            }
            LexicalErrorType::LineContinuationError => syntax("unexpected character after line continuation character"),
            LexicalErrorType::FStringError(e) => syntax(&fstring_message(e)),
            _ => syntax(generic),
        },
        ParseErrorType::UnexpectedIndentation => indentation("unexpected indent"),
        ParseErrorType::OtherError(msg) => {
            if let Some(what) = msg.strip_prefix("Expected an indented block after ") {
                // The line of the block's header: the last code before the error.
                let before = src[..at.start().to_usize()].trim_end();
                let header_line = lines.line_col(before.len().saturating_sub(1)).0;
                let what = what.replace('`', "'");
                indentation(&format!("expected an indented block after {what} on line {header_line}"))
            } else if msg.starts_with("Expected `except` or `finally`") {
                syntax("expected 'except' or 'finally' block")
            } else {
                syntax(generic)
            }
        }
        ParseErrorType::ExpectedToken { expected, found } => match expected {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace if scan.unclosed.is_some() => {
                let (offset, c) = scan.unclosed.unwrap();
                return CompileError::syntax(format!("'{c}' was never closed"), point(offset), lines);
            }
            TokenKind::Colon if *found == TokenKind::Newline => syntax("expected ':'"),
            TokenKind::Comma
                if matches!(
                    found,
                    TokenKind::Name | TokenKind::Int | TokenKind::Float | TokenKind::String | TokenKind::FStringStart
                ) =>
            {
                syntax("invalid syntax. Perhaps you forgot a comma?")
            }
            _ => syntax(generic),
        },
        ParseErrorType::InvalidAssignmentTarget => match found_expr() {
            (Some(e), true) if !matches!(e, Expr::Tuple(_) | Expr::List(_)) => {
                if matches!(e, Expr::BooleanLiteral(_) | Expr::NoneLiteral(_)) {
                    syntax(&format!("cannot assign to {}", expr_name(e)))
                } else {
                    syntax(&format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e)))
                }
            }
            (Some(e), _) => syntax(&format!("cannot assign to {}", expr_name(e))),
            (None, _) => syntax(generic),
        },
        ParseErrorType::InvalidAugmentedAssignmentTarget => match found_expr() {
            (Some(e), _) => syntax(&format!("'{}' is an illegal expression for augmented assignment", expr_name(e))),
            (None, _) => syntax(generic),
        },
        ParseErrorType::InvalidDeleteTarget => match found_expr() {
            (Some(e), _) => syntax(&format!("cannot delete {}", expr_name(e))),
            (None, _) => syntax(generic),
        },
        ParseErrorType::InvalidAnnotatedAssignmentTarget => syntax("illegal target for annotation"),
        ParseErrorType::InvalidNamedAssignmentTarget => match found_expr() {
            (Some(e), _) => syntax(&format!("cannot use assignment expressions with {}", expr_name(e))),
            (None, _) => syntax(generic),
        },
        ParseErrorType::NonDefaultParamAfterDefaultParam => syntax("non-default argument follows default argument"),
        ParseErrorType::PositionalAfterKeywordArgument => syntax("positional argument follows keyword argument"),
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            syntax("positional argument follows keyword argument unpacking")
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            syntax("iterable argument unpacking follows keyword argument unpacking")
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => syntax("Generator expression must be parenthesized"),
        ParseErrorType::InvalidStarredExpressionUsage => syntax("can't use starred expression here"),
        ParseErrorType::IterableUnpackingInComprehension => {
            syntax("iterable unpacking cannot be used in comprehension")
        }
        ParseErrorType::ParamAfterVarKeywordParam => syntax("arguments cannot follow var-keyword argument"),
        ParseErrorType::VarParameterWithDefault => syntax("var-positional argument cannot have default value"),
        ParseErrorType::ExpectedKeywordParam => syntax("named arguments must follow bare *"),
        ParseErrorType::FStringError(e) => syntax(&fstring_message(e)),
        _ => syntax(generic),
    };
    // Python 2 print/exec statements.
    if err.message == generic {
        let start = at.start().to_usize();
        let line_start = src[..start].rfind(['\n', '\r']).map_or(0, |p| p + 1);
        let before = &src[line_start..start];
        let word = before.trim();
        if (word == "print" || word == "exec") && before.ends_with(char::is_whitespace) {
            let offset = line_start + before.find(word).unwrap();
            return CompileError::syntax(
                format!("Missing parentheses in call to '{word}'. Did you mean {word}(...)?"),
                point(offset),
                lines,
            );
        }
    }
    // As CPython's full-source tokenization does after a parser error: a bracket
    // left open on an earlier line is the real problem.
    if from_parser {
        if let Some((offset, c)) = scan.unclosed {
            if lines.line_col(offset).0 < err.line {
                return CompileError::syntax(format!("'{c}' was never closed"), point(offset), lines);
            }
        }
    }
    err
}

//! Unit tests of the compiler: bytecode shapes, stack sizes, exception tables,
//! locations, EXTENDED_ARG, constant dedup, errors; and every test/benchmark program.

use crate::opcodes::{op, INSTRUCTIONS};

use super::code::{CompiledCode, Constant};
use super::disasm::arg_repr;
use super::{compile_module, disassemble, CompileError, CompileErrorKind};

/// Decoded instructions: (offset, opcode, full oparg).
fn decode(code: &CompiledCode) -> Vec<(usize, u8, u32)> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut ext = 0u32;
    while i < code.units.len() {
        let unit = code.units[i];
        let opcode = (unit & 0xff) as u8;
        let arg = (ext << 8) | (unit >> 8) as u32;
        if opcode == op::EXTENDED_ARG {
            ext = arg;
        } else {
            out.push((i, opcode, arg));
            ext = 0;
        }
        i += 1 + INSTRUCTIONS[opcode as usize].cache_units;
    }
    out
}

/// Checks structural invariants, recursively.
fn validate(code: &CompiledCode) {
    assert_eq!(code.units.len(), code.locations.len(), "one location per unit");
    let mut starts = std::collections::HashSet::new();
    let mut i = 0;
    while i < code.units.len() {
        let opcode = (code.units[i] & 0xff) as u8;
        let info = &INSTRUCTIONS[opcode as usize];
        assert!(!info.specialized, "specialized instruction {} emitted", info.name);
        assert_ne!(opcode, op::CACHE, "CACHE executed at {i}");
        starts.insert(i);
        for k in 0..info.cache_units {
            assert_eq!(code.units[i + 1 + k], 0, "cache units are zero");
        }
        i += 1 + info.cache_units;
    }
    assert_eq!(i, code.units.len());
    // COPY_FREE_VARS and the MAKE_CELLs come first; a generator, coroutine or async
    // generator function then makes its object (RETURN_GENERATOR, POP_TOP); then RESUME.
    let mut prologue = decode(code)
        .into_iter()
        .map(|(_, opcode, _)| opcode)
        .skip_while(|opcode| matches!(*opcode, op::COPY_FREE_VARS | op::MAKE_CELL))
        .peekable();
    if prologue.peek() == Some(&op::RETURN_GENERATOR) {
        prologue.next();
        assert_eq!(prologue.next(), Some(op::POP_TOP), "RETURN_GENERATOR, then POP_TOP");
    }
    assert_eq!(prologue.next(), Some(op::RESUME), "starts with RESUME");
    let slots = code.localsplus_names().len();
    for (off, opcode, arg) in decode(code) {
        let end = off + 1 + INSTRUCTIONS[opcode as usize].cache_units;
        let target = match opcode {
            op::JUMP_FORWARD
            | op::POP_JUMP_IF_FALSE
            | op::POP_JUMP_IF_TRUE
            | op::POP_JUMP_IF_NONE
            | op::POP_JUMP_IF_NOT_NONE
            | op::FOR_ITER => Some(end + arg as usize),
            op::JUMP_BACKWARD => Some(end - arg as usize),
            _ => None,
        };
        if let Some(t) = target {
            assert!(starts.contains(&t), "jump at {off} to {t} lands inside an instruction");
        }
        match opcode {
            op::LOAD_CONST => assert!((arg as usize) < code.constants.len()),
            op::LOAD_FAST | op::STORE_FAST | op::DELETE_FAST => {
                // A comprehension's cell is cleared with STORE_FAST before its MAKE_CELL.
                assert!((arg as usize) < code.varnames.len() || opcode == op::STORE_FAST && (arg as usize) < slots)
            }
            op::MAKE_CELL
            | op::LOAD_CLOSURE
            | op::LOAD_DEREF
            | op::STORE_DEREF
            | op::DELETE_DEREF
            | op::LOAD_CLASSDEREF => {
                assert!((arg as usize) < slots)
            }
            op::COPY_FREE_VARS => assert_eq!(arg as usize, code.freevars.len()),
            _ => {
                if let Some(i) = super::disasm::name_index(opcode, arg) {
                    assert!(i < code.names.len())
                }
            }
        }
    }
    for e in &code.exception_table {
        assert!(e.start < e.end && starts.contains(&(e.start as usize)));
        assert!(starts.contains(&(e.target as usize)));
        assert!(e.depth < code.stack_size);
    }
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            validate(inner);
        }
    }
}

fn compile(src: &str) -> CompiledCode {
    let code = compile_module(src, "<test>").unwrap_or_else(|e| panic!("{e:?}\n{src}"));
    validate(&code);
    code
}

fn error(src: &str) -> CompileError {
    match compile_module(src, "<test>") {
        Ok(code) => panic!("expected an error, got\n{}", disassemble(&code)),
        Err(e) => e,
    }
}

/// `NAME arg` lines (the argrepr when there is one), without offsets.
fn listing(code: &CompiledCode) -> Vec<String> {
    decode(code)
        .into_iter()
        .map(|(off, opcode, arg)| {
            let info = &INSTRUCTIONS[opcode as usize];
            let repr = arg_repr(code, opcode, arg, off + 1 + info.cache_units);
            if repr.is_empty() {
                format!("{} {arg}", info.name)
            } else {
                format!("{} {repr}", info.name)
            }
        })
        .collect()
}

fn func<'c>(code: &'c CompiledCode, name: &str) -> &'c CompiledCode {
    code.constants
        .iter()
        .find_map(|c| match c {
            Constant::Code(inner) if inner.name == name => Some(&**inner),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no code object {name}"))
}

fn lines(text: &str) -> Vec<String> {
    text.trim().lines().map(|l| l.trim().to_string()).collect()
}

#[track_caller]
fn assert_listing(code: &CompiledCode, expected: &str) {
    let got = listing(code);
    let want = lines(expected);
    assert_eq!(got, want, "\ngot:\n{}\n", got.join("\n"));
}

// ------------------------------------------------------------------ shapes

#[test]
fn module_assignments_use_globals() {
    let code = compile("x = 1\ny = x + 2\n");
    assert_listing(
        &code,
        "RESUME 0
         LOAD_CONST 1
         STORE_GLOBAL x
         LOAD_GLOBAL x
         LOAD_CONST 2
         BINARY_OP +
         STORE_GLOBAL y
         LOAD_CONST None
         RETURN_VALUE 0",
    );
    assert_eq!(code.stack_size, 2);
    assert_eq!(code.name, "<module>");
    assert_eq!(code.first_line, 1);
}

#[test]
fn function_locals_globals_and_defaults() {
    let code = compile("g = 1\ndef f(a, b=2, *rest, k, m=3):\n    c = a + g\n    return c\n");
    assert_listing(
        &code,
        "RESUME 0
         LOAD_CONST 1
         STORE_GLOBAL g
         LOAD_CONST (2,)
         LOAD_CONST 'm'
         LOAD_CONST 3
         BUILD_MAP 1
         LOAD_CONST <code object f, line 2>
         MAKE_FUNCTION 3
         STORE_GLOBAL f
         LOAD_CONST None
         RETURN_VALUE 0",
    );
    let f = func(&code, "f");
    assert_eq!(f.varnames, ["a", "b", "k", "m", "rest", "c"]);
    assert_eq!((f.arg_count, f.posonly_arg_count, f.kwonly_arg_count), (2, 0, 2));
    assert_eq!(f.flags, super::code_flags::FUNCTION | super::code_flags::VARARGS);
    assert_listing(
        f,
        "RESUME 0
         LOAD_FAST a
         LOAD_GLOBAL g
         BINARY_OP +
         STORE_FAST c
         LOAD_FAST c
         RETURN_VALUE 0",
    );
    assert_eq!(f.qualname, "f");
}

#[test]
fn calls_of_every_shape() {
    let code =
        compile("def f(o, h):\n    print(1)\n    o.m(2)\n    h(3)\n    g(1, k=2)\n    g(*o)\n    g(1, *o, 2, k=3)\n");
    assert_listing(
        func(&code, "f"),
        "RESUME 0
         LOAD_GLOBAL print + NULL
         LOAD_CONST 1
         CALL 1
         POP_TOP 0
         LOAD_FAST o
         LOAD_ATTR m + NULL|self
         LOAD_CONST 2
         CALL 1
         POP_TOP 0
         LOAD_FAST h
         PUSH_NULL 0
         LOAD_CONST 3
         CALL 1
         POP_TOP 0
         LOAD_GLOBAL g + NULL
         LOAD_CONST 1
         LOAD_CONST 2
         LOAD_CONST ('k',)
         CALL_KW 2
         POP_TOP 0
         LOAD_GLOBAL g + NULL
         BUILD_LIST 0
         LOAD_FAST o
         LIST_EXTEND 1
         LIST_TO_TUPLE 0
         CALL_FUNCTION_EX 0
         POP_TOP 0
         LOAD_GLOBAL g + NULL
         LOAD_CONST 1
         BUILD_LIST 1
         LOAD_FAST o
         LIST_EXTEND 1
         LOAD_CONST 2
         LIST_APPEND 1
         LIST_TO_TUPLE 0
         LOAD_CONST 'k'
         LOAD_CONST 3
         BUILD_MAP 1
         CALL_FUNCTION_EX 1
         POP_TOP 0
         LOAD_CONST None
         RETURN_VALUE 0",
    );
}

#[test]
fn for_loop_with_break_continue_else() {
    let code = compile("def f(xs):\n    for x in xs:\n        if x:\n            continue\n        if x is None:\n            break\n    else:\n        return 1\n    return 2\n");
    assert_listing(
        func(&code, "f"),
        "RESUME 0
         LOAD_FAST xs
         GET_ITER 0
         FOR_ITER to 23
         STORE_FAST x
         LOAD_FAST x
         TO_BOOL 0
         POP_JUMP_IF_FALSE to 16
         JUMP_BACKWARD to 3
         LOAD_FAST x
         POP_JUMP_IF_NOT_NONE to 21
         POP_TOP 0
         JUMP_FORWARD to 25
         JUMP_BACKWARD to 3
         LOAD_CONST 1
         RETURN_VALUE 0
         LOAD_CONST 2
         RETURN_VALUE 0",
    );
}

#[test]
fn while_loop_and_conditions() {
    let code = compile(
        "def f(n):\n    while n > 0 and not n == 5:\n        n -= 1\n    while True:\n        break\n    return n\n",
    );
    assert_listing(
        func(&code, "f"),
        "RESUME 0
         LOAD_FAST n
         LOAD_CONST 0
         COMPARE_OP bool(>)
         POP_JUMP_IF_FALSE to 20
         LOAD_FAST n
         LOAD_CONST 5
         COMPARE_OP bool(==)
         POP_JUMP_IF_TRUE to 20
         LOAD_FAST n
         LOAD_CONST 1
         BINARY_OP -=
         STORE_FAST n
         JUMP_BACKWARD to 1
         LOAD_FAST n
         RETURN_VALUE 0",
    );
}

#[test]
fn bool_ops_keep_values() {
    let code = compile("x = a and b or c\n");
    assert_listing(
        &code,
        "RESUME 0
         LOAD_GLOBAL a
         COPY 1
         TO_BOOL 0
         POP_JUMP_IF_FALSE to 21
         POP_TOP 0
         LOAD_GLOBAL b
         COPY 1
         TO_BOOL 0
         POP_JUMP_IF_TRUE to 34
         POP_TOP 0
         LOAD_GLOBAL c
         STORE_GLOBAL x
         LOAD_CONST None
         RETURN_VALUE 0",
    );
}

#[test]
fn chained_comparison_and_ifexp() {
    let code = compile("x = 1 < y <= 3\nz = 'a' if x else 'b'\n");
    assert_listing(
        &code,
        "RESUME 0
         LOAD_CONST 1
         LOAD_GLOBAL y
         SWAP 2
         COPY 2
         COMPARE_OP <
         COPY 1
         TO_BOOL 0
         POP_JUMP_IF_FALSE to 23
         POP_TOP 0
         LOAD_CONST 3
         COMPARE_OP <=
         JUMP_FORWARD to 25
         SWAP 2
         POP_TOP 0
         STORE_GLOBAL x
         LOAD_GLOBAL x
         TO_BOOL 0
         POP_JUMP_IF_FALSE to 39
         LOAD_CONST 'a'
         JUMP_FORWARD to 40
         LOAD_CONST 'b'
         STORE_GLOBAL z
         LOAD_CONST None
         RETURN_VALUE 0",
    );
}

#[test]
fn is_in_and_not() {
    let code = compile("a = x is not None\nb = x not in (1, 2)\nc = not x\nd = x in [1, 2, 3]\n");
    let l = listing(&code);
    assert!(l.contains(&"IS_OP is not".to_string()));
    assert!(l.contains(&"CONTAINS_OP not in".to_string()));
    assert!(l.contains(&"LOAD_CONST (1, 2)".to_string()));
    assert!(l.contains(&"LOAD_CONST (1, 2, 3)".to_string()));
    assert!(l.windows(2).any(|w| w == ["TO_BOOL 0", "UNARY_NOT 0"]));
}

#[test]
fn assignment_targets() {
    let code =
        compile("a = b = 1\nx, y = y, x\nfirst, *rest = s\no.attr = 1\nd[k] = 2\nl[1:2] = m\nl[::2] = m\n[p, q] = r\n");
    assert_listing(
        &code,
        "RESUME 0
         LOAD_CONST 1
         COPY 1
         STORE_GLOBAL a
         STORE_GLOBAL b
         LOAD_GLOBAL y
         LOAD_GLOBAL x
         SWAP 2
         STORE_GLOBAL x
         STORE_GLOBAL y
         LOAD_GLOBAL s
         UNPACK_EX 1
         STORE_GLOBAL first
         STORE_GLOBAL rest
         LOAD_CONST 1
         LOAD_GLOBAL o
         STORE_ATTR attr
         LOAD_CONST 2
         LOAD_GLOBAL d
         LOAD_GLOBAL k
         STORE_SUBSCR 0
         LOAD_GLOBAL m
         LOAD_GLOBAL l
         LOAD_CONST 1
         LOAD_CONST 2
         STORE_SLICE 0
         LOAD_GLOBAL m
         LOAD_GLOBAL l
         LOAD_CONST None
         LOAD_CONST None
         LOAD_CONST 2
         BUILD_SLICE 3
         STORE_SUBSCR 0
         LOAD_GLOBAL r
         UNPACK_SEQUENCE 2
         STORE_GLOBAL p
         STORE_GLOBAL q
         LOAD_CONST None
         RETURN_VALUE 0",
    );
    let code = compile("a, *b, c, d = s\n");
    assert!(listing(&code).contains(&"UNPACK_EX 513".to_string()));
}

#[test]
fn augmented_assignment_forms() {
    let code = compile("def f(o, d, l, i):\n    i += 1\n    o.n *= 2\n    d[i] -= 3\n    l[1:2] += l\n");
    assert_listing(
        func(&code, "f"),
        "RESUME 0
         LOAD_FAST i
         LOAD_CONST 1
         BINARY_OP +=
         STORE_FAST i
         LOAD_FAST o
         COPY 1
         LOAD_ATTR n
         LOAD_CONST 2
         BINARY_OP *=
         SWAP 2
         STORE_ATTR n
         LOAD_FAST d
         LOAD_FAST i
         COPY 2
         COPY 2
         BINARY_SUBSCR 0
         LOAD_CONST 3
         BINARY_OP -=
         SWAP 3
         SWAP 2
         STORE_SUBSCR 0
         LOAD_FAST l
         LOAD_CONST 1
         LOAD_CONST 2
         COPY 3
         COPY 3
         COPY 3
         BINARY_SLICE 0
         LOAD_FAST l
         BINARY_OP +=
         SWAP 4
         SWAP 3
         SWAP 2
         STORE_SLICE 0
         LOAD_CONST None
         RETURN_VALUE 0",
    );
}

#[test]
fn subscripts_slices_and_delete() {
    let code = compile("def f(a, i):\n    x = a[i]\n    y = a[1:]\n    z = a[::-1]\n    del a[i], a.b, x\n");
    assert_listing(
        func(&code, "f"),
        "RESUME 0
         LOAD_FAST a
         LOAD_FAST i
         BINARY_SUBSCR 0
         STORE_FAST x
         LOAD_FAST a
         LOAD_CONST 1
         LOAD_CONST None
         BINARY_SLICE 0
         STORE_FAST y
         LOAD_FAST a
         LOAD_CONST None
         LOAD_CONST None
         LOAD_CONST -1
         BUILD_SLICE 3
         BINARY_SUBSCR 0
         STORE_FAST z
         LOAD_FAST a
         LOAD_FAST i
         DELETE_SUBSCR 0
         LOAD_FAST a
         DELETE_ATTR b
         DELETE_FAST x
         LOAD_CONST None
         RETURN_VALUE 0",
    );
}

#[test]
fn displays() {
    let code = compile("a = [x, 1]\nb = [1, 2, 3]\nc = (x, 1)\nd = {x: 1, 'k': y}\ne = [*x, 1]\nf = (*x,)\n");
    assert_listing(
        &code,
        "RESUME 0
         LOAD_GLOBAL x
         LOAD_CONST 1
         BUILD_LIST 2
         STORE_GLOBAL a
         BUILD_LIST 0
         LOAD_CONST (1, 2, 3)
         LIST_EXTEND 1
         STORE_GLOBAL b
         LOAD_GLOBAL x
         LOAD_CONST 1
         BUILD_TUPLE 2
         STORE_GLOBAL c
         LOAD_GLOBAL x
         LOAD_CONST 1
         LOAD_CONST 'k'
         LOAD_GLOBAL y
         BUILD_MAP 2
         STORE_GLOBAL d
         BUILD_LIST 0
         LOAD_GLOBAL x
         LIST_EXTEND 1
         LOAD_CONST 1
         LIST_APPEND 1
         STORE_GLOBAL e
         BUILD_LIST 0
         LOAD_GLOBAL x
         LIST_EXTEND 1
         LIST_TO_TUPLE 0
         STORE_GLOBAL f
         LOAD_CONST None
         RETURN_VALUE 0",
    );
    // Big dicts are built in chunks.
    let items: Vec<String> = (0..40).map(|i| format!("{i}: v")).collect();
    let code = compile(&format!("d = {{{}}}\n", items.join(", ")));
    let l = listing(&code);
    assert!(l.contains(&"BUILD_MAP 16".to_string()));
    assert_eq!(l.iter().filter(|s| *s == "MAP_ADD 1").count(), 24);
    assert!(code.stack_size <= 33);
}

#[test]
fn fstrings() {
    let code = compile("def f(x, w):\n    return f'a{x!r}b{x:>{w}}{x=}'\n");
    assert_listing(
        func(&code, "f"),
        "RESUME 0
         LOAD_CONST 'a'
         LOAD_FAST x
         FORMAT_VALUE repr
         LOAD_CONST 'b'
         LOAD_FAST x
         LOAD_CONST '>'
         LOAD_FAST w
         FORMAT_VALUE 0
         BUILD_STRING 2
         FORMAT_VALUE with format
         LOAD_CONST 'x='
         LOAD_FAST x
         FORMAT_VALUE repr
         BUILD_STRING 6
         RETURN_VALUE 0",
    );
    let code = compile("a = f'{x}'\nb = f'plain' 'text'\nc = f'{x:.2f}'\n");
    assert_listing(
        &code,
        "RESUME 0
         LOAD_GLOBAL x
         FORMAT_VALUE 0
         STORE_GLOBAL a
         LOAD_CONST 'plaintext'
         STORE_GLOBAL b
         LOAD_GLOBAL x
         LOAD_CONST '.2f'
         FORMAT_VALUE with format
         STORE_GLOBAL c
         LOAD_CONST None
         RETURN_VALUE 0",
    );
}

#[test]
fn list_comprehensions_are_inlined() {
    let code = compile("def f(xs, k):\n    return [x * k for x in xs if x for y in x]\n");
    let f = func(&code, "f");
    assert_listing(
        f,
        "RESUME 0
         LOAD_FAST xs
         GET_ITER 0
         BUILD_LIST 0
         SWAP 2
         FOR_ITER to 33
         STORE_FAST <listcomp>.x
         LOAD_FAST <listcomp>.x
         TO_BOOL 0
         POP_JUMP_IF_FALSE to 31
         LOAD_FAST <listcomp>.x
         GET_ITER 0
         FOR_ITER to 31
         STORE_FAST <listcomp>.y
         LOAD_FAST <listcomp>.x
         LOAD_FAST k
         BINARY_OP *
         LIST_APPEND 3
         JUMP_BACKWARD to 18
         JUMP_BACKWARD to 5
         RETURN_VALUE 0",
    );
    assert_eq!(f.varnames, ["xs", "k", "<listcomp>.x", "<listcomp>.y"]);
    assert_eq!(f.stack_size, 5);
    // A comprehension variable does not leak, nor clobber a same-named local.
    let code = compile("def g(x):\n    y = [x for x in range(3)]\n    return x\n");
    let l = listing(func(&code, "g"));
    assert!(l.contains(&"STORE_FAST <listcomp>.x".to_string()));
    assert_eq!(l[l.len() - 2], "LOAD_FAST x");
    // Nested comprehensions reusing a name get distinct hidden locals.
    let code = compile("r = [[x for x in x] for x in rows]\n");
    assert_eq!(code.varnames, ["<listcomp>.x", "<listcomp>.x.2"]);
}

#[test]
fn comprehensions_at_module_and_class_level() {
    let code = compile("y = 2\nclass C:\n    z = 3\n    v = [y * z for _ in range(z)]\n");
    let c = func(&code, "C");
    assert_listing(
        c,
        "RESUME 0
         LOAD_CONST 3
         STORE_NAME z
         LOAD_NAME range
         PUSH_NULL 0
         LOAD_NAME z
         CALL 1
         GET_ITER 0
         BUILD_LIST 0
         SWAP 2
         FOR_ITER to 38
         STORE_FAST <listcomp>._
         LOAD_GLOBAL y
         LOAD_GLOBAL z
         BINARY_OP *
         LIST_APPEND 2
         JUMP_BACKWARD to 13
         STORE_NAME v
         LOAD_CONST None
         RETURN_VALUE 0",
    );
    assert_eq!(c.flags, super::code_flags::CLASS_BODY);
    let code = compile("d = {k: v for k, v in items}\n");
    assert_listing(
        &code,
        "RESUME 0
         LOAD_GLOBAL items
         GET_ITER 0
         BUILD_MAP 0
         SWAP 2
         FOR_ITER to 25
         UNPACK_SEQUENCE 2
         STORE_FAST <dictcomp>.k
         STORE_FAST <dictcomp>.v
         LOAD_FAST <dictcomp>.k
         LOAD_FAST <dictcomp>.v
         MAP_ADD 2
         JUMP_BACKWARD to 11
         STORE_GLOBAL d
         LOAD_CONST None
         RETURN_VALUE 0",
    );
}

#[test]
fn classes_methods_and_super() {
    let code = compile(
        "class B(A):\n    '''Doc.'''\n    def __init__(self, x):\n        super().__init__(x)\n        self.x = x\n",
    );
    assert_listing(
        &code,
        "RESUME 0
         LOAD_BUILD_CLASS 0
         PUSH_NULL 0
         LOAD_CONST <code object B, line 1>
         MAKE_FUNCTION 0
         LOAD_CONST 'B'
         LOAD_GLOBAL A
         CALL 3
         STORE_GLOBAL B
         LOAD_CONST None
         RETURN_VALUE 0",
    );
    let body = func(&code, "B");
    assert_eq!(body.qualname, "B");
    assert_listing(
        body,
        "MAKE_CELL __class__
         RESUME 0
         LOAD_CONST 'Doc.'
         STORE_NAME __doc__
         LOAD_CLOSURE __class__
         BUILD_TUPLE 1
         LOAD_CONST <code object __init__, line 3>
         MAKE_FUNCTION 8
         STORE_NAME __init__
         LOAD_CLOSURE __class__
         COPY 1
         STORE_NAME __classcell__
         RETURN_VALUE 0",
    );
    assert_eq!(body.cellvars, ["__class__"]);
    let init = func(body, "__init__");
    assert_eq!(init.qualname, "B.__init__");
    assert_listing(
        init,
        "COPY_FREE_VARS 1
         RESUME 0
         LOAD_GLOBAL super + NULL
         CALL 0
         LOAD_ATTR __init__ + NULL|self
         LOAD_FAST x
         CALL 1
         POP_TOP 0
         LOAD_FAST x
         LOAD_FAST self
         STORE_ATTR x
         LOAD_CONST None
         RETURN_VALUE 0",
    );
    // Methods don't see class-level names.
    let code = compile("class C:\n    k = 1\n    def m(self):\n        return k\n");
    assert!(listing(func(func(&code, "C"), "m")).contains(&"LOAD_GLOBAL k".to_string()));
    assert_eq!(init.freevars, ["__class__"]);
}

#[test]
fn qualnames() {
    let code = compile(
        "def f():\n    def g():\n        return lambda: 1\n    class K:\n        def m(self): pass\n    return g\n",
    );
    let f = func(&code, "f");
    let g = func(f, "g");
    assert_eq!(g.qualname, "f.<locals>.g");
    assert_eq!(func(g, "<lambda>").qualname, "f.<locals>.g.<locals>.<lambda>");
    let k = func(f, "K");
    assert_eq!(k.qualname, "f.<locals>.K");
    assert_eq!(func(k, "m").qualname, "f.<locals>.K.m");
}

#[test]
fn decorators_call_outermost_last() {
    let code = compile("@a\n@b.c(1)\ndef f(): pass\n@d\nclass K: pass\n");
    assert_listing(
        &code,
        "RESUME 0
         LOAD_GLOBAL a + NULL
         LOAD_GLOBAL b
         LOAD_ATTR c + NULL|self
         LOAD_CONST 1
         CALL 1
         PUSH_NULL 0
         LOAD_CONST <code object f, line 1>
         MAKE_FUNCTION 0
         CALL 1
         CALL 1
         STORE_GLOBAL f
         LOAD_GLOBAL d + NULL
         LOAD_BUILD_CLASS 0
         PUSH_NULL 0
         LOAD_CONST <code object K, line 4>
         MAKE_FUNCTION 0
         LOAD_CONST 'K'
         CALL 2
         CALL 1
         STORE_GLOBAL K
         LOAD_CONST None
         RETURN_VALUE 0",
    );
}

#[test]
fn lambdas_with_defaults() {
    let code = compile("key = lambda p, q=2, *, r=3: p[q]\n");
    assert_listing(
        &code,
        "RESUME 0
         LOAD_CONST (2,)
         LOAD_CONST 'r'
         LOAD_CONST 3
         BUILD_MAP 1
         LOAD_CONST <code object <lambda>, line 1>
         MAKE_FUNCTION 3
         STORE_GLOBAL key
         LOAD_CONST None
         RETURN_VALUE 0",
    );
    let l = func(&code, "<lambda>");
    assert_listing(l, "RESUME 0\nLOAD_FAST p\nLOAD_FAST q\nBINARY_SUBSCR 0\nRETURN_VALUE 0");
    assert_eq!(l.kwonly_arg_count, 1);
}

#[test]
fn globals_in_functions() {
    let code = compile("n = 0\ndef bump():\n    global n\n    n = n + 1\n    del n\n");
    assert_listing(
        func(&code, "bump"),
        "RESUME 0
         LOAD_GLOBAL n
         LOAD_CONST 1
         BINARY_OP +
         STORE_GLOBAL n
         DELETE_GLOBAL n
         LOAD_CONST None
         RETURN_VALUE 0",
    );
}

#[test]
fn imports() {
    let code = compile("import math\nimport sys as s\nfrom math import sqrt, pi as p\n");
    assert_listing(
        &code,
        "RESUME 0
         IMPORT_NAME math
         STORE_GLOBAL math
         IMPORT_NAME sys
         STORE_GLOBAL s
         IMPORT_NAME math
         IMPORT_FROM sqrt
         STORE_GLOBAL sqrt
         IMPORT_FROM pi
         STORE_GLOBAL p
         POP_TOP 0
         LOAD_CONST None
         RETURN_VALUE 0",
    );
}

#[test]
fn assert_and_raise() {
    let code = compile("def f(x):\n    assert x, 'bad'\n    assert x\n    raise ValueError('v') from None\n");
    assert_listing(
        func(&code, "f"),
        "RESUME 0
         LOAD_FAST x
         TO_BOOL 0
         POP_JUMP_IF_TRUE to 14
         LOAD_ASSERTION_ERROR 0
         PUSH_NULL 0
         LOAD_CONST 'bad'
         CALL 1
         RAISE_VARARGS 1
         LOAD_FAST x
         TO_BOOL 0
         POP_JUMP_IF_TRUE to 21
         LOAD_ASSERTION_ERROR 0
         RAISE_VARARGS 1
         LOAD_GLOBAL ValueError + NULL
         LOAD_CONST 'v'
         CALL 1
         LOAD_CONST None
         RAISE_VARARGS 2",
    );
}

#[test]
fn dead_code_is_dropped() {
    let code = compile("def f():\n    return 1\n    print('never')\n");
    assert_listing(func(&code, "f"), "RESUME 0\nLOAD_CONST 1\nRETURN_VALUE 0");
    let code = compile("def f():\n    while True:\n        pass\n");
    assert_listing(func(&code, "f"), "RESUME 0\nJUMP_BACKWARD to 1");
    let code = compile("if not __debug__:\n    x = 1\nelse:\n    y = 2\n");
    assert_listing(&code, "RESUME 0\nLOAD_CONST 2\nSTORE_GLOBAL y\nLOAD_CONST None\nRETURN_VALUE 0");
}

// ------------------------------------------------------------------ constants

#[test]
fn constants_dedupe_by_value_and_type() {
    let code = compile("a = 1\nb = 1.0\nc = True\nd = 1\ne = 0.0\nf = -0.0\ng = 0.0\nh = 'x'\ni = 'x'\nj = (1, 2)\nk = (1, 2)\nl = (1.0, 2)\n");
    assert_eq!(
        code.constants,
        vec![
            Constant::Int(1.into()),
            Constant::Float(1.0),
            Constant::Bool(true),
            Constant::Float(0.0),
            Constant::Float(-0.0),
            Constant::Str("x".into()),
            Constant::Tuple(vec![Constant::Int(1.into()), Constant::Int(2.into())]),
            Constant::Tuple(vec![Constant::Float(1.0), Constant::Int(2.into())]),
            Constant::None,
        ]
    );
    assert!(matches!(code.constants[4], Constant::Float(f) if f.is_sign_negative()));
}

#[test]
fn constant_folding() {
    let code =
        compile("a = -1\nb = 2 ** 10\nc = -2.5\nd = 1 << 3 | 1\ne = 'ab' 'cd'\nf = ~5\ng = 10 ** 100\nh = 1 / 0\n");
    let l = listing(&code);
    for want in
        ["LOAD_CONST -1", "LOAD_CONST 1024", "LOAD_CONST -2.5", "LOAD_CONST 9", "LOAD_CONST 'abcd'", "LOAD_CONST -6"]
    {
        assert!(l.contains(&want.to_string()), "{want} in {l:?}");
    }
    // Too big to fold, or raising: computed at run time.
    assert_eq!(l.iter().filter(|s| s.starts_with("BINARY_OP")).count(), 2);
    let big = compile("x = 123456789012345678901234567890\ny = 0x_ff_ff\n");
    assert!(big.constants.contains(&Constant::Int("123456789012345678901234567890".parse().unwrap())));
    assert!(big.constants.contains(&Constant::Int(65535.into())));
}

// ------------------------------------------------------------------ exceptions

fn table(code: &CompiledCode) -> Vec<(u32, u32, u32, u32, bool)> {
    code.exception_table.iter().map(|e| (e.start, e.end, e.target, e.depth, e.push_lasti)).collect()
}

#[test]
fn try_except_shape_and_table() {
    let code =
        compile("def f():\n    try:\n        a()\n    except E as e:\n        b(e)\n    except F:\n        c()\n");
    let f = func(&code, "f");
    assert_listing(
        f,
        "RESUME 0
         LOAD_GLOBAL a + NULL
         CALL 0
         POP_TOP 0
         JUMP_FORWARD to 77
         PUSH_EXC_INFO 0
         LOAD_GLOBAL E
         CHECK_EXC_MATCH 0
         POP_JUMP_IF_FALSE to 48
         STORE_FAST e
         LOAD_GLOBAL b + NULL
         LOAD_FAST e
         CALL 1
         POP_TOP 0
         POP_EXCEPT 0
         LOAD_CONST None
         STORE_FAST e
         DELETE_FAST e
         JUMP_FORWARD to 77
         LOAD_CONST None
         STORE_FAST e
         DELETE_FAST e
         RERAISE 1
         LOAD_GLOBAL F
         CHECK_EXC_MATCH 0
         POP_JUMP_IF_FALSE to 73
         POP_TOP 0
         LOAD_GLOBAL c + NULL
         CALL 0
         POP_TOP 0
         POP_EXCEPT 0
         JUMP_FORWARD to 77
         RERAISE 0
         COPY 3
         POP_EXCEPT 0
         RERAISE 1
         LOAD_CONST None
         RETURN_VALUE 0",
    );
    // As CPython 3.11: body -> handler; matching -> cleanup (lasti); a named
    // handler's body -> name-clearing block; that block, the next match and the
    // final RERAISE -> cleanup. The exits (POP_EXCEPT, jumps) are unprotected.
    assert_eq!(
        table(f),
        vec![
            (1, 13, 14, 0, false),
            (14, 26, 74, 1, true),
            (26, 39, 44, 1, true),
            (44, 71, 74, 1, true),
            (73, 74, 74, 1, true),
        ]
    );
    assert_eq!(f.stack_size, 4);
}

#[test]
fn try_finally_duplicates_the_body() {
    let code = compile("def f(x):\n    try:\n        g(x)\n    finally:\n        h()\n");
    let f = func(&code, "f");
    assert_listing(
        f,
        "RESUME 0
         LOAD_GLOBAL g + NULL
         LOAD_FAST x
         CALL 1
         POP_TOP 0
         LOAD_GLOBAL h + NULL
         CALL 0
         POP_TOP 0
         JUMP_FORWARD to 44
         PUSH_EXC_INFO 0
         LOAD_GLOBAL h + NULL
         CALL 0
         POP_TOP 0
         RERAISE 0
         COPY 3
         POP_EXCEPT 0
         RERAISE 1
         LOAD_CONST None
         RETURN_VALUE 0",
    );
    assert_eq!(table(f), vec![(1, 14, 27, 0, false), (27, 41, 41, 1, true)]);
}

#[test]
fn return_and_break_run_finally_bodies() {
    let code = compile("def f(xs):\n    for x in xs:\n        try:\n            if x:\n                return x + 1\n            break\n        finally:\n            done(x)\n");
    let f = func(&code, "f");
    assert_listing(
        f,
        "RESUME 0
         LOAD_FAST xs
         GET_ITER 0
         FOR_ITER to 67
         STORE_FAST x
         LOAD_FAST x
         TO_BOOL 0
         POP_JUMP_IF_FALSE to 34
         LOAD_FAST x
         LOAD_CONST 1
         BINARY_OP +
         LOAD_GLOBAL done + NULL
         LOAD_FAST x
         CALL 1
         POP_TOP 0
         SWAP 2
         POP_TOP 0
         RETURN_VALUE 0
         LOAD_GLOBAL done + NULL
         LOAD_FAST x
         CALL 1
         POP_TOP 0
         POP_TOP 0
         JUMP_FORWARD to 67
         PUSH_EXC_INFO 0
         LOAD_GLOBAL done + NULL
         LOAD_FAST x
         CALL 1
         POP_TOP 0
         RERAISE 0
         COPY 3
         POP_EXCEPT 0
         RERAISE 1
         LOAD_CONST None
         RETURN_VALUE 0",
    );
    assert_eq!(table(f), vec![(9, 18, 49, 1, false), (49, 64, 64, 2, true)]);
}

#[test]
fn return_inside_except_handler_and_finally() {
    // try/except/finally = try/finally around try/except; return from a handler
    // pops the handler state, clears the name and runs the finally body.
    let code = compile(
        "def f():\n    try:\n        a()\n    except E as e:\n        return e.v\n    else:\n        b()\n    finally:\n        c()\n",
    );
    let f = func(&code, "f");
    let l = listing(f);
    let ret = l.iter().position(|s| s == "LOAD_ATTR v").unwrap();
    assert_eq!(
        &l[ret + 1..ret + 10],
        [
            "SWAP 2",
            "POP_EXCEPT 0",
            "LOAD_CONST None",
            "STORE_FAST e",
            "DELETE_FAST e",
            "LOAD_GLOBAL c + NULL",
            "CALL 0",
            "POP_TOP 0",
            "RETURN_VALUE 0"
        ]
    );
    // The return value sits on the stack under the handler state: depth 2 + lasti.
    assert!(f.exception_table.iter().any(|e| e.depth == 1 && e.push_lasti));
    assert_eq!(f.stack_size, 4);
}

#[test]
fn bare_raise_and_nested_try() {
    let code = compile("def f():\n    try:\n        try:\n            a()\n        except:\n            raise\n    except E:\n        pass\n");
    let f = func(&code, "f");
    let l = listing(f);
    assert!(l.contains(&"RAISE_VARARGS 0".to_string()));
    // The inner handler's code is protected by the outer try's handler.
    let outer_target = f.exception_table.iter().rev().find(|e| e.depth == 0).unwrap().target;
    assert!(f.exception_table.iter().filter(|e| e.target == outer_target).count() >= 2);
    // Jumps to jumps are threaded.
    let decoded = decode(f);
    for (off, opcode, arg) in &decoded {
        if *opcode == op::JUMP_FORWARD {
            let t = off + 1 + *arg as usize;
            let at = decoded.iter().find(|(o, _, _)| *o == t).unwrap();
            assert_ne!(at.1, op::JUMP_FORWARD);
        }
    }
}

#[test]
fn exception_handler_depth_counts_stack_items() {
    // Inside a for loop the iterator is on the stack, so handlers cut to depth 1.
    let code = compile(
        "def f(xs):\n    for x in xs:\n        try:\n            g()\n        except E:\n            continue\n",
    );
    let f = func(&code, "f");
    assert_eq!(f.exception_table[0].depth, 1);
    assert!(!f.exception_table[0].push_lasti);
    assert_eq!(f.exception_table[1].depth, 2);
    assert!(f.exception_table[1].push_lasti);
    // [iter, prev_exc, lasti, exc] + COPY 3 in the cleanup.
    assert_eq!(f.stack_size, 5);
}

// ------------------------------------------------------------------ assembly

#[test]
fn extended_args_for_many_names_and_long_jumps() {
    let mut src = String::new();
    for i in 0..300 {
        src.push_str(&format!("v{i} = {i}\n"));
    }
    let code = compile(&src);
    let l = listing(&code);
    assert_eq!(l[l.len() - 4], "LOAD_CONST 299");
    assert!(code.units.iter().any(|u| u & 0xff == op::EXTENDED_ARG as u16));
    let decoded = decode(&code);
    assert!(decoded.iter().any(|&(_, o, a)| o == op::STORE_GLOBAL && a == 299));

    // A forward jump over more than 255 units, and a backward one.
    let mut body = String::from("def f(x):\n    while x:\n        if x:\n");
    for i in 0..100 {
        body.push_str(&format!("            x = x + {i}\n"));
    }
    body.push_str("    return x\n");
    let code = compile(&body);
    let f = func(&code, "f");
    let decoded = decode(f);
    let (_, _, fwd) = decoded.iter().find(|(_, o, _)| *o == op::POP_JUMP_IF_FALSE).unwrap();
    assert!(*fwd > 255);
    let (_, _, back) = decoded.iter().find(|(_, o, _)| *o == op::JUMP_BACKWARD).unwrap();
    assert!(*back > 255);
}

#[test]
fn locations_follow_the_source() {
    let code = compile("x = 1\n\ndef f(a):\n    return a +  b\n");
    assert_eq!(code.locations[1].line, 1);
    let f = func(&code, "f");
    assert_eq!(f.first_line, 3);
    let decoded = decode(f);
    let (off, _, _) = decoded.iter().find(|(_, o, _)| *o == op::BINARY_OP).unwrap();
    let loc = f.locations[*off];
    assert_eq!((loc.line, loc.end_line, loc.col, loc.end_col), (4, 4, 11, 17));
    let (off, _, _) = decoded.iter().find(|(_, o, a)| *o == op::LOAD_GLOBAL && *a == 0).unwrap();
    assert_eq!((f.locations[*off].col, f.locations[*off].end_col), (16, 17));
    // Caches repeat their instruction's location.
    assert_eq!(f.locations[*off + 1], f.locations[*off]);
    // Non-ASCII text before a node counts characters, not bytes.
    let code = compile("s = 'é' + t\n");
    let (off, _, _) = decode(&code).into_iter().find(|(_, o, _)| *o == op::LOAD_GLOBAL).unwrap();
    assert_eq!(code.locations[off].col, 10);
}

#[test]
fn disassembler_output() {
    let code = compile("def f(x):\n    try:\n        return g(x)\n    except E:\n        return 0\n");
    let text = disassemble(&code);
    assert!(text.contains("Disassembly of <code <module>>"));
    assert!(text.contains("Disassembly of <code f>"));
    assert!(text.contains("LOAD_GLOBAL 1 (g + NULL)"));
    assert!(text.contains("ExceptionTable:"));
    assert!(text.contains("lasti"));
}

#[test]
fn long_chains_and_deep_nesting() {
    // Left-associative chains compile iteratively, however long.
    let terms: Vec<String> = (0..5000).map(|i| format!("a{}", i % 7)).collect();
    let code = compile(&format!("x = {}\n", terms.join(" + ")));
    assert_eq!(listing(&code).iter().filter(|l| *l == "BINARY_OP +").count(), 4999);
    assert_eq!(code.stack_size, 2);
    // Folding looks at partially constant chains.
    let code = compile("x = 1 + 2 + y + 3\n");
    assert_eq!(listing(&code)[1..6], ["LOAD_CONST 3", "LOAD_GLOBAL y", "BINARY_OP +", "LOAD_CONST 3", "BINARY_OP +"]);
    // Other nesting is bounded, with an error instead of a stack overflow.
    compile(&format!("x = {}y{}\n", "(-".repeat(150), ")".repeat(150)));
    assert_syntax(&format!("x = {}y\n", "-".repeat(300)), "too many nested expressions", 1, 205);
    let mut deep = String::new();
    for i in 0..120 {
        deep.push_str(&format!("{}if x:\n", " ".repeat(i)));
    }
    deep.push_str(&format!("{}pass\n", " ".repeat(120)));
    let e = error(&deep);
    assert_eq!((e.exception_name(), e.message.as_str()), ("IndentationError", "too many levels of indentation"));
}

// ------------------------------------------------------------------ errors

#[test]
fn closures_cells_and_free_variables() {
    // As CPython 3.11's dis shows it.
    let code = compile(
        "def outer():\n    a = 1\n    def inner(b):\n        nonlocal a\n        a += b\n        return a\n    return inner\n",
    );
    let outer = func(&code, "outer");
    assert_listing(
        outer,
        "MAKE_CELL a
         RESUME 0
         LOAD_CONST 1
         STORE_DEREF a
         LOAD_CLOSURE a
         BUILD_TUPLE 1
         LOAD_CONST <code object inner, line 3>
         MAKE_FUNCTION 8
         STORE_FAST inner
         LOAD_FAST inner
         RETURN_VALUE 0",
    );
    assert_eq!(
        (outer.varnames.as_slice(), outer.cellvars.as_slice()),
        (&["inner".to_string()][..], &["a".to_string()][..])
    );
    let inner = func(outer, "inner");
    assert_listing(
        inner,
        "COPY_FREE_VARS 1
         RESUME 0
         LOAD_DEREF a
         LOAD_FAST b
         BINARY_OP +=
         STORE_DEREF a
         LOAD_DEREF a
         RETURN_VALUE 0",
    );
    assert_eq!(inner.localsplus_names(), ["b", "a"]);
    // A parameter that is a cell keeps its slot; MAKE_CELL wraps it in place.
    let code = compile("def f(k, j):\n    return lambda: k\n");
    let f = func(&code, "f");
    assert_eq!(listing(f)[0], "MAKE_CELL k");
    assert_eq!(f.localsplus_names(), ["k", "j"]);
    // Free names pass through intermediate functions.
    let code = compile(
        "def a():\n    x = 1\n    def b():\n        def c():\n            return x\n        return c\n    return b\n",
    );
    let b = func(func(&code, "a"), "b");
    assert_eq!(b.freevars, ["x"]);
    assert!(listing(b).contains(&"LOAD_CLOSURE x".to_string()));
    // A class body reads a free name with LOAD_CLASSDEREF; its own names stay names.
    let code = compile("def f():\n    x = 1\n    class C:\n        y = x\n        x = 2\n        def m(self):\n            return x\n    return C\n");
    let c = func(func(&code, "f"), "C");
    assert_eq!(c.freevars, ["x"]);
    let body = listing(c);
    assert!(body.contains(&"LOAD_NAME x".to_string()) || body.contains(&"LOAD_CLASSDEREF x".to_string()));
    assert!(body.contains(&"STORE_NAME x".to_string()));
    let code = compile("def f():\n    x = 1\n    class C:\n        y = x\n    return C\n");
    assert!(listing(func(func(&code, "f"), "C")).contains(&"LOAD_CLASSDEREF x".to_string()));
}

#[test]
fn comprehension_variables_captured_by_lambdas_are_fresh_cells() {
    let code = compile("def f():\n    return [lambda: x for x in range(3)]\n");
    let f = func(&code, "f");
    assert_eq!(f.cellvars, ["<listcomp>.x"]);
    assert_listing(
        f,
        "RESUME 0
         LOAD_GLOBAL range + NULL
         LOAD_CONST 3
         CALL 1
         PUSH_NULL 0
         STORE_FAST <listcomp>.x
         MAKE_CELL <listcomp>.x
         GET_ITER 0
         BUILD_LIST 0
         SWAP 2
         FOR_ITER to 32
         STORE_DEREF <listcomp>.x
         LOAD_CLOSURE <listcomp>.x
         BUILD_TUPLE 1
         LOAD_CONST <code object <lambda>, line 2>
         MAKE_FUNCTION 8
         LIST_APPEND 2
         JUMP_BACKWARD to 19
         RETURN_VALUE 0",
    );
    // A free name of a comprehension that the function binds stays a plain local.
    let code = compile("def f(y):\n    return [x + y for x in range(3)]\n");
    let f = func(&code, "f");
    assert!(f.cellvars.is_empty() && f.freevars.is_empty());
    // One an inner function uses passes to the enclosing code as a free variable.
    let code = compile("def f():\n    y = 1\n    def g():\n        return [x + y for x in range(3)]\n    return g\n");
    assert_eq!(func(func(&code, "f"), "g").freevars, ["y"]);
}

#[test]
fn symbol_table_errors_match_cpython() {
    assert_syntax("def f():\n    def g():\n        nonlocal y\n", "no binding for nonlocal 'y' found", 3, 9);
    assert_syntax("class C:\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5);
    assert_syntax("x = 1\ndef f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 3, 5);
    assert_syntax("def f():\n    global x\n    nonlocal x\n", "name 'x' is nonlocal and global", 2, 5);
    assert_syntax("def f(a):\n    def g(b):\n        nonlocal b\n", "name 'b' is parameter and nonlocal", 3, 9);
    assert_syntax(
        "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
        "name 'x' is used prior to nonlocal declaration",
        5,
        9,
    );
    assert_syntax(
        "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
        "name 'x' is assigned to before nonlocal declaration",
        5,
        9,
    );
    assert_syntax(
        "def f():\n    x = 1\n    def g():\n        x: int\n        nonlocal x\n",
        "annotated name 'x' can't be nonlocal",
        5,
        9,
    );
    assert_syntax("def f():\n    x += 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5);
    // The symtable's errors come before the compiler's ('return' outside function).
    assert_syntax("def f():\n    nonlocal x\n    return 1\nreturn 2\n", "no binding for nonlocal 'x' found", 2, 5);
    // A global in the middle function hides the outer binding.
    assert_syntax(
        "def f():\n    x = 1\n    def g():\n        global x\n        def h():\n            nonlocal x\n",
        "no binding for nonlocal 'x' found",
        6,
        13,
    );
}

#[track_caller]
fn assert_unsupported(src: &str, needle: &str) {
    let e = error(src);
    assert_eq!(e.kind, CompileErrorKind::Unsupported, "{e:?}");
    assert!(e.message.contains(needle), "{:?} should mention {needle:?}", e.message);
}

#[test]
fn unsupported_constructs_are_named() {
    assert_unsupported("import os.path\n", "dotted imports");
    assert_unsupported("from os import *\n", "import *");
    assert_unsupported("from . import x\n", "relative imports");
    assert_unsupported("class C(metaclass=M): pass\n", "class keyword arguments");
    assert_unsupported("try:\n    pass\nexcept* E:\n    pass\n", "except*");
    // Position of the construct.
    let e = error("x = 1\nclass C(metaclass=M): pass\n");
    assert_eq!((e.line, e.col, e.end_col), (2, 9, 20));
    assert_eq!(e.source_line, "class C(metaclass=M): pass");
    // Constructs that used to be refused compile now.
    compile("match x:\n    case 1: pass\n");
    compile("b = b'x'\nc = 1j\n");
}

#[test]
fn set_displays_compile_as_cpython_does() {
    // More than two constants: a frozenset constant merged into an empty set.
    let code = compile("s = {1, 2, 3}\n");
    assert_listing(
        &code,
        "RESUME 0
         BUILD_SET 0
         LOAD_CONST frozenset({1, 2, 3})
         SET_UPDATE 1
         STORE_GLOBAL s
         LOAD_CONST None
         RETURN_VALUE 0",
    );
    // Plain items: one BUILD_SET; a starred item switches to SET_UPDATE and SET_ADD.
    let code = compile("s = {a, b}\nt = {a, *b, c}\n");
    assert_listing(
        &code,
        "RESUME 0
         LOAD_GLOBAL a
         LOAD_GLOBAL b
         BUILD_SET 2
         STORE_GLOBAL s
         LOAD_GLOBAL a
         BUILD_SET 1
         LOAD_GLOBAL b
         SET_UPDATE 1
         LOAD_GLOBAL c
         SET_ADD 1
         STORE_GLOBAL t
         LOAD_CONST None
         RETURN_VALUE 0",
    );
    // Iterating a set of constants iterates a frozenset constant.
    let code = compile("for x in {4, 5}: pass\n");
    assert!(code.constants.iter().any(|c| matches!(c, Constant::FrozenSet(items) if items.len() == 2)));
}

#[track_caller]
fn assert_syntax(src: &str, message: &str, line: u32, col: u32) {
    let e = error(src);
    assert!(e.kind == CompileErrorKind::SyntaxError, "{e:?}");
    assert_eq!((e.message.as_str(), e.line, e.col), (message, line, col), "{e:?}");
}

#[test]
fn syntax_errors_match_cpython() {
    assert_syntax("print('x')\ndef broken(:\n    return 1\n", "invalid syntax", 2, 12);
    assert_syntax("x = (1, 2\ny = 3\n", "'(' was never closed", 1, 5);
    assert_syntax("x = [1,\n", "'[' was never closed", 1, 5);
    assert_syntax("if x\n    pass\n", "expected ':'", 1, 5);
    assert_syntax("x = )\n", "unmatched ')'", 1, 5);
    assert_syntax("x = (1, 2]\n", "closing parenthesis ']' does not match opening parenthesis '('", 1, 10);
    assert_syntax("f(a b)\n", "invalid syntax. Perhaps you forgot a comma?", 1, 5);
    assert_syntax("x = 'abc\n", "unterminated string literal (detected at line 1)", 1, 5);
    assert_syntax("1 = x\n", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1);
    assert_syntax("for 1 in x: pass\n", "cannot assign to literal", 1, 5);
    assert_syntax("del f()\n", "cannot delete function call", 1, 5);
    assert_syntax("x = 1\nreturn x\n", "'return' outside function", 2, 1);
    assert_syntax("class C:\n    return 1\n", "'return' outside function", 2, 5);
    assert_syntax("while x:\n    def f():\n        break\n", "'break' outside loop", 3, 9);
    assert_syntax("for x in y:\n    pass\nelse:\n    continue\n", "'continue' not properly in loop", 4, 5);
    assert_syntax("def f(a, a): pass\n", "duplicate argument 'a' in function definition", 1, 10);
    assert_syntax("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3, 5);
    assert_syntax("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5);
    assert_syntax("def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5);
    assert_syntax("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", "default 'except:' must be last", 3, 1);
    assert_syntax("f(x=1, x=2)\n", "keyword argument repeated: x", 1, 8);
    assert_syntax("*a = b\n", "starred assignment target must be in a list or tuple", 1, 1);
    assert_syntax("a, *b, *c = d\n", "multiple starred expressions in assignment", 1, 8);
    assert_syntax("nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1);
    assert_syntax("yield 1\n", "'yield' outside function", 1, 1);
    assert_syntax("__debug__ = 0\n", "cannot assign to __debug__", 1, 1);
    assert_syntax("print 'hi'\n", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1);
    assert_syntax("async def f():\n    pass\nawait g()\n", "'await' outside function", 3, 1);
    assert_syntax("def f():\n    await g()\n", "'await' outside async function", 2, 5);
    // An await in a comprehension of an async function is fine.
    compile("async def f(q):\n    return [await q.get() for _ in r]\n");
    // A byte order mark is not part of the program.
    compile("\u{feff}x = 1\n");
    let e = error("def f():\nreturn 1\n");
    assert_eq!((e.kind, e.exception_name()), (CompileErrorKind::SyntaxError, "IndentationError"));
    assert_eq!(e.message, "expected an indented block after function definition on line 1");
    let e = error("x = 1\n  y = 2\n");
    assert_eq!((e.exception_name(), e.message.as_str(), e.line), ("IndentationError", "unexpected indent", 2));
    assert_eq!(error("x = (\n").exception_name(), "SyntaxError");
    assert_eq!(error("from . import x\n").exception_name(), "NotImplementedError");
}

// ------------------------------------------------------------------ programs

/// Every test program and benchmark compiles, except the syntax-error tests.
#[test]
fn all_programs_compile() {
    let root = std::env::var("SIDEWINDER_ROOT")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".."));
    let mut count = 0;
    for dir in ["tests/programs", "benches"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if !name.ends_with(".py") || name == "run.py" {
                continue;
            }
            // A benchmark whose expected output is still pending does not run yet.
            if dir == "benches" && !path.with_extension("out").exists() {
                continue;
            }
            let src = std::fs::read_to_string(&path).unwrap();
            count += 1;
            let expected = path.with_extension("status");
            let wants_syntax_error = std::fs::read_to_string(&expected)
                .map(|s| s.contains("SyntaxError") || s.contains("IndentationError"))
                .unwrap_or(false);
            match compile_module(&src, &name) {
                Ok(code) => {
                    assert!(!wants_syntax_error, "{name} should fail to compile");
                    validate(&code);
                }
                Err(e) => {
                    assert!(wants_syntax_error && e.kind != CompileErrorKind::Unsupported, "{name}: {e:?}");
                    let status = std::fs::read_to_string(&expected).unwrap();
                    let last = status.lines().last().unwrap_or("");
                    assert_eq!(last, format!("{}: {}", e.exception_name(), e.message), "{name}");
                }
            }
        }
    }
    eprintln!("compiled {count} programs");
}

/// Compiles every `.py` under $SIDEWINDER_COMPILE_DIR (e.g. CPython's stdlib): no
/// panics, and whatever compiles is structurally valid. Run with `--ignored`.
#[test]
#[ignore]
fn compile_directory_from_env() {
    let Ok(dir) = std::env::var("SIDEWINDER_COMPILE_DIR") else {
        return;
    };
    let mut stack = vec![std::path::PathBuf::from(dir)];
    let (mut ok, mut failed) = (0, 0);
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                let Ok(src) = std::fs::read_to_string(&path) else {
                    continue;
                };
                if std::env::var("SIDEWINDER_COMPILE_VERBOSE").is_ok() {
                    eprintln!("{}", path.display());
                }
                match compile_module(&src, &path.to_string_lossy()) {
                    Ok(code) => {
                        validate(&code);
                        ok += 1;
                    }
                    Err(_) => failed += 1,
                }
            }
        }
    }
    eprintln!("{ok} compiled, {failed} rejected");
}

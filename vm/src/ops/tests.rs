//! Tests of the protocols on builtin values (no Python code runs, so no safepoint can
//! free the uncounted values the tests create). Expected values come from python3.11.

use num_bigint::BigInt;

use crate::objects::new;
use crate::ops::*;
use crate::runtime::types::{bool_value, none, types};
use crate::runtime::{Options, Vm};
use crate::value::StackRef;
use crate::PyErr;

fn vm() -> Vm {
    Vm::new(Options::default(), Vec::new())
}

fn int(v: i64) -> StackRef {
    new::int(v)
}

fn big(text: &str) -> StackRef {
    new::bigint(text.parse::<BigInt>().unwrap())
}

fn s(text: &str) -> StackRef {
    new::str(text)
}

fn r(vm: &mut Vm, v: StackRef) -> String {
    repr_string(vm, v).unwrap()
}

/// "TypeError: message" for an error.
fn err(vm: &mut Vm, e: PyErr) -> String {
    let exc = e.exception();
    let name = crate::runtime::types::type_name_of(exc);
    format!("{}: {}", name, str_string(vm, exc).unwrap())
}

fn op(vm: &mut Vm, code: u32, a: StackRef, b: StackRef) -> String {
    match binary_op(vm, code, a, b) {
        Ok(v) => r(vm, v),
        Err(e) => err(vm, e),
    }
}

const ADD: u32 = 0;
const AND: u32 = 1;
const FLOORDIV: u32 = 2;
const LSHIFT: u32 = 3;
const MATMUL: u32 = 4;
const MUL: u32 = 5;
const MOD: u32 = 6;
const OR: u32 = 7;
const POW: u32 = 8;
const RSHIFT: u32 = 9;
const SUB: u32 = 10;
const DIV: u32 = 11;
const XOR: u32 = 12;
const IADD: u32 = 13;
const IMUL: u32 = 18;

#[test]
fn int_arithmetic() {
    let mut vm = vm();
    let vm = &mut vm;
    let max = (1i64 << 62) - 1;
    assert_eq!(op(vm, ADD, int(max), int(1)), "4611686018427387904");
    assert_eq!(op(vm, SUB, int(-max - 1), int(1)), "-4611686018427387905");
    assert_eq!(op(vm, MUL, int(max), int(max)), "21267647932558653957237540927630737409");
    assert_eq!(op(vm, SUB, big("4611686018427387904"), int(1)), "4611686018427387903");
    assert!(binary_op(vm, SUB, big("4611686018427387904"), int(1)).unwrap().is_small_int());
    assert_eq!(op(vm, FLOORDIV, int(7), int(-2)), "-4");
    assert_eq!(op(vm, MOD, int(-7), int(3)), "2");
    assert_eq!(op(vm, MOD, int(7), int(-3)), "-2");
    assert_eq!(op(vm, FLOORDIV, int(-7), int(2)), "-4");
    assert_eq!(op(vm, POW, int(2), int(100)), "1267650600228229401496703205376");
    assert_eq!(op(vm, POW, int(2), int(-1)), "0.5");
    assert_eq!(op(vm, POW, int(10), int(-400)), "0.0");
    assert_eq!(op(vm, POW, int(-1), big("100000000000000000001")), "-1");
    assert_eq!(op(vm, DIV, int(1), int(3)), "0.3333333333333333");
    assert_eq!(op(vm, DIV, int(0), int(-5)), "-0.0");
    assert_eq!(op(vm, DIV, big("100000000000000000000"), int(3)), "3.333333333333333e+19");
    assert_eq!(op(vm, LSHIFT, int(-5), int(3)), "-40");
    assert_eq!(op(vm, LSHIFT, int(1), int(100)), "1267650600228229401496703205376");
    assert_eq!(op(vm, RSHIFT, int(-5), int(1)), "-3");
    assert_eq!(op(vm, RSHIFT, big("-1267650600228229401496703205376"), int(3)), "-158456325028528675187087900672");
    assert_eq!(op(vm, RSHIFT, int(-1), big("1180591620717411303424")), "-1");
    assert_eq!(op(vm, AND, int(-6), int(3)), "2");
    assert_eq!(op(vm, OR, big("-1267650600228229401496703205376"), int(1)), "-1267650600228229401496703205375");
    assert_eq!(op(vm, XOR, int(5), int(3)), "6");
    assert_eq!(op(vm, ADD, bool_value(true), bool_value(true)), "2");
    assert_eq!(op(vm, AND, bool_value(true), bool_value(true)), "True");
    assert_eq!(op(vm, XOR, bool_value(true), bool_value(true)), "False");
    assert_eq!(op(vm, AND, bool_value(true), int(3)), "1");
    assert_eq!(op(vm, DIV, bool_value(true), bool_value(true)), "1.0");
    assert_eq!(op(vm, IADD, int(1), int(2)), "3");
}

#[test]
fn arithmetic_errors() {
    let mut vm = vm();
    let vm = &mut vm;
    assert_eq!(op(vm, DIV, int(1), int(0)), "ZeroDivisionError: division by zero");
    assert_eq!(op(vm, FLOORDIV, int(1), int(0)), "ZeroDivisionError: integer division or modulo by zero");
    assert_eq!(op(vm, MOD, int(1), int(0)), "ZeroDivisionError: integer modulo by zero");
    assert_eq!(op(vm, DIV, new::float(1.0), int(0)), "ZeroDivisionError: float division by zero");
    assert_eq!(op(vm, FLOORDIV, new::float(1.0), int(0)), "ZeroDivisionError: float floor division by zero");
    assert_eq!(op(vm, MOD, new::float(1.0), int(0)), "ZeroDivisionError: float modulo");
    assert_eq!(op(vm, POW, int(0), int(-1)), "ZeroDivisionError: 0.0 cannot be raised to a negative power");
    assert_eq!(op(vm, POW, new::float(2.0), int(10000)), "OverflowError: (34, 'Numerical result out of range')");
    assert_eq!(op(vm, LSHIFT, int(1), int(-1)), "ValueError: negative shift count");
    assert_eq!(op(vm, LSHIFT, int(1), big("1180591620717411303424")), "OverflowError: too many digits in integer");
    assert_eq!(op(vm, ADD, int(1), s("a")), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
    assert_eq!(op(vm, ADD, s("a"), int(1)), "TypeError: can only concatenate str (not \"int\") to str");
    let l = new::list(vec![int(1)]);
    let t = new::tuple(vec![int(2)]);
    assert_eq!(op(vm, ADD, l, t), "TypeError: can only concatenate list (not \"tuple\") to list");
    assert_eq!(op(vm, ADD, t, l), "TypeError: can only concatenate tuple (not \"list\") to tuple");
    assert_eq!(op(vm, MUL, s("a"), new::float(2.0)), "TypeError: can't multiply sequence by non-int of type 'float'");
    assert_eq!(op(vm, MUL, l, l), "TypeError: can't multiply sequence by non-int of type 'list'");
    assert_eq!(op(vm, MUL, new::float(2.0), l), "TypeError: can't multiply sequence by non-int of type 'float'");
    assert_eq!(
        op(vm, MUL, l, big("1267650600228229401496703205376")),
        "OverflowError: cannot fit 'int' into an index-sized integer"
    );
    assert_eq!(op(vm, IADD, int(1), s("a")), "TypeError: unsupported operand type(s) for +=: 'int' and 'str'");
    assert_eq!(op(vm, IADD, l, int(5)), "TypeError: 'int' object is not iterable");
    assert_eq!(op(vm, POW, int(1), s("a")), "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'");
    assert_eq!(op(vm, POW + 13, int(1), s("a")), "TypeError: unsupported operand type(s) for **=: 'int' and 'str'");
    assert_eq!(op(vm, MATMUL, int(1), int(2)), "TypeError: unsupported operand type(s) for @: 'int' and 'int'");
    assert_eq!(
        op(vm, AND, new::float(1.5), big("1267650600228229401496703205376")),
        "TypeError: unsupported operand type(s) for &: 'float' and 'int'"
    );
    let e = unary_negative(vm, s("a")).unwrap_err();
    assert_eq!(err(vm, e), "TypeError: bad operand type for unary -: 'str'");
    let e = unary_invert(vm, new::float(1.5)).unwrap_err();
    assert_eq!(err(vm, e), "TypeError: bad operand type for unary ~: 'float'");
}

#[test]
fn float_and_sequence_arithmetic() {
    let mut vm = vm();
    let vm = &mut vm;
    assert_eq!(op(vm, ADD, new::float(0.1), new::float(0.2)), "0.30000000000000004");
    assert_eq!(op(vm, MUL, int(3), new::float(0.5)), "1.5");
    assert_eq!(op(vm, FLOORDIV, new::float(7.5), int(2)), "3.0");
    assert_eq!(op(vm, MOD, new::float(-7.5), int(2)), "0.5");
    assert_eq!(op(vm, POW, int(2), new::float(0.5)), "1.4142135623730951");
    assert_eq!(op(vm, ADD, s("ab"), s("cd")), "'abcd'");
    assert_eq!(op(vm, MUL, s("ab"), int(3)), "'ababab'");
    assert_eq!(op(vm, MUL, int(2), s("ab")), "'abab'");
    assert_eq!(op(vm, MUL, s("ab"), int(-1)), "''");
    let l = new::list(vec![int(1), int(2)]);
    assert_eq!(op(vm, ADD, l, new::list(vec![int(3)])), "[1, 2, 3]");
    assert_eq!(op(vm, MUL, l, int(2)), "[1, 2, 1, 2]");
    let t = new::tuple(vec![int(1)]);
    assert_eq!(op(vm, MUL, t, int(3)), "(1, 1, 1)");
    assert_eq!(op(vm, ADD, t, new::tuple(vec![s("x")])), "(1, 'x')");
    // list += iterable extends in place and returns the same list.
    let result = binary_op(vm, IADD, l, new::tuple(vec![int(9)])).unwrap();
    assert_eq!(result, l);
    assert_eq!(r(vm, l), "[1, 2, 9]");
    let result = binary_op(vm, IMUL, l, int(2)).unwrap();
    assert_eq!(result, l);
    assert_eq!(r(vm, l), "[1, 2, 9, 1, 2, 9]");
    assert_eq!(
        op(vm, MOD, s("%5.2f|%-4d|%s|%r|%x"), new::tuple(vec![new::float(3.125), int(7), s("x"), s("y"), int(255)])),
        "\" 3.12|7   |x|'y'|ff\""
    );
    assert_eq!(op(vm, MOD, s("%d %d"), new::tuple(vec![int(1)])), "TypeError: not enough arguments for format string");
    assert_eq!(op(vm, MOD, s("a"), int(1)), "TypeError: not all arguments converted during string formatting");
    assert_eq!(op(vm, MOD, s("%z"), int(1)), "ValueError: unsupported format character 'z' (0x7a) at index 1");
    assert_eq!(op(vm, MOD, s("%d"), s("a")), "TypeError: %d format: a real number is required, not str");
    let d = new::dict();
    dict_set(vm, d, s("a"), s("x")).unwrap();
    dict_set(vm, d, s("b"), int(2)).unwrap();
    assert_eq!(op(vm, MOD, s("%(a)s %(b)03d%%"), d), "'x 002%'");
    assert_eq!(op(vm, MOD, s("%s"), d), "\"{'a': 'x', 'b': 2}\"");
    assert_eq!(op(vm, MOD, s("%c%c"), new::tuple(vec![int(65), s("é")])), "'Aé'");
    assert_eq!(op(vm, MOD, s("%(a"), d), "ValueError: incomplete format key");
    assert_eq!(op(vm, MOD, s("%(a)"), d), "ValueError: incomplete format");
    let e = new::dict();
    dict_set(vm, e, int(1), int(2)).unwrap();
    assert_eq!(op(vm, OR, d, e), "{'a': 'x', 'b': 2, 1: 2}");
}

#[test]
fn comparisons() {
    let mut vm = vm();
    let vm = &mut vm;
    let cmp = |vm: &mut Vm, code: u32, a: StackRef, b: StackRef| match compare(vm, code, a, b) {
        Ok(v) => r(vm, v),
        Err(e) => err(vm, e),
    };
    assert_eq!(cmp(vm, 0, int(1), new::float(1.5)), "True");
    assert_eq!(cmp(vm, 2, int(1), new::float(1.0)), "True");
    assert_eq!(cmp(vm, 2, big("9007199254740993"), new::float(9007199254740992.0)), "False");
    assert_eq!(cmp(vm, 4, big("9007199254740993"), new::float(9007199254740992.0)), "True");
    assert_eq!(cmp(vm, 0, int(1), new::float(f64::NAN)), "False");
    assert_eq!(cmp(vm, 3, new::float(f64::NAN), new::float(f64::NAN)), "True");
    assert_eq!(cmp(vm, 0, s("abc"), s("abd")), "True");
    let a = new::list(vec![int(1), int(2)]);
    let b = new::list(vec![int(1), int(3)]);
    assert_eq!(cmp(vm, 0, a, b), "True");
    assert_eq!(cmp(vm, 2, a, new::list(vec![int(1), int(2)])), "True");
    assert_eq!(cmp(vm, 0, new::list(vec![int(1)]), a), "True");
    assert_eq!(cmp(vm, 5, new::tuple(vec![int(1), s("b")]), new::tuple(vec![int(1), s("a")])), "True");
    assert_eq!(cmp(vm, 2, new::tuple(vec![]), new::tuple(vec![])), "True");
    assert_eq!(cmp(vm, 0, int(1), s("a")), "TypeError: '<' not supported between instances of 'int' and 'str'");
    assert_eq!(
        cmp(vm, 0, a, new::tuple(vec![])),
        "TypeError: '<' not supported between instances of 'list' and 'tuple'"
    );
    assert_eq!(
        cmp(vm, 0, none(), none()),
        "TypeError: '<' not supported between instances of 'NoneType' and 'NoneType'"
    );
    assert_eq!(cmp(vm, 2, none(), none()), "True");
    assert_eq!(cmp(vm, 2, int(1), s("1")), "False");
    assert_eq!(cmp(vm, 3, int(1), s("1")), "True");
    assert_eq!(
        cmp(vm, 0, new::list(vec![int(1), s("a")]), new::list(vec![int(1), int(2)])),
        "TypeError: '<' not supported between instances of 'str' and 'int'"
    );
    let d1 = new::dict();
    let d2 = new::dict();
    dict_set(vm, d1, int(1), s("x")).unwrap();
    dict_set(vm, d2, new::float(1.0), s("x")).unwrap();
    assert_eq!(cmp(vm, 2, d1, d2), "True");
    dict_set(vm, d2, int(2), s("y")).unwrap();
    assert_eq!(cmp(vm, 2, d1, d2), "False");
    assert_eq!(cmp(vm, 0, d1, d2), "TypeError: '<' not supported between instances of 'dict' and 'dict'");
    assert!(eq(vm, bool_value(true), int(1)).unwrap());
    assert!(lt(vm, bool_value(false), new::float(0.5)).unwrap());
    let nan = new::float(f64::NAN);
    assert!(eq(vm, nan, nan).unwrap());
    assert!(eq(vm, new::list(vec![nan]), new::list(vec![nan])).unwrap());
}

#[test]
fn hashes() {
    let mut vm = vm();
    let vm = &mut vm;
    assert_eq!(hash(vm, int(-1)).unwrap(), -2);
    assert_eq!(hash(vm, new::float(1.0)).unwrap(), 1);
    assert_eq!(hash(vm, new::float(1.5)).unwrap(), 1152921504606846977);
    assert_eq!(hash(vm, bool_value(true)).unwrap(), 1);
    assert_eq!(hash(vm, big("1267650600228229401496703205376")).unwrap(), 549755813888);
    assert_eq!(hash(vm, new::tuple(vec![int(1), int(2)])).unwrap(), -3550055125485641917);
    assert_eq!(hash(vm, new::tuple(vec![])).unwrap(), 5740354900026072187);
    assert_eq!(hash(vm, s("abc")).unwrap(), hash(vm, s("abc")).unwrap());
    let range = crate::ops::sequence::new_range(0, 5, 2);
    assert_eq!(hash(vm, range).unwrap(), hash(vm, new::tuple(vec![int(3), int(0), int(2)])).unwrap());
    let e = hash(vm, new::list(vec![])).unwrap_err();
    assert_eq!(err(vm, e), "TypeError: unhashable type: 'list'");
    let e = hash(vm, new::tuple(vec![new::dict()])).unwrap_err();
    assert_eq!(err(vm, e), "TypeError: unhashable type: 'dict'");
}

#[test]
fn reprs() {
    let mut vm = vm();
    let vm = &mut vm;
    assert_eq!(r(vm, none()), "None");
    assert_eq!(r(vm, bool_value(false)), "False");
    assert_eq!(r(vm, new::float(1e16)), "1e+16");
    assert_eq!(r(vm, new::float(-0.0)), "-0.0");
    assert_eq!(r(vm, s("it's")), "\"it's\"");
    let inner = new::tuple(vec![int(1)]);
    let l = new::list(vec![inner, s("a"), new::tuple(vec![]), none()]);
    assert_eq!(r(vm, l), "[(1,), 'a', (), None]");
    crate::heap::incref(l);
    l.downcast::<crate::objects::list::ListData>().unwrap().items.borrow_mut().push(l);
    assert_eq!(r(vm, l), "[(1,), 'a', (), None, [...]]");
    let d = new::dict();
    dict_set(vm, d, s("k"), new::list(vec![int(1), new::float(2.5)])).unwrap();
    dict_set(vm, d, int(2), d).unwrap();
    assert_eq!(r(vm, d), "{'k': [1, 2.5], 2: {...}}");
    assert_eq!(str_string(vm, d).unwrap(), "{'k': [1, 2.5], 2: {...}}");
    assert_eq!(r(vm, crate::ops::sequence::new_range(0, 5, 1)), "range(0, 5)");
    assert_eq!(r(vm, crate::ops::sequence::new_range(1, 5, 2)), "range(1, 5, 2)");
    assert_eq!(r(vm, types().int), "<class 'int'>");
    assert_eq!(str_string(vm, s("x")).unwrap(), "x");
    let exc = new::exception(crate::ExcType::ValueError.class(), &[s("x")]);
    assert_eq!(r(vm, exc), "ValueError('x')");
    assert_eq!(str_string(vm, exc).unwrap(), "x");
    let exc = new::exception(crate::ExcType::ValueError.class(), &[s("x"), int(1)]);
    assert_eq!(r(vm, exc), "ValueError('x', 1)");
    assert_eq!(str_string(vm, exc).unwrap(), "('x', 1)");
    let exc = new::exception(crate::ExcType::KeyError.class(), &[s("k")]);
    assert_eq!(str_string(vm, exc).unwrap(), "'k'");
    let exc = new::exception(crate::ExcType::KeyError.class(), &[]);
    assert_eq!(r(vm, exc), "KeyError()");
    assert_eq!(str_string(vm, exc).unwrap(), "");
    assert_eq!(ascii_string(vm, s("é\u{1F600}")).unwrap(), "'\\xe9\\U0001f600'");
    let f = |vm: &mut Vm, v: StackRef, spec: &str| match format(vm, v, spec) {
        Ok(v) => str_string(vm, v).unwrap(),
        Err(e) => err(vm, e),
    };
    assert_eq!(f(vm, new::float(3.125), ".2f"), "3.12");
    assert_eq!(f(vm, bool_value(true), ""), "True");
    assert_eq!(f(vm, bool_value(true), ">5"), "    1");
    assert_eq!(f(vm, int(255), "#x"), "0xff");
    assert_eq!(f(vm, s("ab"), "^6"), "  ab  ");
    assert_eq!(f(vm, new::float(1.5), "d"), "ValueError: Unknown format code 'd' for object of type 'float'");
    assert_eq!(f(vm, new::list(vec![]), "x"), "TypeError: unsupported format string passed to list.__format__");
    assert_eq!(f(vm, new::list(vec![]), ""), "[]");
}

#[test]
fn subscripts() {
    let mut vm = vm();
    let vm = &mut vm;
    let l = new::list((0..6).map(int).collect());
    let get = |vm: &mut Vm, c: StackRef, k: StackRef| match getitem(vm, c, k) {
        Ok(v) => r(vm, v),
        Err(e) => err(vm, e),
    };
    let slice = |a: StackRef, b: StackRef, c: StackRef| crate::ops::sequence::new_slice(a, b, c);
    assert_eq!(get(vm, l, int(-1)), "5");
    assert_eq!(get(vm, l, bool_value(true)), "1");
    assert_eq!(get(vm, l, int(6)), "IndexError: list index out of range");
    assert_eq!(
        get(vm, l, big("1267650600228229401496703205376")),
        "IndexError: cannot fit 'int' into an index-sized integer"
    );
    assert_eq!(get(vm, l, s("a")), "TypeError: list indices must be integers or slices, not str");
    assert_eq!(get(vm, l, slice(int(1), int(-1), int(2))), "[1, 3]");
    assert_eq!(get(vm, l, slice(none(), none(), int(-2))), "[5, 3, 1]");
    assert_eq!(get(vm, l, slice(none(), none(), int(0))), "ValueError: slice step cannot be zero");
    assert_eq!(
        get(vm, l, slice(s("a"), none(), none())),
        "TypeError: slice indices must be integers or None or have an __index__ method"
    );
    assert_eq!(get(vm, s("héllo"), int(1)), "'é'");
    assert_eq!(get(vm, s("héllo"), slice(none(), none(), int(-1))), "'olléh'");
    assert_eq!(get(vm, s("abc"), int(5)), "IndexError: string index out of range");
    assert_eq!(get(vm, s("abc"), s("x")), "TypeError: string indices must be integers, not 'str'");
    let t = new::tuple(vec![int(1)]);
    assert_eq!(get(vm, t, int(2)), "IndexError: tuple index out of range");
    let range = crate::ops::sequence::new_range(0, 10, 1);
    assert_eq!(get(vm, range, slice(none(), none(), int(-1))), "range(9, -1, -1)");
    assert_eq!(get(vm, crate::ops::sequence::new_range(-5, 5, 3), slice(int(1), none(), int(2))), "range(-2, 7, 6)");
    assert_eq!(get(vm, range, int(-1)), "9");
    assert_eq!(get(vm, range, big("1180591620717411303424")), "IndexError: range object index out of range");
    assert_eq!(get(vm, int(5), int(0)), "TypeError: 'int' object is not subscriptable");
    assert_eq!(get(vm, types().int, int(0)), "TypeError: type 'int' is not subscriptable");
    let d = new::dict();
    assert_eq!(get(vm, d, s("a")), "KeyError: 'a'");

    // Slice assignment and deletion.
    let set = |vm: &mut Vm, c: StackRef, k: StackRef, v: StackRef| match setitem(vm, c, k, v) {
        Ok(()) => r(vm, c),
        Err(e) => err(vm, e),
    };
    let l = new::list(vec![int(1), int(2), int(3)]);
    assert_eq!(set(vm, l, slice(int(1), int(1), none()), s("ab")), "[1, 'a', 'b', 2, 3]");
    assert_eq!(set(vm, l, slice(int(1), int(3), none()), new::list(vec![])), "[1, 2, 3]");
    assert_eq!(set(vm, l, slice(none(), none(), int(-1)), s("abc")), "['c', 'b', 'a']");
    assert_eq!(
        set(vm, l, slice(none(), none(), int(2)), new::list(vec![int(1)])),
        "ValueError: attempt to assign sequence of size 1 to extended slice of size 2"
    );
    assert_eq!(set(vm, l, slice(none(), none(), int(2)), int(5)), "TypeError: must assign iterable to extended slice");
    assert_eq!(set(vm, l, slice(int(0), int(1), none()), int(5)), "TypeError: can only assign an iterable");
    assert_eq!(set(vm, l, slice(none(), none(), none()), l), "['c', 'b', 'a']");
    assert_eq!(set(vm, l, int(5), int(1)), "IndexError: list assignment index out of range");
    assert_eq!(set(vm, l, int(-1), int(1)), "['c', 'b', 1]");
    assert_eq!(set(vm, t, int(0), int(1)), "TypeError: 'tuple' object does not support item assignment");
    set_slice(vm, l, int(2), none(), new::list(vec![int(7), int(8)])).unwrap();
    assert_eq!(r(vm, l), "['c', 'b', 7, 8]");
    let got = get_slice(vm, l, int(1), int(-1)).unwrap();
    assert_eq!(r(vm, got), "['b', 7]");
    let got = get_slice(vm, s("hello"), none(), int(2)).unwrap();
    assert_eq!(r(vm, got), "'he'");
    delitem(vm, l, slice(none(), none(), int(2))).unwrap();
    assert_eq!(r(vm, l), "['b', 8]");
    delitem(vm, l, int(0)).unwrap();
    assert_eq!(r(vm, l), "[8]");
    let e = delitem(vm, l, int(3)).unwrap_err();
    assert_eq!(err(vm, e), "IndexError: list assignment index out of range");
    let e = delitem(vm, t, int(0)).unwrap_err();
    assert_eq!(err(vm, e), "TypeError: 'tuple' object doesn't support item deletion");
    let e = delitem(vm, t, slice(none(), none(), none())).unwrap_err();
    assert_eq!(err(vm, e), "TypeError: 'tuple' object does not support item deletion");
    let e = delitem(vm, d, int(1)).unwrap_err();
    assert_eq!(err(vm, e), "KeyError: 1");
}

#[test]
fn dicts_and_membership() {
    let mut vm = vm();
    let vm = &mut vm;
    let d = new::dict();
    dict_set(vm, d, int(1), s("one")).unwrap();
    dict_set(vm, d, new::float(1.0), s("uno")).unwrap();
    dict_set(vm, d, bool_value(true), s("true")).unwrap();
    dict_set(vm, d, new::tuple(vec![int(1), s("a")]), int(5)).unwrap();
    dict_set(vm, d, s("k"), int(6)).unwrap();
    assert_eq!(r(vm, d), "{1: 'true', (1, 'a'): 5, 'k': 6}");
    let key = new::tuple(vec![new::float(1.0), s("a")]);
    let got = dict_get(vm, d, key).unwrap().unwrap();
    assert_eq!(r(vm, got), "5");
    assert!(dict_get(vm, d, s("missing")).unwrap().is_none());
    let e = dict_get(vm, d, new::list(vec![])).unwrap_err();
    assert_eq!(err(vm, e), "TypeError: unhashable type: 'list'");
    let removed = dict_del(vm, d, s("k")).unwrap().unwrap();
    assert_eq!(r(vm, removed), "6");
    assert!(dict_del(vm, d, s("k")).unwrap().is_none());
    assert!(contains(vm, d, new::float(1.0)).unwrap());
    assert!(contains(vm, new::list(vec![int(1), int(2)]), new::float(2.0)).unwrap());
    assert!(contains(vm, s("hello"), s("ell")).unwrap());
    let e = contains(vm, s("hello"), int(1)).unwrap_err();
    assert_eq!(err(vm, e), "TypeError: 'in <string>' requires string as left operand, not int");
    let e = contains(vm, int(5), int(1)).unwrap_err();
    assert_eq!(err(vm, e), "TypeError: argument of type 'int' is not iterable");
    let range = crate::ops::sequence::new_range(0, 10, 3);
    assert!(contains(vm, range, int(9)).unwrap());
    assert!(!contains(vm, range, int(10)).unwrap());
    assert!(contains(vm, range, new::float(6.0)).unwrap());
    assert!(contains(vm, new::tuple(vec![s("a")]), s("a")).unwrap());
    // Many keys: growth and deletion keep lookups right.
    let big_dict = new::dict();
    for i in 0..1000 {
        dict_set(vm, big_dict, int(i), int(i * 2)).unwrap();
    }
    for i in (0..1000).step_by(2) {
        dict_del(vm, big_dict, int(i)).unwrap().unwrap();
    }
    assert_eq!(len(vm, big_dict).unwrap(), 500);
    let got = dict_get(vm, big_dict, new::float(999.0)).unwrap().unwrap();
    assert_eq!(r(vm, got), "1998");
    assert!(dict_get(vm, big_dict, int(998)).unwrap().is_none());
}

#[test]
fn iteration_and_truth() {
    let mut vm = vm();
    let vm = &mut vm;
    let items = |vm: &mut Vm, v: StackRef| {
        let handles = collect(vm, v).unwrap();
        let values: Vec<StackRef> = handles.iter().map(|h| h.get()).collect();
        r(vm, new::list(values))
    };
    assert_eq!(items(vm, crate::ops::sequence::new_range(5, 0, -2)), "[5, 3, 1]");
    assert_eq!(items(vm, s("héj")), "['h', 'é', 'j']");
    let d = new::dict();
    dict_set(vm, d, s("a"), int(1)).unwrap();
    dict_set(vm, d, s("b"), int(2)).unwrap();
    assert_eq!(items(vm, d), "['a', 'b']");
    let it = iter(vm, d).unwrap();
    assert!(next(vm, it).unwrap().is_some());
    dict_set(vm, d, s("c"), int(3)).unwrap();
    let e = next(vm, it).unwrap_err();
    assert_eq!(err(vm, e), "RuntimeError: dictionary changed size during iteration");
    let e = iter(vm, int(5)).unwrap_err();
    assert_eq!(err(vm, e), "TypeError: 'int' object is not iterable");
    let it = iter(vm, new::list(vec![int(1)])).unwrap();
    assert_eq!(iter(vm, it).unwrap(), it);
    assert!(next(vm, it).unwrap().is_some());
    assert!(next(vm, it).unwrap().is_none());
    assert!(!truthy(vm, new::list(vec![])).unwrap());
    assert!(truthy(vm, s("a")).unwrap());
    assert!(!truthy(vm, new::float(0.0)).unwrap());
    assert!(!truthy(vm, none()).unwrap());
    assert!(truthy(vm, big("1267650600228229401496703205376")).unwrap());
    assert!(!truthy(vm, crate::ops::sequence::new_range(0, 0, 1)).unwrap());
    assert_eq!(len(vm, s("héllo")).unwrap(), 5);
    let e = len(vm, int(5)).unwrap_err();
    assert_eq!(err(vm, e), "TypeError: object of type 'int' has no len()");
    assert_eq!(index_i64(vm, bool_value(true)).unwrap(), 1);
    let e = index_i64(vm, new::float(1.5)).unwrap_err();
    assert_eq!(err(vm, e), "TypeError: 'float' object cannot be interpreted as an integer");
    let e = index_i64(vm, big("1267650600228229401496703205376")).unwrap_err();
    assert_eq!(err(vm, e), "OverflowError: Python int too large to convert to C ssize_t");
    assert_eq!(to_f64(vm, int(3)).unwrap(), 3.0);
    let e = to_f64(vm, s("x")).unwrap_err();
    assert_eq!(err(vm, e), "TypeError: must be real number, not str");
    assert_eq!(int_value(big("4611686018427387904")), Some(4611686018427387904));
    assert_eq!(to_bigint(bool_value(true)), Some(BigInt::from(1)));
}

#[test]
fn divmod_pow_abs() {
    let mut vm = vm();
    let vm = &mut vm;
    let show = |vm: &mut Vm, v: crate::PyResult<StackRef>| match v {
        Ok(v) => r(vm, v),
        Err(e) => err(vm, e),
    };
    let v = divmod(vm, int(-7), int(2));
    assert_eq!(show(vm, v), "(-4, 1)");
    let v = divmod(vm, new::float(-7.5), int(2));
    assert_eq!(show(vm, v), "(-4.0, 0.5)");
    let v = divmod(vm, new::float(1.0), int(0));
    assert_eq!(show(vm, v), "ZeroDivisionError: float divmod()");
    let v = divmod(vm, int(1), int(0));
    assert_eq!(show(vm, v), "ZeroDivisionError: integer division or modulo by zero");
    let v = divmod(vm, int(1), s("a"));
    assert_eq!(show(vm, v), "TypeError: unsupported operand type(s) for divmod(): 'int' and 'str'");
    let v = power(vm, int(2), int(10), int(7));
    assert_eq!(show(vm, v), "2");
    let v = power(vm, int(2), int(-1), int(7));
    assert_eq!(show(vm, v), "4");
    let v = power(vm, int(2), int(-1), int(4));
    assert_eq!(show(vm, v), "ValueError: base is not invertible for the given modulus");
    let v = power(vm, int(2), int(3), int(0));
    assert_eq!(show(vm, v), "ValueError: pow() 3rd argument cannot be 0");
    let v = power(vm, int(5), int(2), int(-7));
    assert_eq!(show(vm, v), "-3");
    let v = power(vm, int(-5), int(3), int(7));
    assert_eq!(show(vm, v), "1");
    let v = power(vm, new::float(2.0), int(3), int(5));
    assert_eq!(show(vm, v), "TypeError: pow() 3rd argument not allowed unless all arguments are integers");
    let v = power(vm, s("a"), int(2), int(3));
    assert_eq!(show(vm, v), "TypeError: unsupported operand type(s) for ** or pow(): 'str', 'int', 'int'");
    let v = power(vm, int(2), int(3), none());
    assert_eq!(show(vm, v), "8");
    let v = absolute(vm, int(-(1 << 62)));
    assert_eq!(show(vm, v), "4611686018427387904");
    let v = absolute(vm, bool_value(true));
    assert_eq!(show(vm, v), "1");
    let v = absolute(vm, s("a"));
    assert_eq!(show(vm, v), "TypeError: bad operand type for abs(): 'str'");
}

//! Unit tests of the checks: each bad file must fail with a message naming the culprit.

use super::*;

fn bodies(src: &str) -> BodySources {
    let mut b = BodySources::new();
    b.insert("m".to_string(), src.to_string());
    b
}

const GOOD_BODIES: &str = r#"
pub fn guard(left: StackRef, right: StackRef) -> bool { true }
pub fn add(left: StackRef, right: StackRef) -> Option<StackRef> { None }
pub fn generic(vm: &mut Vm, oparg: u32, lhs: StackRef, rhs: StackRef) -> PyResult<StackRef> { todo!() }
"#;

const GOOD: &str = r#"
[uop.BINARY_OP]
inputs = ["lhs", "rhs"]
outputs = ["res"]
body = "m::generic"
flags = ["error", "escapes"]

[inst.BINARY_OP]
uops = ["BINARY_OP"]
cache = ["counter/1"]

[uop._GUARD]
inputs = ["left", "right"]
outputs = ["left", "right"]
body = "m::guard"
flags = ["exit"]

[uop._ADD]
inputs = ["left", "right"]
outputs = ["res"]
body = "m::add"
flags = ["deopt"]

[inst.BINARY_OP_ADD_INT]
family = "BINARY_OP"
uops = ["_GUARD", "_ADD"]
cache = ["counter/1"]
"#;

#[test]
fn good_file_generates() {
    let generated = generate(GOOD, &bodies(GOOD_BODIES)).expect("valid");
    assert!(generated.opcodes.contains("pub const BINARY_OP_ADD_INT: u8 = 1;"));
    assert!(generated.tier1_dispatch.contains("crate::uops::m::add(left, right)"));
    assert!(generated.tier1_dispatch.contains("deopt!(op::BINARY_OP)"));
    assert!(generated.tier1_dispatch.contains("adaptive!(op::BINARY_OP)"));
}

fn error_of(toml: &str, src: &str) -> String {
    match generate(toml, &bodies(src)) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e,
    }
}

#[test]
fn unknown_uop_is_named() {
    let bad = GOOD.replace("uops = [\"_GUARD\", \"_ADD\"]", "uops = [\"_GUARD\", \"_ADDD\"]");
    let err = error_of(&bad, GOOD_BODIES);
    assert!(err.contains("unknown uop _ADDD"), "{err}");
}

#[test]
fn stack_effect_mismatch_is_named() {
    let bad = GOOD.replace("outputs = [\"left\", \"right\"]", "outputs = [\"left\"]");
    let err = error_of(&bad, GOOD_BODIES);
    assert!(err.contains("does not add up") && err.contains("_ADD"), "{err}");
}

#[test]
fn body_return_not_matching_outputs_is_named() {
    let bad = GOOD
        .replace("outputs = [\"res\"]\nbody = \"m::generic\"", "outputs = [\"res\", \"extra\"]\nbody = \"m::generic\"");
    let err = error_of(&bad, GOOD_BODIES);
    assert!(err.contains("uop BINARY_OP") && err.contains("does not add up"), "{err}");
}

#[test]
fn missing_body_is_named() {
    let src = GOOD_BODIES.replace("pub fn add(", "pub fn addd(");
    let err = error_of(GOOD, &src);
    assert!(err.contains("uop _ADD: body missing"), "{err}");
}

#[test]
fn missing_body_module_is_named() {
    let bad = GOOD.replace("m::add", "nowhere::add");
    let err = error_of(&bad, GOOD_BODIES);
    assert!(err.contains("uop _ADD") && err.contains("nowhere"), "{err}");
}

#[test]
fn escaping_body_without_flag_is_named() {
    let bad = GOOD.replace("flags = [\"error\", \"escapes\"]", "flags = [\"error\"]");
    let err = error_of(&bad, GOOD_BODIES);
    assert!(err.contains("uop BINARY_OP") && err.contains("'escapes'"), "{err}");
}

#[test]
fn unknown_flag_is_named() {
    let bad = GOOD.replace("flags = [\"exit\"]", "flags = [\"exitt\"]");
    let err = error_of(&bad, GOOD_BODIES);
    assert!(err.contains("uop _GUARD") && err.contains("exitt"), "{err}");
}

#[test]
fn cache_layout_must_match_family() {
    let bad = GOOD.replace(
        "uops = [\"_GUARD\", \"_ADD\"]\ncache = [\"counter/1\"]",
        "uops = [\"_GUARD\", \"_ADD\"]\ncache = [\"counter/2\"]",
    );
    let err = error_of(&bad, GOOD_BODIES);
    assert!(err.contains("BINARY_OP_ADD_INT") && err.contains("cache layout"), "{err}");
}

#[test]
fn typed_item_left_on_stack_is_refused() {
    let toml = r#"
[uop._PUSH_KEYS]
outputs = ["keys:Keys"]
body = "m::push_keys"
flags = []

[inst.X]
uops = ["_PUSH_KEYS"]
"#;
    let err = error_of(toml, "pub fn push_keys() -> Keys { todo!() }");
    assert!(err.contains("typed item keys is left on the stack"), "{err}");
}

#[test]
fn array_items_and_signatures_parse() {
    let item = model::Item::parse("args[oparg]").unwrap();
    assert_eq!(item.count.as_deref(), Some("oparg"));
    let sig =
        model::find_body("pub fn f(vm: &mut Vm, args: &[StackRef]) -> PyResult<Option<StackRef>> {", "f").unwrap();
    assert_eq!(sig.params.len(), 2);
    assert_eq!(sig.ret, "PyResult<Option<StackRef>>");
}

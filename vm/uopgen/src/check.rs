//! Consistency checks on a parsed uops.toml: every reference resolves, the stack
//! effects of an instruction's uops compose, every uop has a Rust body whose signature
//! agrees with its declaration, and escaping bodies carry the `escapes` flag.

use crate::model::{BodySig, BodySources, Item, Spec, Uop};

/// Parameter names a body may take besides its inputs and array outputs.
const CONTEXT_PARAMS: &[&str] = &["vm", "frame", "oparg", "operand"];

/// Runs every check; the first failure is returned as a message naming the culprit.
pub fn check(spec: &Spec, bodies: &BodySources) -> Result<(), String> {
    if spec.insts.len() > 256 {
        return Err(format!("{} instructions do not fit in an 8-bit opcode", spec.insts.len()));
    }
    for uop in &spec.uops {
        check_uop_shape(uop)?;
        check_body(uop, bodies)?;
    }
    for inst in &spec.insts {
        for name in &inst.uops {
            let uop = spec.uop(name).ok_or_else(|| format!("instruction {}: unknown uop {name}", inst.name))?;
            if uop.is_tier2_only() {
                return Err(format!("instruction {}: uop {name} exists only in tier 2 traces", inst.name));
            }
            if let Some(entry) = &uop.operand {
                if inst.cache_entry(entry).is_none() {
                    return Err(format!(
                        "instruction {}: uop {} reads cache entry '{entry}', which the instruction lacks",
                        inst.name, uop.name
                    ));
                }
            }
        }
        if let Some(base) = &inst.family {
            let generic = spec.inst(base).ok_or_else(|| format!("instruction {}: unknown family {base}", inst.name))?;
            if generic.family.is_some() {
                return Err(format!("instruction {}: family {base} is itself a specialization", inst.name));
            }
            if generic.cache != inst.cache {
                return Err(format!("instruction {}: its cache layout differs from its family {base}'s", inst.name));
            }
        }
        stack_of(spec, &inst.name)?;
    }
    Ok(())
}

/// Checks that pass-through arrays keep their position within one uop.
fn check_uop_shape(uop: &Uop) -> Result<(), String> {
    for (index, item) in uop.outputs.iter().enumerate() {
        if item.is_unused() && item.count.is_some() {
            let out_prefix: Vec<String> = uop.outputs[..index].iter().map(Item::slots).collect();
            let in_index = uop.inputs.iter().position(|i| i.is_unused() && i.count == item.count).ok_or_else(|| {
                format!(
                    "uop {}: output unused[{}] has no matching input",
                    uop.name,
                    item.count.as_deref().unwrap_or("")
                )
            })?;
            let in_prefix: Vec<String> = uop.inputs[..in_index].iter().map(Item::slots).collect();
            if in_prefix != out_prefix {
                return Err(format!(
                    "uop {}: the stack effect does not add up: unused[{}] moves between inputs and outputs",
                    uop.name,
                    item.count.as_deref().unwrap_or("")
                ));
            }
        }
        if item.is_typed() && item.count.is_some() {
            return Err(format!("uop {}: typed item {} cannot be an array", uop.name, item.name));
        }
    }
    let mut seen = Vec::new();
    for item in &uop.inputs {
        if !item.is_unused() && seen.contains(&item.name) {
            return Err(format!("uop {}: input {} appears twice", uop.name, item.name));
        }
        seen.push(item.name.clone());
    }
    Ok(())
}

/// The values a body returns: outputs that are neither inputs passed through, nor
/// unused, nor arrays (arrays are written through a slice parameter or filled with NULL).
pub fn returned_outputs(uop: &Uop) -> Vec<&Item> {
    uop.outputs
        .iter()
        .filter(|o| !o.is_unused() && o.count.is_none() && !uop.inputs.iter().any(|i| i.name == o.name))
        .collect()
}

/// Array outputs the body writes through a `&mut [StackRef]` parameter.
pub fn written_arrays(uop: &Uop) -> Vec<&Item> {
    uop.outputs.iter().filter(|o| o.count.is_some() && !o.is_unused() && o.name != "null").collect()
}

fn check_body(uop: &Uop, bodies: &BodySources) -> Result<(), String> {
    if uop.has("special") {
        // Special uops are written by hand as dispatch macros: `tier1::` ones in the
        // tier-1 loop (and again in the uop interpreter), `tier2::` ones only in the
        // uop interpreter, since no instruction uses them.
        if !matches!(uop.body_module(), "tier1" | "tier2") {
            return Err(format!("uop {}: a special uop's body must name its tier1 or tier2 macro", uop.name));
        }
        return Ok(());
    }
    let module = uop.body_module();
    let source = bodies
        .get(module)
        .ok_or_else(|| format!("uop {}: body module '{module}' (vm/src/uops/{module}.rs) does not exist", uop.name))?;
    let sig = crate::model::find_body(source, uop.body_fn()).ok_or_else(|| {
        format!("uop {}: body missing: no `pub fn {}(` in vm/src/uops/{module}.rs", uop.name, uop.body_fn())
    })?;
    check_signature(uop, &sig)
}

/// The shape of a body's return type once its Result and Option layers are peeled.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct ReturnShape {
    pub fallible: bool,
    pub optional: bool,
}

pub fn return_shape(ret: &str) -> (ReturnShape, String) {
    let mut rest = ret.trim().to_string();
    let mut shape = ReturnShape { fallible: false, optional: false };
    if let Some(inner) = rest.strip_prefix("PyResult<").and_then(|r| r.strip_suffix('>')) {
        shape.fallible = true;
        rest = inner.trim().to_string();
    }
    if let Some(inner) = rest.strip_prefix("Option<").and_then(|r| r.strip_suffix('>')) {
        shape.optional = true;
        rest = inner.trim().to_string();
    }
    (shape, rest)
}

fn check_signature(uop: &Uop, sig: &BodySig) -> Result<(), String> {
    let name = &uop.name;
    let takes_vm = sig.params.iter().any(|(p, _)| p == "vm");
    if takes_vm && !uop.has("escapes") {
        return Err(format!(
            "uop {name}: its body takes the VM and so may escape, but the uop lacks the 'escapes' flag"
        ));
    }
    if uop.has("escapes") && !takes_vm && !uop.has("special") {
        return Err(format!("uop {name}: flagged 'escapes' but its body does not take `vm`"));
    }
    if takes_vm && sig.params.iter().any(|(p, _)| p == "frame") {
        return Err(format!("uop {name}: a body takes either `vm` or `frame`, not both"));
    }
    let arrays: Vec<&str> = written_arrays(uop).iter().map(|i| i.name.as_str()).collect();
    for (param, _) in &sig.params {
        let known = CONTEXT_PARAMS.contains(&param.as_str())
            || uop.inputs.iter().any(|i| &i.name == param && !i.is_unused())
            || arrays.contains(&param.as_str());
        if !known {
            return Err(format!(
                "uop {name}: body parameter '{param}' is neither an input, an array output nor a context parameter"
            ));
        }
        if param == "operand" && uop.operand.is_none() {
            return Err(format!("uop {name}: body takes `operand` but the uop declares none"));
        }
    }
    let (shape, value) = return_shape(&sig.ret);
    if shape.fallible && !uop.has("error") {
        return Err(format!("uop {name}: body returns PyResult but the uop lacks the 'error' flag"));
    }
    if uop.has("error") && !shape.fallible && !uop.has("special") {
        return Err(format!("uop {name}: flagged 'error' but its body does not return PyResult"));
    }
    let returned = returned_outputs(uop);
    let is_guard = value == "bool" && returned.is_empty() && !uop.has("jump");
    if is_guard && !(uop.has("deopt") || uop.has("exit")) {
        return Err(format!("uop {name}: a guard (returns bool) needs the 'deopt' or 'exit' flag"));
    }
    if shape.optional && !(uop.has("deopt") || uop.has("exit") || uop.has("jump")) {
        return Err(format!("uop {name}: body returns Option but the uop can neither deopt nor jump"));
    }
    let for_iter_like = uop.has("jump") && shape.optional;
    let conditional_jump = uop.has("jump") && value == "bool";
    if !(is_guard || uop.has("special") || conditional_jump) {
        let expected = match returned.len() {
            0 => "()".to_string(),
            1 => returned[0].ty.clone().unwrap_or_else(|| "StackRef".into()),
            _ => format!(
                "({})",
                returned
                    .iter()
                    .map(|i| i.ty.clone().unwrap_or_else(|| "StackRef".into()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let expected = if for_iter_like { "StackRef".to_string() } else { expected };
        let actual = if value.is_empty() { "()".to_string() } else { value.replace(' ', "") };
        if actual != expected.replace(' ', "") {
            return Err(format!(
                "uop {name}: the stack effect does not add up: body returns `{actual}` but the outputs need `{expected}`"
            ));
        }
    }
    Ok(())
}

/// Simulates an instruction's uops over a symbolic stack and returns its overall
/// inputs and outputs. Fails when a uop finds a different item than it expects.
pub fn stack_of(spec: &Spec, inst_name: &str) -> Result<(Vec<Item>, Vec<Item>), String> {
    let inst = spec.inst(inst_name).ok_or_else(|| format!("unknown instruction {inst_name}"))?;
    let mut stack: Vec<Item> = Vec::new();
    let mut from_below: Vec<Item> = Vec::new();
    for uop_name in &inst.uops {
        let uop = spec.uop(uop_name).ok_or_else(|| format!("instruction {inst_name}: unknown uop {uop_name}"))?;
        for input in uop.inputs.iter().rev() {
            match stack.pop() {
                None => {
                    if input.is_typed() {
                        return Err(format!(
                            "instruction {inst_name}: uop {uop_name} needs typed item {} that no earlier uop produced",
                            input.name
                        ));
                    }
                    from_below.insert(0, input.clone());
                }
                Some(top) => {
                    let names_agree = top.name == input.name || top.is_unused() || input.is_unused();
                    if !names_agree || top.count != input.count || top.ty != input.ty {
                        return Err(format!(
                            "instruction {inst_name}: the stack effect does not add up: uop {uop_name} expects {} but finds {}",
                            describe(input),
                            describe(&top)
                        ));
                    }
                }
            }
        }
        stack.extend(uop.outputs.iter().cloned());
    }
    if let Some(typed) = stack.iter().find(|i| i.is_typed()) {
        return Err(format!(
            "instruction {inst_name}: the stack effect does not add up: typed item {} is left on the stack",
            typed.name
        ));
    }
    Ok((from_below, stack))
}

fn describe(item: &Item) -> String {
    match (&item.count, &item.ty) {
        (Some(c), _) => format!("{}[{c}]", item.name),
        (_, Some(t)) => format!("{}:{t}", item.name),
        _ => item.name.clone(),
    }
}

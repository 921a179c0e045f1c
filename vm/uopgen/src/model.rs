//! The in-memory model of uops.toml: uops, instructions, stack items and cache entries,
//! parsed from the TOML text with every malformed entry reported by name.

use std::collections::BTreeMap;

/// The flags a uop may carry (see docs/uops.md for their meaning).
pub const KNOWN_FLAGS: &[&str] =
    &["escapes", "deopt", "exit", "error", "eval_break", "pure", "jump", "local", "const", "name", "special"];

/// One stack item of a uop's inputs or outputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    pub name: String,
    /// For an array item, the Rust expression (in `oparg`) giving its length.
    pub count: Option<String>,
    /// For a typed intermediate, its Rust type; such items never reach the memory stack.
    pub ty: Option<String>,
}

impl Item {
    pub fn parse(text: &str) -> Result<Item, String> {
        let text = text.trim();
        if let Some((name, ty)) = text.split_once(':') {
            check_ident(name)?;
            return Ok(Item { name: name.to_string(), count: None, ty: Some(ty.trim().to_string()) });
        }
        if let Some(open) = text.find('[') {
            if !text.ends_with(']') {
                return Err(format!("malformed array item '{text}'"));
            }
            let name = &text[..open];
            check_ident(name)?;
            let count = text[open + 1..text.len() - 1].trim();
            if count.is_empty() {
                return Err(format!("array item '{text}' has no count"));
            }
            return Ok(Item { name: name.to_string(), count: Some(count.to_string()), ty: None });
        }
        check_ident(text)?;
        Ok(Item { name: text.to_string(), count: None, ty: None })
    }

    pub fn is_unused(&self) -> bool {
        self.name == "unused"
    }

    pub fn is_typed(&self) -> bool {
        self.ty.is_some()
    }

    /// The Rust expression for how many memory slots this item takes.
    pub fn slots(&self) -> String {
        match (&self.count, &self.ty) {
            (_, Some(_)) => "0".to_string(),
            (Some(count), None) => format!("(({count}) as usize)"),
            (None, None) => "1".to_string(),
        }
    }
}

fn check_ident(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(format!("'{name}' is not a valid stack item name"))
    }
}

/// A cache entry of an instruction: a name and a size in 16-bit units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheEntry {
    pub name: String,
    pub units: usize,
}

#[derive(Clone, Debug)]
pub struct Uop {
    pub name: String,
    pub inputs: Vec<Item>,
    pub outputs: Vec<Item>,
    pub flags: Vec<String>,
    pub operand: Option<String>,
    /// "module::function" under vm/src/uops/.
    pub body: String,
}

impl Uop {
    pub fn has(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }
    pub fn body_module(&self) -> &str {
        self.body.split("::").next().unwrap_or("")
    }
    /// A uop that only tier-2 traces contain (written by hand in the uop interpreter).
    pub fn is_tier2_only(&self) -> bool {
        self.has("special") && self.body_module() == "tier2"
    }
    pub fn body_fn(&self) -> &str {
        self.body.rsplit("::").next().unwrap_or("")
    }
}

#[derive(Clone, Debug)]
pub struct Inst {
    pub name: String,
    pub uops: Vec<String>,
    pub cache: Vec<CacheEntry>,
    pub family: Option<String>,
}

impl Inst {
    pub fn cache_units(&self) -> usize {
        self.cache.iter().map(|c| c.units).sum()
    }
    /// The offset (in units, from the first cache unit) and size of a named cache entry.
    pub fn cache_entry(&self, name: &str) -> Option<(usize, usize)> {
        let mut offset = 0;
        for entry in &self.cache {
            if entry.name == name {
                return Some((offset, entry.units));
            }
            offset += entry.units;
        }
        None
    }
}

#[derive(Clone, Debug, Default)]
pub struct Spec {
    /// Uops in file order.
    pub uops: Vec<Uop>,
    /// Instructions in file order.
    pub insts: Vec<Inst>,
}

impl Spec {
    pub fn uop(&self, name: &str) -> Option<&Uop> {
        self.uops.iter().find(|u| u.name == name)
    }
    pub fn inst(&self, name: &str) -> Option<&Inst> {
        self.insts.iter().find(|i| i.name == name)
    }
    /// Specializations of a generic instruction, in file order.
    pub fn specializations(&self, base: &str) -> Vec<&Inst> {
        self.insts.iter().filter(|i| i.family.as_deref() == Some(base)).collect()
    }
}

fn string_list(table: &toml::Table, key: &str, owner: &str) -> Result<Vec<String>, String> {
    match table.get(key) {
        None => Ok(Vec::new()),
        Some(toml::Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map(str::to_string).ok_or_else(|| format!("{owner}: '{key}' must hold strings")))
            .collect(),
        Some(_) => Err(format!("{owner}: '{key}' must be a list of strings")),
    }
}

fn check_keys(table: &toml::Table, allowed: &[&str], owner: &str) -> Result<(), String> {
    for key in table.keys() {
        if !allowed.contains(&key.as_str()) {
            return Err(format!("{owner}: unknown key '{key}'"));
        }
    }
    Ok(())
}

/// Parses the TOML text into a Spec. Structural errors name the uop or instruction.
pub fn parse(text: &str) -> Result<Spec, String> {
    let root: toml::Table = text.parse().map_err(|e| format!("uops.toml is not valid TOML: {e}"))?;
    check_keys(&root, &["uop", "inst"], "uops.toml")?;
    let empty = toml::Table::new();
    let uop_tables = match root.get("uop") {
        Some(toml::Value::Table(t)) => t,
        None => &empty,
        Some(_) => return Err("uops.toml: [uop] must be a table".into()),
    };
    let inst_tables = match root.get("inst") {
        Some(toml::Value::Table(t)) => t,
        None => &empty,
        Some(_) => return Err("uops.toml: [inst] must be a table".into()),
    };
    let mut spec = Spec::default();
    for (name, value) in uop_tables {
        let owner = format!("uop {name}");
        let table = value.as_table().ok_or_else(|| format!("{owner}: must be a table"))?;
        check_keys(table, &["inputs", "outputs", "flags", "operand", "body"], &owner)?;
        let parse_items = |key: &str| -> Result<Vec<Item>, String> {
            string_list(table, key, &owner)?
                .iter()
                .map(|s| Item::parse(s).map_err(|e| format!("{owner}: {e}")))
                .collect()
        };
        let flags = string_list(table, "flags", &owner)?;
        for flag in &flags {
            if !KNOWN_FLAGS.contains(&flag.as_str()) {
                return Err(format!("{owner}: unknown flag '{flag}'"));
            }
        }
        let body = match table.get("body") {
            Some(toml::Value::String(s)) => s.clone(),
            Some(_) => return Err(format!("{owner}: 'body' must be a string")),
            None => return Err(format!("{owner}: no body (expected body = \"module::function\")")),
        };
        if body.split("::").count() != 2 {
            return Err(format!("{owner}: body '{body}' must be \"module::function\""));
        }
        let operand = match table.get("operand") {
            Some(toml::Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(format!("{owner}: 'operand' must be a string")),
            None => None,
        };
        spec.uops.push(Uop {
            name: name.clone(),
            inputs: parse_items("inputs")?,
            outputs: parse_items("outputs")?,
            flags,
            operand,
            body,
        });
    }
    for (name, value) in inst_tables {
        let owner = format!("instruction {name}");
        let table = value.as_table().ok_or_else(|| format!("{owner}: must be a table"))?;
        check_keys(table, &["uops", "cache", "family"], &owner)?;
        let mut cache = Vec::new();
        for entry in string_list(table, "cache", &owner)? {
            let (entry_name, units) =
                entry.split_once('/').ok_or_else(|| format!("{owner}: cache entry '{entry}' must be name/units"))?;
            let units: usize = units.parse().map_err(|_| format!("{owner}: cache entry '{entry}' has a bad size"))?;
            if ![1, 2, 4].contains(&units) {
                return Err(format!("{owner}: cache entry '{entry}' must be 1, 2 or 4 units"));
            }
            cache.push(CacheEntry { name: entry_name.to_string(), units });
        }
        let family = match table.get("family") {
            Some(toml::Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(format!("{owner}: 'family' must be a string")),
            None => None,
        };
        let uops = string_list(table, "uops", &owner)?;
        if uops.is_empty() {
            return Err(format!("{owner}: has no uops"));
        }
        spec.insts.push(Inst { name: name.clone(), uops, cache, family });
    }
    // toml's Table is a BTreeMap unless preserve_order is on; restore file order.
    let order = |name: &str, kind: &str| -> usize { text.find(&format!("[{kind}.{name}]")).unwrap_or(usize::MAX) };
    spec.uops.sort_by_key(|u| order(&u.name, "uop"));
    spec.insts.sort_by_key(|i| order(&i.name, "inst"));
    Ok(spec)
}

/// Parsed signature of a uop body found in a Rust source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodySig {
    /// Parameter names in order.
    pub params: Vec<(String, String)>,
    /// The return type text ("" for none).
    pub ret: String,
}

/// Finds `pub fn NAME(...) -> RET {` in a Rust source text and parses its signature.
pub fn find_body(source: &str, function: &str) -> Option<BodySig> {
    let needle = format!("pub fn {function}(");
    let start = source.find(&needle)? + needle.len();
    let rest = &source[start..];
    // Find the matching close paren.
    let mut depth = 1usize;
    let mut close = None;
    for (i, c) in rest.char_indices() {
        match c {
            '(' | '<' | '[' => depth += 1,
            ')' | '>' | ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let params_text = &rest[..close];
    let after = &rest[close + 1..];
    let brace = after.find('{')?;
    let ret_text = after[..brace].trim();
    let ret = ret_text.strip_prefix("->").map(|r| r.trim().to_string()).unwrap_or_default();
    let ret = ret.split(" where").next().unwrap_or("").trim().to_string();
    let mut params = Vec::new();
    for param in split_top_level(params_text) {
        let param = param.trim();
        if param.is_empty() {
            continue;
        }
        let (name, ty) = param.split_once(':')?;
        params.push((name.trim().trim_start_matches("mut ").to_string(), ty.trim().to_string()));
    }
    Some(BodySig { params, ret })
}

/// Splits on commas that are not nested in brackets.
pub fn split_top_level(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '(' | '<' | '[' => depth += 1,
            ')' | '>' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        parts.push(current);
    }
    parts
}

/// Sources of the body modules, by module name.
pub type BodySources = BTreeMap<String, String>;

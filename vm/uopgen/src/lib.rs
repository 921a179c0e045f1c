//! sidewinder-uopgen: reads uops.toml, checks it, and generates the opcode tables and
//! the tier-1 dispatch of sidewinder-vm (vm/build.rs), and the uop interpreter's
//! dispatch of sidewinder-tier2 (tier2/build.rs), and the JIT's per-uop calls of
//! sidewinder-jit (jit/build.rs). The checks are
//! unit-tested here so that a bad uops.toml fails the build with a message naming the
//! uop or instruction at fault.

pub mod check;
pub mod emit;
pub mod model;

use std::path::Path;

pub use model::{BodySources, Spec};

/// What the build script writes into OUT_DIR.
pub struct Generated {
    pub opcodes: String,
    pub tier1_dispatch: String,
    /// The uop interpreter's dispatch (used by sidewinder-tier2's build script).
    pub tier2_dispatch: String,
    /// One function per uop calling its body, for the JIT's generic path (used by
    /// sidewinder-jit's build script).
    pub jit_calls: String,
}

/// Parses, checks and generates from uops.toml text and the body sources.
pub fn generate(toml_text: &str, bodies: &BodySources) -> Result<Generated, String> {
    let spec = model::parse(toml_text)?;
    check::check(&spec, bodies)?;
    Ok(Generated {
        opcodes: emit::emit_metadata(&spec),
        tier1_dispatch: emit::emit_tier1(&spec, bodies)?,
        tier2_dispatch: emit::emit_tier2(&spec, bodies)?,
        jit_calls: emit::emit_jit_calls(&spec, bodies)?,
    })
}

/// Reads every `*.rs` file of a bodies directory, keyed by module name.
pub fn read_bodies(dir: &Path) -> std::io::Result<BodySources> {
    let mut bodies = BodySources::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) == Some("rs") {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            bodies.insert(stem, std::fs::read_to_string(&path)?);
        }
    }
    Ok(bodies)
}

#[cfg(test)]
mod tests;

/// For the build scripts (vm/build.rs, tier2/build.rs): reads uops.toml and the uop
/// bodies, tells cargo to rerun when either changes, and generates. A bad file ends the
/// build with a message naming the uop or instruction at fault.
pub fn generate_for_build(toml_path: &Path, bodies_dir: &Path) -> Generated {
    fn fail(message: &str) -> ! {
        eprintln!("error: uops.toml: {message}");
        std::process::exit(1);
    }
    println!("cargo:rerun-if-changed={}", toml_path.display());
    println!("cargo:rerun-if-changed={}", bodies_dir.display());
    let toml_text = std::fs::read_to_string(toml_path).unwrap_or_else(|e| fail(&format!("cannot read uops.toml: {e}")));
    let bodies = read_bodies(bodies_dir).unwrap_or_else(|e| fail(&format!("cannot read vm/src/uops: {e}")));
    for name in bodies.keys() {
        println!("cargo:rerun-if-changed={}", bodies_dir.join(format!("{name}.rs")).display());
    }
    generate(&toml_text, &bodies).unwrap_or_else(|e| fail(&e))
}

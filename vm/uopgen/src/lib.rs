//! sidewinder-uopgen: reads uops.toml, checks it, and generates the opcode tables and
//! the tier-1 dispatch of sidewinder-vm (vm/build.rs), and the uop interpreter's
//! dispatch of sidewinder-tier2 (tier2/build.rs). The checks are
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
}

/// Parses, checks and generates from uops.toml text and the body sources.
pub fn generate(toml_text: &str, bodies: &BodySources) -> Result<Generated, String> {
    let spec = model::parse(toml_text)?;
    check::check(&spec, bodies)?;
    Ok(Generated {
        opcodes: emit::emit_metadata(&spec),
        tier1_dispatch: emit::emit_tier1(&spec, bodies)?,
        tier2_dispatch: emit::emit_tier2(&spec, bodies)?,
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

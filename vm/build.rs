//! Generates the opcode tables and the tier-1 dispatch from ../uops.toml, refusing an
//! inconsistent file with a message that names the uop or instruction at fault.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let generated = sidewinder_uopgen::generate_for_build(&manifest.join("../uops.toml"), &manifest.join("src/uops"));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("opcodes.rs"), generated.opcodes).expect("write opcodes.rs");
    std::fs::write(out_dir.join("tier1_dispatch.rs"), generated.tier1_dispatch).expect("write tier1_dispatch.rs");
}

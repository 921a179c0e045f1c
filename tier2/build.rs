//! Generates the uop interpreter's dispatch from ../uops.toml and the uop bodies in
//! ../vm/src/uops (the same inputs vm/build.rs reads for tier 1).

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let generated =
        sidewinder_uopgen::generate_for_build(&manifest.join("../uops.toml"), &manifest.join("../vm/src/uops"));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("tier2_dispatch.rs"), generated.tier2_dispatch).expect("write tier2_dispatch.rs");
}

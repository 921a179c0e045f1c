//! Generates the JIT's generic uop calls (one function per uop, calling its body) from
//! ../uops.toml and the uop bodies in ../vm/src/uops, as tier2/build.rs does for the
//! uop interpreter's dispatch.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let generated =
        sidewinder_uopgen::generate_for_build(&manifest.join("../uops.toml"), &manifest.join("../vm/src/uops"));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("jit_uop_calls.rs"), generated.jit_calls).expect("write jit_uop_calls.rs");
}

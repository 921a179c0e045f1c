//! Generates the uop interpreter's dispatch from ../uops.toml and the uop bodies in
//! ../vm/src/uops (the same inputs vm/build.rs reads for tier 1).

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let toml_path = manifest.join("../uops.toml");
    let bodies_dir = manifest.join("../vm/src/uops");
    println!("cargo:rerun-if-changed={}", toml_path.display());
    println!("cargo:rerun-if-changed={}", bodies_dir.display());
    let toml_text =
        std::fs::read_to_string(&toml_path).unwrap_or_else(|e| fail(&format!("cannot read uops.toml: {e}")));
    let bodies =
        sidewinder_uopgen::read_bodies(&bodies_dir).unwrap_or_else(|e| fail(&format!("cannot read vm/src/uops: {e}")));
    for name in bodies.keys() {
        println!("cargo:rerun-if-changed={}", bodies_dir.join(format!("{name}.rs")).display());
    }
    let generated = sidewinder_uopgen::generate(&toml_text, &bodies).unwrap_or_else(|e| fail(&e));
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out_dir.join("tier2_dispatch.rs"), generated.tier2_dispatch).expect("write tier2_dispatch.rs");
}

fn fail(message: &str) -> ! {
    eprintln!("error: uops.toml: {message}");
    std::process::exit(1);
}

//! Writes the generated opcode tables of a uops.toml to a file without checking bodies:
//! a tool for developing code (such as the compiler) that needs only the opcode numbers.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: uopgen-metadata UOPS_TOML OUTPUT_RS");
        std::process::exit(2);
    }
    let text = std::fs::read_to_string(&args[1]).expect("read uops.toml");
    let spec = sidewinder_uopgen::model::parse(&text).unwrap_or_else(|e| {
        eprintln!("error: {e}");
        std::process::exit(1)
    });
    for inst in &spec.insts {
        if let Err(e) = sidewinder_uopgen::check::stack_of(&spec, &inst.name) {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
    std::fs::write(&args[2], sidewinder_uopgen::emit::emit_metadata(&spec)).expect("write output");
}

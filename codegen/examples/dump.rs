fn main() {
    let args: Vec<String> = std::env::args().collect();
    let opts = valawai_codegen::LoadOptions::default().lenient(args.get(2).is_some());
    match valawai_codegen::load_path(&args[1], &opts) {
        Ok(spec) => {
            println!("ok {} {:?} ch={} ops={} msgs={} schemas={}", spec.version, spec.identity.as_ref().map(|i| &i.name), spec.channels.len(), spec.operations.len(), spec.messages.len(), spec.schemas.len());
            for w in &spec.warnings { println!("{w}"); }
        }
        Err(e) => println!("{e}"),
    }
}

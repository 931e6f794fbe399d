//! Generates the component module (payload types, channels, handler trait, publisher and the
//! identity the MOV registers) from `asyncapi.yaml` into `$OUT_DIR/valawai/component.rs`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    valawai_codegen::Builder::new()
        .spec("asyncapi.yaml")
        .compile()?;
    Ok(())
}

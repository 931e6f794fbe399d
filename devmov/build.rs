//! The development MOV is generated from the MOV's own AsyncAPI document: its handler trait has a
//! method per channel the MOV receives on (register, unregister, queries, topology, logs), its
//! publisher a method per channel it sends on (pages, registered notifications, C2
//! notifications). Its types are the runtime's MOV types (`valawai::mov::protocol`), generated
//! from the same document with the same options (`valawai_codegen::mov::runtime_type_options`:
//! the patches that make them accept what the real MOV accepts where its spec is wrong), so the
//! module holds no copy of them.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    valawai_codegen::Builder::new()
        // A link to fixtures/valawai/MOV/asyncapi.yaml, so that the packaged crate holds it.
        .spec("mov-asyncapi.yaml")
        .type_options(
            valawai_codegen::mov::runtime_type_options().types_from("::valawai::mov::protocol"),
        )
        .module("mov")
        .compile()?;
    Ok(())
}

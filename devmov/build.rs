//! The development MOV is generated from the MOV's own AsyncAPI document: its handler trait has a
//! method per channel the MOV receives on (register, unregister, queries, topology, logs), its
//! publisher a method per channel it sends on (pages, registered notifications, C2
//! notifications). The patches make the types accept what the real MOV accepts where its spec is
//! wrong (`valawai_codegen::mov::type_options`).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    valawai_codegen::Builder::new()
        // A link to fixtures/valawai/MOV/asyncapi.yaml, so that the packaged crate holds it.
        .spec("mov-asyncapi.yaml")
        .type_options(valawai_codegen::mov::type_options())
        .module("mov")
        .compile()?;
    Ok(())
}

//! The API the next stage uses: the type of each message and schema,
//! patches, errors and warnings, and no panics on awkward specs.

mod common;

use quote::quote;
use valawai_codegen::model::MessageId;
use valawai_codegen::{
    FieldPatch, LoadOptions, Spec, TypeOptions, TypePatch, TypeSpace, load_path, load_str,
};

fn spec(relative: &str, lenient: bool) -> Spec {
    load_path(
        common::fixtures().join(relative),
        &LoadOptions::default().lenient(lenient),
    )
    .unwrap()
}

fn message(spec: &Spec, name: &str) -> MessageId {
    MessageId(spec.messages.iter().position(|m| m.name == name).unwrap())
}

fn inline(yaml: &str) -> Spec {
    load_str(yaml, "inline.yaml", &LoadOptions::default()).unwrap()
}

#[test]
fn message_payload_types() {
    let mov = spec("valawai/MOV/asyncapi.yaml", false);
    let space = TypeSpace::new(&mov, &TypeOptions::new()).unwrap();
    let cases = [
        ("register_component", "RegisterComponentPayload"),
        ("registered_component", "ComponentPayload"),
        ("add_log", "AddLogPayload"),
        ("sent_message", "SentMessagePayload"),
    ];
    for (name, expected) in cases {
        let ty = space.message_type(message(&mov, name)).unwrap();
        assert_eq!(ty.name(), Some(expected));
        assert_eq!(ty.to_string(), expected);
        assert!(!ty.is_option());
    }
    let ty = space.message_type(message(&mov, "add_log")).unwrap();
    assert_eq!(
        ty.tokens_in(&quote!(crate::types)).to_string(),
        quote!(crate::types::AddLogPayload).to_string()
    );

    let echo = spec(
        "valawai/C1_echo_example_with_python_and_pika/asyncapi.yaml",
        true,
    );
    let space = TypeSpace::new(&echo, &TypeOptions::new()).unwrap();
    let untyped = space.message_type(message(&echo, "echo_message")).unwrap();
    assert_eq!(untyped.name(), None);
    assert_eq!(untyped.to_string(), "::valawai::payload::JsonValue");
    let typed = space.message_type(message(&echo, "ech_message")).unwrap();
    assert_eq!(typed.name(), Some("EchoPayload"));

    let inline_payload = spec(
        "valawai/MOV/test-resources/api/v1/components/test01.asyncapi.yml",
        false,
    );
    let space = TypeSpace::new(&inline_payload, &TypeOptions::new()).unwrap();
    let ty = space.message_type(MessageId(0)).unwrap();
    assert_eq!(ty.name(), Some("SignedupPayload"));

    let faker = spec("valawai/legacy/C0_person_faker/definition.yaml", false);
    let space = TypeSpace::new(&faker, &TypeOptions::new()).unwrap();
    assert_eq!(
        space
            .message_type(message(&faker, "seed"))
            .unwrap()
            .to_string(),
        "i64"
    );
    assert_eq!(
        space
            .message_type(message(&faker, "enable"))
            .unwrap()
            .to_string(),
        "bool"
    );
    assert_eq!(
        space
            .message_type(message(&faker, "newPerson"))
            .unwrap()
            .name(),
        Some("Person")
    );
}

#[test]
fn a_message_without_payload_has_no_type() {
    let spec = inline(
        "asyncapi: 2.6.0\ninfo: {title: t, version: '1'}\nchannels:\n  a:\n    subscribe:\n      message:\n        name: ping\n",
    );
    let space = TypeSpace::new(&spec, &TypeOptions::new()).unwrap();
    assert!(space.message_type(MessageId(0)).is_none());
    assert!(space.to_source().unwrap().is_empty());
}

#[test]
fn schema_types_and_added_schemas() {
    let mov = spec("valawai/MOV/asyncapi.yaml", false);
    let mut space = TypeSpace::new(&mov, &TypeOptions::new()).unwrap();
    let payload_schema = mov.named_schemas["payload_schema"];
    assert_eq!(
        space.schema_type(&mov, payload_schema).unwrap().name(),
        Some("PayloadSchema")
    );
    let channel = mov
        .channels
        .iter()
        .find(|c| c.address == "valawai/c{type}/{name}/control/registered")
        .unwrap();
    let type_param = channel
        .parameters
        .iter()
        .find(|p| p.name == "type")
        .unwrap();
    let name_param = channel
        .parameters
        .iter()
        .find(|p| p.name == "name")
        .unwrap();
    assert!(
        space
            .schema_type(&mov, type_param.schema.unwrap())
            .is_none()
    );
    let added = space
        .add_schema(&mov, type_param.schema.unwrap(), "registered_type")
        .unwrap();
    assert_eq!(added.name(), Some("RegisteredType"));
    assert_eq!(
        space
            .schema_type(&mov, type_param.schema.unwrap())
            .unwrap()
            .name(),
        Some("RegisteredType")
    );
    let added = space
        .add_schema(&mov, name_param.schema.unwrap(), "registered_name")
        .unwrap();
    assert_eq!(added.name(), Some("RegisteredName"));
    let source = space.to_source().unwrap();
    assert!(source.contains("pub enum RegisteredType {"), "{source}");
    assert!(
        source.contains("pub struct RegisteredName(String);"),
        "{source}"
    );
    assert!(space.type_names().contains(&"RegisteredType"));
}

#[test]
fn patches_rename_derive_annotate_and_replace() {
    let mov = spec("valawai/MOV/asyncapi.yaml", false);
    let options = TypeOptions::new()
        .patch(
            "component_payload",
            TypePatch::new()
                .rename("Component")
                .derive("Default")
                .derive("PartialOrd")
                .attribute("#[non_exhaustive]"),
        )
        .patch(
            "channel_schema",
            TypePatch::new().field("id", FieldPatch::new().rename("name").alias("id")),
        )
        .replace("component_type", "crate::Level");
    let space = TypeSpace::new(&mov, &options).unwrap();
    let source = space.to_source().unwrap();
    assert!(
        source.contains("#[non_exhaustive]\npub struct Component {"),
        "{source}"
    );
    // The derive list of `Component`: `Default` once (the patch asks for a
    // derive the struct already has), then the patch's `PartialOrd`.
    let item = source.split("pub struct Component {").next().unwrap();
    let derive = item.rsplit("#[derive(").next().unwrap();
    let derive = derive.split(")]").next().unwrap();
    assert_eq!(derive.matches("Default").count(), 1, "{derive}");
    assert!(
        derive
            .trim_end()
            .trim_end_matches(',')
            .ends_with("PartialOrd"),
        "{derive}"
    );
    let compact: String = source.split_whitespace().collect();
    assert!(
        compact.contains("#[serde(rename=\"name\",alias=\"id\","),
        "{source}"
    );
    assert!(!source.contains("pub enum ComponentType"));
    assert!(
        source.contains("pub type_: Option<crate::Level>"),
        "{source}"
    );
    let registered = space
        .message_type(message(&mov, "registered_component"))
        .unwrap();
    assert_eq!(registered.name(), Some("Component"));
}

#[test]
fn bad_patches_are_errors_that_say_what_is_wrong() {
    let mov = spec("valawai/MOV/asyncapi.yaml", false);
    let options = TypeOptions::new()
        .patch("no_such_schema", TypePatch::new().derive("Eq"))
        .patch("component_type", TypePatch::new().rename("not an ident"))
        .patch(
            "channel_schema",
            TypePatch::new().field("nope", FieldPatch::new().alias("x")),
        )
        .patch(
            "node_payload",
            TypePatch::new().attribute("not an attribute"),
        )
        .replace("add_log_payload", "not a type!");
    let error = TypeSpace::new(&mov, &options).unwrap_err();
    let messages: Vec<String> = error.errors().map(|d| d.message.clone()).collect();
    for expected in [
        "the patch for `component_type` renames it to `not an ident`, which is not a Rust identifier",
        "the patch for `node_payload` adds `not an attribute`, which is not an outer attribute",
        "`add_log_payload` is replaced with `not a type!`, which is not a Rust type",
        "the patch for `channel_schema` changes the field `nope`, which it does not have",
        "the patch for `no_such_schema` matches no schema and no generated type",
    ] {
        assert!(
            messages.iter().any(|m| m == expected),
            "missing `{expected}` in {messages:?}"
        );
    }
    let rename_taken =
        TypeOptions::new().patch("node_payload", TypePatch::new().rename("ComponentPayload"));
    let error = TypeSpace::new(&mov, &rename_taken).unwrap_err();
    assert!(
        error.to_string().contains("which another type has"),
        "{error}"
    );
}

#[test]
fn unsupported_keywords_are_warnings_with_a_location() {
    let spec = inline(
        "asyncapi: 2.6.0\ninfo: {title: t, version: '1'}\nchannels: {}\ncomponents:\n  schemas:\n    odd:\n      type: string\n      not:\n        enum: [x]\n",
    );
    let space = TypeSpace::new(&spec, &TypeOptions::new()).unwrap();
    let warning = &space.warnings()[0];
    assert_eq!(warning.message, "`not` is not supported and is ignored");
    let location = warning.location.as_ref().unwrap();
    assert_eq!((location.file.as_str(), location.line), ("inline.yaml", 7));
    assert_eq!(
        location.pointer.as_ref().unwrap().to_string(),
        "#/components/schemas/odd"
    );
}

/// Specs the loader accepts never make the generator panic, and what it
/// generates always parses.
#[test]
fn awkward_schemas_generate_parseable_code() {
    let schemas = [
        "a: {}",
        "a: {type: 'null'}",
        "a: {allOf: [{type: string}, {type: integer}]}",
        "a: {allOf: [{const: 1}, {const: 2}]}",
        "a: {type: array}",
        "a: {type: object, additionalProperties: false}",
        "a: {enum: []}",
        "a: {enum: [null]}",
        "a: {enum: [1, 'x', null, true]}",
        "a: {type: integer, minimum: 0.5, exclusiveMaximum: 10.5, multipleOf: 2}",
        "a: {type: integer, format: int32, maximum: 10000000000}",
        "a: {type: integer, minimum: 1, maximum: -1}",
        "a: {oneOf: [{type: string}, {type: string}]}",
        "a: {anyOf: [{$ref: '#/components/schemas/b'}, {type: object}]}\n    b: {type: object, required: [k], properties: {k: {const: x}}}",
        "a: {type: object, properties: {x: {$ref: '#/components/schemas/a/properties/y'}, y: {type: array, items: {$ref: '#/components/schemas/a/properties/y'}}}}",
        "a: {type: object, discriminator: kind, properties: {kind: {type: string}}}",
        "a: {type: object, discriminator: kind, properties: {kind: {type: string}}}\n    b: {allOf: [{$ref: '#/components/schemas/a'}]}\n    c: {allOf: [{$ref: '#/components/schemas/a'}, {properties: {kind: {const: b}}}]}",
        "a: {type: [string, integer, boolean, array, object, number]}",
        "a: {oneOf: [{type: object, properties: {x: {type: string}}}, {type: object, required: [y], properties: {y: {type: string}}}], properties: {z: {type: string}}}",
        "a: {type: object, properties: {extra: {type: string}}, additionalProperties: {type: integer}}",
        "a: {type: array, items: [{type: string}, {type: integer}], minItems: 2}",
    ];
    for schemas in schemas {
        let yaml = format!(
            "asyncapi: 2.6.0\ninfo: {{title: t, version: '1'}}\nchannels: {{}}\ncomponents:\n  schemas:\n    {schemas}\n"
        );
        let spec = load_str(&yaml, "inline.yaml", &LoadOptions::default())
            .unwrap_or_else(|e| panic!("{schemas}: {e}"));
        let space =
            TypeSpace::new(&spec, &TypeOptions::new()).unwrap_or_else(|e| panic!("{schemas}: {e}"));
        space
            .to_source()
            .unwrap_or_else(|e| panic!("{schemas}: {e}"));
    }
}

#[test]
fn a_child_used_directly_is_typed_as_its_union_with_a_warning() {
    let spec = inline(
        "asyncapi: 2.6.0\ninfo: {title: t, version: '1'}\nchannels:\n  c:\n    subscribe:\n      message:\n        payload: {$ref: '#/components/schemas/cat'}\ncomponents:\n  schemas:\n    pet: {type: object, discriminator: kind, required: [kind], properties: {kind: {type: string}}}\n    cat: {allOf: [{$ref: '#/components/schemas/pet'}, {properties: {kind: {const: cat}}}]}\n",
    );
    let space = TypeSpace::new(&spec, &TypeOptions::new()).unwrap();
    assert_eq!(
        space.message_type(MessageId(0)).unwrap().name(),
        Some("Pet")
    );
    assert!(
        space.warnings()[0]
            .message
            .contains("`cat` is a variant of the discriminated union `pet`"),
        "{:?}",
        space.warnings()
    );
}

/// `extern_path` takes the schema's name or its JSON pointer and generates
/// nothing for it; the MOV's schemas refer to the runtime's types unless
/// `mov_types(false)`.
#[test]
fn extern_paths_and_the_mov_types() {
    let spec = spec("component/mov_types/asyncapi.yaml", false);
    let generate = |types: TypeOptions| {
        valawai_codegen::generate_source(
            &spec,
            &valawai_codegen::GenerateOptions::new().types(types),
        )
        .unwrap()
    };
    let by_pointer = generate(
        TypeOptions::new().extern_path("#/components/schemas/report_payload", "crate::Report"),
    );
    assert!(
        !by_pointer.contains("pub struct ReportPayload"),
        "{by_pointer}"
    );
    assert!(
        by_pointer.contains("payload: &crate::Report"),
        "{by_pointer}"
    );
    let by_name = generate(TypeOptions::new().extern_path("report_payload", "crate::Report"));
    assert_eq!(by_name, by_pointer);

    let mov = generate(TypeOptions::new());
    assert!(
        mov.contains("payload: ::valawai::mov::protocol::ComponentPayload"),
        "{mov}"
    );
    assert!(!mov.contains("pub struct ComponentPayload"), "{mov}");
    assert!(mov.contains("pub struct MinComponentPayload"), "{mov}");
    let local = generate(TypeOptions::new().mov_types(false));
    assert!(local.contains("pub struct ComponentPayload"), "{local}");
    assert!(local.contains("pub enum ComponentType"), "{local}");
    // Only the identity names the runtime's type (the component's type, which the runtime sends).
    assert_eq!(
        local.matches("::valawai::mov::protocol").count(),
        local
            .matches("::valawai::mov::protocol::ComponentType::")
            .count(),
        "{local}"
    );
    // A patch on a MOV schema keeps it local, as patched.
    let patched =
        generate(TypeOptions::new().patch("component_type", TypePatch::new().derive("PartialOrd")));
    assert!(patched.contains("pub enum ComponentType"), "{patched}");
}

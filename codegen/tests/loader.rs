//! Loader tests: every real spec, both 2.x dialects, 3.0, relative-file
//! references, `$ref` cycles and broken documents, each asserting the exact
//! `file:line:column` reported.

use std::path::{Path, PathBuf};

use valawai_codegen::model::{
    ComponentType, Direction, Items, JsonType, OperationKeyword, Payload, Spec, Wrapper,
};
use valawai_codegen::{Diagnostic, Dialect, Error, LoadOptions, load_path, load_str};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture(path: &str) -> PathBuf {
    root().join("fixtures").join(path)
}

fn load(path: &str) -> Result<Spec, Error> {
    load_path(fixture(path), &LoadOptions::default())
}

fn load_with(path: &str, options: LoadOptions) -> Result<Spec, Error> {
    load_path(fixture(path), &options)
}

/// The single error of a failed load, checked to be the only one.
fn only_error(result: Result<Spec, Error>) -> Diagnostic {
    let error = result.expect_err("the document should not load");
    let errors: Vec<&Diagnostic> = error.errors().collect();
    assert_eq!(errors.len(), 1, "expected one error, got:\n{error}");
    errors[0].clone()
}

fn position(d: &Diagnostic) -> (String, u32, u32) {
    let l = d.location.as_ref().expect("the diagnostic has a location");
    (
        l.file.rsplit('/').next().unwrap().to_owned(),
        l.line,
        l.column,
    )
}

fn channel(spec: &Spec, address: &str) -> usize {
    spec.channels
        .iter()
        .position(|c| c.address == address)
        .unwrap_or_else(|| panic!("no channel {address}"))
}

fn direction(spec: &Spec, address: &str) -> Vec<Direction> {
    let id = channel(spec, address);
    spec.operations
        .iter()
        .filter(|o| o.channel.0 == id)
        .map(|o| o.direction)
        .collect()
}

/// Every AsyncAPI document among the VALAWAI fixtures, except the MOV's Java
/// MessageFormat templates (`*.pattern.yml`, `*.tyml`), which are tested
/// filled in below.
fn valawai_specs() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![fixture("valawai")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let yaml = name.ends_with(".yaml") || name.ends_with(".yml");
            let template = name.ends_with(".pattern.yml");
            let text = std::fs::read_to_string(&path).unwrap();
            if yaml && !template && text.contains("asyncapi:") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_valawai_spec_loads_in_strict_mode_except_the_echo() {
    let specs = valawai_specs();
    assert!(specs.len() >= 20, "found only {} specs", specs.len());
    for path in specs {
        let result = load_path(&path, &LoadOptions::default());
        let is_echo = path.ends_with("C1_echo_example_with_python_and_pika/asyncapi.yaml");
        match (result, is_echo) {
            (Ok(spec), false) => assert!(!spec.channels.is_empty(), "{}", path.display()),
            (Err(e), false) => panic!("{} does not load:\n{e}", path.display()),
            (Ok(_), true) => panic!("the upstream echo must fail in strict mode"),
            (Err(_), true) => {}
        }
    }
}

#[test]
fn the_upstream_echo_fails_in_strict_mode_at_its_dangling_refs() {
    let error = load("valawai/C1_echo_example_with_python_and_pika/asyncapi.yaml").unwrap_err();
    let errors: Vec<&Diagnostic> = error.errors().collect();
    assert_eq!(errors.len(), 2, "{error}");
    for (d, line) in errors.iter().zip([25, 31]) {
        assert_eq!(d.code, "dangling-ref");
        assert_eq!(position(d), ("asyncapi.yaml".into(), line, 15));
        assert_eq!(
            d.message,
            "`#/components/messages/echo_message` does not resolve"
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("did you mean `#/components/messages/ech_message`?")
        );
    }
    let rendered = error.to_string();
    assert!(
        rendered.contains("25 |         $ref: '#/components/messages/echo_message'"),
        "{rendered}"
    );
}

#[test]
fn the_upstream_echo_loads_leniently_with_warnings_and_untyped_payloads() {
    let spec = load_with(
        "valawai/C1_echo_example_with_python_and_pika/asyncapi.yaml",
        LoadOptions::default().lenient(true),
    )
    .unwrap();
    let warnings: Vec<_> = spec.warnings.iter().map(position).collect();
    assert_eq!(
        warnings,
        [
            ("asyncapi.yaml".into(), 25, 15),
            ("asyncapi.yaml".into(), 31, 15)
        ]
    );
    assert!(spec.warnings.iter().all(|w| !w.is_error()));
    let identity = spec.identity.as_ref().unwrap();
    assert_eq!(identity.name, "c1_echo_example_with_python_and_pika");
    assert_eq!(identity.component_type, ComponentType::C1);
    for address in [
        "valawai/c1/echo_example_with_python_and_pika/data/received_message",
        "valawai/c1/echo_example_with_python_and_pika/data/publish_message",
    ] {
        let op = spec
            .operations
            .iter()
            .find(|o| o.channel.0 == channel(&spec, address))
            .unwrap();
        let message = spec.message(op.messages[0]);
        assert_eq!(
            message.payload,
            Payload::Untyped {
                reference: "#/components/messages/echo_message".into()
            }
        );
    }
}

#[test]
fn the_mov_templates_load_once_filled_in() {
    // The MOV's tests fill these Java MessageFormat templates before use.
    let cases: &[(&str, &[&str])] = &[
        (
            "MOV/test-resources/api/v1/components/ComponentResourceTest.shouldRegisterComponent.asyncapi.tyml",
            &["1.0.0", "valawai/c0/test/data/x", "A channel", "field"],
        ),
        (
            "MOV/test-resources/events/components/component_to_register_and_be_source.pattern.yml",
            &[
                "1", "source", "1.0.0", "A source", "out", "Output", "content",
            ],
        ),
        (
            "MOV/test-resources/events/components/component_to_register_and_be_target.pattern.yml",
            &["0", "target", "1.0.0", "A target", "in", "Input", "content"],
        ),
        (
            "MOV/test-resources/events/components/component_to_register_and_notity.pattern.yml",
            &["1", "notified", "content", "extra"],
        ),
        (
            "MOV/test-resources/events/components/component_to_register_and_subscribe.pattern.yml",
            &["watcher", "notify", "content"],
        ),
    ];
    for (path, values) in cases {
        let mut text = std::fs::read_to_string(fixture(&format!("valawai/{path}"))).unwrap();
        for (i, value) in values.iter().enumerate() {
            text = text.replace(&format!("{{{i}}}"), value);
        }
        let spec = load_str(&text, path, &LoadOptions::default())
            .unwrap_or_else(|e| panic!("{path}:\n{e}"));
        assert!(!spec.channels.is_empty());
    }
}

#[test]
fn valawai_dialect_reads_subscribe_as_receive() {
    let spec = load("valawai/MOV/asyncapi.yaml").unwrap();
    assert_eq!(spec.dialect, Dialect::Valawai);
    assert_eq!(
        direction(&spec, "valawai/component/register"),
        [Direction::Receive]
    );
    assert_eq!(
        direction(&spec, "valawai/component/page"),
        [Direction::Send]
    );
    assert_eq!(
        direction(&spec, "valawai/c{type}/{name}/control/registered"),
        [Direction::Send]
    );
    let registered = &spec.channels[channel(&spec, "valawai/c{type}/{name}/control/registered")];
    let names: Vec<_> = registered
        .parameters
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["type", "name"]);
    let type_schema = spec.schema(registered.parameters[0].schema.unwrap());
    assert_eq!(
        type_schema.enum_values,
        Some(vec!["0".into(), "1".into(), "2".into()])
    );
    // The MOV spec is not a component: it has no registered channel of its own.
    assert!(spec.identity.is_none());

    let echo = load("valawai/C2_treatment_autonomy_valuator/asyncapi.yaml").unwrap();
    let registered = echo.identity.as_ref().unwrap().registered_channel;
    assert_eq!(
        direction(&echo, &echo.channel(registered).address.clone()),
        [Direction::Receive]
    );
    assert!(echo.warnings.is_empty(), "{:?}", echo.warnings);
}

#[test]
fn standard_dialect_reads_subscribe_as_send() {
    let options = LoadOptions::default().dialect(Dialect::Standard);
    let spec = load_with(
        "valawai/C1_llm_dialogue_manager/asyncapi.yaml",
        options.clone(),
    )
    .unwrap();
    let text = channel(&spec, "valawai.c0.text-interface");
    let ops: Vec<(OperationKeyword, Direction)> = spec
        .operations
        .iter()
        .filter(|o| o.channel.0 == text)
        .map(|o| (o.keyword, o.direction))
        .collect();
    assert_eq!(
        ops,
        [
            (OperationKeyword::Subscribe, Direction::Send),
            (OperationKeyword::Publish, Direction::Receive)
        ]
    );
    assert_eq!(
        direction(&spec, "valawai.c2.observations.reflections"),
        [Direction::Receive]
    );

    // Reading a VALAWAI spec with the standard dialect flips every channel
    // and warns that the component would not receive its registration.
    let flipped = load_with("valawai/C0_email_actuator/asyncapi.yaml", options).unwrap();
    let warning = flipped
        .warnings
        .iter()
        .find(|w| w.code == "registered-not-received")
        .expect("a warning about the registered channel");
    assert!(
        warning
            .hint
            .as_deref()
            .unwrap()
            .contains("--dialect valawai")
    );
}

#[test]
fn asyncapi_3_documents_load_into_the_same_model() {
    let spec = load("loader/v3/echo.yaml").unwrap();
    assert_eq!(spec.version.to_string(), "3.0.0");
    let identity = spec.identity.as_ref().unwrap();
    assert_eq!(identity.name, "c1_echo_v3");
    assert_eq!(
        spec.channel(identity.registered_channel).address,
        "valawai/c1/echo_v3/control/registered"
    );
    assert_eq!(
        direction(&spec, "valawai/c1/echo_v3/data/received_message"),
        [Direction::Receive]
    );
    assert_eq!(
        direction(&spec, "valawai/c1/echo_v3/data/publish_message"),
        [Direction::Send]
    );
    // Both data channels use the same component message.
    let received = &spec.channels[channel(&spec, "valawai/c1/echo_v3/data/received_message")];
    let published = &spec.channels[channel(&spec, "valawai/c1/echo_v3/data/publish_message")];
    assert_eq!(received.messages, published.messages);
    let message = spec.message(received.messages[0]);
    assert_eq!(message.name, "echo_message");
    assert_eq!(message.title.as_deref(), Some("An echo"));
    assert_eq!(message.content_type.as_deref(), Some("application/json"));
    let Payload::Schema(payload) = message.payload else {
        panic!("a typed payload")
    };
    let payload = spec.schema(spec.resolve(payload));
    assert_eq!(payload.name.as_deref(), Some("echo_payload"));
    assert_eq!(payload.required, ["content"]);
    // The registered message takes the document's default content type.
    let registered = spec.message(spec.channel(identity.registered_channel).messages[0]);
    assert_eq!(registered.content_type.as_deref(), Some("application/json"));

    let queue = received
        .bindings
        .amqp
        .as_ref()
        .unwrap()
        .queue
        .as_ref()
        .unwrap();
    assert_eq!(queue.durable, Some(true));
    assert_eq!(queue.auto_delete, Some(false));
    let out = spec
        .operations
        .iter()
        .find(|o| o.id.as_deref() == Some("echo_out"))
        .unwrap();
    assert_eq!(out.keyword, OperationKeyword::Send);
    assert_eq!(out.summary.as_deref(), Some("Send the echo."));
    assert_eq!(out.bindings.amqp.as_ref().unwrap().delivery_mode, Some(2));

    let notify = &spec.channels[channel(&spec, "valawai/c2/{name}/control/{action}")];
    let action = spec.schema(notify.parameters[1].schema.unwrap());
    assert_eq!(action.types, [JsonType::String]);
    assert_eq!(
        action.enum_values,
        Some(vec!["notify".into(), "change".into()])
    );
    assert_eq!(action.default, Some("notify".into()));
    let inline = spec.message(notify.messages[0]);
    assert_eq!(inline.name, "notice");

    assert_eq!(spec.servers.len(), 1);
    assert_eq!(spec.servers[0].url, "amqp://127.0.0.1:5672/");
    assert_eq!(spec.servers[0].protocol_version.as_deref(), Some("0.9.1"));
}

#[test]
fn legacy_type_names_fail_strictly_at_their_line_and_load_leniently_with_warnings() {
    let spec = "types/legacy-types.asyncapi.yaml";
    let error = load(spec).expect_err("strict mode refuses `type: float`");
    let errors: Vec<&Diagnostic> = error.errors().collect();
    let found: Vec<(&str, (String, u32, u32))> =
        errors.iter().map(|d| (d.code, position(d))).collect();
    let at = |line, column| {
        (
            "legacy-type",
            ("legacy-types.asyncapi.yaml".to_owned(), line, column),
        )
    };
    assert_eq!(
        found,
        [
            at(44, 17),
            at(48, 19),
            at(52, 19),
            at(57, 17),
            at(60, 17),
            at(62, 17),
            at(64, 17)
        ]
    );
    assert_eq!(errors[0].message, "`float` is not a JSON Schema type");
    assert_eq!(
        errors[0].hint.as_deref(),
        Some(
            "write `number`, or pass --lenient (`Builder::lenient(true)`) to read `float` as \
             `number` with a warning"
        )
    );
    // A typo is not a legacy name: no `--lenient` for it.
    let typo = only_error(load("loader/broken/unknown-type.yaml"));
    assert!(!typo.hint.as_deref().unwrap().contains("lenient"));

    let spec = load_with(spec, LoadOptions::default().lenient(true)).unwrap();
    let warnings: Vec<(&str, u32, String)> = spec
        .warnings
        .iter()
        .map(|d| (d.code, d.location.as_ref().unwrap().line, d.message.clone()))
        .collect();
    assert_eq!(warnings.len(), 7, "{warnings:?}");
    assert_eq!(
        warnings[0],
        (
            "legacy-type",
            44,
            "`float` is not a JSON Schema type; read as `number` (lenient mode)".to_owned()
        )
    );
    let types = |schema: &str, property: &str| {
        let id = spec.named_schemas[schema];
        let property = spec.schema(id).properties.as_ref().unwrap()[property];
        spec.schema(spec.resolve(property)).types.clone()
    };
    assert_eq!(types("alignment_payload", "alignment"), [JsonType::Number]);
    assert_eq!(
        types("parameters_payload", "path_length"),
        [JsonType::Integer]
    );
    assert_eq!(
        types("parameters_payload", "path_sample"),
        [JsonType::Integer]
    );
    assert_eq!(types("parameters_payload", "verbose"), [JsonType::Boolean]);
    assert_eq!(types("parameters_payload", "label"), [JsonType::String]);
    for (legacy, json) in [
        ("double", "number"),
        ("FLOAT", "number"),
        ("int", "integer"),
        ("Long", "integer"),
        ("str", "string"),
        ("bool", "boolean"),
        ("Object", "object"),
        ("Array", "array"),
    ] {
        assert_eq!(
            JsonType::parse_legacy(legacy)
                .map(|t| t.to_string())
                .as_deref(),
            Some(json),
            "{legacy}"
        );
    }
    for name in ["number", "integer", "strng", "decimal", ""] {
        assert_eq!(JsonType::parse_legacy(name), None, "{name}");
    }
}

#[test]
fn asyncapi_3_1_documents_load_as_3_0_does() {
    let spec = load("loader/v3/sensor-3-1.yaml").unwrap();
    assert!(spec.warnings.is_empty(), "{:?}", spec.warnings);
    assert_eq!(spec.version.to_string(), "3.1.0");
    let identity = spec.identity.as_ref().unwrap();
    assert_eq!(identity.name, "c0_sensor_v3_1");
    assert_eq!(
        direction(&spec, "valawai/c0/sensor_v3_1/data/reading"),
        [Direction::Send]
    );
    assert_eq!(
        direction(&spec, "valawai/c0/sensor_v3_1/control/threshold"),
        [Direction::Receive]
    );
    // The ROS 2 binding (new in 3.1) is read past; a 3.1 multi-format schema is read.
    let publish = spec
        .operations
        .iter()
        .find(|o| o.id.as_deref() == Some("publish_reading"))
        .unwrap();
    assert!(publish.bindings.amqp.is_none());
    let reading = &spec.channels[channel(&spec, "valawai/c0/sensor_v3_1/data/reading")];
    let Payload::Schema(payload) = spec.message(reading.messages[0]).payload else {
        panic!("a typed payload")
    };
    assert_eq!(
        spec.schema(spec.resolve(payload)).required,
        ["celsius", "taken_at"]
    );
}

#[test]
fn relative_file_refs_resolve_from_the_file_that_holds_them() {
    let spec = load("loader/refs/root.yaml").unwrap();
    let files: Vec<String> = spec
        .sources
        .files()
        .map(|(_, f)| f.name().rsplit("loader/").next().unwrap().to_owned())
        .collect();
    assert_eq!(
        files,
        ["refs/root.yaml", "refs/common.yaml", "refs/sub/more.yaml"]
    );
    assert_eq!(spec.sources.paths().count(), 3);

    let registered = spec.identity.as_ref().unwrap().registered_channel;
    let message = spec.message(spec.channel(registered).messages[0]);
    assert_eq!(
        message.component_key.as_deref(),
        Some("registered_component")
    );
    let Payload::Schema(payload) = message.payload else {
        panic!()
    };
    let component = spec.schema(spec.resolve(payload));
    assert_eq!(component.name.as_deref(), Some("component_payload"));
    let channels = spec.schema(component.properties.as_ref().unwrap()["channels"]);
    let Some(Items::Single(item)) = channels.items else {
        panic!("a one-element items list is a single schema")
    };
    let channel_schema = spec.schema(spec.resolve(item));
    assert_eq!(channel_schema.name.as_deref(), Some("channel"));
    // `children` refers back to `channel` in the same file.
    let children = spec.schema(channel_schema.properties.as_ref().unwrap()["children"]);
    let Some(Items::Single(child)) = children.items else {
        panic!()
    };
    assert_eq!(spec.resolve(child), spec.resolve(item));
    // `../common.yaml` from sub/more.yaml reaches back into common.yaml.
    let reading = channel(&spec, "valawai/c0/refs/data/reading");
    let Payload::Schema(reading) = spec.message(spec.channels[reading].messages[0]).payload else {
        panic!()
    };
    let reading = spec.schema(spec.resolve(reading));
    let unit = spec.resolve(reading.properties.as_ref().unwrap()["unit"]);
    assert_eq!(spec.schema(unit).types, [JsonType::String]);
    // The same schema reached from two files is one schema.
    assert_eq!(
        spec.resolve(spec.named_schemas["local_copy"]),
        spec.resolve(payload)
    );
}

#[test]
fn ref_cycles_are_reported_once_with_every_step() {
    let d = only_error(load("loader/cycles/schema-cycle.yaml"));
    assert_eq!(d.code, "ref-cycle");
    assert_eq!(position(&d), ("schema-cycle.yaml".into(), 14, 13));
    assert_eq!(d.notes.len(), 1);
    assert_eq!(
        (d.notes[0].location.line, d.notes[0].location.column),
        (17, 13)
    );

    let d = only_error(load("loader/cycles/message-cycle.yaml"));
    assert_eq!(d.code, "ref-cycle");
    assert_eq!(position(&d), ("message-cycle.yaml".into(), 13, 13));
    assert_eq!(
        (d.notes[0].location.line, d.notes[0].location.column),
        (15, 13)
    );

    let d = only_error(load("loader/cycles/all-of-itself.yaml"));
    assert_eq!(d.code, "ref-cycle");
    assert_eq!(position(&d), ("all-of-itself.yaml".into(), 14, 7));
    assert_eq!(
        (d.notes[0].location.line, d.notes[0].location.column),
        (15, 17)
    );

    // Recursion through properties and items describes finite data.
    let spec = load("loader/cycles/recursive-ok.yaml").unwrap();
    let tree = spec.named_schemas["tree"];
    let parent = spec.schema(tree).properties.as_ref().unwrap()["parent"];
    assert_eq!(spec.resolve(parent), tree);
}

#[test]
fn broken_documents_point_at_the_offending_line_and_column() {
    let cases: &[(&str, &str, u32, u32)] = &[
        ("bad-yaml.yaml", "yaml-syntax", 8, 1),
        ("bad-json.json", "yaml-syntax", 4, 20),
        ("tab-indent.yaml", "yaml-syntax", 3, 2),
        ("not-a-mapping.yaml", "not-a-mapping", 1, 1),
        ("unsupported-version.yaml", "unsupported-version", 1, 11),
        ("version-3-2.yaml", "unsupported-version", 1, 11),
        ("missing-info.yaml", "missing-field", 1, 1),
        ("number-version.yaml", "wrong-type", 4, 12),
        ("wrong-type.yaml", "wrong-type", 6, 3),
        ("bad-min-length.yaml", "wrong-type", 11, 22),
        ("duplicate-key.yaml", "duplicate-key", 11, 3),
        ("unknown-type.yaml", "unknown-type", 10, 17),
        ("dangling-schema-ref.yaml", "dangling-ref", 13, 21),
        ("missing-file-ref.yaml", "read-file", 9, 15),
        ("remote-ref.yaml", "remote-ref", 9, 15),
        ("bad-pattern.yaml", "bad-pattern", 11, 20),
        ("undeclared-parameter.yaml", "undeclared-parameter", 7, 5),
        ("unsupported-schema-format.yaml", "schema-format", 9, 23),
        ("bad-action.yaml", "bad-action", 10, 13),
    ];
    for (file, code, line, column) in cases {
        let d = only_error(load(&format!("loader/broken/{file}")));
        assert_eq!(d.code, *code, "{file}: {d}");
        assert_eq!(
            position(&d),
            ((*file).to_owned(), *line, *column),
            "{file}: {d}"
        );
        assert!(
            d.hint.is_some() || *code == "wrong-type",
            "{file} has no hint"
        );
    }
}

#[test]
fn broken_documents_name_the_json_pointer_and_give_a_hint() {
    let d = only_error(load("loader/broken/dangling-schema-ref.yaml"));
    let l = d.location.as_ref().unwrap();
    assert_eq!(
        l.pointer.as_ref().unwrap().to_string(),
        "#/channels/valawai~1c0~1x~1data~1y/publish/message/payload/properties/content/$ref"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("did you mean `#/components/schemas/content`?")
    );
    assert_eq!(
        d.summary(),
        format!(
            "{}:13:21: error: `#/components/schemas/contnet` does not resolve",
            l.file
        )
    );

    let d = only_error(load("loader/broken/duplicate-key.yaml"));
    assert_eq!(d.notes.len(), 1);
    assert_eq!(d.notes[0].location.line, 6);

    let d = only_error(load("loader/broken/bad-yaml.yaml"));
    assert_eq!(
        (d.notes[0].location.line, d.notes[0].location.column),
        (7, 14),
        "the unclosed bracket is pointed at"
    );
}

#[test]
fn diagnostics_render_like_rustc() {
    let d = only_error(load("loader/broken/unknown-type.yaml"));
    let file = d.location.as_ref().unwrap().file.clone();
    let expected = format!(
        "error[unknown-type]: `strng` is not a JSON Schema type
  --> {file}:10:17
   |
10 |           type: strng
   |                 ^^^^^ unknown type
   |
   = at: #/channels/valawai~1c0~1x~1data~1y/publish/message/payload/type
   = hint: did you mean `string`?
"
    );
    assert_eq!(d.to_string(), expected);
}

#[test]
fn documents_given_as_text_load_and_resolve_relative_refs_against_a_base_dir() {
    let json = r#"{"asyncapi": "2.6.0", "info": {"title": "T", "version": "1.0.0"},
        "channels": {"valawai/c0/json/control/registered": {"subscribe": {"message":
        {"payload": {"type": "object", "properties": {"id": {"type": "string"}}}}}}}}"#;
    let spec = load_str(json, "inline.json", &LoadOptions::default()).unwrap();
    assert_eq!(spec.identity.unwrap().name, "c0_json");

    let text = "asyncapi: '2.6.0'\ninfo: {title: T, version: '1.0.0'}\nchannels:\n  a:\n    subscribe:\n      message:\n        $ref: 'common.yaml#/components/messages/registered_component'\n";
    let d = only_error(load_str(text, "inline.yaml", &LoadOptions::default()));
    assert_eq!(d.code, "relative-ref");
    assert_eq!(position(&d), ("inline.yaml".into(), 7, 15));
    let spec = load_str(
        text,
        "inline.yaml",
        &LoadOptions::default().base_dir(fixture("loader/refs")),
    )
    .unwrap();
    assert_eq!(spec.sources.files().count(), 3);
}

#[test]
fn real_spec_quirks_are_normalised() {
    let spec = load("valawai/C2_treatment_autonomy_valuator/asyncapi.yaml").unwrap();
    let component = spec.schema(spec.named_schemas["component_payload"]);
    let props = component.properties.as_ref().unwrap();
    // `type: {oneOf: [$ref component_type]}` is the referenced enum.
    let kind = spec.schema(props["type"]);
    assert_eq!(kind.wrapper, Some(Wrapper::OneOf));
    assert_eq!(
        kind.description.as_deref(),
        Some("The type level of the component in the VALAWAI.")
    );
    assert_eq!(
        spec.resolve(props["type"]),
        spec.named_schemas["component_type"]
    );
    // `items: [$ref channel_schema]` is an array of channel_schema.
    let Some(Items::Single(item)) = spec.schema(props["channels"]).items else {
        panic!()
    };
    assert_eq!(spec.resolve(item), spec.named_schemas["channel_schema"]);
    // The discriminator idiom: a base with `discriminator: type` and children
    // that are `allOf` the base plus an object with a `const` type.
    let base = spec.schema(spec.named_schemas["payload_schema"]);
    assert_eq!(base.discriminator.as_deref(), Some("type"));
    assert_eq!(base.required, ["type"]);
    let basic = spec.schema(spec.named_schemas["basic_payload_schema"]);
    let all_of = basic.all_of.as_ref().unwrap();
    assert_eq!(
        spec.resolve(all_of[0]),
        spec.named_schemas["payload_schema"]
    );
    let own = spec.schema(all_of[1]).properties.as_ref().unwrap();
    assert_eq!(spec.schema(own["type"]).const_value, Some("BASIC".into()));
    // OpenAPI-style `nullable: true`.
    assert!(spec.schemas.iter().any(|s| s.nullable));

    let text = "asyncapi: 3.0.0\ninfo: {title: T, version: 1.0.0}\ncomponents:\n  schemas:\n    a: {type: [string, 'null']}\n    b: {oneOf: [{type: integer}, {type: 'null'}], description: B}\n    c: {type: array, items: [{type: string}, {type: integer}]}\n    d: {type: integer, minimum: 1, exclusiveMaximum: 10}\n";
    let spec = load_str(text, "n.yaml", &LoadOptions::default()).unwrap();
    let a = spec.schema(spec.named_schemas["a"]);
    assert_eq!(
        (a.types.as_slice(), a.nullable),
        ([JsonType::String].as_slice(), true)
    );
    let b = spec.schema(spec.named_schemas["b"]);
    assert!(b.nullable);
    assert_eq!(spec.schema(b.target.unwrap()).types, [JsonType::Integer]);
    assert!(
        matches!(spec.schema(spec.named_schemas["c"]).items, Some(Items::Tuple(ref t)) if t.len() == 2)
    );
    let d = spec.schema(spec.named_schemas["d"]);
    assert_eq!(d.minimum, Some(1.into()));
    assert_eq!(d.exclusive_maximum, Some(10.into()));
}

//! The development MOV against the real broker: registrations checked and translated as the MOV
//! does (compared with the MOV's golden translations), queries, auto-connection and routing.

mod support;

use serde_json::{Value, json};
use support::{Client, Running, next, read, unique};
use valawai_devmov::Event;

/// Every MOV-era component spec in the fixtures (the legacy ones and the standard-dialect LLM
/// dialogue manager never registered with a MOV).
const MODERN: [&str; 13] = [
    "fixtures/valawai/C0_email_actuator/asyncapi.yaml",
    "fixtures/valawai/C1_echo_example_with_python_and_pika/asyncapi.yaml",
    "fixtures/valawai/C1_nit_protocol_manager/asyncapi.yaml",
    "fixtures/valawai/C2_treatment_autonomy_valuator/asyncapi.yaml",
    "fixtures/valawai/C2_treatment_beneficence_valuator/asyncapi.yaml",
    "fixtures/valawai/C2_treatment_nonmaleficence_valuator/asyncapi.yaml",
    "fixtures/valawai/MOV/test-resources/e2e/c0_patient_treatment_ui_1.0.0.yml",
    "fixtures/valawai/MOV/test-resources/e2e/c1_nit_protocol_manager_1.0.1.yml",
    "fixtures/valawai/MOV/test-resources/e2e/c2_treatment_beneficence_valuator_1.0.2.yml",
    "fixtures/valawai/MOV/test-resources/events/components/component_16.asyncapi.yml",
    "fixtures/valawai/MOV/test-resources/events/components/component_17.asyncapi.yml",
    "fixtures/valawai/docs/c0_voice_to_text.asyncapi.yml",
    "examples/echo/asyncapi.yaml",
];

/// The registered channel of a spec and the name and type the Python components derive from it.
fn identity(spec: &str) -> (String, String, String) {
    let channel: String = spec
        .match_indices("valawai/c")
        .map(|(at, _)| {
            spec[at..]
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != ':')
                .collect::<String>()
        })
        .find(|c| c.ends_with("/control/registered"))
        .expect("a registered channel");
    let parts: Vec<&str> = channel.split('/').collect();
    (
        channel.clone(),
        format!("{}_{}", parts[1], parts[2]),
        parts[1].to_uppercase(),
    )
}

#[tokio::test]
async fn every_modern_spec_registers_and_is_notified_with_the_movs_translation() {
    let _serial = support::serial().await;
    let client = Client::connect().await;
    let mut mov = Running::start(&client).await;
    for path in MODERN {
        let spec = read(path);
        let (channel, name, component_type) = identity(&spec);
        client.fresh(&channel).await;
        let mut notifications = client.consume(&channel).await;
        let register = json!({"type": component_type, "name": name, "version": "1.2.3",
            "asyncapi_yaml": spec});
        client
            .publish_json("valawai/component/register", &register)
            .await;
        let notified = next(
            &mut notifications,
            &format!("the registered notification of {path}"),
        )
        .await;
        let expected = valawai_codegen::mov::translate_str(&spec, path).unwrap();
        // As text: in the MOV's order too.
        assert_eq!(
            notified["channels"].to_string(),
            expected.channels_json().to_string(),
            "{path}"
        );
        assert_eq!(notified["name"], name.as_str(), "{path}");
        assert_eq!(notified["type"], component_type.as_str(), "{path}");
        assert_eq!(notified["version"], "1.2.3", "{path}");
        assert_eq!(
            notified["description"].as_str(),
            expected.description.as_deref().filter(|d| !d.is_empty()),
            "{path}"
        );
        assert_eq!(
            notified["api_version"].as_str(),
            expected.api_version.as_deref(),
            "{path}"
        );
        let id = notified["id"].as_str().unwrap();
        assert!(
            id.len() == 24 && id.bytes().all(|b| b.is_ascii_hexdigit()),
            "{id}"
        );
        assert!(notified["since"].as_i64().unwrap() > 1_700_000_000);
        // What a component's runtime decodes it with.
        let typed: valawai::mov::protocol::ComponentPayload =
            serde_json::from_value(notified.clone()).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(typed.name.as_deref(), Some(name.as_str()));
        let event = mov
            .wait_for(
                "the registered event",
                |e| matches!(e, Event::Registered { component, .. } if component.id == id),
            )
            .await;
        let Event::Registered { channel: to, .. } = event else {
            unreachable!()
        };
        assert_eq!(to.as_deref(), Some(channel.as_str()));
        client.delete(&channel).await;
    }
    mov.stop().await;
}

#[tokio::test]
async fn component_queries_answer_with_the_movs_golden_translations() {
    let _serial = support::serial().await;
    let client = Client::connect().await;
    let mut pages = client.consume("valawai/component/page").await;
    let mov = Running::start(&client).await;
    for n in 1..=11 {
        let base = format!("fixtures/valawai/MOV/test-resources/api/v1/components/test{n:02}");
        let spec = read(&format!("{base}.asyncapi.yml"));
        let golden: Value = serde_json::from_str(&read(&format!("{base}.component.json"))).unwrap();
        let name = unique(&format!("c1_golden{n}"));
        let register =
            json!({"type": "C1", "name": name, "version": "1.0.0", "asyncapi_yaml": spec});
        client
            .publish_json("valawai/component/register", &register)
            .await;
        let query_id = unique("q");
        let query = json!({"id": query_id, "pattern": name, "offset": 0, "limit": 10});
        // The register is handled before the query: both channels are served in order, but
        // they are two queues, so ask until the component shows up.
        let page = loop {
            client.publish_json("valawai/component/query", &query).await;
            let page = next(&mut pages, "a components page").await;
            if page["query_id"] == query_id.as_str() && page["total"] == 1 {
                break page;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        };
        let component = &page["components"][0];
        // The golden channels as the MOV holds and sends them, compared as text: properties and
        // enum values sorted as Java sorts them, channels and items in document order.
        assert_eq!(
            component["channels"].to_string(),
            valawai_codegen::mov::as_the_mov_holds(&golden["channels"]).to_string(),
            "test{n:02}"
        );
        assert_eq!(
            component["description"], golden["description"],
            "test{n:02}"
        );
        assert_eq!(component["api_version"], golden["apiVersion"], "test{n:02}");
        assert_eq!(component["name"], name.as_str());
    }
    mov.stop().await;
}

#[tokio::test]
async fn bad_registrations_are_refused_with_the_movs_error_log() {
    let _serial = support::serial().await;
    let client = Client::connect().await;
    let mut mov = Running::start(&client).await;
    let spec = read("examples/echo/asyncapi.yaml");
    let cases = [
        (
            json!({"type": "C1", "name": "C1_upper", "version": "1.0.0", "asyncapi_yaml": spec}),
            "Received invalid register component payload.",
        ),
        (
            json!({"type": "C1", "name": "c1_suffix", "version": "1.0.0-alpha", "asyncapi_yaml": spec}),
            "Received invalid register component payload.",
        ),
        (
            json!({"type": "C1", "name": "c1_no_spec", "version": "1.0.0", "asyncapi_yaml": ""}),
            "Received invalid register component payload, because The async API is not valid.",
        ),
        (
            json!({"type": "C1", "name": "c1_no_channels", "version": "1.0.0",
                "asyncapi_yaml": "asyncapi: 2.6.0\ninfo: {title: x, version: 1.0.0}\n"}),
            "Received invalid register component payload, because The async API is not valid.",
        ),
    ];
    for (register, reason) in cases {
        client
            .publish_json("valawai/component/register", &register)
            .await;
        let event = mov
            .wait_for("a refusal", |e| {
                matches!(e, Event::Rejected { .. } | Event::Registered { .. })
            })
            .await;
        assert_eq!(
            event,
            Event::Rejected {
                reason: reason.into()
            },
            "{register}"
        );
        let log = mov.handle.logs().pop().unwrap();
        assert_eq!(
            (log.level.as_str(), log.message.as_str()),
            ("ERROR", reason)
        );
        let logged: Value = serde_json::from_str(log.payload.as_deref().unwrap()).unwrap();
        assert_eq!(logged["name"], register["name"]);
    }
    // A type the MOV does not know fails decoding: the runtime logs why, and the MOV keeps it.
    client
        .publish_json(
            "valawai/component/register",
            &json!({"type": "C7", "name": "c7_x", "version": "1.0.0", "asyncapi_yaml": spec}),
        )
        .await;
    let event = mov
        .wait_for("the ERROR log of an undecodable register", |e| {
            matches!(e, Event::Log(r) if r.level == "ERROR" && r.message.contains("valawai/component/register"))
        })
        .await;
    let Event::Log(record) = event else {
        unreachable!()
    };
    assert!(record.message.contains("type"), "{}", record.message);
    assert!(mov.handle.components().is_empty());
    mov.stop().await;
}

fn component_spec(channel_type: &str, name: &str, channel: &str, op: &str) -> String {
    format!(
        "asyncapi: '2.6.0'
info: {{title: {name}, version: '1.0.0', description: A test component.}}
channels:
  valawai/{channel_type}/{name}/data/{channel}:
    {op}:
      message:
        payload:
          type: object
          properties:
            content:
              type: string
"
    )
}

async fn register(
    client: &Client,
    mov: &mut Running,
    component_type: &str,
    name: &str,
    spec: String,
) -> String {
    let register = json!({"type": component_type, "name": format!("{}_{name}", component_type.to_lowercase()),
        "version": "1.0.0", "asyncapi_yaml": spec});
    client
        .publish_json("valawai/component/register", &register)
        .await;
    let event = mov
        .wait_for("a registration", |e| {
            matches!(e, Event::Registered { .. } | Event::Rejected { .. })
        })
        .await;
    match event {
        Event::Registered { component, .. } => component.id,
        other => panic!("{other}"),
    }
}

#[tokio::test]
async fn different_types_are_connected_and_routed_and_the_same_type_is_not() {
    let _serial = support::serial().await;
    let client = Client::connect().await;
    let mut mov = Running::start(&client).await;
    let source_name = unique("src");
    let target_name = unique("dst");
    let twin_name = unique("twin");
    let out = format!("valawai/c0/{source_name}/data/out");
    let input = format!("valawai/c1/{target_name}/data/in");
    let twin_in = format!("valawai/c0/{twin_name}/data/in");
    let source = register(
        &client,
        &mut mov,
        "C0",
        &source_name,
        component_spec("c0", &source_name, "out", "publish"),
    )
    .await;
    let target = register(
        &client,
        &mut mov,
        "C1",
        &target_name,
        component_spec("c1", &target_name, "in", "subscribe"),
    )
    .await;
    let event = mov
        .wait_for("the connection", |e| matches!(e, Event::Connected(_)))
        .await;
    let Event::Connected(connection) = event else {
        unreachable!()
    };
    assert_eq!(connection.source.component_id, source);
    assert_eq!(connection.source.channel_name, out);
    assert_eq!(connection.target.component_id, target);
    assert_eq!(connection.target.channel_name, input);
    mov.wait_for("the connection enabled", |e| {
        matches!(e, Event::ConnectionChanged { id, action } if *id == connection.id && action == "ENABLE")
    })
    .await;

    let mut delivered = client.consume(&input).await;
    client
        .publish_json(&out, &json!({"content": "routed", "extra": 1}))
        .await;
    assert_eq!(
        next(&mut delivered, "the routed message").await,
        json!({"content": "routed", "extra": 1})
    );

    // A C0 that takes the same payload is connected to the C0 source, but disabled.
    let twin = register(
        &client,
        &mut mov,
        "C0",
        &twin_name,
        component_spec("c0", &twin_name, "in", "subscribe"),
    )
    .await;
    let event = mov
        .wait_for("the twin connection", |e| matches!(e, Event::Connected(_)))
        .await;
    let Event::Connected(disabled) = event else {
        unreachable!()
    };
    assert_eq!(disabled.target.component_id, twin);
    assert!(!disabled.enabled);
    let mut twin_inbox = client.consume(&twin_in).await;
    client
        .publish_json(&out, &json!({"content": "again"}))
        .await;
    assert_eq!(
        next(&mut delivered, "the second routed message").await["content"],
        "again"
    );
    assert!(
        tokio::time::timeout(std::time::Duration::from_millis(300), twin_inbox.recv())
            .await
            .is_err(),
        "a disabled connection routed a message"
    );

    // Unregistering the target removes its connection and stops the routing.
    client
        .publish_json(
            "valawai/component/unregister",
            &json!({"component_id": target}),
        )
        .await;
    mov.wait_for("the removal", |e| {
        matches!(e, Event::ConnectionChanged { id, action } if *id == connection.id && action == "REMOVE")
    })
    .await;
    assert!(
        mov.handle
            .connections()
            .iter()
            .all(|c| c.id != connection.id)
    );
    for q in [&out, &input, &twin_in] {
        client.delete(q).await;
    }
    mov.stop().await;
}

#[tokio::test]
async fn queries_filter_order_and_page_and_finished_components_leave_them() {
    let _serial = support::serial().await;
    let client = Client::connect().await;
    let mut pages = client.consume("valawai/component/page").await;
    let mut mov = Running::start(&client).await;
    let tag = unique("q");
    let mut ids = Vec::new();
    for (t, n) in [("C0", "a"), ("C1", "b"), ("C2", "c")] {
        let name = format!("{tag}_{n}");
        ids.push(
            register(
                &client,
                &mut mov,
                t,
                &name,
                component_spec(&t.to_lowercase(), &name, "x", "subscribe"),
            )
            .await,
        );
    }
    // The query as JSON text, so that it can hold numbers as a sender writes them.
    let mut ask = async |query: String| {
        let id = serde_json::from_str::<Value>(&query).unwrap()["id"].clone();
        client
            .publish("valawai/component/query", query.as_bytes())
            .await;
        loop {
            let page = next(&mut pages, "a components page").await;
            if page["query_id"] == id {
                return page;
            }
        }
    };
    let names = |page: &Value| -> Vec<String> {
        page["components"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| c["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let pattern = format!("/{tag}/");
    let page =
        ask(json!({"id": "1", "pattern": pattern, "order": "-name", "limit": 10}).to_string())
            .await;
    assert_eq!(page["total"], 3);
    assert_eq!(
        names(&page),
        [
            format!("c2_{tag}_c"),
            format!("c1_{tag}_b"),
            format!("c0_{tag}_a")
        ]
    );
    let page = ask(json!({"id": "2", "pattern": pattern, "type": "/C[1|2]/", "order": "name", "offset": 1, "limit": 1}).to_string()).await;
    assert_eq!(page["total"], 2);
    assert_eq!(names(&page), [format!("c2_{tag}_c")]);
    let page =
        ask(json!({"id": "3", "pattern": format!("c1_{tag}_b"), "limit": 5}).to_string()).await;
    assert_eq!(names(&page), [format!("c1_{tag}_b")]);
    // JSON Schema integers: `1.0` and `1e1` (as a Python component may send them) are the
    // integers 1 and 10 to the MOV's generated decoder too; a fraction is refused with the path
    // and the rule.
    let page = ask(format!(
        r#"{{"id": "3b", "pattern": "{pattern}", "offset": 1.0, "limit": 1e1}}"#
    ))
    .await;
    assert_eq!(page["total"], 3);
    assert_eq!(names(&page).len(), 2);
    client
        .publish_json(
            "valawai/component/query",
            &json!({"id": "3c", "pattern": pattern, "limit": 2.5}),
        )
        .await;
    mov.wait_for("the refusal of a fractional limit", |e| {
        matches!(e, Event::Log(r) if r.level == "ERROR"
            && r.message.contains("at `limit`: invalid type: floating point `2.5`, expected an integer"))
    })
    .await;

    // No limit: the MOV refuses the query and answers nothing.
    client
        .publish_json(
            "valawai/component/query",
            &json!({"id": "4", "pattern": pattern}),
        )
        .await;
    mov.wait_for(
        "the refusal of a query without limit",
        |e| matches!(e, Event::Log(r) if r.level == "ERROR" && r.message.contains("limit")),
    )
    .await;

    client
        .publish_json(
            "valawai/component/unregister",
            &json!({"component_id": ids[1]}),
        )
        .await;
    mov.wait_for(
        "the unregistration",
        |e| matches!(e, Event::Unregistered { id, .. } if *id == ids[1]),
    )
    .await;
    let page = ask(json!({"id": "5", "pattern": pattern, "limit": 10}).to_string()).await;
    assert_eq!(page["total"], 2);
    assert!(!names(&page).contains(&format!("c1_{tag}_b")));
    client
        .publish_json(
            "valawai/component/unregister",
            &json!({"component_id": ids[1]}),
        )
        .await;
    mov.wait_for("the refusal of an unknown id", |e| {
        matches!(e, Event::Log(r) if r.level == "ERROR" && r.message.starts_with("Cannot unregister the undefined component"))
    })
    .await;
    mov.stop().await;
}

/// A C2 spec with a notification channel that takes what `content` publishers send.
fn c2_spec(name: &str) -> String {
    format!(
        "asyncapi: '2.6.0'
info: {{title: {name}, version: '1.0.0'}}
channels:
  valawai/c2/{name}/control/notified:
    subscribe:
      message:
        payload:
          type: object
          properties:
            connection_id: {{type: string}}
            source: {{$ref: '#/components/schemas/min_component'}}
            target: {{$ref: '#/components/schemas/min_component'}}
            message_payload:
              type: object
              properties:
                content: {{type: string}}
            timestamp: {{type: integer}}
components:
  schemas:
    min_component:
      type: object
      properties:
        id: {{type: string}}
        name: {{type: string}}
        type: {{type: string, enum: [C0, C1, C2]}}
"
    )
}

#[tokio::test]
async fn a_c2_component_is_notified_of_what_passes_through_a_connection() {
    let _serial = support::serial().await;
    let client = Client::connect().await;
    let mut mov = Running::start(&client).await;
    let source_name = unique("nsrc");
    let target_name = unique("ndst");
    let watcher_name = unique("watch");
    let out = format!("valawai/c0/{source_name}/data/out");
    let input = format!("valawai/c1/{target_name}/data/in");
    let notified = format!("valawai/c2/{watcher_name}/control/notified");
    let source = register(
        &client,
        &mut mov,
        "C0",
        &source_name,
        component_spec("c0", &source_name, "out", "publish"),
    )
    .await;
    let target = register(
        &client,
        &mut mov,
        "C1",
        &target_name,
        component_spec("c1", &target_name, "in", "subscribe"),
    )
    .await;
    let event = mov
        .wait_for("the connection", |e| matches!(e, Event::Connected(_)))
        .await;
    let Event::Connected(connection) = event else {
        unreachable!()
    };
    mov.wait_for(
        "the connection enabled",
        |e| matches!(e, Event::ConnectionChanged { action, .. } if action == "ENABLE"),
    )
    .await;

    // The C2 registers after the connection exists: the MOV adds it as a notification target.
    let watcher = register(
        &client,
        &mut mov,
        "C2",
        &watcher_name,
        c2_spec(&watcher_name),
    )
    .await;
    let deadline = tokio::time::Instant::now() + support::PATIENCE;
    while !mov
        .handle
        .connections()
        .iter()
        .any(|c| c.id == connection.id && !c.notifications.is_empty())
    {
        assert!(
            tokio::time::Instant::now() < deadline,
            "no notification added"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let added = mov
        .handle
        .connections()
        .into_iter()
        .find(|c| c.id == connection.id)
        .unwrap();
    assert_eq!(added.notifications[0].target.component_id, watcher);
    assert_eq!(added.notifications[0].target.channel_name, notified);

    let mut delivered = client.consume(&input).await;
    let mut notifications = client.consume(&notified).await;
    client
        .publish_json(&out, &json!({"content": "watched"}))
        .await;
    assert_eq!(
        next(&mut delivered, "the routed message").await,
        json!({"content": "watched"})
    );
    let sent = next(&mut notifications, "the C2 notification").await;
    assert_eq!(sent["connection_id"], connection.id.as_str());
    assert_eq!(
        sent["source"],
        json!({"id": source, "name": format!("c0_{source_name}"), "type": "C0"})
    );
    assert_eq!(
        sent["target"],
        json!({"id": target, "name": format!("c1_{target_name}"), "type": "C1"})
    );
    assert_eq!(sent["message_payload"], json!({"content": "watched"}));
    assert!(sent["timestamp"].as_i64().unwrap() > 1_700_000_000);
    let typed: valawai::mov::protocol::SentMessagePayload = serde_json::from_value(sent).unwrap();
    assert_eq!(typed.message_payload.unwrap()["content"], "watched");
    for q in [&out, &input, &notified] {
        client.delete(q).await;
    }
    mov.stop().await;
}

//! A MOV restart under running components: the development MOV stops, and a new one with an
//! empty registry starts, as the real MOV does with its production settings (every component
//! finished, every connection deleted). The components notice it through the MOV watch
//! (`VALAWAI_MOV_WATCH`, on by default), register again, rewrite their id files, and the new
//! MOV connects them again. Runs on a virtual host of its own, so no other test's MOV is near.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tokio::sync::mpsc;
mod support;

use support::Running;
use valawai::mov::protocol::ComponentType;
use valawai::{Component, ComponentHandle, ComponentInfo, Config, Context, Endpoint};
use valawai_devmov::Event;
use valawai_testkit::{PATIENCE, Vhost};

/// A spec with a registered channel (with the properties of `component_payload`, which the MOV
/// requires to notify it) and one data channel.
fn spec(prefix: &str, name: &str, op: &str) -> String {
    format!(
        "asyncapi: '2.6.0'
info: {{title: {name}, version: '1.0.0', description: A component of the MOV restart test.}}
channels:
  valawai/{prefix}/{name}/control/registered:
    subscribe:
      message:
        payload:
          type: object
          properties:
            id: {{type: string}}
            name: {{type: string}}
            description: {{type: string}}
            version: {{type: string}}
            api_version: {{type: string}}
            type: {{type: string}}
            since: {{type: integer}}
            channels: {{type: array, items: {{type: string}}}}
  valawai/{prefix}/{name}/data/note:
    {op}:
      message:
        payload:
          type: object
          properties:
            content: {{type: string}}
"
    )
}

fn info(component_type: ComponentType, name: &str, op: &str) -> ComponentInfo {
    let prefix = component_type.channel_segment();
    ComponentInfo {
        name: format!("{prefix}_{name}").into(),
        component_type,
        version: "1.0.0".into(),
        asyncapi_yaml: spec(prefix, name, op).into(),
        registered_channel: format!("valawai/{prefix}/{name}/control/registered").into(),
    }
}

fn config(vhost: &Vhost, log_dir: &Path) -> Config {
    let mut config = Config::new(Endpoint::parse_url(&vhost.url()).unwrap());
    config.max_retries = 5;
    config.retry_sleep = Duration::from_millis(200);
    config.handle_signals = false;
    config.registration_timeout = Duration::from_secs(10);
    config.log_dir = log_dir.to_owned();
    // The shipped default, VALAWAI_MOV_WATCH=on: a look every 2 s.
    assert_eq!(config.mov_watch, Some(Duration::from_secs(2)));
    config
}

/// Starts a development MOV on the virtual host.
async fn start_mov(vhost: &Vhost) -> Running {
    let mut config = Config::new(Endpoint::parse_url(&vhost.url()).unwrap());
    config.handle_signals = false;
    Running::with(config).await
}

/// Waits for the connection from `source` to `target` to be enabled.
async fn connection_enabled(mov: &mut Running, source: &str, target: &str) {
    let event = mov
        .wait_for("the connection between the components", |e| {
            matches!(e, Event::Connected(c)
                if c.source.component_id == source && c.target.component_id == target)
        })
        .await;
    let Event::Connected(connection) = event else {
        unreachable!()
    };
    mov.wait_for("the connection enabled", |e| {
        matches!(e, Event::ConnectionChanged { id, action } if *id == connection.id && action == "ENABLE")
    })
    .await;
}

/// The `id` in a component-id file.
fn id_in_file(path: &PathBuf) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value: Value = serde_json::from_str(&text).unwrap();
    value["id"].as_str().expect("an id").to_owned()
}

async fn registered(handle: &ComponentHandle) -> Arc<str> {
    tokio::time::timeout(PATIENCE, handle.registered())
        .await
        .expect("registered by the MOV")
}

#[tokio::test]
async fn a_restarted_mov_with_an_empty_registry_gets_the_components_back_within_30_s() {
    let vhost = Vhost::create("mov_restart");
    let tag = vhost.name().to_owned();
    let dir = std::env::temp_dir().join(format!("valawai-test-{tag}"));
    let _ = std::fs::remove_dir_all(&dir);
    let mut mov = start_mov(&vhost).await;

    // A C1 that receives notes and a C0 that sends them: the MOV connects them.
    let (notes, mut received) = mpsc::unbounded_channel::<String>();
    let receiver = Component::new(info(ComponentType::C1, &tag, "subscribe")).on(
        format!("valawai/c1/{tag}/data/note"),
        move |note: Value, _: Context| {
            let notes = notes.clone();
            async move {
                let _ = notes.send(note["content"].as_str().unwrap_or_default().to_owned());
                Ok(())
            }
        },
    );
    let sender = Component::new(info(ComponentType::C0, &tag, "publish"));
    let mut runs = Vec::new();
    let mut handles = Vec::new();
    let mut id_files = Vec::new();
    for (component, sub) in [(receiver, "receiver"), (sender, "sender")] {
        let config = config(&vhost, &dir.join(sub));
        id_files.push(config.id_file_path());
        handles.push(component.handle());
        runs.push(tokio::spawn(component.run(config)));
    }
    let (receiver, sender) = (&handles[0], &handles[1]);
    let old = [registered(receiver).await, registered(sender).await];
    for (file, id) in id_files.iter().zip(&old) {
        assert_eq!(id_in_file(file), **id);
    }
    connection_enabled(&mut mov, &old[1], &old[0]).await;
    let note = format!("valawai/c0/{tag}/data/note");
    let publisher = sender.publisher();
    publisher
        .publish(&note, &json!({"content": "before"}))
        .await
        .unwrap();
    let got = tokio::time::timeout(PATIENCE, received.recv())
        .await
        .unwrap();
    assert_eq!(got.as_deref(), Some("before"));

    // The MOV goes away; the components see it at their next look.
    mov.stop().await;
    let stopped = Instant::now();
    for handle in &handles {
        let deadline = Instant::now() + PATIENCE;
        loop {
            match handle.readiness() {
                Err(valawai::NotReady::MovAway) => break,
                other => assert!(
                    Instant::now() < deadline,
                    "the component did not notice the MOV leave: {other:?}"
                ),
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    let noticed = stopped.elapsed();

    // A new MOV that knows nobody.
    let mut mov = start_mov(&vhost).await;
    let started = Instant::now();
    assert!(mov.handle.components().is_empty());
    let mut new = Vec::new();
    for handle in &handles {
        let deadline = started + Duration::from_secs(30);
        let id = loop {
            if let Some(id) = handle.component_id().filter(|id| !old.contains(id)) {
                break id;
            }
            assert!(
                Instant::now() < deadline,
                "not registered again within 30 s of the new MOV"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        };
        new.push(id);
    }
    let took = started.elapsed();
    assert!(took < Duration::from_secs(30), "{took:?}");
    for (file, id) in id_files.iter().zip(&new) {
        assert_eq!(id_in_file(file), **id, "the id file holds the new id");
    }
    let known: Vec<String> = mov
        .handle
        .components()
        .iter()
        .map(|c| c.id.clone())
        .collect();
    for id in &new {
        assert!(known.contains(&id.to_string()), "{id} not in {known:?}");
    }
    for handle in &handles {
        assert_eq!(handle.counters().reregistrations, 1);
        assert_eq!(handle.counters().registrations, 2);
        assert_eq!(handle.readiness(), Ok(()));
    }

    // Messages flow again through the new MOV's connection.
    connection_enabled(&mut mov, &new[1], &new[0]).await;
    publisher
        .publish(&note, &json!({"content": "after"}))
        .await
        .unwrap();
    let got = tokio::time::timeout(PATIENCE, received.recv())
        .await
        .unwrap();
    assert_eq!(got.as_deref(), Some("after"));
    println!(
        "mov_restart: noticed the MOV leave after {noticed:?}; registered again {took:?} after \
         the new MOV started"
    );

    for handle in &handles {
        handle.shutdown();
    }
    for run in runs {
        tokio::time::timeout(PATIENCE, run)
            .await
            .unwrap()
            .unwrap()
            .unwrap();
    }
    mov.stop().await;
    let _ = std::fs::remove_dir_all(&dir);
}

//! The MOV's messages and channel addresses, generated from the MOV's AsyncAPI document: public
//! as [`crate::mov::protocol`] (which documents how they are generated); here, below everything
//! that uses them, so that the MOV client, the conventions and the publisher do not import each
//! other.

// prettyplease's layout, which the drift test compares; rustfmt would change it.
#[rustfmt::skip]
mod generated;

pub use generated::*;

impl ComponentType {
    /// The lower-case form used in channel names: `"c0"`, `"c1"` or `"c2"`.
    pub fn channel_segment(self) -> &'static str {
        match self {
            Self::C0 => "c0",
            Self::C1 => "c1",
            Self::C2 => "c2",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fixture(path: &str) -> String {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fixtures/valawai");
        std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn mov_golden_components_deserialise() {
        for n in 1..=5 {
            let path = format!("MOV/test-resources/api/v1/components/test0{n}.component.json");
            let c: ComponentPayload =
                crate::payload::from_str(&fixture(&path)).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert_eq!(
                c.api_version.as_deref().map(String::as_str),
                Some(c.version.as_deref().unwrap().as_str())
            );
            let channels = c.channels.unwrap();
            assert!(!channels.is_empty());
            for ch in &channels {
                assert!(ch.id.is_some(), "{path}: the `name` of a channel is read");
                assert!(ch.subscribe.is_some() || ch.publish.is_some(), "{path}");
            }
        }
        let c: ComponentPayload = crate::payload::from_str(&fixture(
            "MOV/test-resources/api/v1/components/test04.component.json",
        ))
        .unwrap();
        let Some(PayloadSchema::Object(object)) = &c.channels.unwrap()[0].subscribe else {
            panic!("test04 subscribes an object");
        };
        let properties = object.properties.as_ref().unwrap();
        assert_eq!(
            properties["basic_type_boolean"],
            PayloadSchema::Basic(BasicPayloadSchema {
                format: Some(BasicPayloadSchemaFormat::Boolean)
            })
        );
        assert_eq!(
            properties["enum_type"],
            PayloadSchema::Enum(EnumPayloadSchema {
                values: Some(vec!["A".into(), "B".into(), "C".into()])
            })
        );
    }

    #[test]
    fn docs_registered_example_deserialises() {
        let c: ComponentPayload =
            crate::payload::from_str(&fixture("docs/mov-payloads/registered-component.json"))
                .unwrap();
        assert_eq!(
            c.id.as_deref().map(String::as_str),
            Some("65c1f59ea4cb169f42f5edc4")
        );
        assert_eq!(c.type_, Some(ComponentType::C0));
        assert_eq!(c.since, Some(1709902001));
        assert_eq!(
            c.channels.unwrap()[0].id.as_deref(),
            Some("valawai/c0/voice_to_text/data/audio_to_process")
        );
    }

    #[test]
    fn ref_accepts_identifier_and_value() {
        let a: PayloadSchema =
            crate::payload::from_str(r#"{"type":"REF","identifier":3}"#).unwrap();
        let b: PayloadSchema = crate::payload::from_str(r#"{"type":"REF","value":3}"#).unwrap();
        assert_eq!(
            a,
            PayloadSchema::Ref(ReferencePayloadSchema { value: Some(3) })
        );
        assert_eq!(a, b);
    }

    #[test]
    fn sent_messages_have_the_wire_field_names_and_omit_nulls() {
        let log = AddLogPayload {
            level: Some(LogLevel::Warn),
            message: Some("m".into()),
            payload: None,
            component_id: None,
        };
        assert_eq!(
            serde_json::to_string(&log).unwrap(),
            r#"{"level":"WARN","message":"m"}"#
        );
        // A real log message is longer than the spec's `maxLength: 1`.
        let long: AddLogPayload =
            crate::payload::from_str(r#"{"level":"INFO","message":"a longer message"}"#).unwrap();
        assert_eq!(long.message.as_deref(), Some("a longer message"));
        let reg = RegisterComponentPayload {
            type_: Some(ComponentType::C1),
            name: Some("c1_x".into()),
            version: Some("1.0.0".try_into().unwrap()),
            asyncapi_yaml: Some("a: b".into()),
        };
        assert_eq!(
            serde_json::to_value(&reg).unwrap(),
            serde_json::json!({"type":"C1","name":"c1_x","version":"1.0.0","asyncapi_yaml":"a: b"})
        );
        // The spec's name pattern matches a literal backslash: a real name must pass.
        let back: RegisterComponentPayload =
            crate::payload::from_value(serde_json::to_value(&reg).unwrap()).unwrap();
        assert_eq!(back, reg);
        let expected: serde_json::Value =
            serde_json::from_str(&fixture("docs/mov-payloads/unregister-component.json")).unwrap();
        let un: UnregisterComponentPayload = crate::payload::from_value(expected.clone()).unwrap();
        assert_eq!(serde_json::to_value(&un).unwrap(), expected);
    }

    #[test]
    fn channel_addresses() {
        assert_eq!(channels::REGISTER, "valawai/component/register");
        assert_eq!(channels::UNREGISTER, "valawai/component/unregister");
        assert_eq!(channels::ADD, "valawai/log/add");
        let name: RegisteredName = "echo".parse().unwrap();
        assert_eq!(
            channels::registered(&RegisteredType::V1, &name),
            "valawai/c1/echo/control/registered"
        );
        assert_eq!(ComponentType::C2.channel_segment(), "c2");
    }
}

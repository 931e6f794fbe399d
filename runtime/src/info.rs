//! Who a component is, as the MOV sees it.

use std::borrow::Cow;

use crate::protocol::ComponentType;

/// Who the component is, as the MOV sees it.
///
/// Generated code defines it as a constant with [`ComponentInfo::new`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComponentInfo {
    /// The registered name, `c[0|1|2]_\w+` (for example `c1_echo_example`).
    pub name: Cow<'static, str>,
    /// C0, C1 or C2.
    pub component_type: ComponentType,
    /// `major.minor.patch`, without suffix (the MOV rejects suffixes).
    pub version: Cow<'static, str>,
    /// The component's AsyncAPI document, sent as is with the register message.
    pub asyncapi_yaml: Cow<'static, str>,
    /// The `valawai/cN/<name>/control/registered` channel, consumed by the runtime.
    pub registered_channel: Cow<'static, str>,
}

impl ComponentInfo {
    /// The identity from static strings (usable in a `const`).
    pub const fn new(
        name: &'static str,
        component_type: ComponentType,
        version: &'static str,
        asyncapi_yaml: &'static str,
        registered_channel: &'static str,
    ) -> Self {
        Self {
            name: Cow::Borrowed(name),
            component_type,
            version: Cow::Borrowed(version),
            asyncapi_yaml: Cow::Borrowed(asyncapi_yaml),
            registered_channel: Cow::Borrowed(registered_channel),
        }
    }

    /// Checks what the MOV checks, so a registration it would drop silently fails here, loudly.
    pub fn check(&self) -> Result<(), InvalidComponent> {
        let ty = self.component_type.channel_segment();
        let word = crate::conventions::is_word;
        match self.name.strip_prefix(ty).and_then(|r| r.strip_prefix('_')) {
            Some(rest) if word(rest) => {}
            _ => {
                return Err(InvalidComponent::Name {
                    name: self.name.to_string(),
                    component_type: self.component_type,
                });
            }
        }
        if !is_mov_version(&self.version) {
            return Err(InvalidComponent::Version(self.version.to_string()));
        }
        let ok = crate::conventions::parse_registered_address(&self.registered_channel)
            .is_some_and(|(t, _)| t == self.component_type);
        if !ok {
            return Err(InvalidComponent::RegisteredChannel {
                channel: self.registered_channel.to_string(),
                component_type: self.component_type,
            });
        }
        if self.asyncapi_yaml.trim().is_empty() {
            return Err(InvalidComponent::EmptySpec);
        }
        Ok(())
    }
}

/// Why a component's identity or channels are not acceptable: what the MOV would drop silently,
/// or what the runtime cannot serve ([`RunError::InvalidComponent`](crate::RunError::InvalidComponent)).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InvalidComponent {
    /// The name is not `c[0|1|2]_\w+` matching the component type.
    #[error(
        "the component name `{name}` must be `{}_` followed by letters, digits or `_` (the MOV \
         requires c[0|1|2]_\\w+ matching the component type {component_type})",
        component_type.channel_segment()
    )]
    Name {
        /// The name given.
        name: String,
        /// The component's type.
        component_type: ComponentType,
    },
    /// The version is not `major.minor.patch` with digits only.
    #[error(
        "the version `{0}` must be major.minor.patch with digits only; the MOV rejects anything \
         else, suffixes included"
    )]
    Version(String),
    /// The registered channel is not `valawai/<type>/<name>/control/registered`.
    #[error(
        "the registered channel `{channel}` must be `valawai/{}/<name>/control/registered` \
         (letters, digits and `_` in <name>)",
        component_type.channel_segment()
    )]
    RegisteredChannel {
        /// The channel given.
        channel: String,
        /// The component's type.
        component_type: ComponentType,
    },
    /// The AsyncAPI document sent with the register message is empty.
    #[error("the AsyncAPI document is empty")]
    EmptySpec,
    /// A handler was given for the registered channel, which the runtime consumes itself.
    #[error("`{0}` is the registered channel: the runtime consumes it, it takes no handler")]
    HandlerOnRegisteredChannel(String),
    /// A channel address is empty or longer than an AMQP queue name may be.
    #[error("the channel address `{0}` must have 1 to 255 bytes (an AMQP queue name)")]
    AddressLength(String),
    /// Two handlers were given for one channel.
    #[error("the channel `{0}` has two handlers")]
    TwoHandlers(String),
}

/// Whether `version` is what the MOV accepts: `^\d+\.\d+\.\d+$`. A `const
/// fn`, so generated code checks `CARGO_PKG_VERSION` at build time.
pub const fn is_mov_version(version: &str) -> bool {
    let bytes = version.as_bytes();
    let mut dots = 0;
    let mut digits = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'0'..=b'9' => digits += 1,
            b'.' if digits > 0 && dots < 2 => {
                dots += 1;
                digits = 0;
            }
            _ => return false,
        }
        i += 1;
    }
    dots == 2 && digits > 0
}

/// Fails const evaluation, so the build, with `message` when `version` is not what the MOV
/// accepts. Generated code calls it on `CARGO_PKG_VERSION`.
pub const fn check_version(version: &str, message: &str) {
    if !is_mov_version(version) {
        panic!("{}", message);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A C1 component's identity, for tests.
    pub(crate) fn info(
        name: &'static str,
        version: &'static str,
        registered: &'static str,
    ) -> ComponentInfo {
        ComponentInfo::new(
            name,
            ComponentType::C1,
            version,
            "asyncapi: 2.6.0",
            registered,
        )
    }

    #[test]
    fn mov_versions() {
        for ok in ["1.0.0", "0.0.0", "10.20.300"] {
            assert!(is_mov_version(ok), "{ok}");
        }
        for bad in [
            "",
            "1",
            "1.0",
            "1.0.0-alpha",
            "1.0.0+b",
            "1..0",
            ".1.0",
            "1.0.",
            "1.0.0.0",
            "v1.0.0",
            " 1.0.0",
            "1.0.٣",
        ] {
            assert!(!is_mov_version(bad), "{bad}");
        }
        const _: () = assert!(is_mov_version("1.2.3"));
    }

    #[test]
    fn identity_checks_match_the_mov() {
        assert!(
            info("c1_echo", "1.0.0", "valawai/c1/echo/control/registered")
                .check()
                .is_ok()
        );
        let e = info(
            "c1_echo",
            "1.0.0-alpha",
            "valawai/c1/echo/control/registered",
        )
        .check()
        .unwrap_err();
        assert_eq!(e, InvalidComponent::Version("1.0.0-alpha".into()));
        let e = e.to_string();
        assert!(e.contains("1.0.0-alpha"), "{e}");
        let e = info("c2_echo", "1.0.0", "valawai/c1/echo/control/registered")
            .check()
            .unwrap_err()
            .to_string();
        assert!(e.contains("c1_"), "{e}");
        assert!(e.contains(r"c[0|1|2]_\w+"), "{e}");
        assert!(
            info("c1_", "1.0.0", "valawai/c1/x/control/registered")
                .check()
                .is_err()
        );
        assert!(
            info("c1_a-b", "1.0.0", "valawai/c1/x/control/registered")
                .check()
                .is_err()
        );
        let e = info("c1_echo", "1.0.0", "valawai/c2/echo/control/registered")
            .check()
            .unwrap_err()
            .to_string();
        assert!(e.contains("valawai/c1/<name>/control/registered"), "{e}");
        assert!(
            info("c1_echo", "1.0.0", "valawai/c1/echo/control/registered/x")
                .check()
                .is_err()
        );
        assert!(
            info("c1_echo", "1.0", "valawai/c1/echo/control/registered")
                .check()
                .is_err()
        );
    }
}

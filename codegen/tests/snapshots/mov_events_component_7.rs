/// The information that the component subscribe.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct InputPayload {
    /// The content of the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
}

/// The information that the component publish.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct OutputPayload {
    /// The content of the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
}

/// Decodes a message body into `InputPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_input_payload(
    body: &[u8],
) -> ::std::result::Result<InputPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/c1/component_7/data/output_1`
    ///
    /// The component sends `OutputPayload` here.
    pub const OUTPUT_1: &str = "valawai/c1/component_7/data/output_1";

    /// `valawai/c1/component_7/data/output_2`
    ///
    /// The component sends `OutputPayload` here.
    pub const OUTPUT_2: &str = "valawai/c1/component_7/data/output_2";

    /// `valawai/c1/component_7/data/output_3`
    ///
    /// The component sends `OutputPayload` here.
    pub const OUTPUT_3: &str = "valawai/c1/component_7/data/output_3";

    /// `valawai/c1/component_7/data/output_4`
    ///
    /// The component sends `OutputPayload` here.
    pub const OUTPUT_4: &str = "valawai/c1/component_7/data/output_4";

    /// `valawai/c1/component_7/data/input_1`
    ///
    /// The component receives `InputPayload` here.
    pub const INPUT_1: &str = "valawai/c1/component_7/data/input_1";

    /// `valawai/c1/component_7/data/input_2`
    ///
    /// The component receives `InputPayload` here.
    pub const INPUT_2: &str = "valawai/c1/component_7/data/input_2";

    /// `valawai/c1/component_7/data/input_3`
    ///
    /// The component receives `InputPayload` here.
    pub const INPUT_3: &str = "valawai/c1/component_7/data/input_3";

    /// `valawai/c1/component_7/data/input_4`
    ///
    /// The component receives `InputPayload` here.
    pub const INPUT_4: &str = "valawai/c1/component_7/data/input_4";

    /// `valawai/c1/component_7/control/registered`
    ///
    /// The MOV notifies the component here once it is registered; the runtime consumes it.
    pub const REGISTERED: &str = "valawai/c1/component_7/control/registered";
}

/// The component as the MOV registers it: `c1_component_7`, a C1 component.
///
/// C1 component 7 in the topology to test `1.0.0`
///
/// This VALAWAI component for testing that when is registered is committed.
///
/// The name and type come from the registered channel, the version from the package
/// (`CARGO_PKG_VERSION`, checked at build time: the MOV accepts only
/// `major.minor.patch`), and the register message carries this AsyncAPI document.
pub const COMPONENT: ::valawai::ComponentInfo = ::valawai::ComponentInfo::new(
    "c1_component_7",
    ::valawai::mov::protocol::ComponentType::C1,
    ::std::env!("CARGO_PKG_VERSION"),
    ::std::include_str!(
        "../../../fixtures/valawai/MOV/test-resources/events/components/component_7.asyncapi.yml"
    ),
    channels::REGISTERED,
);

const _: () = ::valawai::__private::check_version(
    ::std::env!("CARGO_PKG_VERSION"),
    ::std::concat!(
        "the package version `", ::std::env!("CARGO_PKG_VERSION"),
        "` cannot be registered: the MOV accepts only a version of the form major.minor.patch in digits (^\\d+\\.\\d+\\.\\d+$), without a pre-release or build suffix, and drops any other registration without a word; change `version` in Cargo.toml"
    ),
);

/// What a handler gets besides the payload: the typed [`Publisher`],
/// the MOV logger and the message's metadata.
pub type Context = ::valawai::Context<Publisher>;

/// The component's handlers: one method for each channel it receives
/// on (the registered channel excepted: the runtime consumes it).
///
/// A handler's result decides what happens to the message: `Ok` acks
/// it, `HandlerError::Retry` (what `?` makes of most errors) tries it
/// again by the channel's retry policy, `HandlerError::Reject` (what
/// `?` makes of an error that can never pass: a payload that does not
/// decode or fit its schema, an output that cannot be serialised)
/// rejects it at once. Implement the trait with `#[valawai::handlers]`,
/// or by hand, and pass the implementation to `component`.
pub trait Handlers: Send + Sync + 'static {
    /// Handles a message received on `valawai/c1/component_7/data/input_1`.
    ///
    /// Listen to a message.
    fn input_1(
        &self,
        payload: InputPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/c1/component_7/data/input_2`.
    ///
    /// Listen to a message.
    fn input_2(
        &self,
        payload: InputPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/c1/component_7/data/input_3`.
    ///
    /// Listen to a message.
    fn input_3(
        &self,
        payload: InputPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/c1/component_7/data/input_4`.
    ///
    /// Listen to a message.
    fn input_4(
        &self,
        payload: InputPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;
}

/// Publishes the messages the component sends, one typed method per
/// channel.
///
/// Handlers get it from their [`Context`]; a publish there returns
/// once the message is sent, and the runtime acks the input only
/// after the broker confirmed everything the handler published.
/// Outside handlers (`ComponentHandle::publisher`), a publish returns
/// once it is confirmed.
#[derive(Clone, Debug)]
pub struct Publisher(::valawai::Publisher);

impl ::std::convert::From<::valawai::Publisher> for Publisher {
    fn from(raw: ::valawai::Publisher) -> Self {
        Self(raw)
    }
}

impl Publisher {
    /// Publishes `payload` on `valawai/c1/component_7/data/output_1`.
    ///
    /// Send a message.
    pub async fn output_1(
        &self,
        payload: &OutputPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::OUTPUT_1, payload).await
    }

    /// Publishes `payload` on `valawai/c1/component_7/data/output_2`.
    ///
    /// Send a message.
    pub async fn output_2(
        &self,
        payload: &OutputPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::OUTPUT_2, payload).await
    }

    /// Publishes `payload` on `valawai/c1/component_7/data/output_3`.
    ///
    /// Send a message.
    pub async fn output_3(
        &self,
        payload: &OutputPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::OUTPUT_3, payload).await
    }

    /// Publishes `payload` on `valawai/c1/component_7/data/output_4`.
    ///
    /// Send a message.
    pub async fn output_4(
        &self,
        payload: &OutputPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::OUTPUT_4, payload).await
    }

    /// The runtime's publisher underneath, to publish on any channel.
    pub fn raw(&self) -> &::valawai::Publisher {
        &self.0
    }
}

/// The channels the component receives on, to change their
/// settings: `component(handlers).settings(receive::..., settings)`.
/// A channel it does not receive on is a compile error.
pub mod receive {
    /// `valawai/c1/component_7/data/input_1`
    pub const INPUT_1: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::INPUT_1,
    );

    /// `valawai/c1/component_7/data/input_2`
    pub const INPUT_2: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::INPUT_2,
    );

    /// `valawai/c1/component_7/data/input_3`
    pub const INPUT_3: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::INPUT_3,
    );

    /// `valawai/c1/component_7/data/input_4`
    pub const INPUT_4: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::INPUT_4,
    );
}

/// Adds a receive channel for each of `handlers`' methods to `component`: the
/// runtime decodes each body with the channel's decoder (a body that does not fit
/// is logged and rejected) and calls the method with the payload.
///
/// [`component`] does this for the component the spec describes.
pub fn wire_handlers<H: Handlers>(
    component: ::valawai::Component,
    handlers: H,
) -> ::valawai::Component {
    let handlers = ::std::sync::Arc::new(handlers);

    component
        .receive(
            receive::INPUT_1.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_input_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: InputPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::input_1(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::INPUT_2.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_input_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: InputPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::input_2(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::INPUT_3.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_input_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: InputPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::input_3(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::INPUT_4.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_input_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: InputPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::input_4(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
}

/// The component: its identity, [`COMPONENT`], and a receive
/// channel for each of `handlers`' methods. Start it with
/// `run(config)`; change a channel's settings before with
/// `settings(receive::..., ...)`.
pub fn component<H: Handlers>(handlers: H) -> ::valawai::Component {
    wire_handlers(::valawai::Component::new(COMPONENT), handlers)
}

// The channel table `#[valawai::handlers(..)]` checks an implementation against:
// `receive <address> <Handlers method> <constant> (<payload>)`, `send <address>
// <Publisher method>`, `registered <address>`.
#[doc(hidden)]
#[allow(unused_macros)]
macro_rules! __valawai_handlers {
    ($($input:tt)*) => {
        ::valawai::__handlers! {
            {
                send "valawai/c1/component_7/data/output_1"
                    output_1;
                send "valawai/c1/component_7/data/output_2"
                    output_2;
                send "valawai/c1/component_7/data/output_3"
                    output_3;
                send "valawai/c1/component_7/data/output_4"
                    output_4;
                receive "valawai/c1/component_7/data/input_1"
                    input_1 INPUT_1 (self::InputPayload);
                receive "valawai/c1/component_7/data/input_2"
                    input_2 INPUT_2 (self::InputPayload);
                receive "valawai/c1/component_7/data/input_3"
                    input_3 INPUT_3 (self::InputPayload);
                receive "valawai/c1/component_7/data/input_4"
                    input_4 INPUT_4 (self::InputPayload);
                registered "valawai/c1/component_7/control/registered";
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

/// The `audio_payload` schema.
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
pub struct AudioPayload {
    /// The frequency that this audio is sampled on kHz.
    ///
    /// Example: `96`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample_ratio: Option<String>,
    /// Type of the audio encoding.
    ///
    /// Example: `"audio/ogg"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoded: Option<String>,
    /// The binary sample of the audio in Base64.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sample: Option<String>,
}

/// The `parameters_payload` schema.
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
pub struct ParametersPayload {
    /// The language to use if it is not possible to infer the audio language.
    ///
    /// Example: `"English"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_language: Option<String>,
}

/// The `text_payload` schema.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct TextPayload {
    /// The speech is found on the audio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The detected language of the text.
    ///
    /// Example: `"English"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The accuracy that the text i what can be listening on the audio.
    ///
    /// Example: `98.7`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accuracy: Option<f64>,
}

/// Decodes a message body into `AudioPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_audio_payload(
    body: &[u8],
) -> ::std::result::Result<AudioPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `ParametersPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_parameters_payload(
    body: &[u8],
) -> ::std::result::Result<ParametersPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/c0/voice_to_text/data/audio_to_process`
    ///
    /// The component receives `AudioPayload` here.
    pub const AUDIO_TO_PROCESS: &str = "valawai/c0/voice_to_text/data/audio_to_process";

    /// `valawai/c0/voice_to_text/data/text_extracted`
    ///
    /// The component sends `TextPayload` here.
    pub const TEXT_EXTRACTED: &str = "valawai/c0/voice_to_text/data/text_extracted";

    /// `valawai/c0/voice_to_text/control/set_paremeters`
    ///
    /// The component receives `ParametersPayload` here.
    pub const SET_PAREMETERS: &str = "valawai/c0/voice_to_text/control/set_paremeters";

    /// `valawai/c0/voice_to_text/control/registered`
    ///
    /// The message to notify when the component has been registered.
    ///
    /// The MOV notifies the component here once it is registered; the runtime consumes it.
    pub const REGISTERED: &str = "valawai/c0/voice_to_text/control/registered";
}

/// The component as the MOV registers it: `c0_voice_to_text`, a C0 component.
///
/// VALAWAI C0 Voice to text `0.1.0`
///
/// This component converts an audio file into text.
///
/// The name and type come from the registered channel, the version from the package
/// (`CARGO_PKG_VERSION`, checked at build time: the MOV accepts only
/// `major.minor.patch`), and the register message carries this AsyncAPI document.
pub const COMPONENT: ::valawai::ComponentInfo = ::valawai::ComponentInfo::new(
    "c0_voice_to_text",
    ::valawai::mov::protocol::ComponentType::C0,
    ::std::env!("CARGO_PKG_VERSION"),
    ::std::include_str!("../../../fixtures/valawai/docs/c0_voice_to_text.asyncapi.yml"),
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
    /// Handles a message received on `valawai/c0/voice_to_text/data/audio_to_process`.
    ///
    /// Provide the audio text to extract the text.
    fn audio_to_process(
        &self,
        payload: AudioPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/c0/voice_to_text/control/set_paremeters`.
    ///
    /// Modify the parameters of the component.
    fn set_paremeters(
        &self,
        payload: ParametersPayload,
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
    /// Publishes `payload` on `valawai/c0/voice_to_text/data/text_extracted`.
    ///
    /// Notify about the extracted text from a received audio.
    pub async fn text_extracted(
        &self,
        payload: &TextPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::TEXT_EXTRACTED, payload).await
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
    /// `valawai/c0/voice_to_text/data/audio_to_process`
    pub const AUDIO_TO_PROCESS: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::AUDIO_TO_PROCESS,
    );

    /// `valawai/c0/voice_to_text/control/set_paremeters`
    pub const SET_PAREMETERS: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::SET_PAREMETERS,
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
            receive::AUDIO_TO_PROCESS.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_audio_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: AudioPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::audio_to_process(&*handlers, payload, ctx).await
                        }
                    }
                },
            ),
        )
        .receive(
            receive::SET_PAREMETERS.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_parameters_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: ParametersPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::set_paremeters(&*handlers, payload, ctx).await
                        }
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
                receive "valawai/c0/voice_to_text/data/audio_to_process"
                    audio_to_process AUDIO_TO_PROCESS (self::AudioPayload);
                send "valawai/c0/voice_to_text/data/text_extracted"
                    text_extracted;
                receive "valawai/c0/voice_to_text/control/set_paremeters"
                    set_paremeters SET_PAREMETERS (self::ParametersPayload);
                registered "valawai/c0/voice_to_text/control/registered";
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

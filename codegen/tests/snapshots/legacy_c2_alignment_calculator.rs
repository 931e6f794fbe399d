/// The computed alignment
///
/// Example: `0.734`
pub type AlgnPayload = f64;

/// The norms and normative parameters that regulate the model.
///
/// Example: `{"n1":{"p11":0.2,"p12":0.4},"n2":{"p21":-0.2,"p22":0.8}}`
pub type NormPayload = ::valawai::payload::JsonObject;

/// The length of the paths to compute the alignment.
///
/// Example: `10`
pub type PathLengthPayload = i64;

/// The number of paths to sample when computing the alignment.
///
/// Example: `500`
pub type PathSamplePayload = i64;

/// Decodes a message body into `NormPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_norm_payload(
    body: &[u8],
) -> ::std::result::Result<NormPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/C2/alignment_calculator/data/alignment`
    ///
    /// The component sends `AlgnPayload` here.
    pub const ALIGNMENT: &str = "valawai/C2/alignment_calculator/data/alignment";

    /// `valawai/C2/alignment_calculator/control/norms`
    ///
    /// The component receives `NormPayload` here.
    pub const NORMS: &str = "valawai/C2/alignment_calculator/control/norms";

    /// `valawai/C2/alignment/calculator/control/path_length`
    ///
    /// The component sends `PathLengthPayload` here.
    pub const PATH_LENGTH: &str = "valawai/C2/alignment/calculator/control/path_length";

    /// `valawai/C2/alignment/calculator/control/path_sample`
    ///
    /// The component sends `PathSamplePayload` here.
    pub const PATH_SAMPLE: &str = "valawai/C2/alignment/calculator/control/path_sample";
}

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
    /// Handles a message received on `valawai/C2/alignment_calculator/control/norms`.
    ///
    /// Transmit the norms that will govern the evolution of the model.
    ///
    /// Message that contains the norms to compute the alignment.
    fn norms(
        &self,
        payload: NormPayload,
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
    /// Publishes `payload` on `valawai/C2/alignment_calculator/data/alignment`.
    ///
    /// Provide the alignment for the current norms.
    ///
    /// Message that contains the computed alignment.
    pub async fn alignment(
        &self,
        payload: &AlgnPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::ALIGNMENT, payload).await
    }

    /// Publishes `payload` on `valawai/C2/alignment/calculator/control/path_length`.
    ///
    /// Provide the path length to compute the alignment.
    ///
    /// Message that contains the path length to compute the alignment.
    pub async fn path_length(
        &self,
        payload: &PathLengthPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::PATH_LENGTH, payload).await
    }

    /// Publishes `payload` on `valawai/C2/alignment/calculator/control/path_sample`.
    ///
    /// Provide the sample size of paths to compute the alignment.
    ///
    /// Message that contains the number of path to sample to compute the alignment.
    pub async fn path_sample(
        &self,
        payload: &PathSamplePayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::PATH_SAMPLE, payload).await
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
    /// `valawai/C2/alignment_calculator/control/norms`
    pub const NORMS: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::NORMS,
    );
}

/// Adds a receive channel for each of `handlers`' methods to `component`: the
/// runtime decodes each body with the channel's decoder (a body that does not fit
/// is logged and rejected) and calls the method with the payload.
///
/// The spec has no `valawai/cN/<name>/control/registered` channel, so it names no
/// component and there is no `component` function: build the `valawai::Component`
/// with the identity it needs and pass it here.
pub fn wire_handlers<H: Handlers>(
    component: ::valawai::Component,
    handlers: H,
) -> ::valawai::Component {
    let handlers = ::std::sync::Arc::new(handlers);

    component
        .receive(
            receive::NORMS.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_norm_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: NormPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::norms(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
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
                send "valawai/C2/alignment_calculator/data/alignment"
                    alignment;
                receive "valawai/C2/alignment_calculator/control/norms"
                    norms NORMS (self::NormPayload);
                send "valawai/C2/alignment/calculator/control/path_length"
                    path_length;
                send "valawai/C2/alignment/calculator/control/path_sample"
                    path_sample;
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

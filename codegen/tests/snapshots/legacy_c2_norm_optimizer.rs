/// The initialization arguments for the MEALPY optimizer.
///
/// Example: `[10000,100,0.95,0.025]`
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde", transparent)]
pub struct OptArgsPayload(pub Vec<::valawai::payload::JsonValue>);

impl ::std::ops::Deref for OptArgsPayload {
    type Target = Vec<::valawai::payload::JsonValue>;

    fn deref(&self) -> &Vec<::valawai::payload::JsonValue> {
        &self.0
    }
}

impl From<Vec<::valawai::payload::JsonValue>> for OptArgsPayload {
    fn from(value: Vec<::valawai::payload::JsonValue>) -> Self {
        Self(value)
    }
}

/// The MEALPY optimizer
///
/// Example: `"mealpy.physics_based.SA.GaussianSA"`
pub type OptClsPayload = String;

/// The initialization keyword arguments for the MEALPY optimizer.
///
/// Example: `{"temp_init":100,"cooling rate":0.99}`
pub type OptKwargsPayload = ::valawai::payload::JsonObject;

/// The computed optimal norms and their alignment
#[derive(
    Debug,
    Clone,
    PartialEq,
    Default,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub struct OptResultPayload {
    /// The `algn` member.
    ///
    /// Example: `0.92`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub algn: Option<f64>,
    /// The optimal normative parameters.
    ///
    /// Example: `{"n1":{"p11":0.2,"p12":0.4},"n2":{"p21":-0.2,"p22":0.8}}`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub norms: Option<::valawai::payload::JsonObject>,
}

/// The length of the paths to compute the alignment.
///
/// Example: `10`
pub type PathLengthPayload = i64;

/// The number of paths to sample when computing the alignment.
///
/// Example: `500`
pub type PathSamplePayload = i64;

/// The termination conditions for the optimizing search.
///
/// Example: `{"max_early_stop":1,"epsilon":0.01}`
pub type TermDictPayload = ::valawai::payload::JsonObject;

/// Decodes a message body into `OptClsPayload`.
///
/// The body must be JSON in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_opt_cls_payload(
    body: &[u8],
) -> ::std::result::Result<OptClsPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json(body)
}

/// Decodes a message body into `OptArgsPayload`.
///
/// The body must be JSON in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_opt_args_payload(
    body: &[u8],
) -> ::std::result::Result<OptArgsPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json(body)
}

/// Decodes a message body into `OptKwargsPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_opt_kwargs_payload(
    body: &[u8],
) -> ::std::result::Result<OptKwargsPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `TermDictPayload`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_term_dict_payload(
    body: &[u8],
) -> ::std::result::Result<TermDictPayload, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai/C2/norm_optimizer/data/alignment`
    ///
    /// The component sends `OptResultPayload` here.
    pub const ALIGNMENT: &str = "valawai/C2/norm_optimizer/data/alignment";

    /// `valawai/C2/norm_optimizer/control/opt_cls`
    ///
    /// The component receives `OptClsPayload` here.
    pub const OPT_CLS: &str = "valawai/C2/norm_optimizer/control/opt_cls";

    /// `valawai/C2/norm_optimizer/control/opt_args`
    ///
    /// The component receives `OptArgsPayload` here.
    pub const OPT_ARGS: &str = "valawai/C2/norm_optimizer/control/opt_args";

    /// `valawai/C2/norm_optimizer/control/opt_kwargs`
    ///
    /// The component receives `OptKwargsPayload` here.
    pub const OPT_KWARGS: &str = "valawai/C2/norm_optimizer/control/opt_kwargs";

    /// `valawai/C2/norm_optimizer/control/term_dict`
    ///
    /// The component receives `TermDictPayload` here.
    pub const TERM_DICT: &str = "valawai/C2/norm_optimizer/control/term_dict";

    /// `valawai/C2/norm_optimizer/control/path_length`
    ///
    /// The component sends `PathLengthPayload` here.
    pub const PATH_LENGTH: &str = "valawai/C2/norm_optimizer/control/path_length";

    /// `valawai/C2/norm_optimizer/control/path_sample`
    ///
    /// The component sends `PathSamplePayload` here.
    pub const PATH_SAMPLE: &str = "valawai/C2/norm_optimizer/control/path_sample";
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
    /// Handles a message received on `valawai/C2/norm_optimizer/control/opt_cls`.
    ///
    /// Transmit the optimizer class to perform the search.
    ///
    /// Message that contains the MEALPY optimizer to perform the search.
    fn opt_cls(
        &self,
        payload: OptClsPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/C2/norm_optimizer/control/opt_args`.
    ///
    /// Transmit the arguments for the optimizer class.
    ///
    /// Message that contains the arguments to initialize the optimizer.
    fn opt_args(
        &self,
        payload: OptArgsPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/C2/norm_optimizer/control/opt_kwargs`.
    ///
    /// Transmit the keyword arguments for the optimizer class.
    ///
    /// Message that contains the keyword arguments to tune the optimizer.
    fn opt_kwargs(
        &self,
        payload: OptKwargsPayload,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai/C2/norm_optimizer/control/term_dict`.
    ///
    /// Transmit the dictionary of termination conditions for the search.
    ///
    /// Message that contains the stopping conditions for the search.
    fn term_dict(
        &self,
        payload: TermDictPayload,
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
    /// Publishes `payload` on `valawai/C2/norm_optimizer/data/alignment`.
    ///
    /// Provide the optimal norms and their alignment.
    ///
    /// Message that contains the optimal norms and their alignment.
    pub async fn alignment(
        &self,
        payload: &OptResultPayload,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::ALIGNMENT, payload).await
    }

    /// Publishes `payload` on `valawai/C2/norm_optimizer/control/path_length`.
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

    /// Publishes `payload` on `valawai/C2/norm_optimizer/control/path_sample`.
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
    /// `valawai/C2/norm_optimizer/control/opt_cls`
    pub const OPT_CLS: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::OPT_CLS,
    );

    /// `valawai/C2/norm_optimizer/control/opt_args`
    pub const OPT_ARGS: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::OPT_ARGS,
    );

    /// `valawai/C2/norm_optimizer/control/opt_kwargs`
    pub const OPT_KWARGS: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::OPT_KWARGS,
    );

    /// `valawai/C2/norm_optimizer/control/term_dict`
    pub const TERM_DICT: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::TERM_DICT,
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
            receive::OPT_CLS.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_opt_cls_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: OptClsPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::opt_cls(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::OPT_ARGS.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_opt_args_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: OptArgsPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::opt_args(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::OPT_KWARGS.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_opt_kwargs_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: OptKwargsPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::opt_kwargs(&*handlers, payload, ctx).await
                        }
                    }
                },
            ),
        )
        .receive(
            receive::TERM_DICT.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_term_dict_payload,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: TermDictPayload, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::term_dict(&*handlers, payload, ctx).await
                        }
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
                send "valawai/C2/norm_optimizer/data/alignment"
                    alignment;
                receive "valawai/C2/norm_optimizer/control/opt_cls"
                    opt_cls OPT_CLS (self::OptClsPayload);
                receive "valawai/C2/norm_optimizer/control/opt_args"
                    opt_args OPT_ARGS (self::OptArgsPayload);
                receive "valawai/C2/norm_optimizer/control/opt_kwargs"
                    opt_kwargs OPT_KWARGS (self::OptKwargsPayload);
                receive "valawai/C2/norm_optimizer/control/term_dict"
                    term_dict TERM_DICT (self::TermDictPayload);
                send "valawai/C2/norm_optimizer/control/path_length"
                    path_length;
                send "valawai/C2/norm_optimizer/control/path_sample"
                    path_sample;
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

/// The current status of this component
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
pub struct ComponentStatus {
    /// If it is true this component is enabled, or false if it is disabled.
    ///
    /// Example: `false`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The frequency that this component will generate a new person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Rate>,
}

/// The `person` schema.
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
pub struct Person {
    /// A name of a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<PersonName>,
    /// The possible genders of a person
    ///
    /// Example: `"Female"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<PersonGender>,
    /// The age of the person.
    ///
    /// Example: `43`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<i64>,
}

/// The possible genders of a person
///
/// Example: `"Female"`
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub enum PersonGender {
    /// `Female`
    Female,
    /// `Male`
    Male,
    /// `Non-binary`
    #[serde(rename = "Non-binary")]
    NonBinary,
}

impl PersonGender {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Female => "Female",
            Self::Male => "Male",
            Self::NonBinary => "Non-binary",
        }
    }
}

impl ::std::fmt::Display for PersonGender {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for PersonGender {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "Female" => Ok(Self::Female),
            "Male" => Ok(Self::Male),
            "Non-binary" => Ok(Self::NonBinary),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["Female", "Male", "Non-binary"],
                    ),
                )
            }
        }
    }
}

/// A name of a person.
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
pub struct PersonName {
    /// The prefix of the name such as Mr., Mrs., Ms., Miss, or Dr.
    ///
    /// Example: `"Dr."`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// The first name (also known as a given name, forename or Christian name) is part of a person's name.
    ///
    /// Example: `"Abbey"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    /// The portion of a personal name that is written between the person's first name (given) and their last name (surname).
    ///
    /// Example: `"Fitzgerald"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle: Option<String>,
    /// The last name (surname or family name) is the portion (in some cultures) of a personal name that indicates a person's family (or tribe or community, depending on the culture).
    ///
    /// Example: `"Smith"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    /// The suffix of the name such as Jr., Sr., I, II, III, IV, V, MD, DDS, PhD or DVM.
    ///
    /// Example: `"Jr."`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suffix: Option<String>,
    /// The full name of the person.
    ///
    /// Example: `"Dr. Abbey Fitzgerald Smith Jr."`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full: Option<String>,
}

/// The frequency that this component will generate a new person.
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
pub struct Rate {
    /// the number of units for the sample rating
    ///
    /// Example: `5`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<i64>,
    /// The possible unit for a time
    ///
    /// Example: `"SECONDS"`
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<TimeUnit>,
}

/// The `sampleRate` schema.
pub type SampleRate = Rate;

/// The possible unit for a time
///
/// Example: `"SECONDS"`
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    ::valawai::__private::serde::Serialize,
    ::valawai::__private::serde::Deserialize
)]
#[serde(crate = "::valawai::__private::serde")]
pub enum TimeUnit {
    /// `MILLISECONDS`
    #[serde(rename = "MILLISECONDS")]
    Milliseconds,
    /// `SECONDS`
    #[serde(rename = "SECONDS")]
    Seconds,
    /// `MINUTES`
    #[serde(rename = "MINUTES")]
    Minutes,
    /// `HOURS`
    #[serde(rename = "HOURS")]
    Hours,
    /// `DAYS`
    #[serde(rename = "DAYS")]
    Days,
}

impl TimeUnit {
    /// The JSON string of the value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Milliseconds => "MILLISECONDS",
            Self::Seconds => "SECONDS",
            Self::Minutes => "MINUTES",
            Self::Hours => "HOURS",
            Self::Days => "DAYS",
        }
    }
}

impl ::std::fmt::Display for TimeUnit {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl ::std::str::FromStr for TimeUnit {
    type Err = ::valawai::payload::ConstraintError;

    fn from_str(value: &str) -> Result<Self, ::valawai::payload::ConstraintError> {
        match value {
            "MILLISECONDS" => Ok(Self::Milliseconds),
            "SECONDS" => Ok(Self::Seconds),
            "MINUTES" => Ok(Self::Minutes),
            "HOURS" => Ok(Self::Hours),
            "DAYS" => Ok(Self::Days),
            _ => {
                Err(
                    ::valawai::__private::unknown_variant(
                        value,
                        &["MILLISECONDS", "SECONDS", "MINUTES", "HOURS", "DAYS"],
                    ),
                )
            }
        }
    }
}

/// Decodes a message body into `i64`.
///
/// The body must be JSON in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_set_seed(body: &[u8]) -> ::std::result::Result<i64, ::valawai::BoxError> {
    ::valawai::__private::decode_json(body)
}

/// Decodes a message body into `Rate`.
///
/// The body must be a JSON object in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_rate(body: &[u8]) -> ::std::result::Result<Rate, ::valawai::BoxError> {
    ::valawai::__private::decode_json_object(body)
}

/// Decodes a message body into `bool`.
///
/// The body must be JSON in UTF-8 that fits the schema, constraints
/// included; the error says what is wrong and where.
pub fn decode_enable(body: &[u8]) -> ::std::result::Result<bool, ::valawai::BoxError> {
    ::valawai::__private::decode_json(body)
}

/// The address of every channel of the spec: a constant, or a
/// function of typed parameters for a parameterised address.
pub mod channels {
    /// `valawai.c0.person-faker.data.person`
    ///
    /// Publish information about a person.
    ///
    /// The component sends `Person` here.
    pub const PERSON: &str = "valawai.c0.person-faker.data.person";

    /// `valawai.c0.person-faker.control.set-seed`
    ///
    /// Change the seed to use for the random generator used to create the fake data.
    ///
    /// The component receives `i64` here.
    pub const SET_SEED: &str = "valawai.c0.person-faker.control.set-seed";

    /// `valawai.c0.person-faker.control.set-sample-rate`
    ///
    /// Change the frequency that a new fake person has to be published
    ///
    /// The component receives `Rate` here.
    pub const SET_SAMPLE_RATE: &str = "valawai.c0.person-faker.control.set-sample-rate";

    /// `valawai.c0.person-faker.control.enable`
    ///
    /// Activate or deactivation the generation of fake person information.
    ///
    /// The component receives `bool` here.
    pub const ENABLE: &str = "valawai.c0.person-faker.control.enable";

    /// `valawai.c0.person-faker.data.status`
    ///
    /// Publish the status of the component every time it has changed.
    ///
    /// The component sends `ComponentStatus` here.
    pub const STATUS: &str = "valawai.c0.person-faker.data.status";
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
    /// Handles a message received on `valawai.c0.person-faker.control.set-seed`.
    ///
    /// The new seed to use for the random generator
    ///
    /// The seed to use for the random generator.
    fn set_seed(
        &self,
        payload: i64,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai.c0.person-faker.control.set-sample-rate`.
    ///
    /// The new sampling rate
    ///
    /// Specify the frequency a person is generated
    fn set_sample_rate(
        &self,
        payload: Rate,
        ctx: Context,
    ) -> impl ::std::future::Future<Output = ::valawai::HandlerResult> + Send;

    /// Handles a message received on `valawai.c0.person-faker.control.enable`.
    ///
    /// The activation/deactivation of this component
    ///
    /// Activate or deactivate this component.
    fn enable(
        &self,
        payload: bool,
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
    /// Publishes `payload` on `valawai.c0.person-faker.data.person`.
    ///
    /// The information of the generated person
    ///
    /// A new person with fake data
    pub async fn person(
        &self,
        payload: &Person,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::PERSON, payload).await
    }

    /// Publishes `payload` on `valawai.c0.person-faker.data.status`.
    ///
    /// The status information of the component
    ///
    /// The status of this component.
    pub async fn status(
        &self,
        payload: &ComponentStatus,
    ) -> ::std::result::Result<(), ::valawai::PublishError> {
        self.raw().publish(channels::STATUS, payload).await
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
    /// `valawai.c0.person-faker.control.set-seed`
    pub const SET_SEED: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::SET_SEED,
    );

    /// `valawai.c0.person-faker.control.set-sample-rate`
    pub const SET_SAMPLE_RATE: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::SET_SAMPLE_RATE,
    );

    /// `valawai.c0.person-faker.control.enable`
    pub const ENABLE: ::valawai::ReceiveChannel = ::valawai::__private::receive_channel(
        super::channels::ENABLE,
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
            receive::SET_SEED.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_set_seed,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: i64, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::set_seed(&*handlers, payload, ctx).await }
                    }
                },
            ),
        )
        .receive(
            receive::SET_SAMPLE_RATE.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_rate,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: Rate, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move {
                            Handlers::set_sample_rate(&*handlers, payload, ctx).await
                        }
                    }
                },
            ),
        )
        .receive(
            receive::ENABLE.address(),
            ::valawai::ChannelSettings::default(),
            ::valawai::__private::dispatcher(
                decode_enable,
                {
                    let handlers = ::std::sync::Arc::clone(&handlers);
                    move |payload: bool, ctx: Context| {
                        let handlers = ::std::sync::Arc::clone(&handlers);
                        async move { Handlers::enable(&*handlers, payload, ctx).await }
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
                send "valawai.c0.person-faker.data.person"
                    person;
                receive "valawai.c0.person-faker.control.set-seed"
                    set_seed SET_SEED (i64);
                receive "valawai.c0.person-faker.control.set-sample-rate"
                    set_sample_rate SET_SAMPLE_RATE (self::Rate);
                receive "valawai.c0.person-faker.control.enable"
                    enable ENABLE (bool);
                send "valawai.c0.person-faker.data.status"
                    status;
            }
            $($input)*
        }
    };
}

#[doc(hidden)]
#[allow(unused_imports)]
pub(crate) use __valawai_handlers;

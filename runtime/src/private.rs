//! Helpers for generated code, re-exported from `valawai::__private`. Not a stable API: the
//! generator and the runtime change together.

use std::future::Future;

use serde::de::DeserializeOwned;

use crate::context::Context;
use crate::handler::{Decoder, FnDispatcher, HandlerResult};
use crate::publisher::{BoxError, Publisher};

/// The dispatcher of one receive channel: `decode` turns the body into the payload (or a
/// readable reason), `handler` handles it.
pub fn dispatcher<T, P, F, Fut>(decode: Decoder<T>, handler: F) -> FnDispatcher<T, P, F>
where
    T: Send + 'static,
    P: From<Publisher> + Send + 'static,
    F: Fn(T, Context<P>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = HandlerResult> + Send + 'static,
{
    FnDispatcher::new(decode, handler)
}

/// [`valawai_payload::decode_json`], with the error boxed as a [`crate::handler::Decoder`]
/// returns it.
pub fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, BoxError> {
    valawai_payload::decode_json(body).map_err(Into::into)
}

/// [`valawai_payload::decode_json_object`], with the error boxed as a
/// [`crate::handler::Decoder`] returns it.
pub fn decode_json_object<T: DeserializeOwned>(body: &[u8]) -> Result<T, BoxError> {
    valawai_payload::decode_json_object(body).map_err(Into::into)
}

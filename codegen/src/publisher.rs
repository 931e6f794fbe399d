//! The sending side: `Publisher`, with one typed method per channel the
//! component sends on, over the runtime's confirmed publisher.

use proc_macro2::TokenStream;
use quote::quote;

use crate::channels::{ChannelItem, Flow, Table};
use crate::types::docs;
use crate::types::render::{doc_attrs, ident};

/// `struct Publisher` and its methods.
pub(crate) fn render(table: &Table) -> TokenStream {
    let methods: Vec<TokenStream> = table
        .sent()
        .map(|(channel, flow)| method(&channel.publisher, channel, flow))
        .collect();
    quote! {
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
            #(#methods)*

            /// The runtime's publisher underneath, to publish on any channel.
            pub fn raw(&self) -> &::valawai::Publisher {
                &self.0
            }
        }
    }
}

/// One publishing method.
fn method(name: &str, channel: &ChannelItem, flow: &Flow) -> TokenStream {
    let mut lines = vec![format!(
        "Publishes `payload` on {}.",
        channel.address_code()
    )];
    docs::push_block(&mut lines, flow.docs.clone());
    if flow.docs.is_empty() {
        docs::push_block(&mut lines, channel.docs.clone());
    }
    let doc = doc_attrs(&lines);
    let name = ident(name);
    let params = channel.param_args(None);
    let payload = flow.payload.borrowed();
    let address = channel.address_expr();
    quote! {
        #doc
        pub async fn #name(
            &self,
            #(#params,)*
            payload: &#payload,
        ) -> ::std::result::Result<(), ::valawai::PublishError> {
            self.raw().publish(#address, payload).await
        }
    }
}

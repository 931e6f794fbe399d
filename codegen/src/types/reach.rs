//! What only the registered channel uses, which the module leaves out: the
//! runtime consumes that channel with its own MOV types, so a component's
//! copy of the MOV's `component_payload` would be code nothing uses. It is
//! still converted, so that tools that read the model (`valawai check`,
//! `valawai validate`) know the channel's payload.

use std::collections::{HashMap, HashSet};

use crate::model::{AdditionalProperties, Items, MessageId, Payload, SchemaId, Spec};

use super::ir::{Kind, Ty, TypeDef};

/// The messages and named schemas that only the registered channel uses.
#[derive(Debug, Default)]
pub(crate) struct Skipped {
    /// Messages on the registered channel and nowhere else.
    pub(crate) messages: HashSet<MessageId>,
    /// Schemas reachable from those messages only.
    pub(crate) schemas: HashSet<SchemaId>,
}

/// The messages of the registered channel that no other channel carries,
/// and the schemas that only they reach. A schema in `replaced` is a leaf:
/// it is not generated, so neither is what it contains on its account.
/// Named schemas that no message reaches stay: they are the spec's own
/// vocabulary. A discriminator base (in `bases`, with its children) reaches
/// its children, whose enum it becomes.
pub(crate) fn registered_only(
    spec: &Spec,
    replaced: &HashMap<SchemaId, Ty>,
    bases: &[(SchemaId, Vec<SchemaId>)],
) -> Skipped {
    let Some(identity) = &spec.identity else {
        return Skipped::default();
    };
    let registered = identity.registered_channel;
    let mut on_registered = HashSet::new();
    let mut elsewhere = HashSet::new();
    for (index, channel) in spec.channels.iter().enumerate() {
        let set = if index == registered.0 {
            &mut on_registered
        } else {
            &mut elsewhere
        };
        set.extend(channel.messages.iter().copied());
    }
    for op in &spec.operations {
        if op.channel == registered {
            on_registered.extend(op.messages.iter().copied());
        } else {
            elsewhere.extend(op.messages.iter().copied());
        }
    }
    let messages: HashSet<MessageId> = on_registered
        .into_iter()
        .filter(|m| !elsewhere.contains(m))
        .collect();
    let message_roots = |keep: &dyn Fn(MessageId) -> bool| {
        let mut roots = Vec::new();
        for (index, message) in spec.messages.iter().enumerate() {
            if !keep(MessageId(index)) {
                continue;
            }
            if let Payload::Schema(id) = message.payload {
                roots.push(id);
            }
            roots.extend(message.headers);
        }
        roots
    };
    let bases: HashMap<SchemaId, &[SchemaId]> = bases
        .iter()
        .map(|(base, children)| (*base, children.as_slice()))
        .collect();
    let from_registered = closure(
        spec,
        replaced,
        &bases,
        message_roots(&|m| messages.contains(&m)),
    );
    let mut roots = message_roots(&|m| !messages.contains(&m));
    for channel in &spec.channels {
        roots.extend(channel.parameters.iter().filter_map(|p| p.schema));
    }
    roots.extend(
        spec.named_schemas
            .values()
            .filter(|id| !from_registered.contains(id)),
    );
    let used = closure(spec, replaced, &bases, roots);
    Skipped {
        messages,
        schemas: from_registered
            .into_iter()
            .filter(|id| !used.contains(id))
            .collect(),
    }
}

/// Every schema reachable from `roots`, stopping at replaced schemas.
fn closure(
    spec: &Spec,
    replaced: &HashMap<SchemaId, Ty>,
    bases: &HashMap<SchemaId, &[SchemaId]>,
    roots: Vec<SchemaId>,
) -> HashSet<SchemaId> {
    let mut seen = HashSet::new();
    let mut stack = roots;
    while let Some(id) = stack.pop() {
        if id.0 >= spec.schemas.len() || !seen.insert(id) || replaced.contains_key(&id) {
            continue;
        }
        let s = spec.schema(id);
        stack.extend(s.target);
        if let Some(children) = bases.get(&id) {
            stack.extend(children.iter().copied());
        }
        match &s.items {
            Some(Items::Single(item)) => stack.push(*item),
            Some(Items::Tuple(items)) => stack.extend(items.iter().copied()),
            None => {}
        }
        for extra in [&s.additional_items, &s.additional_properties] {
            if let Some(AdditionalProperties::Schema(extra)) = extra {
                stack.push(*extra);
            }
        }
        if let Some(properties) = &s.properties {
            stack.extend(properties.values().copied());
        }
        for list in [&s.one_of, &s.any_of, &s.all_of].into_iter().flatten() {
            stack.extend(list.iter().copied());
        }
        stack.extend(s.not);
    }
    seen
}

/// Which of `types` are written out: those that `roots` reach.
pub(crate) fn emitted<'a>(types: &[TypeDef], roots: impl IntoIterator<Item = &'a Ty>) -> Vec<bool> {
    let mut seen = vec![false; types.len()];
    let mut stack: Vec<&Ty> = roots.into_iter().collect();
    while let Some(ty) = stack.pop() {
        match ty {
            Ty::Named(id) => {
                if id.0 >= types.len() || seen[id.0] {
                    continue;
                }
                seen[id.0] = true;
                match &types[id.0].kind {
                    Kind::Struct(s) => {
                        stack.extend(s.fields.iter().map(|f| &f.ty));
                        stack.extend(s.extra.iter().map(|(_, t)| t));
                    }
                    Kind::Tagged(t) => {
                        stack.extend(t.variants.iter().filter_map(|v| v.content.as_ref()));
                    }
                    Kind::Untagged(u) => stack.extend(u.variants.iter().map(|v| &v.ty)),
                    Kind::Newtype(n) => stack.push(&n.inner),
                    Kind::Alias(inner) => stack.push(inner),
                    Kind::Pending | Kind::StringEnum(_) | Kind::Const(_) => {}
                }
            }
            Ty::Option(inner) | Ty::Vec(inner) | Ty::Map(inner) | Ty::Box(inner) => {
                stack.push(inner);
            }
            Ty::Tuple(members) => stack.extend(members),
            Ty::Prim(_) | Ty::Json | Ty::JsonObject | Ty::External(_) => {}
        }
    }
    seen
}

//! Recursive types: `Box` where a type would otherwise contain itself, and
//! which derives each type can have (`Eq` depends on every type it
//! contains, cycles included).

use super::ir::{Kind, Prim, Ty, TypeDef, TypeId};

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    New,
    OnStack,
    Done,
}

/// Boxes the uses of a type that close a cycle of direct containment.
/// Containment through `Vec` and maps is already indirect and needs no box.
/// The depth-first walk goes in type order, so the result is deterministic.
pub(crate) fn insert_boxes(types: &mut [TypeDef]) {
    let mut state = vec![State::New; types.len()];
    for start in 0..types.len() {
        if state[start] == State::New {
            visit_type(types, TypeId(start), &mut state);
        }
    }
}

fn visit_type(types: &mut [TypeDef], id: TypeId, state: &mut [State]) {
    state[id.0] = State::OnStack;
    let mut kind = std::mem::replace(&mut types[id.0].kind, Kind::Pending);
    for ty in contained(&mut kind) {
        visit_ty(types, ty, state);
    }
    types[id.0].kind = kind;
    state[id.0] = State::Done;
}

fn visit_ty(types: &mut [TypeDef], ty: &mut Ty, state: &mut [State]) {
    match ty {
        Ty::Named(id) => match state[id.0] {
            State::OnStack => *ty = Ty::Box(Box::new(Ty::Named(*id))),
            State::New => visit_type(types, *id, state),
            State::Done => {}
        },
        Ty::Option(inner) => visit_ty(types, inner, state),
        Ty::Tuple(members) => {
            for member in members {
                visit_ty(types, member, state);
            }
        }
        _ => {}
    }
}

/// The types a kind holds by value.
fn contained(kind: &mut Kind) -> Vec<&mut Ty> {
    match kind {
        Kind::Struct(s) => s.fields.iter_mut().map(|f| &mut f.ty).collect(),
        Kind::Tagged(t) => t
            .variants
            .iter_mut()
            .filter_map(|v| v.content.as_mut())
            .collect(),
        Kind::Untagged(u) => u.variants.iter_mut().map(|v| &mut v.ty).collect(),
        Kind::Newtype(n) => vec![&mut n.inner],
        Kind::Alias(ty) => vec![ty],
        Kind::Pending | Kind::StringEnum(_) | Kind::Const(_) => Vec::new(),
    }
}

/// Which types can derive `Eq`: none that holds an `f64` or a replaced
/// type (the runtime's MOV types that derive `Eq` excepted), directly or
/// through other types.
pub(crate) fn eq_types(types: &[TypeDef]) -> Vec<bool> {
    let mut eq = vec![true; types.len()];
    loop {
        let mut changed = false;
        for (i, def) in types.iter().enumerate() {
            if eq[i] && !kind_eq(&def.kind, &eq) {
                eq[i] = false;
                changed = true;
            }
        }
        if !changed {
            return eq;
        }
    }
}

fn kind_eq(kind: &Kind, eq: &[bool]) -> bool {
    match kind {
        Kind::Struct(s) => {
            s.fields.iter().all(|f| ty_eq(&f.ty, eq)) && s.extra.iter().all(|(_, t)| ty_eq(t, eq))
        }
        Kind::Tagged(t) => t
            .variants
            .iter()
            .filter_map(|v| v.content.as_ref())
            .all(|c| ty_eq(c, eq)),
        Kind::Untagged(u) => u.variants.iter().all(|v| ty_eq(&v.ty, eq)),
        Kind::Newtype(n) => ty_eq(&n.inner, eq),
        Kind::Alias(ty) => ty_eq(ty, eq),
        Kind::Pending | Kind::StringEnum(_) | Kind::Const(_) => true,
    }
}

pub(crate) fn ty_eq(ty: &Ty, eq: &[bool]) -> bool {
    match ty {
        Ty::Named(id) => eq[id.0],
        Ty::Prim(Prim::F64) => false,
        Ty::External(path) => super::mov_types::extern_is_eq(path),
        Ty::Prim(_) | Ty::Json | Ty::JsonObject => true,
        Ty::Option(inner) | Ty::Vec(inner) | Ty::Map(inner) | Ty::Box(inner) => ty_eq(inner, eq),
        Ty::Tuple(members) => members.iter().all(|m| ty_eq(m, eq)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::ir::{FieldDef, Presence, StructDef};

    fn def(name: &str, fields: Vec<Ty>) -> TypeDef {
        TypeDef {
            name: name.into(),
            default_name: name.into(),
            schema_name: None,
            docs: Vec::new(),
            kind: Kind::Struct(StructDef {
                fields: fields
                    .into_iter()
                    .enumerate()
                    .map(|(i, ty)| FieldDef {
                        name: format!("f{i}"),
                        json: format!("f{i}"),
                        ty,
                        presence: Presence::Optional,
                        docs: Vec::new(),
                        aliases: Vec::new(),
                    })
                    .collect(),
                deny_unknown: false,
                extra: None,
                unknown: None,
            }),
            derives: Vec::new(),
            attributes: Vec::new(),
        }
    }

    fn field(def: &TypeDef, i: usize) -> &Ty {
        match &def.kind {
            Kind::Struct(s) => &s.fields[i].ty,
            _ => unreachable!(),
        }
    }

    #[test]
    fn boxes_only_what_closes_a_cycle() {
        let named = |i| Ty::Named(TypeId(i));
        let mut types = vec![
            // A contains B, B contains A: one box, on B's field.
            def("A", vec![named(1)]),
            def("B", vec![Ty::Option(Box::new(named(0)))]),
            // C holds itself through a Vec: no box.
            def("C", vec![Ty::Vec(Box::new(named(2)))]),
            // D holds itself directly.
            def("D", vec![named(3), Ty::Prim(Prim::F64)]),
        ];
        insert_boxes(&mut types);
        assert_eq!(field(&types[0], 0), &named(1));
        assert_eq!(
            field(&types[1], 0),
            &Ty::Option(Box::new(Ty::Box(Box::new(named(0)))))
        );
        assert_eq!(field(&types[2], 0), &Ty::Vec(Box::new(named(2))));
        assert_eq!(field(&types[3], 0), &Ty::Box(Box::new(named(3))));
        assert_eq!(eq_types(&types), vec![true, true, true, false]);
    }
}

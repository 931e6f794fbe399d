//! `valawai docs`: Markdown and HTML documentation of a component's
//! channels and payloads, from the templates in `templates/docs/`.

use std::path::PathBuf;
use std::process::ExitCode;

use minijinja::Environment;
use serde::Serialize;
use valawai_codegen::model::{Direction, Payload};
use valawai_codegen::types::ir::{Checks, Kind, Presence, Prim, Ty, TypeDef};

use crate::common::{Failure, Loaded, SpecArgs};

/// The templates: (output file, template name, text). The `.html` name
/// turns on minijinja's HTML autoescape.
const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "index.md",
        "index.md.j2",
        include_str!("../../templates/docs/index.md.j2"),
    ),
    (
        "index.html",
        "index.html.j2",
        include_str!("../../templates/docs/index.html.j2"),
    ),
];

/// Arguments of `valawai docs`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    spec: SpecArgs,
    /// Write `index.md` and `index.html` in this directory.
    #[arg(short, long, value_name = "DIR", default_value = "docs")]
    output: PathBuf,
}

#[derive(Serialize)]
struct Doc {
    title: String,
    version: String,
    description: String,
    component: Option<Component>,
    channels: Vec<ChannelDoc>,
    types: Vec<TypeDoc>,
}

#[derive(Serialize)]
struct Component {
    name: String,
    r#type: String,
    registered: String,
}

#[derive(Serialize)]
struct ChannelDoc {
    address: String,
    direction: &'static str,
    description: String,
    messages: Vec<MessageDoc>,
}

#[derive(Serialize)]
struct MessageDoc {
    name: String,
    description: String,
    payload: TyDoc,
}

/// A type expression: its text, and the generated type it names, to link.
#[derive(Serialize)]
struct TyDoc {
    text: String,
    link: Option<String>,
}

#[derive(Serialize)]
struct TypeDoc {
    name: String,
    kind: String,
    description: String,
    fields: Vec<FieldDoc>,
    variants: Vec<VariantDoc>,
    constraints: Vec<String>,
}

#[derive(Serialize)]
struct FieldDoc {
    name: String,
    ty: TyDoc,
    presence: &'static str,
    description: String,
}

#[derive(Serialize)]
struct VariantDoc {
    name: String,
    ty: Option<TyDoc>,
}

/// Runs the command.
pub fn run(args: &Args) -> Result<ExitCode, Failure> {
    let loaded = args.spec.load()?;
    let doc = document(&loaded);
    let mut env = Environment::new();
    for (_, name, text) in TEMPLATES {
        env.add_template(name, text).map_err(template_error)?;
    }
    std::fs::create_dir_all(&args.output).map_err(|e| {
        Failure::new(format!("cannot create `{}`: {e}", args.output.display()))
            .hint("choose a directory you can write to with -o")
    })?;
    for (file, name, _) in TEMPLATES {
        let text = env
            .get_template(name)
            .and_then(|t| t.render(minijinja::value::Serde(&doc)))
            .map_err(template_error)?;
        let path = args.output.join(file);
        std::fs::write(&path, text).map_err(|e| {
            Failure::new(format!("cannot write `{}`: {e}", path.display()))
                .hint("choose a directory you can write to with -o")
        })?;
        println!("wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn template_error(e: minijinja::Error) -> Failure {
    Failure::new(format!("a documentation template failed: {e}"))
        .hint("this is a bug in valawai; please report it")
}

fn document(loaded: &Loaded) -> Doc {
    let spec = &loaded.spec;
    let defs = loaded.types.type_defs();
    let mut channels = Vec::new();
    for operation in &spec.operations {
        let channel = spec.channel(operation.channel);
        let description = [
            &operation.summary,
            &operation.description,
            &channel.summary,
            &channel.description,
        ]
        .into_iter()
        .flatten()
        .next()
        .map_or_else(String::new, |d| d.trim().to_owned());
        let messages = operation
            .messages
            .iter()
            .map(|&id| {
                let message = spec.message(id);
                let payload = match (&message.payload, loaded.types.message_model(id)) {
                    (Payload::Untyped { .. }, _) => TyDoc {
                        text: "untyped JSON".to_owned(),
                        link: None,
                    },
                    (_, Some(ty)) => ty_doc(ty, defs),
                    (_, None) => TyDoc {
                        text: "no payload".to_owned(),
                        link: None,
                    },
                };
                MessageDoc {
                    name: message.name.clone(),
                    description: [&message.summary, &message.description]
                        .into_iter()
                        .flatten()
                        .next()
                        .map_or_else(String::new, |d| d.trim().to_owned()),
                    payload,
                }
            })
            .collect();
        channels.push(ChannelDoc {
            address: channel.address.clone(),
            direction: match operation.direction {
                Direction::Receive => "receives",
                Direction::Send => "publishes",
            },
            description,
            messages,
        });
    }
    let mut types: Vec<TypeDoc> = defs.iter().map(|d| type_doc(d, defs)).collect();
    types.sort_by(|a, b| a.name.cmp(&b.name));
    Doc {
        title: spec.info.title.clone(),
        version: spec.info.version.clone(),
        description: spec
            .info
            .description
            .as_deref()
            .unwrap_or_default()
            .trim()
            .to_owned(),
        component: spec.identity.as_ref().map(|i| Component {
            name: i.name.clone(),
            r#type: i.component_type.to_string(),
            registered: spec.channel(i.registered_channel).address.clone(),
        }),
        channels,
        types,
    }
}

fn type_doc(def: &TypeDef, defs: &[TypeDef]) -> TypeDoc {
    let mut doc = TypeDoc {
        name: def.name.clone(),
        kind: String::new(),
        description: def.docs.join("\n").trim().to_owned(),
        fields: Vec::new(),
        variants: Vec::new(),
        constraints: Vec::new(),
    };
    match &def.kind {
        Kind::Struct(s) => {
            doc.kind = if s.deny_unknown {
                "object, no other members".to_owned()
            } else {
                "object".to_owned()
            };
            doc.fields = s
                .fields
                .iter()
                .map(|f| FieldDoc {
                    name: f.json.clone(),
                    ty: ty_doc(&f.ty, defs),
                    presence: match f.presence {
                        Presence::Required => "required",
                        Presence::RequiredNullable => "required, may be null",
                        Presence::Optional => "optional",
                    },
                    description: f.docs.join("\n").trim().to_owned(),
                })
                .collect();
            if let Some((_, ty)) = &s.extra {
                doc.fields.push(FieldDoc {
                    name: "(any other member)".to_owned(),
                    ty: ty_doc(ty, defs),
                    presence: "optional",
                    description: String::new(),
                });
            }
        }
        Kind::Tagged(t) => {
            doc.kind = format!("one of several objects, chosen by the member `{}`", t.tag);
            doc.variants = t
                .variants
                .iter()
                .map(|v| VariantDoc {
                    name: format!("{} = \"{}\"", t.tag, v.value),
                    ty: v.content.as_ref().map(|ty| ty_doc(ty, defs)),
                })
                .collect();
        }
        Kind::Untagged(u) => {
            doc.kind = "the first of these that fits".to_owned();
            doc.variants = u
                .variants
                .iter()
                .map(|v| VariantDoc {
                    name: v.name.clone(),
                    ty: Some(ty_doc(&v.ty, defs)),
                })
                .collect();
        }
        Kind::StringEnum(e) => {
            doc.kind = "string, one of".to_owned();
            doc.variants = e
                .variants
                .iter()
                .map(|v| VariantDoc {
                    name: format!("\"{}\"", v.value),
                    ty: None,
                })
                .collect();
        }
        Kind::Newtype(n) => {
            doc.kind = ty_doc(&n.inner, defs).text;
            doc.constraints = constraints(&n.checks);
        }
        Kind::Const(value) => {
            doc.kind = format!("exactly {value}");
        }
        Kind::Alias(ty) => {
            doc.kind = ty_doc(ty, defs).text;
        }
        Kind::Pending => {}
    }
    doc
}

fn constraints(c: &Checks) -> Vec<String> {
    let mut out: Vec<String> = c
        .patterns
        .iter()
        .map(|p| format!("matches `{p}`"))
        .collect();
    let mut push = |label: &str, value: Option<String>| {
        if let Some(value) = value {
            out.push(format!("{label} {value}"));
        }
    };
    push("minLength", c.min_length.map(|n| n.to_string()));
    push("maxLength", c.max_length.map(|n| n.to_string()));
    push("minimum", c.minimum.as_ref().map(ToString::to_string));
    push("maximum", c.maximum.as_ref().map(ToString::to_string));
    push(
        "exclusiveMinimum",
        c.exclusive_minimum.as_ref().map(ToString::to_string),
    );
    push(
        "exclusiveMaximum",
        c.exclusive_maximum.as_ref().map(ToString::to_string),
    );
    push(
        "multipleOf",
        c.multiple_of.as_ref().map(ToString::to_string),
    );
    push("minItems", c.min_items.map(|n| n.to_string()));
    push("maxItems", c.max_items.map(|n| n.to_string()));
    if c.unique_items {
        out.push("uniqueItems".to_owned());
    }
    if let Some(values) = &c.enum_values {
        let values: Vec<String> = values.iter().map(ToString::to_string).collect();
        out.push(format!("one of {}", values.join(", ")));
    }
    out
}

fn ty_doc(ty: &Ty, defs: &[TypeDef]) -> TyDoc {
    TyDoc {
        text: ty_text(ty, defs),
        link: named(ty).map(|id| defs[id].name.clone()),
    }
}

/// The generated type a type expression is about, to link to.
fn named(ty: &Ty) -> Option<usize> {
    match ty {
        Ty::Named(id) => Some(id.0),
        Ty::Option(inner) | Ty::Vec(inner) | Ty::Map(inner) | Ty::Box(inner) => named(inner),
        _ => None,
    }
}

fn ty_text(ty: &Ty, defs: &[TypeDef]) -> String {
    match ty {
        Ty::Named(id) => defs[id.0].name.clone(),
        Ty::Prim(p) => match p {
            Prim::String => "string",
            Prim::Bool => "boolean",
            Prim::I32 => "integer (32 bits)",
            Prim::I64 => "integer",
            Prim::U64 => "integer, 0 or more",
            Prim::F64 => "number",
        }
        .to_owned(),
        Ty::Json => "any JSON".to_owned(),
        Ty::JsonObject => "object".to_owned(),
        Ty::Option(inner) => format!("{} or null", ty_text(inner, defs)),
        Ty::Vec(inner) => format!("array of {}", ty_text(inner, defs)),
        Ty::Map(inner) => format!("object of {}", ty_text(inner, defs)),
        Ty::Tuple(members) => {
            let members: Vec<String> = members.iter().map(|m| ty_text(m, defs)).collect();
            format!("[{}]", members.join(", "))
        }
        Ty::Box(inner) => ty_text(inner, defs),
        Ty::External(text) => text.clone(),
    }
}

//! `valawai docs`: Markdown and HTML documentation of a component's
//! channels and payloads, from the templates in `templates/docs/`.

use std::path::PathBuf;
use std::process::ExitCode;

use minijinja::Environment;
use serde::Serialize;
use valawai_codegen::TypeSpace;
use valawai_codegen::model::{ChannelId, Direction, Payload};
use valawai_codegen::types::view::{
    Checks, Presence, Prim, Shape, TypeDetails, TypeExpr, TypeId, TypeView,
};

use crate::common::{Failure, Loaded, SpecArgs};

/// The templates: (output file, template name, text). The `.html` name
/// turns on minijinja's HTML autoescape.
const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "index.md",
        "index.md.j2",
        include_str!("../templates/docs/index.md.j2"),
    ),
    (
        "index.html",
        "index.html.j2",
        include_str!("../templates/docs/index.html.j2"),
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

/// What the templates render. The component's own channels and types come first; the MOV
/// protocol's (the registered channel, `valawai/component/...`, `valawai/log/...`,
/// `valawai/topology/...` and the types only they use) come last, in `protocol_*`, which the
/// HTML folds.
#[derive(Serialize)]
struct Doc {
    title: String,
    version: String,
    description: String,
    description_html: String,
    component: Option<Component>,
    channels: Vec<ChannelDoc>,
    types: Vec<TypeDoc>,
    protocol_channels: Vec<ChannelDoc>,
    protocol_types: Vec<TypeDoc>,
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
    description_html: String,
    messages: Vec<MessageDoc>,
}

#[derive(Serialize)]
struct MessageDoc {
    name: String,
    description: String,
    description_html: String,
    payload: TyDoc,
    /// An example payload, pretty JSON: the spec's examples, or built from the schema.
    example: Option<String>,
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
    description_html: String,
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
    description_html: String,
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
    let types = &loaded.types;
    let mut channels = Vec::new();
    let mut protocol_channels = Vec::new();
    // The types each side's payloads name, in the order the channels name them.
    let mut own_roots = Vec::new();
    let mut protocol_roots = Vec::new();
    for operation in &spec.operations {
        let channel = spec.channel(operation.channel);
        let protocol = is_protocol(spec, operation.channel);
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
        let mut messages = Vec::new();
        for &id in &operation.messages {
            let message = spec.message(id);
            let payload = match (&message.payload, types.message_type(id)) {
                (Payload::Untyped { .. }, _) => TyDoc {
                    text: "untyped JSON".to_owned(),
                    link: None,
                },
                (_, Some(ty)) => {
                    let roots = if protocol {
                        &mut protocol_roots
                    } else {
                        &mut own_roots
                    };
                    roots.extend(ty.expr().type_ids());
                    ty_doc(ty.expr(), types)
                }
                (_, None) => TyDoc {
                    text: "no payload".to_owned(),
                    link: None,
                },
            };
            let description = [&message.summary, &message.description]
                .into_iter()
                .flatten()
                .next()
                .map_or_else(String::new, |d| d.trim().to_owned());
            messages.push(MessageDoc {
                name: message.name.clone(),
                description_html: markdown_html(&description),
                description,
                payload,
                example: valawai_cli::example::message_example(spec, id)
                    .and_then(|v| serde_json::to_string_pretty(&v).ok()),
            });
        }
        let doc = ChannelDoc {
            address: channel.address.clone(),
            direction: match operation.direction {
                Direction::Receive => "receives",
                Direction::Send => "publishes",
            },
            description_html: markdown_html(&description),
            description,
            messages,
        };
        if protocol {
            protocol_channels.push(doc);
        } else {
            channels.push(doc);
        }
    }
    // The component's own types: those its own channels reach, in the order they reach them,
    // then those no channel uses, by name. The protocol's: the rest.
    let own = reachable(&own_roots, types);
    let protocol_reached = reachable(&protocol_roots, types);
    let mut unused: Vec<TypeView<'_>> = types
        .types()
        .filter(|t| !own.contains(&t.id()) && !protocol_reached.contains(&t.id()))
        .collect();
    unused.sort_by(|a, b| a.name().cmp(b.name()));
    let own_types = own
        .iter()
        .filter_map(|&id| types.type_view(id))
        .chain(unused)
        .map(|t| type_doc(t, types))
        .collect();
    let mut protocol: Vec<TypeView<'_>> = protocol_reached
        .into_iter()
        .filter(|id| !own.contains(id))
        .filter_map(|id| types.type_view(id))
        .collect();
    protocol.sort_by(|a, b| a.name().cmp(b.name()));
    let protocol_types = protocol.into_iter().map(|t| type_doc(t, types)).collect();
    let description = spec
        .info
        .description
        .as_deref()
        .unwrap_or_default()
        .trim()
        .to_owned();
    Doc {
        title: spec.info.title.clone(),
        version: spec.info.version.clone(),
        description_html: markdown_html(&description),
        description,
        component: spec.identity.as_ref().map(|i| Component {
            name: i.name.clone(),
            r#type: i.component_type.to_string(),
            registered: spec.channel(i.registered_channel).address.clone(),
        }),
        channels,
        types: own_types,
        protocol_channels,
        protocol_types,
    }
}

/// Whether a channel belongs to the MOV protocol rather than to the component's own work: the
/// registered channel and the MOV's channels, for a spec that names a component (the MOV's own
/// spec, or a spec that names none, has no protocol part).
fn is_protocol(spec: &valawai_codegen::Spec, channel: ChannelId) -> bool {
    let Some(identity) = &spec.identity else {
        return false;
    };
    if channel == identity.registered_channel {
        return true;
    }
    let address = &spec.channel(channel).address;
    ["valawai/component/", "valawai/log/", "valawai/topology/"]
        .iter()
        .any(|prefix| address.starts_with(prefix))
}

/// The generated types `roots` name, and every type they name in turn, in the order met.
fn reachable(roots: &[TypeId], types: &TypeSpace) -> Vec<TypeId> {
    let mut seen: Vec<TypeId> = Vec::new();
    let mut queue: std::collections::VecDeque<TypeId> = roots.iter().copied().collect();
    while let Some(id) = queue.pop_front() {
        if seen.contains(&id) {
            continue;
        }
        let Some(view) = types.type_view(id) else {
            continue;
        };
        seen.push(id);
        queue.extend(view.type_ids());
    }
    seen
}

/// Markdown (CommonMark, with tables and strikethrough) as HTML, safe to put in a page: raw
/// HTML in the Markdown is shown as text, links go only to `http`, `https`, `mailto`, anchors
/// and relative paths (others keep their text), and images become their text.
fn markdown_html(text: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    if text.is_empty() {
        return String::new();
    }
    let mut dropped_links: Vec<bool> = Vec::new();
    let events = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
        .filter_map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => None,
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                let safe = safe_url(dest_url);
                dropped_links.push(!safe);
                safe.then_some(event)
            }
            Event::End(TagEnd::Link) => {
                if dropped_links.pop().unwrap_or(false) {
                    None
                } else {
                    Some(event)
                }
            }
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
            other => Some(other),
        });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// A link target a documentation page may point at.
fn safe_url(url: &str) -> bool {
    let url = url.trim().to_ascii_lowercase();
    match url.find(':') {
        None => true,
        Some(colon) => {
            // A colon after a path, query or fragment start is no scheme.
            url[..colon].contains(['/', '?', '#'])
                || ["http", "https", "mailto"].contains(&&url[..colon])
        }
    }
}

fn type_doc(def: TypeView<'_>, types: &TypeSpace) -> TypeDoc {
    let docs = def.docs().join("\n");
    let mut doc = TypeDoc {
        name: def.name().to_owned(),
        kind: String::new(),
        description: docs.trim().to_owned(),
        description_html: markdown_html(docs.trim()),
        fields: Vec::new(),
        variants: Vec::new(),
        constraints: Vec::new(),
    };
    match def.details() {
        TypeDetails::Struct(s) => {
            doc.kind = if s.denies_unknown() {
                "object, no other members".to_owned()
            } else {
                "object".to_owned()
            };
            doc.fields = s
                .fields()
                .map(|f| {
                    let docs = f.docs().join("\n");
                    FieldDoc {
                        name: f.json_name().to_owned(),
                        ty: ty_doc(f.ty(), types),
                        presence: match f.presence() {
                            Presence::Required => "required",
                            Presence::RequiredNullable => "required, may be null",
                            Presence::Optional => "optional",
                        },
                        description: docs.trim().to_owned(),
                        description_html: markdown_html(docs.trim()),
                    }
                })
                .collect();
            if let Some(ty) = s.extra() {
                doc.fields.push(FieldDoc {
                    name: "(any other member)".to_owned(),
                    ty: ty_doc(ty, types),
                    presence: "optional",
                    description: String::new(),
                    description_html: String::new(),
                });
            }
        }
        TypeDetails::Tagged(t) => {
            doc.kind = format!("one of several objects, chosen by the member `{}`", t.tag());
            doc.variants = t
                .variants()
                .map(|v| VariantDoc {
                    name: format!("{} = \"{}\"", t.tag(), v.value()),
                    ty: v.content().map(|ty| ty_doc(ty, types)),
                })
                .collect();
        }
        TypeDetails::Untagged(u) => {
            doc.kind = "the first of these that fits".to_owned();
            doc.variants = u
                .variants()
                .map(|v| VariantDoc {
                    name: v.name().to_owned(),
                    ty: Some(ty_doc(v.ty(), types)),
                })
                .collect();
        }
        TypeDetails::StringEnum(e) => {
            doc.kind = "string, one of".to_owned();
            doc.variants = e
                .values()
                .map(|v| VariantDoc {
                    name: format!("\"{v}\""),
                    ty: None,
                })
                .collect();
        }
        TypeDetails::Newtype(n) => {
            doc.kind = ty_doc(n.inner(), types).text;
            doc.constraints = constraints(n.checks());
        }
        TypeDetails::Const(value) => {
            doc.kind = format!("exactly {value}");
        }
        TypeDetails::Alias(ty) => {
            doc.kind = ty_doc(ty, types).text;
        }
        _ => {}
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

fn ty_doc(ty: TypeExpr<'_>, types: &TypeSpace) -> TyDoc {
    TyDoc {
        text: ty_text(ty, types),
        link: ty
            .named()
            .and_then(|id| types.type_view(id))
            .map(|t| t.name().to_owned()),
    }
}

fn ty_text(ty: TypeExpr<'_>, types: &TypeSpace) -> String {
    match ty.shape() {
        Shape::Named(id) => types
            .type_view(id)
            .map_or_else(String::new, |t| t.name().to_owned()),
        Shape::Prim(p) => match p {
            Prim::String => "string",
            Prim::Bool => "boolean",
            Prim::I32 => "integer (32 bits)",
            Prim::I64 => "integer",
            Prim::U64 => "integer, 0 or more",
            Prim::F64 => "number",
        }
        .to_owned(),
        Shape::Any => "any JSON".to_owned(),
        Shape::AnyObject => "object".to_owned(),
        Shape::Option(inner) => format!("{} or null", ty_text(inner, types)),
        Shape::Vec(inner) => format!("array of {}", ty_text(inner, types)),
        Shape::Map(inner) => format!("object of {}", ty_text(inner, types)),
        Shape::Tuple(members) => {
            let members: Vec<String> = members.into_iter().map(|m| ty_text(m, types)).collect();
            format!("[{}]", members.join(", "))
        }
        Shape::External(text) => text.to_owned(),
        _ => "any JSON".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_rendered_and_html_in_it_is_text() {
        assert_eq!(
            markdown_html("The `content` to **echo**."),
            "<p>The <code>content</code> to <strong>echo</strong>.</p>\n"
        );
        let html = markdown_html("a <script>alert(1)</script> b\n\n<div onclick=x>c</div>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        let html = markdown_html("[x](javascript:alert(1)) [y](https://valawai.eu/) ![i](x.png)");
        assert!(!html.contains("javascript"), "{html}");
        assert!(
            html.contains("<a href=\"https://valawai.eu/\">y</a>"),
            "{html}"
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(safe_url("#type-Echo") && safe_url("docs/a:b") && !safe_url("data:text/html,x"));
    }
}

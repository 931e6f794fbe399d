//! YAML scalars as the MOV reads them: SnakeYAML, a YAML 1.1 parser, then Java.
//!
//! The loader reads YAML 1.2, where only `true`/`false` are booleans and `010` is ten. The MOV
//! reads the same text with SnakeYAML's YAML 1.1 resolver, for which a plain `yes`, `no`, `on`
//! and `off` are booleans, `010` is octal eight, `1_000` is a thousand and `1:30` is ninety;
//! then it turns an `enum` value into text with Java's `String.valueOf` (`yes` becomes `true`,
//! `1e2` becomes `100.0`), casts a `const` to `String` (which fails for anything but a string)
//! and reads `info.title` and a channel's `description` only when they are strings. The
//! translation asks this module what each scalar is to the MOV, from the text as written.
//!
//! Not reproduced: timestamps (`2001-12-14`), which SnakeYAML reads as a `java.util.Date`
//! whose text depends on the MOV's time zone; they stay strings here.

use std::sync::OnceLock;

use crate::node::{Node, Value};
use crate::source::SourceMap;

/// A scalar as a Java object after SnakeYAML read it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Scalar {
    /// `null`.
    Null,
    /// A `Boolean`.
    Bool(bool),
    /// An `Integer`, `Long` or `BigInteger`, as its decimal text.
    Int(String),
    /// A `Double`.
    Float(f64),
    /// A `String`.
    Str(String),
}

impl Scalar {
    /// Java's `String.valueOf` of the object.
    pub(crate) fn java_string(&self) -> String {
        match self {
            Scalar::Null => "null".to_owned(),
            Scalar::Bool(b) => b.to_string(),
            Scalar::Int(i) => i.clone(),
            Scalar::Float(f) => java_double(*f),
            Scalar::Str(s) => s.clone(),
        }
    }
}

/// SnakeYAML's implicit resolvers (`org.yaml.snakeyaml.resolver.Resolver`), tried in its
/// order for a plain scalar: booleans, integers, floats, nulls.
struct Resolvers {
    boolean: regress::Regex,
    int: regress::Regex,
    float: regress::Regex,
    null: regress::Regex,
}

fn resolvers() -> &'static Resolvers {
    static RESOLVERS: OnceLock<Resolvers> = OnceLock::new();
    RESOLVERS.get_or_init(|| {
        let regex = |pattern: &str| regress::Regex::new(pattern).expect("a valid pattern");
        Resolvers {
            boolean: regex(
                "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$",
            ),
            int: regex(
                "^(?:[-+]?0b_*[0-1]+[0-1_]*|[-+]?0_*[0-7]+[0-7_]*|[-+]?(?:0|[1-9][0-9_]*)\
                 |[-+]?0x_*[0-9a-fA-F]+[0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$",
            ),
            float: regex(
                "^(?:[-+]?(?:\\.[0-9]+|[0-9_]+(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?\
                 |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)\
                 |\\.(?:nan|NaN|NAN))$",
            ),
            null: regex("^(?:~|null|Null|NULL| )$"),
        }
    })
}

/// What the scalar `node` is to the MOV; `None` for a sequence or a mapping.
pub(crate) fn scalar(node: &Node, sources: &SourceMap) -> Option<Scalar> {
    if matches!(node.value, Value::Seq(_) | Value::Map(_)) {
        return None;
    }
    if let Some(text) = plain_text(node, sources) {
        return Some(resolve(text));
    }
    // Quoted, a block, or tagged: the YAML 1.2 reading is YAML 1.1's too.
    Some(match &node.value {
        Value::Null => Scalar::Null,
        Value::Bool(b) => Scalar::Bool(*b),
        Value::Int(i) => Scalar::Int(i.to_string()),
        Value::Float(f) => Scalar::Float(*f),
        Value::Str(s) => Scalar::Str(s.clone()),
        Value::Seq(_) | Value::Map(_) => return None,
    })
}

/// The text of a plain (unquoted, untagged, one-line) scalar as written; `None` for any other.
fn plain_text<'a>(node: &Node, sources: &'a SourceMap) -> Option<&'a str> {
    let file = sources.get(node.span.file).text();
    let text = file.get(node.span.start.offset..node.span.end.offset)?;
    let quoted = text.starts_with(['"', '\'', '|', '>']);
    let before = file.get(..node.span.start.offset)?;
    let line = before.rsplit('\n').next().unwrap_or_default();
    let tagged = line
        .trim_end()
        .rsplit([' ', '\t', '[', '{', ','])
        .next()
        .is_some_and(|token| token.starts_with('!'));
    (!quoted && !tagged && !text.contains('\n')).then_some(text.trim_end())
}

/// SnakeYAML's reading of a plain scalar.
fn resolve(text: &str) -> Scalar {
    let r = resolvers();
    if text.is_empty() || r.null.find(text).is_some() {
        return Scalar::Null;
    }
    if r.boolean.find(text).is_some() {
        let first = text.as_bytes()[0].to_ascii_lowercase();
        return Scalar::Bool(first == b'y' || first == b't' || text.eq_ignore_ascii_case("on"));
    }
    if r.int.find(text).is_some()
        && let Some(int) = int(text)
    {
        return Scalar::Int(int);
    }
    if r.float.find(text).is_some()
        && let Some(float) = float(text)
    {
        return Scalar::Float(float);
    }
    Scalar::Str(text.to_owned())
}

/// `ConstructYamlInt`: sign, underscores dropped, `0b` binary, `0x` hex, a leading `0` octal,
/// `a:b:c` base 60; as decimal text (a `BigInteger` beyond `i128` keeps its digits).
fn int(text: &str) -> Option<String> {
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let (negative, digits) = match clean.as_bytes().first()? {
        b'-' => (true, &clean[1..]),
        b'+' => (false, &clean[1..]),
        _ => (false, clean.as_str()),
    };
    let magnitude: Option<i128> = if digits == "0" {
        Some(0)
    } else if let Some(bin) = digits.strip_prefix("0b") {
        i128::from_str_radix(bin, 2).ok()
    } else if let Some(hex) = digits.strip_prefix("0x") {
        i128::from_str_radix(hex, 16).ok()
    } else if let Some(oct) = digits.strip_prefix('0') {
        i128::from_str_radix(oct, 8).ok()
    } else if digits.contains(':') {
        digits.split(':').try_fold(0i128, |acc, part| {
            acc.checked_mul(60)?.checked_add(part.parse::<i128>().ok()?)
        })
    } else {
        match digits.parse::<i128>() {
            Ok(v) => Some(v),
            // Beyond i128: a BigInteger, which prints its decimal digits.
            Err(_) => return Some(format!("{}{digits}", if negative { "-" } else { "" })),
        }
    };
    let magnitude = magnitude?;
    Some(if negative { -magnitude } else { magnitude }.to_string())
}

/// `ConstructYamlFloat`: underscores dropped, `.inf` and `.nan`, `a:b.c` base 60, else
/// `Double.valueOf`.
fn float(text: &str) -> Option<f64> {
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let (sign, rest) = match lower.as_bytes().first()? {
        b'-' => (-1.0, &lower[1..]),
        b'+' => (1.0, &lower[1..]),
        _ => (1.0, lower.as_str()),
    };
    match rest {
        ".inf" => return Some(sign * f64::INFINITY),
        ".nan" => return Some(f64::NAN),
        _ => {}
    }
    if rest.contains(':') {
        let mut value = 0.0;
        for part in rest.split(':') {
            value = value * 60.0 + part.parse::<f64>().ok()?;
        }
        return Some(sign * value);
    }
    clean.parse().ok()
}

/// Java's `Double.toString`: `1.0`, `0.5`, `1.0E7`, `1.0E-4`, `NaN`, `Infinity`.
pub(crate) fn java_double(f: f64) -> String {
    if f.is_nan() {
        return "NaN".to_owned();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    let magnitude = f.abs();
    if f == 0.0 || (1e-3..1e7).contains(&magnitude) {
        let s = format!("{f}");
        return if s.contains('.') { s } else { format!("{s}.0") };
    }
    let s = format!("{f:e}");
    let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
    let mantissa = if mantissa.contains('.') {
        mantissa.to_owned()
    } else {
        format!("{mantissa}.0")
    };
    format!("{mantissa}E{exponent}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_resolve_as_snakeyaml_does() {
        let cases = [
            ("yes", Scalar::Bool(true)),
            ("No", Scalar::Bool(false)),
            ("ON", Scalar::Bool(true)),
            ("off", Scalar::Bool(false)),
            ("True", Scalar::Bool(true)),
            ("y", Scalar::Str("y".into())),
            ("~", Scalar::Null),
            ("", Scalar::Null),
            ("010", Scalar::Int("8".into())),
            ("0x1F", Scalar::Int("31".into())),
            ("0b101", Scalar::Int("5".into())),
            ("-1_000", Scalar::Int("-1000".into())),
            ("1:30", Scalar::Int("90".into())),
            ("0", Scalar::Int("0".into())),
            ("0o17", Scalar::Str("0o17".into())),
            (
                "99999999999999999999999999999999999999999",
                Scalar::Int("99999999999999999999999999999999999999999".into()),
            ),
            ("1e2", Scalar::Float(100.0)),
            ("1.5", Scalar::Float(1.5)),
            ("1_0.5", Scalar::Float(10.5)),
            ("1:30.5", Scalar::Float(90.5)),
            ("-.inf", Scalar::Float(f64::NEG_INFINITY)),
            ("LOW", Scalar::Str("LOW".into())),
            ("2001-12-14", Scalar::Str("2001-12-14".into())),
        ];
        for (text, expected) in cases {
            assert_eq!(resolve(text), expected, "{text}");
        }
        assert_eq!(resolve("1e2").java_string(), "100.0");
        assert_eq!(resolve("on").java_string(), "true");
    }

    #[test]
    fn formats_doubles_like_java() {
        assert_eq!(java_double(1.0), "1.0");
        assert_eq!(java_double(0.5), "0.5");
        assert_eq!(java_double(1e7), "1.0E7");
        assert_eq!(java_double(1.5e-4), "1.5E-4");
        assert_eq!(java_double(-2.0), "-2.0");
    }
}

//! The MOV's query language: a value is matched literally, or as a regular expression when it is
//! written between slashes (`/C[1|2]/`); pages are sorted by `order` (`+name,-since`) and cut by
//! `offset` and `limit`.

use std::cmp::Ordering;

/// A query value: literal or regular expression.
pub(crate) enum Pattern {
    Literal(String),
    /// Linear in the text; a pattern that needs backtracking gets a step budget, and a text
    /// that exhausts it does not match.
    Regex(valawai::payload::EcmaRegex),
}

impl Pattern {
    /// Parses `value`; an invalid regular expression is an error the MOV would log.
    pub(crate) fn parse(value: &str) -> Result<Self, String> {
        match value
            .strip_prefix('/')
            .and_then(|v| v.strip_suffix('/'))
            .filter(|_| value.len() >= 2)
        {
            Some(re) => valawai::payload::EcmaRegex::new(re)
                .map(Pattern::Regex)
                .map_err(|e| format!("`{value}` is not a valid regular expression: {e}")),
            None => Ok(Pattern::Literal(value.to_owned())),
        }
    }

    pub(crate) fn is_match(&self, text: &str) -> bool {
        match self {
            Pattern::Literal(l) => l == text,
            Pattern::Regex(re) => re.is_match(text).unwrap_or(false),
        }
    }
}

/// An optional pattern: `None` matches everything.
pub(crate) fn optional(value: Option<&str>) -> Result<Option<Pattern>, String> {
    value
        .filter(|v| !v.is_empty())
        .map(Pattern::parse)
        .transpose()
}

/// Sort keys from `order`: each field with its direction (`true` ascending).
pub(crate) fn order(
    order: Option<&str>,
    default: &str,
    allowed: &[&str],
) -> Result<Vec<(String, bool)>, String> {
    let text = order.filter(|o| !o.trim().is_empty()).unwrap_or(default);
    text.split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(|f| {
            let (ascending, name) = match f.as_bytes()[0] {
                b'-' => (false, &f[1..]),
                b'+' => (true, &f[1..]),
                _ => (true, f),
            };
            if allowed.contains(&name) {
                Ok((name.to_owned(), ascending))
            } else {
                Err(format!(
                    "cannot order by `{name}`: use {}",
                    allowed.join(", ")
                ))
            }
        })
        .collect()
}

/// The value of a field to sort by. A missing value sorts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Key<'a> {
    /// No value.
    Missing,
    /// A flag.
    Flag(bool),
    /// A number.
    Number(i64),
    /// A text.
    Text(&'a str),
}

/// Compares two items by the sort keys, `key` giving each field's value.
pub(crate) fn compare<'a, T>(
    a: &'a T,
    b: &'a T,
    keys: &[(String, bool)],
    key: impl Fn(&'a T, &str) -> Key<'a>,
) -> Ordering {
    for (field, ascending) in keys {
        let ordering = key(a, field).cmp(&key(b, field));
        let ordering = if *ascending {
            ordering
        } else {
            ordering.reverse()
        };
        if ordering != Ordering::Equal {
            return ordering;
        }
    }
    Ordering::Equal
}

/// The page `offset..offset + limit` of `items`.
pub(crate) fn page<T>(items: Vec<T>, offset: u64, limit: u64) -> Vec<T> {
    items
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(usize::MAX))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_match_whole_values_and_slashes_make_a_regex() {
        let p = Pattern::parse("c1_echo").unwrap();
        assert!(p.is_match("c1_echo"));
        assert!(!p.is_match("c1_echo_2"));
        let p = Pattern::parse("/C[1|2]/").unwrap();
        assert!(p.is_match("C1") && p.is_match("C2") && !p.is_match("C0"));
        assert!(Pattern::parse("/(/").is_err());
        assert!(optional(Some("")).unwrap().is_none());
        // A query is input from anyone: a catastrophic pattern is judged without backtracking,
        // and one that needs backtracking stops at its budget.
        let name = format!("c1_{}!", "a".repeat(40));
        assert!(!Pattern::parse("/^c1_(a+)+$/").unwrap().is_match(&name));
        assert!(!Pattern::parse(r"/^c1_(a|a)+\1$/").unwrap().is_match(&name));
    }

    #[test]
    fn order_reads_fields_and_directions() {
        let keys = order(
            Some("-name, +since,type"),
            "+since",
            &["name", "since", "type"],
        )
        .unwrap();
        assert_eq!(
            keys,
            [
                ("name".to_owned(), false),
                ("since".to_owned(), true),
                ("type".to_owned(), true)
            ]
        );
        assert!(order(Some("colour"), "+since", &["name"]).is_err());
        assert_eq!(
            order(None, "+since", &["since"]).unwrap(),
            [("since".to_owned(), true)]
        );
        let mut v = vec![3, 1, 2];
        v.sort_by(|a, b| compare(a, b, &keys[..1], |x, _| Key::Number(i64::from(*x))));
        assert_eq!(v, [3, 2, 1]);
        assert_eq!(page(vec![1, 2, 3, 4], 1, 2), [2, 3]);
    }
}

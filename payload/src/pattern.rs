//! Spec `pattern`s: ECMA-262 regular expressions, judged in time linear in the value.
//!
//! JSON Schema patterns are ECMA-262 regular expressions, which a backtracking engine (such as
//! `regress`) can take exponential time on: `^(a+)+$` against 31 `a`s and a `!` costs seconds.
//! So a pattern is first translated to the syntax of `fancy-regex` with ECMA-262's meaning kept
//! ([`translate`]): `\d`, `\w`, `\s`, `.` and `\b` become the explicit ECMA classes (the Rust
//! engines' own are Unicode-aware), escapes and Annex B's lenient forms (`\a`, a lone `{`, legacy
//! octal) become literal characters, a backreference to a group that did not take part matches
//! the empty string as in ECMA-262. `fancy-regex` runs what a finite automaton can express
//! (everything but backreferences and lookaround) on `regex-automata`, in linear time; the rest
//! runs on its backtracking VM with a step limit ([`BACKTRACK_LIMIT`]), and a value that
//! exhausts it is refused with the rule, like a value that does not match.
//!
//! Patterns are read as `regress` reads them without flags (the runtime's engine before): not in
//! Unicode mode, so `\p` is the letter `p`, but matching code points, with `\u{...}` accepted.

use std::sync::OnceLock;

use super::constraint::{ConstraintError, Rule};
use super::literal::show;

/// Most backtracking steps one check may take on a pattern that needs the backtracking VM
/// (backreferences, lookaround, `\b`). A value that needs more is refused.
pub const BACKTRACK_LIMIT: usize = 100_000;

/// A `pattern`, compiled on first use. JSON Schema patterns are ECMA-262 regular expressions and
/// are not anchored: the value matches if any part of it does.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    regex: OnceLock<Result<EcmaRegex, PatternError>>,
}

impl Pattern {
    /// A pattern from its source text.
    pub const fn new(source: &'static str) -> Self {
        Pattern {
            source,
            regex: OnceLock::new(),
        }
    }

    /// The pattern as written in the schema.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Checks that `value` matches.
    pub fn check(&self, value: &str) -> Result<(), ConstraintError> {
        let regex = self.regex.get_or_init(|| EcmaRegex::new(self.source));
        let regex = match regex {
            Ok(regex) => regex,
            Err(e) => {
                return Err(ConstraintError::new(
                    Rule::Pattern,
                    format!(
                        "the pattern `{}` is not a valid regular expression: {e}",
                        self.source
                    ),
                ));
            }
        };
        match regex.is_match(value) {
            Some(true) => Ok(()),
            Some(false) => Err(ConstraintError::new(
                Rule::Pattern,
                format!(
                    "{} does not match the pattern `{}` (pattern)",
                    show(&serde_json::Value::String(value.to_owned())),
                    self.source
                ),
            )),
            None => Err(ConstraintError::new(
                Rule::Pattern,
                format!(
                    "the value ({} characters) needs more than {BACKTRACK_LIMIT} backtracking steps \
                     to be judged against the pattern `{}`, and is refused (pattern)",
                    value.chars().count(),
                    self.source
                ),
            )),
        }
    }
}

/// Compiles an ECMA-262 pattern.
pub(crate) fn compile(source: &str) -> Result<fancy_regex::Regex, String> {
    let translated = translate(source)?;
    fancy_regex::RegexBuilder::new(&translated)
        .backtrack_limit(BACKTRACK_LIMIT)
        .build()
        .map_err(|e| e.to_string())
}

/// An ECMA-262 regular expression, compiled for linear-time matching (the module docs say how);
/// what [`Pattern`] checks with, for other uses (the development MOV's query filters).
#[derive(Debug, Clone)]
pub struct EcmaRegex(fancy_regex::Regex);

impl EcmaRegex {
    /// Compiles `pattern`, read as ECMA-262 without flags; the error says why it does not.
    pub fn new(pattern: &str) -> Result<Self, PatternError> {
        compile(pattern).map(EcmaRegex).map_err(PatternError)
    }

    /// Whether some part of `value` matches; `None` when the pattern needs the backtracking
    /// VM and `value` needs more than [`BACKTRACK_LIMIT`] steps.
    pub fn is_match(&self, value: &str) -> Option<bool> {
        self.0.is_match(value).ok()
    }
}

/// A pattern that is not an ECMA-262 regular expression (or one this engine cannot run): says
/// why, e.g. `unterminated group`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PatternError(String);

/// ASCII word characters, ECMA-262's `\w`.
const WORD: &str = "0-9A-Za-z_";
/// ECMA-262's `\s`: WhiteSpace and LineTerminator.
const SPACE: &str = r"\x{9}-\x{D}\x{20}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";
/// A class that matches nothing (ECMA-262's `[]`, or a lone surrogate, which no string holds).
const NOTHING: &str = r"[^\x{0}-\x{10FFFF}]";
/// A class that matches any character (ECMA-262's `[^]`).
const ANYTHING: &str = r"[\x{0}-\x{10FFFF}]";

/// Translates an ECMA-262 pattern into `fancy-regex` syntax with the same meaning.
pub(crate) fn translate(source: &str) -> Result<String, String> {
    let chars: Vec<char> = source.chars().collect();
    let (groups, names) = count_groups(&chars);
    let mut t = Translator {
        chars,
        at: 0,
        out: String::with_capacity(source.len() * 2),
        groups,
        names,
        open: Vec::new(),
        last_zero_width: None,
        after_zero_width: None,
    };
    t.run()?;
    Ok(t.out)
}

struct Translator {
    chars: Vec<char>,
    at: usize,
    out: String,
    /// Capturing groups in the whole pattern (a `\N` above this is not a backreference).
    groups: u32,
    /// Whether the pattern has named groups (else `\k` is the letter `k`).
    names: bool,
    /// The groups open: where each starts in `out`, and whether it is a lookaround.
    open: Vec<(usize, bool)>,
    /// The last group that matches only the empty string (a lookaround, an empty group, or a
    /// group of just such a group): where it starts and ends in `out`.
    last_zero_width: Option<(usize, usize)>,
    /// Set right after such a group closed: where it starts in `out`.
    after_zero_width: Option<usize>,
}

/// A class escape or a single character, inside or outside a class.
enum Item {
    Char(char),
    /// Class contents to put between brackets, and whether they are negated.
    Set(String, bool),
    /// A lone surrogate (`\uD800`): matches nothing, but can end a range.
    Surrogate(u32),
}

impl Translator {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn starts_with(&self, text: &str) -> bool {
        text.chars()
            .enumerate()
            .all(|(i, c)| self.peek(i) == Some(c))
    }

    fn run(&mut self) -> Result<(), String> {
        while let Some(c) = self.peek(0) {
            let zero_width = self.after_zero_width.take();
            if let (Some(start), Some((length, min))) = (zero_width, self.quantifier()) {
                // ECMA-262 lets a group that matches only the empty string (a lookahead, in
                // Annex B, or an empty group) be quantified, which fancy-regex refuses: at least
                // once is once, and at least zero times is "if it can": `(?:x|)`.
                self.at += length;
                if self.peek(0) == Some('?') {
                    self.at += 1;
                }
                if min == 0 {
                    self.out.insert_str(start, "(?:");
                    self.out.push_str("|)");
                }
                continue;
            }
            match c {
                ')' => {
                    self.out.push(c);
                    self.at += 1;
                    if let Some((start, lookaround)) = self.open.pop() {
                        let end = self.out.len();
                        let opener = opener_length(&self.out[start..]);
                        let inner = (start + opener, end - 1);
                        let empty = inner.0 == inner.1;
                        if lookaround || empty || self.last_zero_width == Some(inner) {
                            self.last_zero_width = Some((start, end));
                            self.after_zero_width = Some(start);
                        }
                    }
                }
                '^' | '$' | '|' | '*' | '+' | '?' => {
                    self.out.push(c);
                    self.at += 1;
                }
                '(' => self.group()?,
                '.' => {
                    self.out.push_str(r"[^\x{A}\x{D}\x{2028}\x{2029}]");
                    self.at += 1;
                }
                '{' => self.brace(),
                '[' => self.class()?,
                '\\' => self.escape()?,
                c => {
                    push_literal(&mut self.out, c);
                    self.at += 1;
                }
            }
        }
        Ok(())
    }

    fn group(&mut self) -> Result<(), String> {
        for (ecma, ours) in [
            ("(?:", "(?:"),
            ("(?=", "(?="),
            ("(?!", "(?!"),
            ("(?<=", "(?<="),
            ("(?<!", "(?<!"),
        ] {
            if self.starts_with(ecma) {
                self.open.push((self.out.len(), ecma != "(?:"));
                self.out.push_str(ours);
                self.at += ecma.chars().count();
                return Ok(());
            }
        }
        if self.starts_with("(?<") {
            let name: String = self.chars[self.at + 3..]
                .iter()
                .take_while(|c| **c != '>')
                .collect();
            if !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
                && self.chars.get(self.at + 3 + name.chars().count()) == Some(&'>')
            {
                self.open.push((self.out.len(), false));
                self.out.push_str(&format!("(?P<{}>", group_name(&name)));
                self.at += 4 + name.chars().count();
                return Ok(());
            }
            return Err("a named group needs a name followed by `>`".into());
        }
        if self.starts_with("(?") {
            return Err(
                "unknown group kind after `(?` (modifier groups such as `(?i:...)` are not supported)"
                    .into(),
            );
        }
        self.open.push((self.out.len(), false));
        self.out.push('(');
        self.at += 1;
        Ok(())
    }

    /// The quantifier at the current position, if any: its length in characters and its
    /// minimum count (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`).
    fn quantifier(&self) -> Option<(usize, u64)> {
        match self.peek(0)? {
            '*' | '?' => Some((1, 0)),
            '+' => Some((1, 1)),
            '{' => {
                let rest: String = self.chars[self.at..].iter().take(40).collect();
                let bytes = rest.as_bytes();
                let digits = |from: usize| {
                    let end = from
                        + bytes[from..]
                            .iter()
                            .take_while(|b| b.is_ascii_digit())
                            .count();
                    (end > from).then_some(end)
                };
                let after_min = digits(1)?;
                let min = rest[1..after_min].parse().unwrap_or(u64::MAX);
                let end = match bytes.get(after_min)? {
                    b'}' => after_min,
                    b',' => {
                        let after_max = digits(after_min + 1).unwrap_or(after_min + 1);
                        (bytes.get(after_max) == Some(&b'}')).then_some(after_max)?
                    }
                    _ => return None,
                };
                Some((end + 1, min))
            }
            _ => None,
        }
    }

    /// `{n}`, `{n,}` or `{n,m}` (optionally lazy) is a quantifier; any other `{` is literal.
    fn brace(&mut self) {
        match self.quantifier() {
            Some((length, _)) => {
                let text: String = self.chars[self.at..self.at + length].iter().collect();
                self.out.push_str(&text);
                self.at += length;
            }
            None => {
                push_literal(&mut self.out, '{');
                self.at += 1;
            }
        }
    }

    fn escape(&mut self) -> Result<(), String> {
        let Some(next) = self.peek(1) else {
            return Err("the pattern ends with `\\`".into());
        };
        match next {
            'b' => {
                self.out.push_str(&format!(
                    "(?:(?<=[{WORD}])(?![{WORD}])|(?<![{WORD}])(?=[{WORD}]))"
                ));
                self.at += 2;
                return Ok(());
            }
            'B' => {
                self.out.push_str(&format!(
                    "(?:(?<=[{WORD}])(?=[{WORD}])|(?<![{WORD}])(?![{WORD}]))"
                ));
                self.at += 2;
                return Ok(());
            }
            '1'..='9' => {
                let digits: String = self.chars[self.at + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                if let Ok(n) = digits.parse::<u32>()
                    && n <= self.groups
                {
                    // ECMA-262: a group that did not take part matches the empty string.
                    self.out.push_str(&format!("(?({n})\\{n}|)"));
                    self.at += 1 + digits.len();
                    return Ok(());
                }
            }
            'k' if self.names => {
                // `\k<name>`: `raw` is `<name`.
                let raw: String = self.chars[self.at + 2..]
                    .iter()
                    .take_while(|c| **c != '>')
                    .collect();
                let length = raw.chars().count();
                if self.peek(2) != Some('<')
                    || length < 2
                    || self.chars.get(self.at + 2 + length) != Some(&'>')
                {
                    return Err("`\\k` needs a group name: `\\k<name>`".into());
                }
                let name = group_name(&raw[1..]);
                self.out.push_str(&format!("(?(<{name}>)\\k<{name}>|)"));
                self.at += 2 + length + 1;
                return Ok(());
            }
            _ => {}
        }
        self.at += 1;
        match self.class_escape(false)? {
            Item::Char(c) => push_literal(&mut self.out, c),
            Item::Set(set, negated) => {
                self.out.push('[');
                if negated {
                    self.out.push('^');
                }
                self.out.push_str(&set);
                self.out.push(']');
            }
            Item::Surrogate(_) => self.out.push_str(NOTHING),
        }
        Ok(())
    }

    /// The escape after a `\` (already consumed), as a character or a set.
    fn class_escape(&mut self, in_class: bool) -> Result<Item, String> {
        let Some(c) = self.peek(0) else {
            return Err("the pattern ends with `\\`".into());
        };
        self.at += 1;
        let item = match c {
            'd' => Item::Set("0-9".into(), false),
            'D' => Item::Set("0-9".into(), true),
            'w' => Item::Set(WORD.into(), false),
            'W' => Item::Set(WORD.into(), true),
            's' => Item::Set(SPACE.into(), false),
            'S' => Item::Set(SPACE.into(), true),
            't' => Item::Char('\t'),
            'n' => Item::Char('\n'),
            'v' => Item::Char('\u{B}'),
            'f' => Item::Char('\u{C}'),
            'r' => Item::Char('\r'),
            'b' if in_class => Item::Char('\u{8}'),
            '-' if in_class => Item::Char('-'),
            'c' => match self.peek(0) {
                Some(l) if l.is_ascii_alphabetic() => {
                    self.at += 1;
                    Item::Char(char::from(l as u8 % 32))
                }
                Some(l) if in_class && (l.is_ascii_digit() || l == '_') => {
                    self.at += 1;
                    Item::Char(char::from(l as u8 % 32))
                }
                // Annex B: a `\c` not followed by a control letter is a backslash and a `c`.
                _ => {
                    self.at -= 1;
                    Item::Char('\\')
                }
            },
            'x' => match self.hex(2) {
                Some(v) => char::from_u32(v).map_or(Item::Surrogate(v), Item::Char),
                None => Item::Char('x'),
            },
            'u' => self.unicode_escape(),
            '0'..='7' => {
                // `\0` alone is NUL; otherwise Annex B's legacy octal escape (backreferences
                // were handled by the caller).
                let mut value = c.to_digit(8).unwrap_or(0);
                let max_digits = if c <= '3' { 3 } else { 2 };
                for _ in 1..max_digits {
                    match self.peek(0).and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            value = value * 8 + d;
                            self.at += 1;
                        }
                        None => break,
                    }
                }
                Item::Char(char::from_u32(value).unwrap_or('\0'))
            }
            // Identity escapes (`\.`, `\/`, and Annex B's `\a`, `\8`, `\k` ...).
            other => Item::Char(other),
        };
        Ok(item)
    }

    /// `\uHHHH` (a surrogate pair of them is one character), or `\u{H...}`; otherwise `u`.
    fn unicode_escape(&mut self) -> Item {
        if self.peek(0) == Some('{') {
            let digits: String = self.chars[self.at + 1..]
                .iter()
                .take_while(|c| c.is_ascii_hexdigit())
                .collect();
            if !digits.is_empty()
                && self.chars.get(self.at + 1 + digits.len()) == Some(&'}')
                && let Ok(v) = u32::from_str_radix(&digits, 16)
                && v <= 0x10FFFF
            {
                self.at += digits.len() + 2;
                return char::from_u32(v).map_or(Item::Surrogate(v), Item::Char);
            }
            return Item::Char('u');
        }
        let Some(unit) = self.hex(4) else {
            return Item::Char('u');
        };
        if (0xD800..0xDC00).contains(&unit)
            && self.peek(0) == Some('\\')
            && self.peek(1) == Some('u')
        {
            let back = self.at;
            self.at += 2;
            match self.hex(4) {
                Some(low) if (0xDC00..0xE000).contains(&low) => {
                    let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    return char::from_u32(c).map_or(Item::Surrogate(c), Item::Char);
                }
                _ => self.at = back,
            }
        }
        char::from_u32(unit).map_or(Item::Surrogate(unit), Item::Char)
    }

    /// `n` hexadecimal digits, consumed only if all are there.
    fn hex(&mut self, n: usize) -> Option<u32> {
        let digits: String = self.chars.get(self.at..self.at + n)?.iter().collect();
        if digits.chars().all(|c| c.is_ascii_hexdigit()) {
            self.at += n;
            u32::from_str_radix(&digits, 16).ok()
        } else {
            None
        }
    }

    fn class(&mut self) -> Result<(), String> {
        self.at += 1;
        let negated = self.peek(0) == Some('^');
        if negated {
            self.at += 1;
        }
        let mut body = String::new();
        let mut nested: Vec<String> = Vec::new();
        let mut empty = true;
        loop {
            let Some(c) = self.peek(0) else {
                return Err("a character class `[` is not closed".into());
            };
            if c == ']' {
                self.at += 1;
                break;
            }
            empty = false;
            let first = self.class_atom()?;
            // A range `a-b`; when an end is a class escape, Annex B reads the three as a union.
            let mut items = vec![first];
            if self.peek(0) == Some('-') && self.peek(1).is_some_and(|c| c != ']') {
                self.at += 1;
                let second = self.class_atom()?;
                match (code_point(&items[0]), code_point(&second)) {
                    (Some(a), Some(b)) => {
                        if a > b {
                            return Err("a range in a character class is out of order".into());
                        }
                        // Surrogates are no characters: the range keeps the rest.
                        for (lo, hi) in [(a, b.min(0xD7FF)), (a.max(0xE000), b)] {
                            if let (Some(lo), Some(hi)) = (char::from_u32(lo), char::from_u32(hi))
                                && lo <= hi
                            {
                                push_class_char(&mut body, lo);
                                body.push('-');
                                push_class_char(&mut body, hi);
                            }
                        }
                        continue;
                    }
                    _ => {
                        items.push(Item::Char('-'));
                        items.push(second);
                    }
                }
            }
            for item in items {
                match item {
                    Item::Char(a) => push_class_char(&mut body, a),
                    Item::Set(set, false) => body.push_str(&set),
                    Item::Set(set, true) => nested.push(format!("[^{set}]")),
                    Item::Surrogate(_) => {}
                }
            }
        }
        if empty {
            self.out.push_str(if negated { ANYTHING } else { NOTHING });
            return Ok(());
        }
        for n in nested {
            body.push_str(&n);
        }
        if body.is_empty() {
            // Only lone surrogates: nothing (or, negated, anything).
            self.out.push_str(if negated { ANYTHING } else { NOTHING });
            return Ok(());
        }
        self.out.push('[');
        if negated {
            self.out.push('^');
        }
        self.out.push_str(&body);
        self.out.push(']');
        Ok(())
    }

    fn class_atom(&mut self) -> Result<Item, String> {
        match self.peek(0) {
            Some('\\') => {
                self.at += 1;
                self.class_escape(true)
            }
            Some(c) => {
                self.at += 1;
                Ok(Item::Char(c))
            }
            None => Err("a character class `[` is not closed".into()),
        }
    }
}

/// The length of the group opener `text` starts with: `(`, `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`
/// or `(?P<name>`.
fn opener_length(text: &str) -> usize {
    for opener in ["(?:", "(?=", "(?!", "(?<=", "(?<!"] {
        if text.starts_with(opener) {
            return opener.len();
        }
    }
    if text.starts_with("(?P<") {
        return text.find('>').map_or(1, |i| i + 1);
    }
    1
}

/// The code point of a single-character item.
fn code_point(item: &Item) -> Option<u32> {
    match item {
        Item::Char(c) => Some(u32::from(*c)),
        Item::Surrogate(unit) => Some(*unit),
        Item::Set(..) => None,
    }
}

/// A literal character outside a class: letters and digits as they are, anything else as
/// `\x{...}`, which means the character itself in every context.
fn push_literal(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || (!c.is_ascii() && !c.is_whitespace()) {
        out.push(c);
    } else {
        out.push_str(&format!("\\x{{{:X}}}", c as u32));
    }
}

/// A literal character inside a class.
fn push_class_char(out: &mut String, c: char) {
    push_literal(out, c);
}

/// A group name `fancy-regex` accepts: ECMA allows `$`, which Rust's engines do not.
fn group_name(name: &str) -> String {
    name.replace('$', "_dollar_")
}

/// How many capturing groups the pattern has, and whether any is named: a `(` that is not
/// escaped, not in a class and not followed by `?` (or followed by `?<name>`).
fn count_groups(chars: &[char]) -> (u32, bool) {
    let mut groups = 0;
    let mut names = false;
    let mut i = 0;
    let mut in_class = false;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => in_class = true,
            ']' => in_class = false,
            '(' if !in_class => {
                if chars.get(i + 1) != Some(&'?') {
                    groups += 1;
                } else if chars.get(i + 2) == Some(&'<')
                    && !matches!(chars.get(i + 3), Some('=' | '!'))
                {
                    groups += 1;
                    names = true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    (groups, names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, value: &str) -> bool {
        compile(pattern)
            .unwrap_or_else(|e| panic!("{pattern}: {e}"))
            .is_match(value)
            .unwrap()
    }

    /// Cases where ECMA-262 and the Rust engines' own syntax disagree, with what ECMA-262 (and
    /// `regress`, the runtime's engine before) answers.
    #[test]
    fn ecma_semantics_are_kept() {
        let cases: &[(&str, &str, bool)] = &[
            (r"^\d$", "٣", false),
            (r"^\d$", "7", true),
            (r"^\w$", "é", false),
            (r"^\w+$", "a_Z9", true),
            (r"^\s$", "\u{feff}", true),
            (r"^\s$", "\u{85}", false),
            (r"^\S$", "\u{85}", true),
            (r"^.$", "\r", false),
            (r"^.$", "\u{2028}", false),
            (r"^.$", "😀", true),
            (r"^[^]$", "\n", true),
            (r"^[]$", "", false),
            (r"a[]", "a", false),
            (r"a$", "a\n", false),
            (r"\bé", "aé", true),
            (r"\bb", "éb", true),
            (r"\Bb", "ab", true),
            (r"^\u{41}$", "A", true),
            (r"^\u00e9$", "é", true),
            (r"^\ud83d\ude00$", "😀", true),
            (r"^[\ud83d\ude00]$", "😀", true),
            (r"^\p{L}$", "p{L}", true),
            (r"^\p{L}$", "é", false),
            (r"^\a$", "a", true),
            (r"^\8$", "8", true),
            (r"^a{$", "a{", true),
            (r"^a{2}$", "aa", true),
            (r"^a{1,}$", "aaa", true),
            (r"^a{,2}$", "a{,2}", true),
            (r"^]$", "]", true),
            (r"^}$", "}", true),
            (r"^\k$", "k", true),
            (r"^\cJ$", "\n", true),
            (r"^\c1$", "\\c1", true),
            (r"^\x4$", "x4", true),
            (r"^\x41$", "A", true),
            (r"^\012$", "\n", true),
            (r"^\0$", "\0", true),
            (r"^\1(a)$", "a", true),
            (r"^(a)|\1b$", "b", true),
            (r"^(a)\1$", "aa", true),
            (r"^(a)\1$", "ab", false),
            (r"^(?<n>a)\k<n>$", "aa", true),
            (r"^\-$", "-", true),
            (r"^[\d-z]$", "-", true),
            (r"^[\d-z]$", "5", true),
            // Found by fuzzing: after `\d-d` (a union), `-\x0e` is no range starting at `d`.
            ("^[\\d-\x03\\-\\d-d-\x0e]$", "d", true),
            ("^[\\d-\x03\\-\\d-d-\x0e]$", "\x0e", true),
            ("^[\\d-\x03\\-\\d-d-\x0e]$", "e", false),
            (r"^[a-\ud800]$", "\u{d7ff}", true),
            (r"^[\ud800-\udfff]$", "\u{e000}", false),
            (r"^[\ud7ff-\ue000]$", "\u{e000}", true),
            (r"^[a-c]$", "b", true),
            (r"^[^a-c]$", "b", false),
            (r"^[\D]$", "x", true),
            (r"^[\D]$", "5", false),
            (r"^[^\D]$", "5", true),
            (r"^[\w\s]+$", "a b", true),
            (r"^[.]$", "x", false),
            (r"^[$^|]+$", "$^|", true),
            (r"^[&~[]+$", "&~[", true),
            (r"^a b$", "a b", true),
            (r"^(?=a)a$", "a", true),
            (r"^(?!a).$", "a", false),
            (r"(?<=a)b", "ab", true),
            (r"(?<!a)b", "ab", false),
            // Found by fuzzing: Annex B quantifies lookaheads.
            (r"a(?=aab)+a", "aab", false),
            (r"a(?=b)*c", "ac", true),
            (r"(?!x)+a", "a", true),
            (r"^(?=a)?b$", "b", true),
            (r"^(?=a){2,}a$", "a", true),
            (r"^((?=a))?a$", "a", true),
            (r"(?:)*[]a", "a", false),
            (r"^(?:)*a$", "a", true),
            (r"^(?:(?=a))*a$", "a", true),
            (r"^(?:(?:(?=b)))?a$", "a", true),
            (r"^(?:(?!a))+b$", "b", true),
            (r"^()*a\1$", "a", true),
            (r"^[\b]$", "\u{8}", true),
            (r"c[0|1|2]_\w+", "c1_x", true),
            (r"\d+\.\d+\.\d+", "1.2.3", true),
            (r"\d+\.\d+\.\d+", "1x2.3", false),
            (r"[0-9a-fA-F]{24}", "id: 65c1f59ea4cb169f42f5edc4!", true),
        ];
        for (pattern, value, expected) in cases {
            assert_eq!(
                matches(pattern, value),
                *expected,
                "{pattern} against {value:?} (translated to {:?})",
                translate(pattern)
            );
        }
    }

    #[test]
    fn invalid_patterns_are_errors() {
        for pattern in ["(", "[a", "a**", r"\", "(?<", "(?x)", "[z-a]"] {
            assert!(compile(pattern).is_err(), "{pattern}");
        }
    }

    #[test]
    fn catastrophic_patterns_are_judged_without_backtracking() {
        let value = format!("{}!", "a".repeat(30));
        let pattern = Pattern::new("^(a+)+$");
        let started = std::time::Instant::now();
        assert!(pattern.check(&value).is_err());
        // Not a benchmark (benches/pattern.rs is): only that this does not take seconds.
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn a_pattern_that_needs_the_backtracking_vm_is_bounded() {
        // A backreference keeps the pattern out of the linear engine.
        let pattern = Pattern::new(r"^(a|a)+\1$");
        let value = format!("{}!", "a".repeat(40));
        let error = pattern.check(&value).unwrap_err();
        assert_eq!(error.rule(), Rule::Pattern);
        assert!(error.to_string().contains("backtracking steps"), "{error}");
        assert!(pattern.check("aaaa").is_ok());
    }
}

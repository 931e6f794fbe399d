//! The rules of a schema that a value can break, and the error that says
//! which one.

use std::fmt;

/// A JSON Schema keyword that a value broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// `pattern`: the string does not match the regular expression.
    Pattern,
    /// `minLength`.
    MinLength,
    /// `maxLength`.
    MaxLength,
    /// `minimum`.
    Minimum,
    /// `maximum`.
    Maximum,
    /// `exclusiveMinimum`.
    ExclusiveMinimum,
    /// `exclusiveMaximum`.
    ExclusiveMaximum,
    /// `multipleOf`.
    MultipleOf,
    /// `minItems`.
    MinItems,
    /// `maxItems`.
    MaxItems,
    /// `uniqueItems`.
    UniqueItems,
    /// `enum`: the value is not one of the listed values.
    Enum,
    /// `const`: the value is not the one the schema fixes.
    Const,
}

impl Rule {
    /// The JSON Schema keyword, e.g. `maxLength`.
    pub fn keyword(self) -> &'static str {
        match self {
            Rule::Pattern => "pattern",
            Rule::MinLength => "minLength",
            Rule::MaxLength => "maxLength",
            Rule::Minimum => "minimum",
            Rule::Maximum => "maximum",
            Rule::ExclusiveMinimum => "exclusiveMinimum",
            Rule::ExclusiveMaximum => "exclusiveMaximum",
            Rule::MultipleOf => "multipleOf",
            Rule::MinItems => "minItems",
            Rule::MaxItems => "maxItems",
            Rule::UniqueItems => "uniqueItems",
            Rule::Enum => "enum",
            Rule::Const => "const",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.keyword())
    }
}

/// A value that breaks a rule of its schema, found when a payload is
/// deserialised or when a constrained value is built in code
/// (`TryFrom`, `FromStr`).
///
/// The message names the rule, e.g.
/// ``must be at most 1 character long, found 23 (maxLength)``.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConstraintError {
    rule: Rule,
    message: String,
}

impl ConstraintError {
    /// An error for `rule` with a message that explains it.
    pub fn new(rule: Rule, message: impl Into<String>) -> Self {
        ConstraintError {
            rule,
            message: message.into(),
        }
    }

    /// The rule that was broken.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// What is wrong, in one sentence.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ConstraintError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConstraintError {}

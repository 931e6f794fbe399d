//! Checks that need the whole model: the component identity and schema
//! cycles that no type can represent.

use crate::diagnostic::Diagnostic;
use crate::model::{ComponentType, Direction, Identity, SchemaId};

use super::Loader;

impl Loader {
    /// The component identity, from the first channel whose address is
    /// `valawai/cN/<name>/control/registered`.
    pub(crate) fn identity(&mut self) -> Option<Identity> {
        let mut found: Vec<(usize, ComponentType, String)> = Vec::new();
        for (i, channel) in self.channels.iter().enumerate() {
            if let Some((component_type, name)) = parse_registered_address(&channel.address) {
                found.push((i, component_type, name));
            }
        }
        let (index, component_type, name) = found.first().cloned()?;
        for (other, _, _) in found.iter().skip(1) {
            let o = &self.channels[*other].origin;
            let d = Diagnostic::warning(
                "several-registered",
                "the spec has more than one registered channel; the first one names the component",
            )
            .at(&self.sources, o.span, Some(o.pointer.clone()))
            .note(
                &self.sources,
                self.channels[index].origin.span,
                "this one is used",
            );
            self.push(d);
        }
        let channel = crate::model::ChannelId(index);
        let receives = self
            .operations
            .iter()
            .any(|o| o.channel == channel && o.direction == Direction::Receive);
        if !receives {
            let o = &self.channels[index].origin;
            let d = Diagnostic::warning(
                "registered-not-received",
                "the component does not receive on its registered channel, so it will never learn its id",
            )
            .at(&self.sources, o.span, Some(o.pointer.clone()))
            .hint(match self.options.dialect {
                crate::model::Dialect::Valawai => {
                    "declare the channel with `subscribe` (VALAWAI: subscribe = the component receives)"
                }
                crate::model::Dialect::Standard => {
                    "this spec may use the VALAWAI dialect; load it with `--dialect valawai`"
                }
            });
            self.push(d);
        }
        Some(Identity {
            name,
            component_type,
            registered_channel: channel,
        })
    }

    /// Rejects schemas that are defined as themselves: a cycle through
    /// `$ref`s, one-element wrappers or `allOf`, which no type can represent.
    pub(crate) fn check_schema_cycles(&mut self) {
        let n = self.schemas.len();
        // 0 = unvisited, 1 = on the stack, 2 = done.
        let mut state = vec![0u8; n];
        for start in 0..n {
            if state[start] != 0 {
                continue;
            }
            let mut stack: Vec<(usize, Vec<usize>, usize)> = vec![(start, self.edges(start), 0)];
            state[start] = 1;
            while let Some((node, edges, next)) = stack.last_mut() {
                if *next < edges.len() {
                    let child = edges[*next];
                    *next += 1;
                    match state.get(child) {
                        Some(0) => {
                            state[child] = 1;
                            let child_edges = self.edges(child);
                            stack.push((child, child_edges, 0));
                        }
                        Some(1) => {
                            let path: Vec<usize> = stack
                                .iter()
                                .map(|(s, _, _)| *s)
                                .skip_while(|s| *s != child)
                                .collect();
                            self.report_cycle(&path);
                            // Mark the whole cycle done so it is reported once.
                            for s in &path {
                                state[*s] = 2;
                            }
                        }
                        _ => {}
                    }
                } else {
                    state[*node] = 2;
                    stack.pop();
                }
            }
        }
    }

    fn edges(&self, id: usize) -> Vec<usize> {
        let s = &self.schemas[id];
        let mut out: Vec<usize> = s.target.iter().map(|t| t.0).collect();
        if let Some(all) = &s.all_of {
            out.extend(all.iter().map(|a| a.0));
        }
        out
    }

    fn report_cycle(&mut self, path: &[usize]) {
        let Some(&first) = path.first() else { return };
        let (span, pointer) = match self.schema_refs.get(&SchemaId(first)) {
            Some((_, span)) => (
                *span,
                self.schemas[first]
                    .origin
                    .as_ref()
                    .map(|o| o.pointer.clone()),
            ),
            None => match &self.schemas[first].origin {
                Some(o) => (o.span, Some(o.pointer.clone())),
                None => return,
            },
        };
        let mut d = Diagnostic::error(
            "ref-cycle",
            "this schema is defined as itself through a cycle of `$ref`s or `allOf`",
        )
        .at(&self.sources, span, pointer)
        .hint(
            "a cycle must pass through an object property or array items to describe finite data",
        );
        for step in path.iter().skip(1) {
            let span = match self.schema_refs.get(&SchemaId(*step)) {
                Some((_, span)) => Some(*span),
                None => self.schemas[*step].origin.as_ref().map(|o| o.span),
            };
            if let Some(span) = span {
                d = d.note(&self.sources, span, "which leads here");
            }
        }
        self.push(d);
    }
}

/// `valawai/c1/echo/control/registered` → (`C1`, `c1_echo`).
pub(crate) fn parse_registered_address(address: &str) -> Option<(ComponentType, String)> {
    let rest = address.strip_prefix("valawai/c")?;
    let (level, rest) = rest.split_at_checked(1)?;
    let component_type = match level {
        "0" => ComponentType::C0,
        "1" => ComponentType::C1,
        "2" => ComponentType::C2,
        _ => return None,
    };
    let name = rest
        .strip_prefix('/')?
        .strip_suffix("/control/registered")?;
    if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    Some((component_type, format!("c{level}_{name}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_registered_addresses() {
        assert_eq!(
            parse_registered_address("valawai/c1/echo_example/control/registered"),
            Some((ComponentType::C1, "c1_echo_example".into()))
        );
        assert_eq!(
            parse_registered_address("valawai/c{type}/{name}/control/registered"),
            None
        );
        assert_eq!(
            parse_registered_address("valawai/c3/x/control/registered"),
            None
        );
        assert_eq!(
            parse_registered_address("valawai/c1/a/b/control/registered"),
            None
        );
        assert_eq!(
            parse_registered_address("valawai/c1/x/control/registered/more"),
            None
        );
    }
}

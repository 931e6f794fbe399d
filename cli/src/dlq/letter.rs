//! One dead letter: where, when and why it died (from the broker's death headers), a key that
//! names it from one listing to the next, its preview, and the properties of a replayed copy.

use std::fmt::Write as _;

use serde_json::{Value, json};
use valawai::lapin::BasicProperties;
use valawai::lapin::types::{AMQPValue, FieldTable, ShortString};

/// One dead letter.
pub(super) struct DeadLetter {
    pub(super) tag: u64,
    pub(super) key: String,
    /// The queue it died on (its channel).
    pub(super) channel: Option<String>,
    pub(super) reason: Option<String>,
    /// When it died, seconds since 1970.
    pub(super) time: Option<u64>,
    /// How often it died on that queue.
    pub(super) count: u64,
    pub(super) replayed: u64,
    pub(super) body: Vec<u8>,
    pub(super) properties: BasicProperties,
}

fn text(value: &AMQPValue) -> Option<String> {
    match value {
        AMQPValue::LongString(s) => Some(String::from_utf8_lossy(s.as_bytes()).into_owned()),
        AMQPValue::ShortString(s) => Some(s.as_str().to_owned()),
        _ => None,
    }
}

fn number(value: &AMQPValue) -> Option<u64> {
    match *value {
        AMQPValue::LongLongInt(n) => u64::try_from(n).ok(),
        AMQPValue::LongInt(n) => u64::try_from(n).ok(),
        AMQPValue::LongUInt(n) => Some(n.into()),
        AMQPValue::ShortInt(n) => u64::try_from(n).ok(),
        AMQPValue::ShortUInt(n) => Some(n.into()),
        AMQPValue::Timestamp(n) => Some(n),
        _ => None,
    }
}

/// FNV-1a, 64 bits: a key that stays the same from one listing to the next.
fn fnv(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.iter().chain(&[0xff]) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

impl DeadLetter {
    pub(super) fn new(tag: u64, body: Vec<u8>, properties: BasicProperties) -> Self {
        let empty = FieldTable::default();
        let headers = properties.headers().as_ref().unwrap_or(&empty).inner();
        // The first death: the last entry of `x-death` for that queue (the broker puts the
        // latest death first).
        let first_queue = headers.get("x-first-death-queue").and_then(text);
        let death = headers
            .get("x-death")
            .and_then(|v| match v {
                AMQPValue::FieldArray(a) => Some(a.as_slice()),
                _ => None,
            })
            .unwrap_or_default()
            .iter()
            .filter_map(|d| match d {
                AMQPValue::FieldTable(t) => Some(t.inner()),
                _ => None,
            })
            .rfind(|d| d.get("queue").and_then(text) == first_queue);
        let field = |name: &str| death.and_then(|d| d.get(name));
        let reason = headers
            .get("x-first-death-reason")
            .and_then(text)
            .or_else(|| field("reason").and_then(text));
        let time = field("time").and_then(number);
        let count = field("count").and_then(number).unwrap_or(1);
        let replayed = headers.get(REPLAYED).and_then(number).unwrap_or(0);
        let key = fnv(&[
            first_queue.as_deref().unwrap_or_default().as_bytes(),
            &time.unwrap_or_default().to_le_bytes(),
            &body,
        ]);
        Self {
            tag,
            key: format!("{:012x}", key >> 16),
            channel: first_queue,
            reason,
            time,
            count,
            replayed,
            body,
            properties,
        }
    }

    pub(super) fn to_json(&self) -> Value {
        json!({
            "key": self.key,
            "channel": self.channel,
            "reason": self.reason,
            "time": self.time.map(rfc3339),
            "count": self.count,
            "replayed": self.replayed,
            "message_id": self.properties.message_id().as_ref().map(|s| s.as_str()),
            "body": String::from_utf8_lossy(&self.body),
        })
    }
}

/// The header counting how often a message was replayed.
const REPLAYED: &str = "x-valawai-replayed";

/// `seconds` since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
pub(super) fn rfc3339(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3_600,
        rest % 3_600 / 60,
        rest % 60
    )
}

/// The body on one line, at most `width` characters.
pub(super) fn preview(body: &[u8], width: usize) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == width {
            out.push('…');
            break;
        }
        if c.is_control() {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// The properties of a replayed copy: the original's, without the death headers, with the
/// replay counted.
pub(super) fn replay_properties(d: &DeadLetter) -> BasicProperties {
    let mut headers = FieldTable::default();
    if let Some(original) = d.properties.headers() {
        for (name, value) in original.inner() {
            let n = name.as_str();
            if n == "x-death" || n.starts_with("x-first-death-") || n.starts_with("x-last-death-") {
                continue;
            }
            headers.insert(name.clone(), value.clone());
        }
    }
    headers.insert(
        ShortString::from(REPLAYED),
        AMQPValue::LongLongInt(i64::try_from(d.replayed + 1).unwrap_or(i64::MAX)),
    );
    let mut properties = d.properties.clone().with_headers(headers);
    if properties.content_type().is_none() {
        properties = properties.with_content_type(valawai::conventions::CONTENT_TYPE.into());
    }
    properties
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_796_515_199), "2026-12-05T23:59:59Z");
    }

    #[test]
    fn previews_stay_on_one_line() {
        assert_eq!(preview(b"{\"a\":\n1}", 60), "{\"a\":\\u{a}1}");
        assert_eq!(preview("ééé".as_bytes(), 2), "éé…");
    }
}

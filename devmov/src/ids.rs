//! Identifiers in the MOV's shape: 24 hexadecimal digits, as a MongoDB ObjectId.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Seconds since the Unix epoch, as the MOV writes `since` and timestamps.
pub(crate) fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// A new id: 4 bytes of time, 4 of process identity, 4 of counter, like an ObjectId.
pub(crate) fn object_id() -> String {
    let time = now() as u32;
    let process = std::process::id();
    let count = COUNTER.fetch_add(1, Ordering::Relaxed) as u32;
    format!("{time:08x}{process:08x}{count:08x}")
}

/// Whether `id` has the MOV's id shape.
#[cfg(test)]
fn is_object_id(id: &str) -> bool {
    id.len() == 24 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_24_hex_digits_and_unique() {
        let a = object_id();
        let b = object_id();
        assert!(is_object_id(&a) && is_object_id(&b), "{a} {b}");
        assert_ne!(a, b);
        assert!(!is_object_id("65c1f59ea4cb169f42f5edcZ"));
        assert!(!is_object_id("65c1f59e"));
    }
}

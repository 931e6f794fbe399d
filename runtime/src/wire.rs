//! The AMQP frames on the socket, looked at on their way to and from lapin.
//!
//! **Poison headers.** lapin parses AMQP field tables and arrays recursively on its I/O thread
//! (amq-protocol-types), so one message whose headers nest a few thousand levels deep overflows
//! that thread's stack and kills the process, and the message, never acked, kills every restart.
//! `Wire` reads every content header frame whole before lapin sees it and checks its properties as
//! lapin will parse them, the headers table with an iterative parser: a top-level header nested
//! deeper than [`MAX_HEADER_DEPTH`], or anything lapin could not parse (which would close the
//! connection at every redelivery: a malformed table, a short string that is not UTF-8), is left
//! out, and a [`REFUSED_HEADERS`] header saying which and why is added. lapin then delivers the
//! message like any other; the consumer sees the mark and rejects the message (dead-lettered by
//! policy) with one ERROR log naming the channel. This holds for any depth a frame can carry: the
//! check needs no recursion, and every content header frame passes through it (lapin asks for
//! `frame_max` = `FRAME_MAX`, so a bigger one is a protocol violation, and the connection is closed
//! before lapin parses it).
//!
//! **The password.** lapin logs every frame it sends at TRACE level, the login frame
//! (`connection.start-ok`, whose PLAIN response holds the password) included, and keeps the URI
//! with the password. So lapin never gets the password: its URI carries
//! `PASSWORD_PLACEHOLDER`, and `Wire` puts the real password into the `start-ok` frame as it
//! goes out. Whatever `tracing` subscriber a program installs, lapin has no password to log.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use futures_io::{AsyncRead, AsyncWrite};
use lapin::types::{AMQPValue, FieldTable};

use crate::secret::Secret;

/// The largest frame the runtime accepts, asked for as `frame_max` on every connection:
/// RabbitMQ's default, and the most a content header frame can take.
pub(crate) const FRAME_MAX: u32 = 131_072;

/// How deep a header value may nest arrays and tables (`x-death`, the deepest header RabbitMQ
/// writes, nests 3).
pub const MAX_HEADER_DEPTH: usize = 32;

/// The header `Wire` adds to a message whose headers it had to remove, with the reason.
pub const REFUSED_HEADERS: &str = "x-valawai-refused-headers";

/// The password lapin is given instead of the real one.
pub(crate) const PASSWORD_PLACEHOLDER: &str = "valawai:password-withheld";

/// The reason a message's headers were removed, from the mark [`Wire`] left.
pub(crate) fn refused_headers(headers: Option<&FieldTable>) -> Option<String> {
    let value = headers?.inner().get(REFUSED_HEADERS)?;
    Some(match value {
        AMQPValue::LongString(reason) => String::from_utf8_lossy(reason.as_bytes()).into_owned(),
        _ => "its AMQP headers were refused".to_owned(),
    })
}

/// The real credentials, for the login frame.
#[derive(Clone, Debug)]
pub(crate) struct Login {
    pub(crate) username: String,
    pub(crate) password: Secret,
}

/// A socket whose incoming content headers are checked and whose outgoing login frame gets the
/// password (module docs). Its `Debug` shows nothing of what it holds.
pub(crate) struct Wire<S> {
    inner: S,
    incoming: Incoming,
    outgoing: Outgoing,
}

impl<S> std::fmt::Debug for Wire<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Wire").finish_non_exhaustive()
    }
}

impl<S> Wire<S> {
    /// Wraps a socket; `login` fills the password into the login frame.
    pub(crate) fn new(inner: S, login: Option<Login>) -> Self {
        Wire {
            inner,
            incoming: Incoming::new(FRAME_MAX as usize),
            outgoing: Outgoing {
                login,
                pending: Vec::new(),
                out: Vec::new(),
                out_at: 0,
            },
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for Wire<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut [u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if buf.is_empty() {
            return Poll::Ready(Ok(0));
        }
        loop {
            if let Some(n) = this.incoming.take_ready(buf) {
                return Poll::Ready(Ok(n));
            }
            let n = ready!(Pin::new(&mut this.inner).poll_read(cx, buf))?;
            if n == 0 {
                return Poll::Ready(Ok(0));
            }
            let passed = this.incoming.feed(&buf[..n])?;
            if passed > 0 {
                return Poll::Ready(Ok(passed));
            }
        }
    }
}

impl<S: AsyncWrite + Unpin> Wire<S> {
    /// Writes out what the login filler produced. `Ready(Ok)` once nothing is left.
    fn drain(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let out = &mut self.outgoing;
        while out.out_at < out.out.len() {
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, &out.out[out.out_at..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            out.out_at += n;
        }
        out.out.clear();
        out.out_at = 0;
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for Wire<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.drain(cx))?;
        if this.outgoing.login.is_none() {
            return Pin::new(&mut this.inner).poll_write(cx, buf);
        }
        this.outgoing.accept(buf);
        if this.drain(cx).is_pending() {
            // The socket is full; lapin's writer is woken when it drains, and its next flush
            // or write sends the rest.
        }
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.outgoing.login.is_none() && this.outgoing.out.is_empty() {
            return Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        }
        let first = bufs
            .iter()
            .find(|b| !b.is_empty())
            .map_or(&[][..], |b| &**b);
        Pin::new(this).poll_write(cx, first)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.drain(cx))?;
        Pin::new(&mut this.inner).poll_flush(cx)
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.drain(cx))?;
        Pin::new(&mut this.inner).poll_close(cx)
    }
}

/// The outgoing side: until the login frame has passed, frames are collected whole, and the
/// login frame gets the password.
struct Outgoing {
    /// `Some` until the login frame has gone out.
    login: Option<Login>,
    /// Bytes from lapin not yet forming a whole frame.
    pending: Vec<u8>,
    /// Bytes ready for the socket.
    out: Vec<u8>,
    out_at: usize,
}

/// The AMQP 0-9-1 protocol header the client sends first.
const PROTOCOL_HEADER: &[u8] = b"AMQP\x00\x00\x09\x01";
/// The byte that ends every frame.
const FRAME_END: u8 = 0xCE;

impl Outgoing {
    fn accept(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
        while let Some(login) = &self.login {
            if self.pending.starts_with(PROTOCOL_HEADER) {
                self.out.extend(self.pending.drain(..PROTOCOL_HEADER.len()));
                continue;
            }
            if self.pending.len() < 7
                || (self.pending.len() < PROTOCOL_HEADER.len()
                    && PROTOCOL_HEADER.starts_with(&self.pending))
            {
                return;
            }
            let size = u32::from_be_bytes([
                self.pending[3],
                self.pending[4],
                self.pending[5],
                self.pending[6],
            ]) as usize;
            let total = 7 + size + 1;
            if total > FRAME_MAX as usize + 8 {
                // Not a frame lapin would write: give up on filling in and pass everything.
                self.login = None;
                break;
            }
            if self.pending.len() < total {
                return;
            }
            let frame: Vec<u8> = self.pending.drain(..total).collect();
            match fill_login(&frame, login) {
                Some(filled) => {
                    self.out.extend_from_slice(&filled);
                    self.login = None;
                }
                None => self.out.extend_from_slice(&frame),
            }
        }
        self.out.append(&mut self.pending);
    }
}

/// The `connection.start-ok` frame with the PLAIN response `\0user\0placeholder` replaced by the
/// real credentials; `None` for any other frame.
fn fill_login(frame: &[u8], login: &Login) -> Option<Vec<u8>> {
    // Method frame on channel 0: class 10 (connection), method 11 (start-ok).
    if frame.len() < 12 || frame[0] != 1 || frame[1..3] != [0, 0] || frame[7..11] != [0, 10, 0, 11]
    {
        return None;
    }
    let mut r = Reader::new(&frame[..frame.len() - 1], 11);
    r.long_string()?; // client-properties, a table: skipped whole by its length
    let mechanism = r.short_string()?;
    let response_at = r.at;
    let response = r.long_string()?;
    let after = r.at;
    let expected = format!("\0{}\0{PASSWORD_PLACEHOLDER}", login.username);
    if mechanism != b"PLAIN" || response != expected.as_bytes() {
        return None;
    }
    let real = format!("\0{}\0{}", login.username, login.password.expose());
    let mut payload = frame[7..response_at].to_vec();
    payload.extend_from_slice(&(real.len() as u32).to_be_bytes());
    payload.extend_from_slice(real.as_bytes());
    payload.extend_from_slice(&frame[after..frame.len() - 1]);
    let mut out = frame[..3].to_vec();
    out.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    out.extend_from_slice(&payload);
    out.push(FRAME_END);
    Some(out)
}

/// The incoming side: frames pass through untouched, except content headers, which are held
/// until whole and checked.
struct Incoming {
    state: Position,
    /// Bytes read but not yet judged: a partial frame header, or a content header frame.
    held: Vec<u8>,
    /// Judged bytes to hand to lapin before reading more.
    ready: Vec<u8>,
    ready_at: usize,
    /// The largest content header frame accepted.
    cap: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    /// At the start of a frame.
    Header,
    /// Inside a frame that passes as it is: this many bytes left.
    Through(usize),
    /// Not AMQP frames any more (the server answered with a protocol header): pass everything.
    Off,
}

/// Content header frames: frame type 2.
const CONTENT_HEADER: u8 = 2;

/// What stopped a walk over freshly read bytes.
enum Stop {
    /// Every byte was judged: they pass as they are.
    End,
    /// The bytes from the stop on are an unfinished frame header or content header frame.
    Partial,
    /// The content header frame at the stop, `len` bytes long, goes to lapin as `with`.
    Rewrite { len: usize, with: Vec<u8> },
}

impl Incoming {
    fn new(cap: usize) -> Self {
        Incoming {
            state: Position::Header,
            held: Vec::new(),
            ready: Vec::new(),
            ready_at: 0,
            cap,
        }
    }

    /// Copies judged bytes into `buf`, if there are any.
    fn take_ready(&mut self, buf: &mut [u8]) -> Option<usize> {
        if self.ready_at >= self.ready.len() {
            return None;
        }
        let n = buf.len().min(self.ready.len() - self.ready_at);
        buf[..n].copy_from_slice(&self.ready[self.ready_at..self.ready_at + n]);
        self.ready_at += n;
        if self.ready_at == self.ready.len() {
            self.ready.clear();
            self.ready_at = 0;
        }
        Some(n)
    }

    /// Judges freshly read bytes. Returns how many leading bytes of `data` may go to lapin as
    /// they are; the rest is taken over (held, and handed out through [`Self::take_ready`] once
    /// judged).
    ///
    /// The common case copies nothing: whole frames, clean content headers included, pass in
    /// place. Bytes are taken over only behind a frame cut by the end of a read or a content
    /// header that had to be rewritten, and then each byte is copied once, however many frames
    /// the read holds.
    fn feed(&mut self, data: &[u8]) -> io::Result<usize> {
        if !self.held.is_empty() {
            let used = self.complete_held(data)?;
            self.take_over(&data[used..])?;
            return Ok(0);
        }
        let (passed, stop) = self.walk(data)?;
        match stop {
            Stop::End => {}
            Stop::Partial => self.held.extend_from_slice(&data[passed..]),
            Stop::Rewrite { len, with } => {
                self.ready.extend_from_slice(&with);
                self.take_over(&data[passed + len..])?;
            }
        }
        Ok(passed)
    }

    /// Walks `data` frame by frame from the current position without copying: how many
    /// leading bytes pass as they are, and what stopped the walk.
    fn walk(&mut self, data: &[u8]) -> io::Result<(usize, Stop)> {
        let mut at = 0;
        while at < data.len() {
            match self.state {
                Position::Off => return Ok((data.len(), Stop::End)),
                Position::Through(left) => {
                    let n = left.min(data.len() - at);
                    at += n;
                    self.state = if n == left {
                        Position::Header
                    } else {
                        Position::Through(left - n)
                    };
                }
                Position::Header => {
                    let rest = &data[at..];
                    let Some((kind, size)) = frame_start(rest) else {
                        return Ok((at, Stop::Partial));
                    };
                    if !is_frame_type(kind) {
                        self.state = Position::Off;
                        continue;
                    }
                    if kind != CONTENT_HEADER {
                        at += 7;
                        self.state = Position::Through(size + 1);
                        continue;
                    }
                    let total = self.content_header_len(size)?;
                    let Some(frame) = rest.get(..total) else {
                        return Ok((at, Stop::Partial));
                    };
                    match check_content_header(frame) {
                        None => at += total,
                        Some(with) => return Ok((at, Stop::Rewrite { len: total, with })),
                    }
                }
            }
        }
        Ok((at, Stop::End))
    }

    /// Takes over bytes that must wait behind bytes already taken over: judged by the same
    /// walk, copied once into `ready` (or `held`, for an unfinished frame at the end).
    fn take_over(&mut self, mut data: &[u8]) -> io::Result<()> {
        loop {
            let (n, stop) = self.walk(data)?;
            self.ready.extend_from_slice(&data[..n]);
            match stop {
                Stop::End => return Ok(()),
                Stop::Partial => {
                    self.held.extend_from_slice(&data[n..]);
                    return Ok(());
                }
                Stop::Rewrite { len, with } => {
                    self.ready.extend_from_slice(&with);
                    data = &data[n + len..];
                }
            }
        }
    }

    /// Completes the held, unfinished frame from `data`; returns how many bytes of `data` it
    /// used. Once whole, the frame is judged and moved to `ready`.
    fn complete_held(&mut self, data: &[u8]) -> io::Result<usize> {
        let mut used = 0;
        if self.held.len() < 7 {
            used = (7 - self.held.len()).min(data.len());
            self.held.extend_from_slice(&data[..used]);
        }
        let Some((kind, size)) = frame_start(&self.held) else {
            return Ok(used);
        };
        if kind != CONTENT_HEADER {
            // Only a frame header was held: it passes, and the walk goes on after it.
            self.state = if is_frame_type(kind) {
                Position::Through(size + 1)
            } else {
                Position::Off
            };
            self.ready.append(&mut self.held);
            return Ok(used);
        }
        let total = self.content_header_len(size)?;
        let more = (total - self.held.len()).min(data.len() - used);
        self.held.extend_from_slice(&data[used..used + more]);
        used += more;
        if self.held.len() == total {
            match check_content_header(&self.held) {
                Some(rewritten) => self.ready.extend_from_slice(&rewritten),
                None => self.ready.extend_from_slice(&self.held),
            }
            self.held.clear();
        }
        Ok(used)
    }

    /// The whole length of a content header frame of `size` payload bytes, or an error when it
    /// is larger than lapin asked for.
    fn content_header_len(&self, size: usize) -> io::Result<usize> {
        if size > self.cap {
            tracing::error!(
                "the broker sent a content header frame of {size} bytes, more than the \
                 negotiated frame_max of {}: closing the connection",
                self.cap
            );
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "content header frame larger than frame_max",
            ));
        }
        Ok(7 + size + 1)
    }
}

fn is_frame_type(kind: u8) -> bool {
    matches!(kind, 1 | 2 | 3 | 8)
}

/// The type and payload size of the frame starting `bytes`, once its 7-byte header is there.
fn frame_start(bytes: &[u8]) -> Option<(u8, usize)> {
    let header = bytes.get(..7)?;
    let size = u32::from_be_bytes([header[3], header[4], header[5], header[6]]) as usize;
    Some((header[0], size))
}

/// A cursor over a frame, for the few AMQP types this module reads.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], at: usize) -> Self {
        Reader { bytes, at }
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_be_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Option<u32> {
        self.take(4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn short_string(&mut self) -> Option<&'a [u8]> {
        let n = self.u8()? as usize;
        self.take(n)
    }

    fn long_string(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }
}

/// The basic class's properties, in order from the highest flag bit, as lapin reads them.
const PROPERTIES: [(&str, Property); 14] = [
    ("content-type", Property::ShortString),
    ("content-encoding", Property::ShortString),
    ("headers", Property::Table),
    ("delivery-mode", Property::Octet),
    ("priority", Property::Octet),
    ("correlation-id", Property::ShortString),
    ("reply-to", Property::ShortString),
    ("expiration", Property::ShortString),
    ("message-id", Property::ShortString),
    ("timestamp", Property::Timestamp),
    ("type", Property::ShortString),
    ("user-id", Property::ShortString),
    ("app-id", Property::ShortString),
    ("cluster-id", Property::ShortString),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Property {
    ShortString,
    Table,
    Octet,
    Timestamp,
}

/// The flag bit of the `index`th property.
fn flag(index: usize) -> u16 {
    1 << (15 - index)
}

/// Checks the properties of a whole content header frame as lapin will parse them; `Some` is
/// the frame with what lapin could not take (headers nested too deep or malformed, short
/// strings that are not UTF-8, a truncated list) left out, and the [`REFUSED_HEADERS`] mark
/// added to the headers.
pub(crate) fn check_content_header(frame: &[u8]) -> Option<Vec<u8>> {
    let payload = frame.get(7..frame.len().checked_sub(1)?)?;
    // class-id, weight, body size, property flags.
    let mut r = Reader::new(payload, 0);
    r.take(12)?;
    let flags = r.u16()?;
    // Nothing is allocated until something is wrong: a clean header (every message) costs one
    // walk over its bytes.
    let mut reasons = Vec::new();
    // Where each property kept lies in `payload`.
    let mut kept: [Option<(usize, usize)>; PROPERTIES.len()] = [None; PROPERTIES.len()];
    // The headers' entries that pass, when some did not.
    let mut entries: Option<Vec<u8>> = None;
    let mut truncated = false;
    for (index, (name, kind)) in PROPERTIES.iter().enumerate() {
        if flags & flag(index) == 0 {
            continue;
        }
        let start = r.at;
        let read = match kind {
            Property::ShortString => r.short_string().map(|text| {
                let text_ok = std::str::from_utf8(text).is_ok();
                if !text_ok {
                    reasons.push(format!("property `{name}` is not UTF-8 text"));
                }
                text_ok
            }),
            Property::Octet => r.take(1).map(|_| true),
            Property::Timestamp => r.take(8).map(|_| true),
            Property::Table => r.long_string().map(|table| {
                if let Some((passed, why)) = judge_headers(table) {
                    entries = Some(passed);
                    reasons.extend(why);
                }
                true
            }),
        };
        match read {
            Some(true) => kept[index] = Some((start, r.at)),
            Some(false) => {}
            None => {
                reasons.push(format!("the properties end inside `{name}`"));
                truncated = true;
                break;
            }
        }
    }
    if !truncated && r.at < payload.len() {
        // lapin wants the properties to end the frame.
        reasons.push(format!(
            "the content header has {} bytes after its properties",
            payload.len() - r.at
        ));
    }
    if reasons.is_empty() {
        return None;
    }
    let reason = refusal_reason(&reasons);
    let mut mark = vec![REFUSED_HEADERS.len() as u8];
    mark.extend_from_slice(REFUSED_HEADERS.as_bytes());
    mark.push(b'S');
    mark.extend_from_slice(&(reason.len() as u32).to_be_bytes());
    mark.extend_from_slice(reason.as_bytes());
    const HEADERS: usize = 2;
    let new_flags = kept
        .iter()
        .enumerate()
        .filter(|(_, span)| span.is_some())
        .fold(flag(HEADERS), |f, (index, _)| f | flag(index));
    let mut new_payload = payload[..12].to_vec();
    new_payload.extend_from_slice(&new_flags.to_be_bytes());
    for (index, span) in kept.iter().enumerate() {
        if index == HEADERS {
            // The table's entries that pass (all of them, when only other properties failed),
            // then the mark.
            let passed: &[u8] = match (&entries, span) {
                (Some(passed), _) => passed,
                (None, Some((start, end))) => &payload[start + 4..*end],
                (None, None) => &[],
            };
            let length = passed.len() + mark.len();
            new_payload.extend_from_slice(&(length as u32).to_be_bytes());
            new_payload.extend_from_slice(passed);
            new_payload.extend_from_slice(&mark);
        } else if let Some((start, end)) = span {
            new_payload.extend_from_slice(&payload[*start..*end]);
        }
    }
    let mut out = frame[..3].to_vec();
    out.extend_from_slice(&(new_payload.len() as u32).to_be_bytes());
    out.extend_from_slice(&new_payload);
    out.push(FRAME_END);
    Some(out)
}

/// The text of the [`REFUSED_HEADERS`] mark: the reasons, joined, cut to 1 KiB (at a character
/// boundary).
pub(crate) fn refusal_reason(reasons: &[String]) -> String {
    let mut reason = reasons.join("; ");
    if reason.len() > 1024 {
        let mut end = 1024;
        while !reason.is_char_boundary(end) {
            end -= 1;
        }
        reason.truncate(end);
    }
    reason
}

/// `None` when every entry of a headers table can go to lapin; otherwise the entries that can,
/// and why the others were not kept. Allocates only in the second case.
fn judge_headers(table: &[u8]) -> Option<(Vec<u8>, Vec<String>)> {
    // The entries that pass, once one did not.
    let mut kept: Option<Vec<u8>> = None;
    let mut reasons = Vec::new();
    let mut r = Reader::new(table, 0);
    while r.at < table.len() {
        let start = r.at;
        let Some(key) = r.short_string() else {
            kept.get_or_insert_with(|| table[..start].to_vec());
            reasons.push("the headers table is malformed".to_owned());
            break;
        };
        let Ok(key) = std::str::from_utf8(key) else {
            kept.get_or_insert_with(|| table[..start].to_vec());
            reasons.push("a header name is not UTF-8 text".to_owned());
            break;
        };
        let value_at = r.at;
        // Where the entry ends, why it cannot go to lapin, and whether the table can be read
        // past it.
        let (end, refused, readable) = match scan_value(table, value_at, MAX_HEADER_DEPTH) {
            // A mark sent by someone else: the reason is kept, as given.
            Ok(end) if key == REFUSED_HEADERS => {
                (end, Some(describe_forged(&table[value_at..end])), true)
            }
            Ok(end) => (end, None, true),
            Err(Bad::TooDeep(end)) => (
                end,
                Some(format!(
                    "header `{key}` nests arrays or tables more than {MAX_HEADER_DEPTH} levels deep"
                )),
                true,
            ),
            Err(Bad::Malformed) => (
                value_at,
                Some(format!("header `{key}` is malformed")),
                false,
            ),
        };
        match refused {
            None => {
                if let Some(kept) = kept.as_mut() {
                    kept.extend_from_slice(&table[start..end]);
                }
            }
            Some(why) => {
                kept.get_or_insert_with(|| table[..start].to_vec());
                reasons.push(why);
            }
        }
        if !readable {
            break;
        }
        r.at = end;
    }
    kept.map(|kept| (kept, reasons))
}

fn describe_forged(value: &[u8]) -> String {
    let mut r = Reader::new(value, 1);
    match (value.first(), r.long_string()) {
        (Some(b'S'), Some(text)) => String::from_utf8_lossy(text).into_owned(),
        _ => format!("the message carries a `{REFUSED_HEADERS}` header"),
    }
}

/// Why a header value cannot go to lapin.
#[derive(Debug, PartialEq, Eq)]
enum Bad {
    /// Nested too deep; the value ends at this offset.
    TooDeep(usize),
    /// Not a value lapin can parse.
    Malformed,
}

/// Walks the field value at `at` without recursion: returns where it ends, or why it is bad.
fn scan_value(bytes: &[u8], at: usize, limit: usize) -> Result<usize, Bad> {
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        Array,
        Table,
    }
    let mut r = Reader::new(bytes, at);
    // The arrays and tables the walk is in, with where each ends.
    let mut open: Vec<(Kind, usize)> = Vec::new();
    let mut outer_end = None;
    loop {
        if let Some(&(kind, end)) = open.last() {
            if r.at == end {
                open.pop();
                if open.is_empty() {
                    return Ok(end);
                }
                continue;
            }
            if kind == Kind::Table {
                let key = r.short_string().ok_or(Bad::Malformed)?;
                std::str::from_utf8(key).map_err(|_| Bad::Malformed)?;
            }
        }
        let tag = r.u8().ok_or(Bad::Malformed)?;
        let fixed = match tag {
            b'V' => Some(0),
            b't' | b'b' | b'B' => Some(1),
            b's' | b'U' | b'u' => Some(2),
            b'I' | b'i' | b'f' => Some(4),
            b'D' => Some(5),
            b'L' | b'l' | b'd' | b'T' => Some(8),
            b'S' | b'x' => {
                r.long_string().ok_or(Bad::Malformed)?;
                Some(0)
            }
            b'A' | b'F' => None,
            _ => return Err(Bad::Malformed),
        };
        match fixed {
            Some(n) => {
                r.take(n).ok_or(Bad::Malformed)?;
            }
            None => {
                let length = r.u32().ok_or(Bad::Malformed)? as usize;
                let end = r.at.checked_add(length).ok_or(Bad::Malformed)?;
                let limit_end = open.last().map_or(bytes.len(), |&(_, e)| e);
                if end > limit_end {
                    return Err(Bad::Malformed);
                }
                if open.is_empty() {
                    outer_end = Some(end);
                }
                if open.len() == limit {
                    // Deeper than allowed: the outer value is refused whole.
                    return Err(Bad::TooDeep(outer_end.unwrap_or(end)));
                }
                let kind = if tag == b'A' {
                    Kind::Array
                } else {
                    Kind::Table
                };
                open.push((kind, end));
                if r.at == end {
                    // Empty: closed at once.
                    open.pop();
                }
            }
        }
        if let Some(&(_, end)) = open.last() {
            if r.at > end {
                return Err(Bad::Malformed);
            }
        } else {
            return Ok(r.at);
        }
    }
}

/// For the fuzz targets (`fuzz/`): what [`Wire`] hands lapin for a whole content header frame
/// (`None` when it passes unchanged). Not a stable API.
#[doc(hidden)]
pub fn fuzz_content_header(frame: &[u8]) -> Option<Vec<u8>> {
    check_content_header(frame)
}

/// For the fuzz targets: what [`Wire`] hands lapin for a byte stream read in `chunks`. Not a
/// stable API.
#[doc(hidden)]
pub fn fuzz_incoming<'a>(chunks: impl IntoIterator<Item = &'a [u8]>) -> io::Result<Vec<u8>> {
    let mut incoming = Incoming::new(FRAME_MAX as usize);
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    for chunk in chunks {
        let passed = incoming.feed(chunk)?;
        out.extend_from_slice(&chunk[..passed]);
        while let Some(n) = incoming.take_ready(&mut buf) {
            out.extend_from_slice(&buf[..n]);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lapin::types::{FieldArray, ShortString};

    /// A header value nesting `depth` arrays around an integer.
    fn nested_array(depth: usize) -> Vec<u8> {
        let mut value = vec![b'I', 0, 0, 0, 7];
        for _ in 0..depth {
            let mut outer = vec![b'A'];
            outer.extend_from_slice(&(value.len() as u32).to_be_bytes());
            outer.extend_from_slice(&value);
            value = outer;
        }
        value
    }

    /// A header value nesting `depth` tables (key `k`).
    fn nested_table(depth: usize) -> Vec<u8> {
        let mut value = vec![b'V'];
        for _ in 0..depth {
            let mut entries = vec![1, b'k'];
            entries.extend_from_slice(&value);
            let mut outer = vec![b'F'];
            outer.extend_from_slice(&(entries.len() as u32).to_be_bytes());
            outer.extend_from_slice(&entries);
            value = outer;
        }
        value
    }

    fn entry(key: &str, value: &[u8]) -> Vec<u8> {
        let mut e = vec![key.len() as u8];
        e.extend_from_slice(key.as_bytes());
        e.extend_from_slice(value);
        e
    }

    /// A content header frame on channel 5 with content type `application/json` and `table`.
    fn content_header(table: &[u8]) -> Vec<u8> {
        let mut payload = vec![0, 60, 0, 0];
        payload.extend_from_slice(&42u64.to_be_bytes());
        payload.extend_from_slice(&(flag(0) | flag(2) | flag(8)).to_be_bytes());
        payload.push(16);
        payload.extend_from_slice(b"application/json");
        payload.extend_from_slice(&(table.len() as u32).to_be_bytes());
        payload.extend_from_slice(table);
        payload.push(2);
        payload.extend_from_slice(b"id");
        let mut frame = vec![CONTENT_HEADER, 0, 5];
        frame.extend_from_slice(&(payload.len() as u32).to_be_bytes());
        frame.extend_from_slice(&payload);
        frame.push(FRAME_END);
        frame
    }

    /// What lapin makes of a frame.
    fn parse(frame: &[u8]) -> amq_protocol::frame::AMQPFrame {
        amq_protocol::frame::parsing::parse_frame(frame).unwrap().1
    }

    fn properties(frame: &[u8]) -> lapin::BasicProperties {
        match parse(frame) {
            amq_protocol::frame::AMQPFrame::Header(channel, header) => {
                assert_eq!(channel, 5);
                assert_eq!(header.body_size, 42);
                header.properties
            }
            other => panic!("not a content header: {other:?}"),
        }
    }

    #[test]
    fn shallow_headers_pass_untouched() {
        let mut table = entry("a", &nested_array(3));
        table.extend(entry("b", &nested_table(MAX_HEADER_DEPTH)));
        table.extend(entry("c", &nested_array(MAX_HEADER_DEPTH)));
        let frame = content_header(&table);
        assert_eq!(check_content_header(&frame), None);
        let props = properties(&frame);
        assert!(refused_headers(props.headers().as_ref()).is_none());
    }

    #[test]
    fn deep_headers_are_replaced_by_the_mark_and_the_rest_kept() {
        for (deep, what) in [
            (nested_array(2_000), "arrays"),
            (nested_array(20_000), "arrays"),
            (nested_table(15_000), "tables"),
            (nested_array(MAX_HEADER_DEPTH + 1), "edge"),
        ] {
            let mut table = entry("x-ok", &[b'S', 0, 0, 0, 2, b'h', b'i']);
            table.extend(entry("poison", &deep));
            table.extend(entry("after", &[b't', 1]));
            let frame = content_header(&table);
            let rewritten = check_content_header(&frame).unwrap_or_else(|| panic!("{what}"));
            let props = properties(&rewritten);
            assert_eq!(
                props.content_type().as_ref().map(ShortString::as_str),
                Some("application/json")
            );
            assert_eq!(
                props.message_id().as_ref().map(ShortString::as_str),
                Some("id")
            );
            let headers = props.headers().as_ref().unwrap();
            assert_eq!(
                headers.inner().get("x-ok"),
                Some(&AMQPValue::LongString("hi".into()))
            );
            assert_eq!(
                headers.inner().get("after"),
                Some(&AMQPValue::Boolean(true))
            );
            assert!(headers.inner().get("poison").is_none());
            assert_eq!(
                refused_headers(Some(headers)).unwrap(),
                format!(
                    "header `poison` nests arrays or tables more than {MAX_HEADER_DEPTH} levels deep"
                )
            );
        }
    }

    #[test]
    fn malformed_headers_are_cut_and_marked() {
        let mut table = entry("good", &[b'B', 1]);
        table.extend(entry("bad", &[b'?', 1, 2]));
        let frame = content_header(&table);
        let props = properties(&check_content_header(&frame).unwrap());
        let headers = props.headers().as_ref().unwrap();
        assert_eq!(
            headers.inner().get("good"),
            Some(&AMQPValue::ShortShortUInt(1))
        );
        assert_eq!(
            refused_headers(Some(headers)).unwrap(),
            "header `bad` is malformed"
        );
        // An array whose length runs past its table.
        let table = entry("bad", &[b'A', 0, 0, 1, 0, b'V']);
        let props = properties(&check_content_header(&content_header(&table)).unwrap());
        assert!(refused_headers(props.headers().as_ref()).is_some());
    }

    /// A content header frame on channel 5 with the given flags and property bytes.
    fn with_properties(flags: u16, properties: &[u8]) -> Vec<u8> {
        let mut payload = vec![0, 60, 0, 0];
        payload.extend_from_slice(&42u64.to_be_bytes());
        payload.extend_from_slice(&flags.to_be_bytes());
        payload.extend_from_slice(properties);
        let mut frame = vec![CONTENT_HEADER, 0, 5];
        frame.extend_from_slice(&(payload.len() as u32).to_be_bytes());
        frame.extend_from_slice(&payload);
        frame.push(FRAME_END);
        frame
    }

    #[test]
    fn properties_lapin_cannot_read_are_left_out_and_marked() {
        // A message id that is not UTF-8 (lapin's parser refuses it, and would close the
        // connection for every redelivery): dropped, the rest kept, the mark added as headers.
        let mut props = vec![4];
        props.extend_from_slice(b"json");
        props.push(2); // delivery mode
        props.extend_from_slice(&[2, 0xff, 0xfe]); // message id
        props.extend_from_slice(&7u64.to_be_bytes()); // timestamp
        let frame = with_properties(flag(0) | flag(3) | flag(8) | flag(9), &props);
        assert!(amq_protocol::frame::parsing::parse_frame(&frame[..]).is_err());
        let props = properties(&check_content_header(&frame).unwrap());
        assert_eq!(
            props.content_type().as_ref().map(ShortString::as_str),
            Some("json")
        );
        assert_eq!(props.delivery_mode(), &Some(2));
        assert_eq!(props.timestamp(), &Some(7));
        assert!(props.message_id().is_none());
        assert_eq!(
            refused_headers(props.headers().as_ref()).unwrap(),
            "property `message-id` is not UTF-8 text"
        );
        // Properties that end early: what came before is kept.
        let frame = with_properties(flag(0) | flag(5), &[4, b'j', b's', b'o', b'n', 9, b'x']);
        let props = properties(&check_content_header(&frame).unwrap());
        assert_eq!(
            props.content_type().as_ref().map(ShortString::as_str),
            Some("json")
        );
        assert!(props.correlation_id().is_none());
        assert_eq!(
            refused_headers(props.headers().as_ref()).unwrap(),
            "the properties end inside `correlation-id`"
        );
        // Bytes after the properties (found by fuzzing): lapin refuses the frame, so they go.
        let frame = with_properties(flag(0), &[4, b'j', b's', b'o', b'n', 0xe8, 0xe8]);
        assert!(amq_protocol::frame::parsing::parse_frame(&frame[..]).is_err());
        let props = properties(&check_content_header(&frame).unwrap());
        assert_eq!(
            props.content_type().as_ref().map(ShortString::as_str),
            Some("json")
        );
        assert_eq!(
            refused_headers(props.headers().as_ref()).unwrap(),
            "the content header has 2 bytes after its properties"
        );
        // A header name that is not UTF-8.
        let table = [2, 0xff, 0xfe, b'V'];
        let props = properties(&check_content_header(&content_header(&table)).unwrap());
        assert_eq!(
            refused_headers(props.headers().as_ref()).unwrap(),
            "a header name is not UTF-8 text"
        );
    }

    #[test]
    fn the_scan_finds_the_end_of_every_kind_of_value() {
        let mut array = FieldArray::default();
        array.push(AMQPValue::LongLongInt(-1));
        array.push(AMQPValue::Double(1.5));
        array.push(AMQPValue::DecimalValue(lapin::types::DecimalValue {
            scale: 2,
            value: 3,
        }));
        array.push(AMQPValue::ByteArray(vec![1, 2, 3].into()));
        let mut inner = FieldTable::default();
        inner.insert("t".into(), AMQPValue::Timestamp(9));
        inner.insert("v".into(), AMQPValue::Void);
        array.push(AMQPValue::FieldTable(inner));
        let value = AMQPValue::FieldArray(array);
        let mut bytes = vec![0u8; 256];
        let written = lapin::types::generation::gen_value(&value)((&mut bytes[..]).into())
            .unwrap()
            .position as usize;
        assert_eq!(scan_value(&bytes[..written], 0, 8), Ok(written));
        assert_eq!(
            scan_value(&bytes[..written], 0, 1),
            Err(Bad::TooDeep(written))
        );
    }

    #[test]
    fn frames_pass_through_and_content_headers_are_judged_across_reads() {
        let mut stream = Vec::new();
        // A heartbeat, a method frame, a poisoned content header and a body frame.
        stream.extend_from_slice(&[8, 0, 0, 0, 0, 0, 0, FRAME_END]);
        stream.extend_from_slice(&[1, 0, 1, 0, 0, 0, 4, 0, 60, 0, 11, FRAME_END]); // basic.qos-ok
        let header = content_header(&entry("p", &nested_array(5_000)));
        stream.extend_from_slice(&header);
        stream.extend_from_slice(&[3, 0, 5, 0, 0, 0, 2, b'{', b'}', FRAME_END]);
        for chunk in [1, 3, 7, 64, 4096, stream.len()] {
            let out = fuzz_incoming(stream.chunks(chunk)).unwrap();
            let mut rest = &out[..];
            let mut kinds = Vec::new();
            while !rest.is_empty() {
                let (i, frame) = amq_protocol::frame::parsing::parse_frame(rest).unwrap();
                kinds.push(match frame {
                    amq_protocol::frame::AMQPFrame::Header(_, h) => {
                        assert!(refused_headers(h.properties.headers().as_ref()).is_some());
                        "header"
                    }
                    amq_protocol::frame::AMQPFrame::Method(..) => "method",
                    amq_protocol::frame::AMQPFrame::Body(..) => "body",
                    amq_protocol::frame::AMQPFrame::Heartbeat => "heartbeat",
                    other => panic!("{other:?}"),
                });
                rest = &rest[rest.len() - i.len()..];
            }
            assert_eq!(
                kinds,
                ["heartbeat", "method", "header", "body"],
                "chunk {chunk}"
            );
        }
    }

    /// A stream of `messages` deliveries (method, clean content header, body), with a poisoned
    /// content header as the `poisoned`th when given.
    fn deliveries(messages: usize, poisoned: Option<usize>) -> Vec<u8> {
        let mut stream = Vec::new();
        for i in 0..messages {
            // basic.deliver's frame: its arguments do not matter to the wire.
            stream.extend_from_slice(&[1, 0, 5, 0, 0, 0, 4, 0, 60, 0, 60, FRAME_END]);
            let table = if Some(i) == poisoned {
                entry("p", &nested_array(100))
            } else {
                entry("trace", &nested_array(3))
            };
            stream.extend_from_slice(&content_header(&table));
            stream.extend_from_slice(&[3, 0, 5, 0, 0, 0, 2, b'{', b'}', FRAME_END]);
        }
        stream
    }

    #[test]
    fn clean_streams_pass_unchanged_however_they_are_read() {
        let stream = deliveries(40, None);
        for chunk in [1, 2, 5, 7, 13, 19, 64, 333, 4096, stream.len()] {
            assert_eq!(
                fuzz_incoming(stream.chunks(chunk)).unwrap(),
                stream,
                "chunk {chunk}"
            );
        }
    }

    #[test]
    fn a_poisoned_header_is_rewritten_the_same_however_the_stream_is_read() {
        let stream = deliveries(30, Some(17));
        let whole = fuzz_incoming([&stream[..]]).unwrap();
        assert_ne!(whole, stream);
        // Everything but the poisoned delivery's content header passes unchanged.
        let clean = deliveries(30, None);
        let before = clean.len() / 30 * 17 + 12;
        assert_eq!(whole[..before], stream[..before]);
        for chunk in [1, 3, 7, 11, 64, 500, 4096] {
            assert_eq!(
                fuzz_incoming(stream.chunks(chunk)).unwrap(),
                whole,
                "chunk {chunk}"
            );
        }
    }

    #[test]
    fn the_login_frame_gets_the_password() {
        let login = Login {
            username: "user".into(),
            password: Secret::new("p/ss@:%w"),
        };
        let mut payload = vec![0, 10, 0, 11];
        payload.extend_from_slice(&[0, 0, 0, 3, 1, b'a', b'V']); // client properties
        payload.extend_from_slice(&[5]);
        payload.extend_from_slice(b"PLAIN");
        let placeholder = format!("\0user\0{PASSWORD_PLACEHOLDER}");
        payload.extend_from_slice(&(placeholder.len() as u32).to_be_bytes());
        payload.extend_from_slice(placeholder.as_bytes());
        payload.extend_from_slice(&[5]);
        payload.extend_from_slice(b"en_US");
        let mut frame = vec![1, 0, 0];
        frame.extend_from_slice(&(payload.len() as u32).to_be_bytes());
        frame.extend_from_slice(&payload);
        frame.push(FRAME_END);
        let mut out = Outgoing {
            login: Some(login),
            pending: Vec::new(),
            out: Vec::new(),
            out_at: 0,
        };
        // Written in pieces, after the protocol header, and followed by more.
        let mut all = PROTOCOL_HEADER.to_vec();
        all.extend_from_slice(&frame);
        all.extend_from_slice(&[8, 0, 0, 0, 0, 0, 0, FRAME_END]);
        for piece in all.chunks(5) {
            out.accept(piece);
        }
        assert!(out.login.is_none());
        assert!(out.out.starts_with(PROTOCOL_HEADER));
        let (rest, parsed) =
            amq_protocol::frame::parsing::parse_frame(&out.out[PROTOCOL_HEADER.len()..]).unwrap();
        match parsed {
            amq_protocol::frame::AMQPFrame::Method(
                0,
                amq_protocol::protocol::AMQPClass::Connection(
                    amq_protocol::protocol::connection::AMQPMethod::StartOk(start_ok),
                ),
            ) => {
                assert_eq!(start_ok.response.as_bytes(), b"\0user\0p/ss@:%w");
                assert_eq!(start_ok.locale.as_str(), "en_US");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(rest, &[8, 0, 0, 0, 0, 0, 0, FRAME_END]);
    }
}

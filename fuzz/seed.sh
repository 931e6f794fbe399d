#!/usr/bin/env bash
# Seeds the fuzz corpora: every spec in fixtures/ for `loader`, every JSON payload in fixtures/
# plus valid `Checked` values for `payload`, and headers tables (shallow, deep, malformed) for
# `headers`.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/corpus/loader fuzz/corpus/payload fuzz/corpus/headers fuzz/corpus/pattern
find fixtures -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.tyml' | while read -r f; do
    cp "$f" "fuzz/corpus/loader/$(echo "$f" | tr '/' '_')"
done
find fixtures -name '*.json' | while read -r f; do
    cp "$f" "fuzz/corpus/payload/$(echo "$f" | tr '/' '_')"
done
python3 - <<'PY'
import json, struct
payload = "fuzz/corpus/payload"
small = {"id": "00af", "level": "low", "kind": "checked", "note": None}
full = {"id": "00af", "name": "abc", "count": 10, "ratio": 0.5, "step": 15, "tags": ["a", "b"],
        "level": "high", "code": 2, "kind": "checked", "note": "n", "parent": None,
        "pair": ["p", 2], "labels": {"a": 0, "b": 7}, "shape": {"kind": "circle", "radius": 1.5},
        "either": "ab", "mixed": 3, "measure": 2.5, "contact": {"email": "a@b"},
        "merged": {"x": 1, "y": "abc"}}
for name, value in [("checked_small", small), ("checked_full", full)]:
    open(f"{payload}/{name}.json", "w").write(json.dumps(value))

def wrap(tag, content):
    return bytes([tag]) + struct.pack(">I", len(content)) + content

def arrays(depth):
    v = b"I\x00\x00\x00\x07"
    for _ in range(depth):
        v = wrap(ord("A"), v)
    return v

def tables(depth):
    v = b"V"
    for _ in range(depth):
        v = wrap(ord("F"), b"\x01k" + v)
    return v

def entry(key, value):
    return bytes([len(key)]) + key + value

def table(*entries):
    body = b"".join(entries)
    return struct.pack(">I", len(body)) + body

headers = "fuzz/corpus/headers"
# Two bytes of property flags (content-type and headers), a read-size byte, then the properties.
flags = struct.pack(">H", (1 << 15) | (1 << 13))
ctype = b"\x10application/json"
x_death = entry(b"x-death", wrap(ord("A"), wrap(ord("F"), entry(b"count", b"l" + b"\x00" * 7 + b"\x01")
                                                  + entry(b"routing-keys", wrap(ord("A"), b"S\x00\x00\x00\x01q")))))
seeds = {
    "empty": table(),
    "x_death": table(x_death),
    "arrays_33": table(entry(b"p", arrays(33))),
    "arrays_2000": table(entry(b"p", arrays(2000))),
    "tables_1000": table(entry(b"p", tables(1000))),
    "bad_key": table(b"\x02\xff\xfeV"),
    "every_type": table(*[entry(bytes([t]), bytes([t]) + b"\x00" * n) for t, n in
                          [(ord("t"), 1), (ord("b"), 1), (ord("s"), 2), (ord("I"), 4), (ord("l"), 8),
                           (ord("f"), 4), (ord("d"), 8), (ord("D"), 5), (ord("T"), 8), (ord("V"), 0)]]),
}
for name, props in seeds.items():
    open(f"{headers}/{name}", "wb").write(flags + b"\x07" + ctype + props)
PY
# Patterns: the pattern, then values, a line each.
i=0
while IFS= read -r line; do
    printf '%b' "$line" > "fuzz/corpus/pattern/seed_$i"
    i=$((i + 1))
done <<'PATTERNS'
^(a+)+$\naaaa\naaa!
[0-9a-fA-F]{24}\n65c1f59ea4cb169f42f5edc4\nzz
c[0|1|2]_\\w+\nc1_x\nc3_x
\\d+\\.\\d+\\.\\d+\n1.2.3\n1x2.3
^(?<n>a)\\k<n>$\naa\nab
(?<=a)b|\\bc\nab\n c
^[\\d-z]$\n-\n5
^[^\\D]\\S.$\n5x\r\n55
\\u{41}\\x41\\101\\cJ\nAAA\n
^(a)|\\1b$\nb\na
PATTERNS
for target in loader payload headers pattern; do
    echo "seeded $(ls fuzz/corpus/$target | wc -l) files for $target"
done

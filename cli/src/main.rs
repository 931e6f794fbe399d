//! The `valawai` command-line tool.

fn main() {}

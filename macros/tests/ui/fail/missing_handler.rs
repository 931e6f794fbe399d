mod echo {
    valawai::include_component!();
}

struct Echo;

#[valawai::handlers(echo)]
impl Echo {}

fn main() {}

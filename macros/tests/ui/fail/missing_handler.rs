mod echo {
    valawai::include_component!();
}

struct Echo;

#[valawai::handlers(echo)]
impl Echo {}

// A use of the type: the only error stays the one at the method.
fn main() {
    let _ = echo::component(Echo);
}

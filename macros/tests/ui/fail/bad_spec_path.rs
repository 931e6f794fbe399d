mod echo {
    valawai::generate!("no/such/asyncapi.yaml");
}

fn main() {}

fn main() {
    println!(
        "devcontainer-doctor {}",
        devcontainer_doctor::api::version()
    );
}

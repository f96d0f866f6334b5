//! The `devcontainer-doctor` command: everything lives in `cli/`; this only hands over the
//! arguments and turns the outcome into the process exit code.

mod cli;

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    std::process::exit(cli::run(args));
}

//! The puls binary: everything happens in the library; see `cli`.

fn main() -> color_eyre::Result<std::process::ExitCode> {
    puls::cli::main()
}

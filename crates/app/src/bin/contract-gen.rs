//! Writes every file generated from the contract (TypeScript types and client, permission set, UI
//! fixtures) below the folder given as the only argument, at the same paths as in the repository.

fn main() -> std::process::ExitCode {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: contract-gen <folder>");
        return std::process::ExitCode::from(2);
    };
    let out = std::path::PathBuf::from(out);
    for (path, text) in app::codegen::generate() {
        let path = out.join(path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create folder");
        }
        std::fs::write(&path, text).expect("write file");
    }
    std::process::ExitCode::SUCCESS
}

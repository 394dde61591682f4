//! End-to-end tests: the real app binary under Xvfb, driven through tauri-driver + WebKitWebDriver.
//!
//! Every tool it needs must be present: a missing tool is a failure, never a skip. The app runs with a
//! private HOME / XDG folders / TMPDIR below `target/e2e/home`, so the specs can scan everything the app
//! and its WebView wrote for case text (canary scan).

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{cargo, have, root, step, Result};

/// Two different ports nobody listens on now: several engineers (and CI) may run the suite on one machine.
fn free_ports() -> Result<(u16, u16)> {
    let a = std::net::TcpListener::bind(("127.0.0.1", 0))?;
    let b = std::net::TcpListener::bind(("127.0.0.1", 0))?;
    Ok((a.local_addr()?.port(), b.local_addr()?.port()))
}

/// Kills the child and everything it started (its process group) when dropped, so a failing run leaves
/// no Xvfb, driver, WebKitWebDriver or app behind.
struct Guard(Child);

impl Guard {
    fn spawn(cmd: &mut Command) -> Result<Guard> {
        use std::os::unix::process::CommandExt;
        Ok(Guard(cmd.process_group(0).spawn()?))
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn require(tool: &str, package_hint: &str) -> Result<()> {
    if have(tool) {
        Ok(())
    } else {
        Err(format!("end-to-end tests need `{tool}` ({package_hint}); it is missing, so the tests fail").into())
    }
}

fn wait_for(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) -> Result<()> {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if ready() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("{what} did not start within {timeout:?}").into())
}

pub fn app_binary() -> PathBuf {
    root().join("target/debug/samen-kijken")
}

pub fn run() -> Result<()> {
    step("End-to-end: de echte app onder Xvfb");
    require_tools()?;
    cargo(&["build", "--package", "samen-kijken"])?;
    let out = root().join("target/e2e");
    // `E2E_SPEC=04-homevisit cargo xtask e2e` runs one spec while working on it.
    let specs = match std::env::var("E2E_SPEC") {
        Ok(name) if !name.is_empty() => NodeRun::Tests(root().join("tests/e2e/specs").join(format!("{name}.test.mjs"))),
        _ => NodeRun::Tests(root().join("tests/e2e/specs")),
    };
    let status = run_in_xvfb(&app_binary(), &out, &[specs], &[])?;
    if status.success() {
        println!("screenshots: {}", out.display());
        Ok(())
    } else {
        Err(format!("end-to-end tests failed ({status}); screenshots and page dumps in {}", out.display()).into())
    }
}

pub fn require_tools() -> Result<()> {
    require("Xvfb", "Debian package xvfb")?;
    require("WebKitWebDriver", "Debian package webkit2gtk-driver")?;
    require("tauri-driver", "cargo install tauri-driver --locked")?;
    require("node", "Node.js")?;
    require("xdotool", "Debian package xdotool")?;
    require("pdftotext", "Debian package poppler-utils")?;
    if !root().join("tests/e2e/node_modules/webdriverio").is_dir() {
        return Err("tests/e2e/node_modules is missing: run `cargo xtask setup`".into());
    }
    Ok(())
}

/// What node runs against the app: a spec file or folder (`node --test`), or a plain script.
pub enum NodeRun {
    Tests(PathBuf),
    Script(PathBuf),
}

/// Starts Xvfb and tauri-driver for the binary `app` (the specs find it through `APP_PATH`), with a
/// fresh private home below `out`, and runs each node run in turn; stops at the first failure.
/// `extra_env` is added to the app's environment (to compare WebKit settings when measuring).
pub fn run_in_xvfb(app: &Path, out: &Path, runs: &[NodeRun], extra_env: &[(String, String)]) -> Result<std::process::ExitStatus> {
    let home = out.join("home");
    // A fresh start: old screenshots, failure dumps and the previous run's app home go.
    let _ = std::fs::remove_dir_all(out);
    for sub in ["data", "cache", "config", "tmp", "runtime"] {
        std::fs::create_dir_all(home.join(sub))?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(home.join("runtime"), std::fs::Permissions::from_mode(0o700))?;
    }

    let display = format!(":{}", 90 + std::process::id() % 100);
    let socket = PathBuf::from(format!("/tmp/.X11-unix/X{}", &display[1..]));
    let xvfb = Guard::spawn(
        Command::new("Xvfb")
            .args([&display, "-screen", "0", "1366x900x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    )?;
    wait_for("Xvfb", Duration::from_secs(10), || socket.exists())?;

    let mut env = environment(&home, &display);
    env.extend(extra_env.iter().cloned());
    let (port, native_port) = free_ports()?;
    let mut driver_cmd = Command::new("tauri-driver");
    driver_cmd
        .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
        .envs(env.iter().map(|(k, v)| (k, v)));
    let driver = Guard::spawn(driver_cmd.stdout(Stdio::null()).stderr(Stdio::inherit()))?;
    wait_for("tauri-driver", Duration::from_secs(20), || TcpStream::connect(("127.0.0.1", port)).is_ok())?;

    let mut status = std::process::ExitStatus::default();
    for run in runs {
        let mut node = Command::new("node");
        match run {
            NodeRun::Tests(path) => node.args(["--test", "--test-concurrency=1", "--test-reporter=spec"]).arg(path),
            NodeRun::Script(path) => node.arg(path),
        };
        node.current_dir(root().join("tests/e2e"))
            .env("APP_PATH", app)
            .env("E2E_OUT", out)
            .env("E2E_HOME", &home)
            .env("DRIVER_URL", format!("http://127.0.0.1:{port}"))
            // For xdotool, which answers the app's native save dialog.
            .env("DISPLAY", &display);
        status = node.status()?;
        if !status.success() {
            break;
        }
    }
    drop(driver);
    drop(xvfb);
    Ok(status)
}

/// The app's private environment: its own HOME, XDG folders and TMPDIR.
pub fn environment(home: &Path, display: &str) -> Vec<(String, String)> {
    let p = |s: &str| home.join(s).display().to_string();
    vec![
        ("DISPLAY".into(), display.into()),
        ("HOME".into(), home.display().to_string()),
        ("XDG_DATA_HOME".into(), p("data")),
        ("XDG_CACHE_HOME".into(), p("cache")),
        ("XDG_CONFIG_HOME".into(), p("config")),
        ("XDG_RUNTIME_DIR".into(), p("runtime")),
        ("TMPDIR".into(), p("tmp")),
        // No GPU under Xvfb (the app itself also draws without GPU compositing: see `screenshot` in
        // tests/e2e/lib.mjs for what that means for screenshots).
        ("LIBGL_ALWAYS_SOFTWARE".into(), "1".into()),
        ("NO_AT_BRIDGE".into(), "1".into()),
    ]
}

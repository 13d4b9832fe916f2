//! Release tasks for Propaganda Decoded (the cargo "xtask" convention; run through the alias in
//! `.cargo/config.toml`):
//!
//! - `cargo xtask dist` builds every release artefact into `dist/`: the Linux `.deb` and
//!   `.tar.gz`, the Windows `.zip`, the web build when `web/build.sh` exists, `SHA256SUMS` and
//!   the release notes from `CHANGELOG.md`. docs/RELEASING.md lists what it needs installed.
//! - `cargo xtask gen OUT` writes only the man pages and shell completions (what `dist` ships).
//!
//! The version comes from the app's Cargo.toml alone; `dist` refuses to run when CHANGELOG.md
//! has no entry for it.

// The app's command line, compiled here by path so the man page and completions are generated
// from the very definition `decoded` parses (src/cli.rs uses only clap, std and src/route.rs,
// whose view table names the views in --help).
#[path = "../../src/cli.rs"]
#[allow(dead_code)]
mod cli;
#[path = "../../src/route.rs"]
#[allow(dead_code)]
mod route;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use std::{env, fs};

use clap::{Parser, Subcommand};

type Result<T> = std::result::Result<T, String>;

/// The binary, the package and the app id, as the packaging uses them.
const BIN: &str = "decoded";
const PACKAGE: &str = "propaganda-decoded";
const WINDOWS_TARGET: &str = "x86_64-pc-windows-gnu";
/// The hicolor sizes committed under assets/icons (made by assets/tools/make_icon.py --packaging).
const ICON_SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Release tasks for Propaganda Decoded")]
struct Xtask {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Build every release artefact into dist/ (wiped first), with SHA256SUMS and release notes.
    Dist {
        /// Skip the Windows zip (cross-compiled with mingw-w64).
        #[arg(long)]
        no_windows: bool,
        /// Skip the .deb (the .tar.gz is still built).
        #[arg(long)]
        no_deb: bool,
        /// Skip the web build even if web/build.sh exists.
        #[arg(long)]
        no_web: bool,
    },
    /// Write the man pages and the shell completions (bash, zsh, fish, PowerShell) into OUT.
    Gen {
        /// The folder to write into (created if missing).
        out: PathBuf,
    },
}

fn main() -> std::process::ExitCode {
    let args = Xtask::parse();
    let root = workspace_root();
    let outcome = match args.task {
        Task::Dist { no_windows, no_deb, no_web } => dist(&root, DistOptions { no_windows, no_deb, no_web }),
        Task::Gen { out } => read_version(&root).and_then(|v| generate_docs(&out, &v, source_date_epoch(&root))),
    };
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The checkout xtask was started from. `cargo run` says where xtask's manifest is at run time;
/// the path compiled in is only a fallback, since a target folder shared between two checkouts
/// can run a binary compiled in the other one.
fn workspace_root() -> PathBuf {
    let xtask = env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let xtask = xtask.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    xtask.parent().expect("xtask lives in the workspace root").to_path_buf()
}

struct DistOptions {
    no_windows: bool,
    no_deb: bool,
    no_web: bool,
}

fn dist(root: &Path, opts: DistOptions) -> Result<()> {
    let started = Instant::now();
    let version = read_version(root)?;
    let changelog = fs::read_to_string(root.join("CHANGELOG.md")).map_err(|e| format!("CHANGELOG.md: {e}"))?;
    let notes = changelog_entry(&changelog, &version).ok_or_else(|| {
        format!(
            "CHANGELOG.md has no entry for version {version} (the version in Cargo.toml). \
             Add a `## [{version}] - YYYY-MM-DD` section listing the changes, then run dist again."
        )
    })?;
    let web_script = root.join("web/build.sh");
    let web = !opts.no_web && web_script.exists();
    step(&format!("Propaganda Decoded {version}: checking the tools"));
    check_tools(&opts, web)?;
    if git_dirty(root) {
        eprintln!("warning: the work tree has uncommitted changes; these artefacts will not match any commit");
    }
    let epoch = source_date_epoch(root);

    let dist = root.join("dist");
    let work = root.join("target/dist-work");
    for dir in [&dist, &work] {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(|e| format!("cannot empty {}: {e}", dir.display()))?;
        }
        fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }

    step("Man pages and shell completions");
    let generated = root.join("target/dist-gen");
    if generated.exists() {
        fs::remove_dir_all(&generated).map_err(|e| e.to_string())?;
    }
    generate_docs(&generated, &version, epoch)?;
    for page in MAN_PAGES {
        run(Command::new("gzip").args(["-9nf"]).arg(generated.join("man").join(page)))?;
    }

    write_debian_changelog(&generated, &version, epoch)?;

    step("Linux build (cargo build --release)");
    run(cargo().current_dir(root).args(["build", "--release", "--locked", "-p", PACKAGE, "--bin", BIN]))?;
    let linux_bin = target_dir(root).join("release").join(BIN);

    // After the build, so every crate is downloaded and cargo-about can work offline. Only the
    // app's own dependency graph (not xtask's), for the targets listed in about.toml.
    step("Third-party licences (cargo about)");
    let licences = generated.join("THIRD-PARTY-LICENSES.html");
    run(cargo()
        .current_dir(root)
        .args(["about", "generate", "--locked", "--offline", "--fail", "-m", "Cargo.toml", "-o"])
        .arg(&licences)
        .arg("about.hbs"))?;

    if !opts.no_deb {
        step("Debian package (cargo deb)");
        run(cargo()
            .current_dir(root)
            .env("SOURCE_DATE_EPOCH", epoch.to_string())
            .args(["deb", "--no-build", "--locked", "-p", PACKAGE, "--output"])
            .arg(&dist))?;
    }

    step("Linux archive (.tar.gz)");
    let linux_name = format!("{PACKAGE}-{version}-linux-x86_64");
    let stage = work.join(&linux_name);
    stage_common(root, &generated, &stage)?;
    copy(&linux_bin, &stage.join(BIN))?;
    run(Command::new("strip").arg(stage.join(BIN)))?;
    copy(&root.join("packaging/install.sh"), &stage.join("install.sh"))?;
    let share = stage.join("share");
    copy(&root.join("assets/propaganda-decoded.desktop"), &share.join("applications/propaganda-decoded.desktop"))?;
    for size in ICON_SIZES {
        let rel = format!("icons/hicolor/{size}x{size}/apps/propaganda-decoded.png");
        copy(&root.join("assets").join(&rel), &share.join(&rel))?;
    }
    for page in MAN_PAGES.map(|p| format!("{p}.gz")) {
        copy(&generated.join("man").join(&page), &share.join("man/man1").join(&page))?;
    }
    copy(&generated.join("completions/decoded.bash"), &share.join("bash-completion/completions/decoded"))?;
    copy(&generated.join("completions/_decoded"), &share.join("zsh/site-functions/_decoded"))?;
    copy(&generated.join("completions/decoded.fish"), &share.join("fish/vendor_completions.d/decoded.fish"))?;
    let tarball = dist.join(format!("{linux_name}.tar.gz"));
    run(Command::new("tar")
        .current_dir(&work)
        .args(["--sort=name", "--owner=0", "--group=0", "--numeric-owner", "--format=gnu"])
        .arg(format!("--mtime=@{epoch}"))
        .arg("-czf")
        .arg(&tarball)
        .arg(&linux_name))?;

    if !opts.no_windows {
        step(&format!("Windows build (cargo build --release --target {WINDOWS_TARGET})"));
        run(cargo().current_dir(root).args([
            "build",
            "--release",
            "--locked",
            "-p",
            PACKAGE,
            "--bin",
            BIN,
            "--target",
            WINDOWS_TARGET,
        ]))?;
        step("Windows archive (.zip)");
        let exe = target_dir(root).join(WINDOWS_TARGET).join("release").join(format!("{BIN}.exe"));
        let win_name = format!("{PACKAGE}-{version}-windows-x86_64");
        let stage = work.join(&win_name);
        stage_common(root, &generated, &stage)?;
        copy(&exe, &stage.join(format!("{BIN}.exe")))?;
        run(Command::new("x86_64-w64-mingw32-strip").arg(stage.join(format!("{BIN}.exe"))))?;
        copy(&generated.join("completions/_decoded.ps1"), &stage.join("completions/_decoded.ps1"))?;
        zip_dir(&work, &win_name, &dist.join(format!("{win_name}.zip")), epoch)?;
    }

    if web {
        step("Web build (web/build.sh)");
        let site = dist.join("web");
        run(Command::new("bash").current_dir(root).arg(&web_script).arg(&site))?;
        for (from, to) in [
            (root.join("LICENSE-MIT"), "LICENSE-MIT"),
            (root.join("LICENSE-APACHE"), "LICENSE-APACHE"),
            (root.join("content/NOTICE.md"), "NOTICE.md"),
            (licences.clone(), "THIRD-PARTY-LICENSES.html"),
        ] {
            if !site.join(to).exists() {
                copy(&from, &site.join(to))?;
            }
        }
        let single = site.join("decoded.html");
        if single.exists() {
            copy(&single, &dist.join("decoded.html"))?;
        } else {
            eprintln!("warning: web/build.sh wrote no decoded.html; only the site folder is shipped");
        }
        let web_name = format!("{PACKAGE}-{version}-web");
        let web_stage = work.join(&web_name);
        copy_dir(&site, &web_stage)?;
        zip_dir(&work, &web_name, &dist.join(format!("{web_name}.zip")), epoch)?;
    } else if opts.no_web {
        println!("web: skipped (--no-web)");
    } else {
        println!("web: skipped (web/build.sh does not exist yet)");
    }

    step("Release notes and checksums");
    fs::write(dist.join("RELEASE-NOTES.md"), format!("# Propaganda Decoded {version}\n\n{notes}"))
        .map_err(|e| e.to_string())?;
    let mut files: Vec<String> = fs::read_dir(&dist)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let out =
        Command::new("sha256sum").current_dir(&dist).args(&files).output().map_err(|e| format!("sha256sum: {e}"))?;
    if !out.status.success() {
        return Err(format!("sha256sum failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    fs::write(dist.join("SHA256SUMS"), &out.stdout).map_err(|e| e.to_string())?;

    step(&format!("dist/ for {version}, in {:.0} s", started.elapsed().as_secs_f64()));
    files.push("SHA256SUMS".into());
    for name in &files {
        let len = fs::metadata(dist.join(name)).map(|m| m.len()).unwrap_or(0);
        println!("{len:>12}  {name}");
    }
    print!("{}", String::from_utf8_lossy(&out.stdout));
    Ok(())
}

/// What every archive holds besides the program: licences, notices, docs and the example pack.
fn stage_common(root: &Path, generated: &Path, stage: &Path) -> Result<()> {
    for (from, to) in [
        (root.join("README.md"), "README.md"),
        (root.join("CHANGELOG.md"), "CHANGELOG.md"),
        (root.join("LICENSE-MIT"), "LICENSE-MIT"),
        (root.join("LICENSE-APACHE"), "LICENSE-APACHE"),
        (root.join("content/LICENSE"), "LICENSE-CONTENT"),
        (root.join("content/NOTICE.md"), "NOTICE.md"),
        (generated.join("THIRD-PARTY-LICENSES.html"), "THIRD-PARTY-LICENSES.html"),
    ] {
        copy(&from, &stage.join(to))?;
    }
    copy_dir(&root.join("tests/fixtures/minimal"), &stage.join("example-pack"))
}

/// The man pages `gen` writes: the app's, and one per subcommand (`decoded-check(1)`, …).
const MAN_PAGES: [&str; 3] = ["decoded.1", "decoded-check.1", "decoded-export.1"];

/// Man pages ([`MAN_PAGES`]) and completions for bash, zsh, fish and PowerShell.
fn generate_docs(out: &Path, version: &str, epoch: u64) -> Result<()> {
    let version: &'static str = Box::leak(version.to_owned().into_boxed_str());
    let cmd = cli::command().version(version);
    let date = iso_date(epoch);
    let man = out.join("man");
    let completions = out.join("completions");
    for dir in [&man, &completions] {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }

    let render = |cmd: clap::Command, extra: &str| -> Result<Vec<u8>> {
        let mut page = Vec::new();
        clap_mangen::Man::new(cmd)
            .date(&date)
            .source(format!("Propaganda Decoded {version}"))
            .manual("User Commands")
            .render(&mut page)
            .map_err(|e| e.to_string())?;
        page.extend_from_slice(extra.as_bytes());
        Ok(page)
    };
    // No `decoded-help(1)`: `decoded help` is clap's own and needs no page.
    let page = render(cmd.clone().disable_help_subcommand(true), MAN_EXTRA)?;
    fs::write(man.join("decoded.1"), page).map_err(|e| e.to_string())?;

    let mut built = cmd.clone();
    built.build();
    for file in &MAN_PAGES[1..] {
        let name = file.trim_end_matches(".1");
        let sub = name.trim_start_matches("decoded-");
        let sub = built.find_subcommand(sub).ok_or(format!("the CLI has no `{sub}` subcommand"))?.clone();
        let page = render(sub.name(name).version(version).disable_help_subcommand(true), "")?;
        fs::write(man.join(file), page).map_err(|e| e.to_string())?;
    }

    use clap_complete::Shell;
    for (shell, name) in [
        (Shell::Bash, "decoded.bash"),
        (Shell::Zsh, "_decoded"),
        (Shell::Fish, "decoded.fish"),
        (Shell::PowerShell, "_decoded.ps1"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd.clone(), BIN, &mut buf);
        fs::write(completions.join(name), buf).map_err(|e| e.to_string())?;
    }
    println!("wrote man pages and completions for {BIN} {version} to {}", out.display());
    Ok(())
}

/// Sections clap does not know about, appended to decoded.1.
const MAN_EXTRA: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
The window closed normally, or \fBcheck\fR found no errors (warnings do not fail).
.TP
\fB1\fR
\fBcheck\fR found errors, or the window could not be opened.
.TP
\fB2\fR
The pack could not be read at all, or an option had a wrong value.
.SH FILES
.TP
\fI/usr/share/propaganda\-decoded/example\-pack/\fR
A small complete pack to copy when writing your own (installed by the .deb).
.TP
\fI~/.local/share/propaganda\-decoded/\fR
Saved settings and progress (window size, theme, text size, quiz and practice results).
Removing the package leaves this folder alone.
.SH EXAMPLES
.TP
\fBdecoded\fR
Open the app on the built-in pack.
.TP
\fBdecoded check /usr/share/propaganda\-decoded/example\-pack\fR
Validate a pack and print every problem with file, line and column.
.TP
\fBdecoded \-\-view map \-\-date 2015\-01\fR
Open the map at January 2015.
.SH "SEE ALSO"
\fIdecoded\-check\fR(1). Licences and credits: \fI/usr/share/doc/propaganda\-decoded/NOTICE.md\fR.
"#;

/// The Debian changelog cargo-deb installs as changelog.Debian.gz; the real one is CHANGELOG.md
/// (installed as changelog.gz).
fn write_debian_changelog(out: &Path, version: &str, epoch: u64) -> Result<()> {
    let cargo = fs::read_to_string(workspace_root().join("Cargo.toml")).map_err(|e| e.to_string())?;
    let maintainer = cargo
        .lines()
        .find_map(|l| l.trim().strip_prefix("maintainer = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .ok_or("no maintainer in [package.metadata.deb]")?;
    let text = format!(
        "{PACKAGE} ({version}-1) unstable; urgency=medium\n\n  * Release {version}: see /usr/share/doc/{PACKAGE}/changelog.gz.\n\n -- {maintainer}  {}\n",
        rfc2822(epoch)
    );
    fs::write(out.join("changelog.Debian"), text).map_err(|e| e.to_string())
}

/// `Mon, 30 Nov 2026 14:58:49 +0000` (UTC), as Debian changelogs date their entries.
fn rfc2822(epoch: u64) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]; // 1970-01-01 was a Thursday
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let date = iso_date(epoch);
    let (year, rest) = date.split_at(4);
    let month: usize = rest[1..3].parse().unwrap_or(1);
    let day = &rest[4..6];
    let secs = epoch % 86_400;
    format!(
        "{}, {day} {} {year} {:02}:{:02}:{:02} +0000",
        DAYS[((epoch / 86_400) % 7) as usize],
        MONTHS[month - 1],
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// `version = "…"` of the [package] table of the workspace root's Cargo.toml.
fn read_version(root: &Path) -> Result<String> {
    let text = fs::read_to_string(root.join("Cargo.toml")).map_err(|e| format!("Cargo.toml: {e}"))?;
    package_version(&text).ok_or_else(|| "Cargo.toml has no version in its [package] table".into())
}

fn package_version(cargo_toml: &str) -> Option<String> {
    let mut in_package = false;
    for line in cargo_toml.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package && let Some(rest) = line.strip_prefix("version") {
            let value = rest.trim_start().strip_prefix('=')?.trim();
            return Some(value.trim_matches('"').to_owned());
        }
    }
    None
}

/// The body of `## [VERSION] …` in a Keep a Changelog file, up to the next `## ` heading.
fn changelog_entry(changelog: &str, version: &str) -> Option<String> {
    let heading = format!("## [{version}]");
    let mut lines = changelog.lines().skip_while(|l| !l.starts_with(&heading));
    let first = lines.next()?;
    let mut body = String::new();
    let _ = writeln!(body, "{}", first.trim_start_matches("## ").trim());
    for line in lines.take_while(|l| !l.starts_with("## ")) {
        body.push_str(line);
        body.push('\n');
    }
    let has_items = body.lines().any(|l| l.trim_start().starts_with("- "));
    has_items.then(|| body.trim_end().to_owned() + "\n")
}

fn check_tools(opts: &DistOptions, web: bool) -> Result<()> {
    let mut missing = Vec::new();
    let mut need = |ok: bool, what: &str| {
        if !ok {
            missing.push(what.to_owned());
        }
    };
    let works = |program: &str, args: &[&str]| {
        Command::new(program).args(args).output().map(|o| o.status.success()).unwrap_or(false)
    };
    need(works("cargo", &["about", "--version"]), "cargo-about (cargo install cargo-about --locked --features cli)");
    need(works("gzip", &["--version"]), "gzip");
    need(works("tar", &["--version"]), "GNU tar");
    need(works("strip", &["--version"]), "strip (apt-get install binutils)");
    need(works("sha256sum", &["--version"]), "sha256sum (coreutils)");
    if !opts.no_deb {
        need(works("cargo", &["deb", "--version"]), "cargo-deb (cargo install cargo-deb --locked)");
        need(works("dpkg-shlibdeps", &["--version"]), "dpkg-shlibdeps (apt-get install dpkg-dev)");
    }
    if !opts.no_windows || web {
        need(works("zip", &["-v"]), "zip (apt-get install zip)");
    }
    if !opts.no_windows {
        need(
            works("x86_64-w64-mingw32-gcc", &["--version"]),
            "the mingw-w64 cross compiler (apt-get install mingw-w64)",
        );
        let installed = Command::new("rustup")
            .args(["target", "list", "--installed"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).lines().any(|l| l.trim() == WINDOWS_TARGET))
            .unwrap_or(true); // without rustup, let cargo say what is missing
        need(installed, &format!("the Rust target (rustup target add {WINDOWS_TARGET})"));
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "missing tools: {}. Install them (docs/RELEASING.md), or skip a part with --no-windows/--no-deb/--no-web.",
            missing.join("; ")
        ))
    }
}

fn git_dirty(root: &Path) -> bool {
    Command::new("git")
        .current_dir(root)
        .args(["status", "--porcelain", "--untracked-files=no"])
        .output()
        .map(|o| o.status.success() && !o.stdout.is_empty())
        .unwrap_or(false)
}

/// Timestamps inside the archives: SOURCE_DATE_EPOCH if set, else the last commit's time.
fn source_date_epoch(root: &Path) -> u64 {
    if let Some(epoch) = env::var("SOURCE_DATE_EPOCH").ok().and_then(|v| v.parse().ok()) {
        return epoch;
    }
    Command::new("git")
        .current_dir(root)
        .args(["log", "-1", "--format=%ct"])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

/// YYYY-MM-DD of a Unix time (UTC), for the man page's date.
fn iso_date(epoch: u64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = (epoch / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// `cargo`, without the variables `cargo run` set for xtask itself (CARGO_PKG_NAME=xtask, …).
/// Build scripts such as ring's watch some of them, so leaving them in would make every
/// `cargo xtask dist` rebuild what a plain `cargo build --release` built, and the other way round.
fn cargo() -> Command {
    let mut cmd = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    for (key, _) in env::vars_os() {
        let key = key.to_string_lossy();
        if key.starts_with("CARGO_PKG_")
            || matches!(
                key.as_ref(),
                "CARGO_MANIFEST_DIR"
                    | "CARGO_MANIFEST_PATH"
                    | "CARGO_CRATE_NAME"
                    | "CARGO_BIN_NAME"
                    | "CARGO_PRIMARY_PACKAGE"
            )
        {
            cmd.env_remove(key.as_ref());
        }
    }
    cmd
}

fn target_dir(root: &Path) -> PathBuf {
    env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"))
}

fn zip_dir(parent: &Path, name: &str, zip: &Path, epoch: u64) -> Result<()> {
    // Same timestamps for every entry, so the zip depends only on the files.
    run(Command::new("find")
        .current_dir(parent)
        .arg(name)
        .args(["-exec", "touch", "-h", "-d"])
        .arg(format!("@{epoch}"))
        .arg("{}")
        .arg("+"))?;
    let mut list = String::new();
    let out = Command::new("find").current_dir(parent).arg(name).output().map_err(|e| e.to_string())?;
    let mut entries: Vec<&str> = std::str::from_utf8(&out.stdout).map_err(|e| e.to_string())?.lines().collect();
    entries.sort();
    for entry in entries {
        list.push_str(entry);
        list.push('\n');
    }
    let mut child = Command::new("zip")
        .current_dir(parent)
        .args(["-X", "-9", "-q", "-D"])
        .arg(zip)
        .arg("-@")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("zip: {e}"))?;
    use std::io::Write as _;
    child.stdin.take().expect("piped").write_all(list.as_bytes()).map_err(|e| e.to_string())?;
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("zip failed for {}", zip.display()));
    }
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    fs::copy(from, to).map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))?;
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let path = entry.path();
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()))?;
        } else {
            copy(&path, &to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

fn run(cmd: &mut Command) -> Result<()> {
    let shown = std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|a| a.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    println!("$ {shown}");
    let status = cmd.status().map_err(|e| format!("cannot run {shown}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{shown} failed ({status})")) }
}

fn step(title: &str) {
    println!("\n==> {title}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_comes_from_the_package_table_only() {
        let toml = "[workspace]\nversion = \"9.9.9\"\n\n[package]\nname = \"x\"\nversion = \"1.2.3\"\n\n[dependencies]\nversion = \"0\"\n";
        assert_eq!(package_version(toml).as_deref(), Some("1.2.3"));
        assert_eq!(package_version("[dependencies]\nversion = \"1\"\n"), None);
    }

    #[test]
    fn the_real_version_has_a_changelog_entry() {
        let root = workspace_root();
        let version = read_version(&root).unwrap();
        let changelog = fs::read_to_string(root.join("CHANGELOG.md")).unwrap();
        let notes =
            changelog_entry(&changelog, &version).expect("CHANGELOG.md needs an entry for Cargo.toml's version");
        assert!(notes.starts_with(&format!("[{version}]")), "{notes}");
    }

    #[test]
    fn changelog_entry_stops_at_the_next_release_and_needs_items() {
        let text = "# Changelog\n\n## [Unreleased]\n\n## [0.2.0] - 2027-01-01\n### Added\n- B\n\n## [0.1.0] - 2026-11-30\n### Added\n- A\n";
        let entry = changelog_entry(text, "0.2.0").unwrap();
        assert!(entry.contains("- B") && !entry.contains("- A"), "{entry}");
        assert_eq!(changelog_entry(text, "0.3.0"), None);
        assert_eq!(
            changelog_entry("## [0.4.0] - 2027-02-02\n\n## [0.3.0]\n- x\n", "0.4.0"),
            None,
            "an empty entry does not count"
        );
    }

    #[test]
    fn dates_are_utc_calendar_days() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(iso_date(1_796_000_000), "2026-11-30");
    }

    #[test]
    fn debian_dates_are_rfc_2822() {
        assert_eq!(rfc2822(0), "Thu, 01 Jan 1970 00:00:00 +0000");
        assert_eq!(rfc2822(1_796_050_729), "Mon, 30 Nov 2026 14:58:49 +0000");
    }

    #[test]
    fn man_pages_and_completions_describe_the_real_cli() {
        let dir = std::env::temp_dir().join(format!("xtask-gen-{}", std::process::id()));
        generate_docs(&dir, "1.2.3", 0).unwrap();
        let man = fs::read_to_string(dir.join("man/decoded.1")).unwrap();
        assert!(man.contains("decoded 1.2.3") || man.contains("Propaganda Decoded 1.2.3"), "{man}");
        for needle in ["\\-\\-content", "\\-\\-view", "check", "EXIT STATUS", "example\\-pack"] {
            assert!(man.contains(needle), "decoded.1 lacks {needle}");
        }
        let check = fs::read_to_string(dir.join("man/decoded-check.1")).unwrap();
        assert!(check.contains("\\-\\-stats"), "{check}");
        let export = fs::read_to_string(dir.join("man/decoded-export.1")).unwrap();
        for needle in ["timeline", "lessons", "\\-\\-paper"] {
            assert!(export.contains(needle), "decoded-export.1 lacks {needle}: {export}");
        }
        for (file, needle) in [
            ("decoded.bash", "complete -F"),
            ("_decoded", "#compdef decoded"),
            ("decoded.fish", "complete -c decoded"),
            ("_decoded.ps1", "Register-ArgumentCompleter"),
        ] {
            let text = fs::read_to_string(dir.join("completions").join(file)).unwrap();
            assert!(text.contains(needle) && text.contains("content") && text.contains("check"), "{file}");
        }
        fs::remove_dir_all(&dir).ok();
    }
}

//! What the processes in the lab's images do: which port each listens on,
//! what it prints, which files it writes, what it connects to, when it
//! exits — derived from the image and the manifest's `command`, `args`,
//! `env` and mounts, the way the real images behave. Also each image's own
//! files and tools, for `kubectl exec`.

use super::manifest::CDecl;

/// The fluent-bit release the lab's `fluent/fluent-bit:3.2` image holds.
pub const FLUENT_BIT: &str = "3.2.10";
/// The nginx release of `nginx:1.27`.
pub const NGINX: &str = "1.27.5";

/// Which program an image runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Image {
    /// The official nginx image (Debian based).
    Nginx,
    /// The official fluent-bit image (distroless: no shell, no tools).
    FluentBit,
    /// busybox, for init containers that wait or copy.
    Busybox,
    /// redis.
    Redis,
    /// The lesson's example apps (`example.com/api`, `example.com/admin` …),
    /// built on busybox.
    Example,
}

impl Image {
    /// The program behind an image reference.
    pub fn of(image: &str) -> Image {
        let repo = image.split([':', '@']).next().unwrap_or(image);
        let repo = repo.strip_prefix("docker.io/").unwrap_or(repo);
        let repo = repo.strip_prefix("library/").unwrap_or(repo);
        match repo {
            "nginx" => Image::Nginx,
            "fluent/fluent-bit" | "cr.fluentbit.io/fluent/fluent-bit" => Image::FluentBit,
            "busybox" => Image::Busybox,
            "redis" => Image::Redis,
            _ => Image::Example,
        }
    }
    /// The tools on the image's PATH that the lab knows.
    pub fn has_tool(self, tool: &str) -> bool {
        match self {
            Image::FluentBit => false,
            // The nginx image is Debian with curl but without procps or wget.
            Image::Nginx => matches!(
                tool,
                "sh" | "ls" | "cat" | "curl" | "kill" | "echo" | "hostname" | "env"
            ),
            Image::Redis => matches!(
                tool,
                "sh" | "ls" | "cat" | "kill" | "echo" | "hostname" | "env" | "redis-cli"
            ),
            Image::Busybox | Image::Example => {
                matches!(
                    tool,
                    "sh" | "ls" | "cat" | "wget" | "ps" | "kill" | "echo" | "hostname" | "env"
                )
            }
        }
    }
}

/// What a container's process does, derived from its declaration.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Program {
    /// The port it binds (one at most in this world).
    pub listens: Option<u16>,
    /// Lines printed at start.
    pub start_log: Vec<String>,
    /// For init containers: seconds until it exits 0; `None`: runs until stopped.
    pub finishes_after: Option<u64>,
    /// Exits on its own this many seconds after start, with this code, printing these lines.
    pub crash: Option<(u64, i32, Vec<String>)>,
    /// Connects at start to `host:port` (from an `*_ADDR` variable) and exits 1 if that fails.
    pub dials: Option<(String, u16)>,
    /// Follows this file (fluent-bit's `tail` input) and prints what it reads.
    pub tails: Option<String>,
    /// Files it creates at start: absolute paths.
    pub writes: Vec<String>,
    /// Its processes, as `ps` shows them (the first is the container's PID 1).
    pub processes: Vec<String>,
    /// Exit code when it gets SIGTERM (programs that handle it exit 0).
    pub term_exit: i32,
}

fn arg_after(args: &[String], names: &[&str]) -> Option<String> {
    for (i, a) in args.iter().enumerate() {
        for n in names {
            if a == n {
                return args.get(i + 1).cloned();
            }
            if let Some(v) = a.strip_prefix(&format!("{n}=")) {
                return Some(v.to_string());
            }
        }
    }
    None
}

/// What `c` runs.
pub fn program(c: &CDecl) -> Program {
    let all: Vec<String> = c.command.iter().chain(&c.args).cloned().collect();
    let mut p = Program::default();
    match Image::of(&c.image) {
        Image::Nginx => {
            p.listens = Some(80);
            p.start_log = vec![
                "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration".into(),
                "/docker-entrypoint.sh: Configuration complete; ready for start up".into(),
                format!("nginx/{NGINX}"),
                "start worker processes".into(),
            ];
            p.writes = vec![
                "/var/log/nginx/access.log".into(),
                "/var/log/nginx/error.log".into(),
            ];
            p.processes = vec![
                "nginx: master process nginx -g daemon off;".into(),
                "nginx: worker process".into(),
            ];
        }
        Image::FluentBit => {
            p.start_log = vec![
                format!("Fluent Bit v{FLUENT_BIT}"),
                "* Copyright (C) 2015-2024 The Fluent Bit Authors".into(),
                "* Fluent Bit is a CNCF sub-project under the umbrella of Fluentd".into(),
                "* https://fluentbit.io".into(),
            ];
            p.processes = vec![
                format!("/fluent-bit/bin/fluent-bit {}", all.join(" "))
                    .trim_end()
                    .to_string(),
            ];
            if let Some(conf) = arg_after(&all, &["-c", "--config"])
                && conf != "/fluent-bit/etc/fluent-bit.conf"
            {
                p.crash = Some((
                    1,
                    1,
                    vec![
                        "[error] [/src/fluent-bit/src/config_format/flb_cf_fluentbit.c:290 errno=2] No such file or directory".into(),
                        format!("[error] file={conf}"),
                        "[error] could not open configuration file, aborting.".into(),
                    ],
                ));
            }
            if all.iter().any(|a| a == "-H" || a == "--http") {
                let port = arg_after(&all, &["-P", "--port"])
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(2020);
                p.listens = Some(port);
            }
            if let Some(path) =
                arg_after(&all, &["-p"]).and_then(|kv| kv.strip_prefix("path=").map(str::to_string))
            {
                p.tails = Some(path);
            }
            p.start_log.push(format!(
                "[ info] [fluent bit] version={FLUENT_BIT}, commit=, pid=1"
            ));
        }
        Image::Busybox => {
            let script = all.join(" ");
            p.processes = vec![script.clone()];
            p.finishes_after = Some(sleep_secs(&script).unwrap_or(1));
            p.term_exit = 143;
        }
        Image::Redis => {
            p.listens = Some(
                arg_after(&all, &["--port"])
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(6379),
            );
            p.start_log = vec![
                "1:C * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo".into(),
                "1:M * Ready to accept connections tcp".into(),
            ];
            p.processes = vec![format!("redis-server *:{}", p.listens.unwrap_or(6379))];
        }
        Image::Example => {
            let name = c.image.rsplit('/').next().unwrap_or(&c.image);
            let name = name.split(':').next().unwrap_or(name);
            p.listens = arg_after(&all, &["--port"])
                .and_then(|s| s.parse().ok())
                .or(Some(8080));
            p.start_log = vec![format!(
                "{name}: listening on :{}",
                p.listens.unwrap_or(8080)
            )];
            p.processes = vec![
                format!("/app/{name} {}", all.join(" "))
                    .trim_end()
                    .to_string(),
            ];
            p.term_exit = 143;
            if let Some((_, v)) = c.env.iter().find(|(k, _)| k.ends_with("_ADDR"))
                && let Some((h, port)) = v.rsplit_once(':')
                && let Ok(port) = port.parse()
            {
                p.dials = Some((h.to_string(), port));
            }
            if p.processes.is_empty() {
                p.processes.push(name.to_string());
            }
        }
    }
    p
}

/// `sleep N` in a shell script, if there is one.
fn sleep_secs(script: &str) -> Option<u64> {
    let i = script.find("sleep ")?;
    script[i + 6..]
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// Files the image itself holds (what `ls`/`cat` find when no volume is
/// mounted there): path, and content (`None` for a symlink's target shown by `ls -l`).
pub fn image_files(image: Image) -> &'static [(&'static str, &'static str)] {
    match image {
        Image::Nginx => &[
            (
                "/etc/nginx/nginx.conf",
                "user  nginx;\nworker_processes  auto;\nerror_log  /var/log/nginx/error.log notice;\npid        /run/nginx.pid;\nevents {\n    worker_connections  1024;\n}\nhttp {\n    include       /etc/nginx/mime.types;\n    access_log  /var/log/nginx/access.log  main;\n    include /etc/nginx/conf.d/*.conf;\n}",
            ),
            (
                "/etc/nginx/conf.d/default.conf",
                "server {\n    listen       80;\n    server_name  localhost;\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n}",
            ),
            (
                "/usr/share/nginx/html/index.html",
                "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n</body>\n</html>",
            ),
            (
                "/usr/share/nginx/html/50x.html",
                "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>",
            ),
            // In the image these are symlinks to the container's stdout and stderr.
            ("/var/log/nginx/access.log", "-> /dev/stdout"),
            ("/var/log/nginx/error.log", "-> /dev/stderr"),
        ],
        Image::FluentBit => &[
            (
                "/fluent-bit/etc/fluent-bit.conf",
                "[SERVICE]\n    flush        1\n    log_level    info\n[INPUT]\n    name cpu\n    tag  cpu.local\n[OUTPUT]\n    name  stdout\n    match *",
            ),
            (
                "/fluent-bit/etc/parsers.conf",
                "[PARSER]\n    Name   json\n    Format json",
            ),
            ("/fluent-bit/bin/fluent-bit", ""),
        ],
        Image::Busybox | Image::Example => &[("/etc/hostname", ""), ("/bin/sh", "")],
        Image::Redis => &[("/usr/local/bin/redis-server", ""), ("/data", "")],
    }
}

/// What an HTTP GET to a listener of this image answers (first lines).
pub fn http_body(image: Image, port: u16) -> Vec<String> {
    match image {
        Image::Nginx => image_files(Image::Nginx)
            .iter()
            .find(|(p, _)| *p == "/usr/share/nginx/html/index.html")
            .map(|(_, t)| t.lines().map(str::to_string).collect())
            .unwrap_or_default(),
        Image::FluentBit => vec![format!(
            "{{\"fluent-bit\":{{\"version\":\"{FLUENT_BIT}\",\"edition\":\"Community\",\"flags\":[\"FLB_HAVE_HTTP_SERVER\"]}}}}"
        )],
        Image::Redis => vec![],
        Image::Busybox | Image::Example => vec![format!("{{\"status\":\"ok\",\"port\":{port}}}")],
    }
}

//! `kubectl exec`: a small shell world inside one container. Each container
//! sees its image's own files plus the volumes it mounts (nothing of its
//! neighbours' filesystems); the network is the Pod's (localhost reaches
//! every container's listener); `ps` sees the container's own processes, or
//! every container's when the Pod sets `shareProcessNamespace: true`.

use super::kubectl::{image_of, program_of};
use super::world::{self, Image};
use super::{Lab, Output};
use crate::sim::{Event, State};

/// Runs `cmd` in container `c` of Pod `i`; returns the exit code.
pub fn exec(lab: &mut Lab, i: usize, c: &str, cmd: &[String], out: &mut Output) -> i32 {
    let img = image_of(lab, i, c);
    // `sh -c "…"`: run the script's words (one command; no pipes here).
    let words: Vec<String> = if matches!(
        cmd.first().map(String::as_str),
        Some("sh" | "/bin/sh" | "bash" | "/bin/bash")
    ) && cmd.get(1).map(String::as_str) == Some("-c")
    {
        if !img.has_tool("sh") {
            return not_found(&cmd[0], out);
        }
        cmd.get(2)
            .map(|s| s.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default()
    } else {
        cmd.to_vec()
    };
    let Some(prog) = words.first() else {
        return 0;
    };
    let tool = prog.rsplit('/').next().unwrap_or(prog);
    if matches!(tool, "sh" | "bash") {
        if !img.has_tool("sh") {
            return not_found(prog, out);
        }
        out.note("This lab runs one command per exec (no interactive shell): for example `kubectl exec POD -c CONTAINER -- ls /`.");
        return 0;
    }
    if !img.has_tool(tool) {
        if img == Image::FluentBit {
            let code = not_found(prog, out);
            out.note("The fluent-bit image is distroless: it holds the program and nothing else, no shell and no tools. Read what it does with kubectl logs.");
            return code;
        }
        return not_found(prog, out);
    }
    let args = &words[1..];
    match tool {
        "ls" => ls(lab, i, c, args, out),
        "cat" => cat(lab, i, c, args, out),
        "curl" | "wget" => http(lab, i, c, tool, args, out),
        "ps" => ps(lab, i, c, out),
        "kill" => kill(lab, i, c, args, out),
        "echo" => {
            out.out(&args.join(" "));
            0
        }
        "hostname" => {
            // UTS is shared: the hostname is the Pod's name.
            out.out(&lab.sim.pods[i].name.clone());
            0
        }
        "env" => {
            out.out("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            out.out(&format!("HOSTNAME={}", lab.sim.pods[i].name));
            if let Some(d) = lab.decl(i, c) {
                for (k, v) in &d.env {
                    out.out(&format!("{k}={v}"));
                }
            }
            out.out("KUBERNETES_SERVICE_HOST=10.96.0.1");
            0
        }
        _ => not_found(prog, out),
    }
}

fn not_found(prog: &str, out: &mut Output) -> i32 {
    out.err(&format!(
        "error: Internal error occurred: error executing command in container: failed to exec in container: \
         failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: \
         exec: \"{prog}\": executable file not found in $PATH: unknown"
    ));
    126
}

/// Every path container `c` sees: (path, content or symlink target).
fn view(lab: &Lab, i: usize, c: &str) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    let Some(d) = lab.decl(i, c) else {
        return files;
    };
    let p = &lab.sim.pods[i];
    let mounted = |path: &str| {
        d.mounts
            .iter()
            .any(|(_, at, _)| path == at || path.starts_with(&format!("{at}/")))
    };
    for (f, t) in world::image_files(Image::of(&d.image)) {
        // A volume mounted over a directory hides what the image has there.
        if !mounted(f) {
            files.push(((*f).to_string(), (*t).to_string()));
        }
    }
    for (v, at, _) in &d.mounts {
        if let Some(vol) = p.volume(v) {
            for f in &vol.files {
                files.push((format!("{at}/{f}"), String::new()));
            }
        }
    }
    if let Some(k) = p.container(c) {
        for f in &k.files {
            files.push((f.clone(), String::new()));
        }
    }
    files
}

fn ls(lab: &Lab, i: usize, c: &str, args: &[String], out: &mut Output) -> i32 {
    let long = args.iter().any(|a| a.starts_with('-') && a.contains('l'));
    let dir = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .map_or("/", String::as_str);
    let dir = if dir.len() > 1 {
        dir.trim_end_matches('/')
    } else {
        dir
    };
    let files = view(lab, i, c);
    let d = lab.decl(i, c);
    let mut entries: Vec<(String, bool, String)> = Vec::new();
    let prefix = if dir == "/" {
        "/".to_string()
    } else {
        format!("{dir}/")
    };
    for (f, t) in &files {
        if f == dir {
            // ls of a file prints the file.
            let shown = if long {
                format!("-rw-r--r-- 1 root root 0 Jun  1 09:00 {f}")
            } else {
                f.clone()
            };
            out.out(&shown);
            return 0;
        }
        if let Some(rest) = f.strip_prefix(&prefix) {
            let (name, is_dir) = match rest.split_once('/') {
                Some((n, _)) => (n.to_string(), true),
                None => (rest.to_string(), false),
            };
            if !entries.iter().any(|(n, _, _)| *n == name) {
                entries.push((name, is_dir, t.clone()));
            }
        }
    }
    // Mount points are directories even when empty.
    if let Some(d) = d {
        for (_, at, _) in &d.mounts {
            if at == dir {
                continue;
            }
            if let Some(rest) = at.strip_prefix(&prefix) {
                let name = rest.split('/').next().unwrap_or(rest).to_string();
                if !entries.iter().any(|(n, _, _)| *n == name) {
                    entries.push((name, true, String::new()));
                }
            }
        }
    }
    let is_mount = d.is_some_and(|d| d.mounts.iter().any(|(_, at, _)| at == dir));
    if entries.is_empty() && !is_mount && dir != "/" {
        out.err(&format!(
            "ls: cannot access '{dir}': No such file or directory"
        ));
        return 2;
    }
    entries.sort();
    for (n, is_dir, t) in entries {
        if long {
            if let Some(target) = t.strip_prefix("-> ") {
                out.out(&format!(
                    "lrwxrwxrwx 1 root root 11 May 28 12:00 {n} -> {target}"
                ));
            } else if is_dir {
                out.out(&format!("drwxr-xr-x 2 root root 4096 Jun  1 09:00 {n}"));
            } else {
                out.out(&format!(
                    "-rw-r--r-- 1 root root {} Jun  1 09:00 {n}",
                    t.len()
                ));
            }
        } else {
            out.out(&n);
        }
    }
    0
}

fn cat(lab: &Lab, i: usize, c: &str, args: &[String], out: &mut Output) -> i32 {
    let files = view(lab, i, c);
    let mut code = 0;
    for a in args {
        match files.iter().find(|(f, _)| f == a) {
            Some((_, t)) if t.starts_with("-> /dev/std") => {
                // The image links nginx's logs to the container's stdout: cat waits on a terminal.
                out.note(&format!("{a} is a link to the container's {} (the official image sends nginx's logs to kubectl logs); read them with kubectl logs.", &t[8..]));
            }
            Some((f, t)) if t.is_empty() && f.ends_with(".log") => {
                // A log in a volume: what nginx wrote there.
                let lines = access_lines(lab, i, f);
                for l in lines {
                    out.out(&l);
                }
            }
            Some((_, t)) => out.out(t),
            None => {
                let is_dir = files.iter().any(|(f, _)| f.starts_with(&format!("{a}/")));
                if is_dir {
                    out.err(&format!("cat: {a}: Is a directory"));
                } else {
                    out.err(&format!("cat: {a}: No such file or directory"));
                }
                code = 1;
            }
        }
    }
    code
}

/// What nginx has written to a log file in a volume: the access lines its
/// readers have seen (the shipper's records carry them).
fn access_lines(lab: &Lab, i: usize, path: &str) -> Vec<String> {
    if !path.ends_with("access.log") {
        return Vec::new();
    }
    let p = &lab.sim.pods[i];
    let now = lab.sim.now;
    let Some(web) = p.all().find(|c| Image::of(&c.spec.image) == Image::Nginx) else {
        return Vec::new();
    };
    let since = match web.state {
        State::Running { since } => since,
        _ => return Vec::new(),
    };
    let _ = path;
    (1..=((now - since) / 10))
        .map(|k| {
            format!(
                "10.1.0.1 - - [{}] \"GET / HTTP/1.1\" 200 615 \"-\" \"curl/8.5.0\"",
                super::kubectl::clf_time(since + 10 * k)
            )
        })
        .collect()
}

fn http(lab: &mut Lab, i: usize, c: &str, tool: &str, args: &[String], out: &mut Output) -> i32 {
    let Some(url) = args.iter().find(|a| !a.starts_with('-')) else {
        out.err(&format!("{tool}: no URL specified"));
        return 2;
    };
    let rest = url.strip_prefix("http://").unwrap_or(url);
    let hostport = rest.split('/').next().unwrap_or(rest);
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) => (h.to_string(), p.parse::<u16>().unwrap_or(0)),
        None => (hostport.to_string(), 80),
    };
    let pod_ip = lab.sim.pods[i].ip.clone().unwrap_or_default();
    let local = host == "localhost" || host == "127.0.0.1" || host == pod_ip;
    if !local {
        let other = lab
            .sim
            .pods
            .iter()
            .any(|p| p.ip.as_deref() == Some(host.as_str()));
        if tool == "curl" {
            if other || host.starts_with("10.") {
                out.err(&format!("curl: (7) Failed to connect to {host} port {port} after 3 ms: Couldn't connect to server"));
                return 7;
            }
            out.err(&format!("curl: (6) Could not resolve host: {host}"));
            return 6;
        }
        out.err(&format!("wget: bad address '{host}'"));
        return 1;
    }
    let _ = lab.sim.apply_to(
        i,
        Event::Request {
            from: c.to_string(),
            port,
        },
    );
    let listener = lab.sim.pods[i].listener(port).map(|l| l.name().to_string());
    match listener {
        Some(l) => {
            let img = image_of(lab, i, &l);
            if img == Image::Redis {
                out.err("curl: (1) Received HTTP/0.9 when not allowed");
                return 1;
            }
            if tool == "wget" && !args.iter().any(|a| a == "-qO-" || a == "-O-") {
                out.out(&format!("Connecting to {host}:{port} ({host}:{port})"));
                out.out("saving to 'index.html'");
                out.out("index.html           100% |********************************|   615  0:00:00 ETA");
                out.out("'index.html' saved");
                return 0;
            }
            for line in world::http_body(img, port) {
                out.out(&line);
            }
            out.note(&format!("(answered by the {l} container: one network namespace, so localhost:{port} reaches whichever container listens on {port})"));
            0
        }
        None => {
            if tool == "curl" {
                out.err(&format!("curl: (7) Failed to connect to {host} port {port} after 0 ms: Couldn't connect to server"));
                7
            } else {
                out.err(&format!(
                    "wget: can't connect to remote host ({}): Connection refused",
                    if host == "localhost" {
                        "127.0.0.1"
                    } else {
                        &host
                    }
                ));
                1
            }
        }
    }
}

/// (PID, container, command) of every process `c` can see.
fn processes(lab: &Lab, i: usize, c: &str) -> Vec<(u32, String, String)> {
    let p = &lab.sim.pods[i];
    let shared = lab
        .template_of(&p.spec.prefix)
        .is_some_and(|t| t.decl.share_pid);
    let mut out = Vec::new();
    if shared {
        out.push((1, String::new(), "/pause".to_string()));
        let mut pid = 7;
        for k in p.all().filter(|k| k.is_running()) {
            for cmd in program_of(lab, i, k.name()).processes {
                out.push((pid, k.name().to_string(), cmd));
                pid += 6;
            }
        }
    } else {
        for (n, cmd) in program_of(lab, i, c).processes.into_iter().enumerate() {
            let pid = if n == 0 { 1 } else { 7 + 6 * n as u32 };
            out.push((pid, c.to_string(), cmd));
        }
    }
    out
}

fn ps(lab: &Lab, i: usize, c: &str, out: &mut Output) -> i32 {
    out.out("PID   USER     TIME  COMMAND");
    for (pid, _, cmd) in processes(lab, i, c) {
        let user = if cmd == "/pause" { "65535" } else { "root" };
        out.out(&format!("{pid:>5} {user:<8} {:>5} {cmd}", "0:00"));
    }
    out.out(&format!("{:>5} {:<8} {:>5} ps", 99, "root", "0:00"));
    0
}

fn kill(lab: &mut Lab, i: usize, c: &str, args: &[String], out: &mut Output) -> i32 {
    let Some(pid) = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .and_then(|a| a.parse::<u32>().ok())
    else {
        out.err("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid");
        return 2;
    };
    let procs = processes(lab, i, c);
    let Some((_, owner, cmd)) = procs.iter().find(|(p, _, _)| *p == pid).cloned() else {
        out.err(&format!("kill: ({pid}) - No such process"));
        return 1;
    };
    if cmd == "/pause" {
        // The pause container ignores signals from the Pod's own processes.
        out.note("The pause process holds the Pod's namespaces and ignores the signal.");
        return 0;
    }
    // Killing a container's first process ends the container; the kubelet restarts it.
    let first = procs
        .iter()
        .find(|(_, o, _)| *o == owner)
        .map(|(p, _, _)| *p);
    if first == Some(pid) {
        let code = program_of(lab, i, &owner).term_exit;
        lab.kill(i, &owner, code);
        out.note(&format!("The {owner} container's main process got SIGTERM and exited; the kubelet restarts that container alone, in the same Pod."));
    }
    0
}

impl Lab {
    /// The main process of container `c` in Pod `i` exits with `code`.
    pub(super) fn kill(&mut self, i: usize, c: &str, code: i32) {
        if let Some(p) = self.sim.pods.get(i) {
            self.exit_codes.insert((p.uid.clone(), c.to_string()), code);
        }
        let _ = self.sim.apply_to(
            i,
            Event::Crash {
                container: c.to_string(),
                exit_code: code,
            },
        );
    }
}

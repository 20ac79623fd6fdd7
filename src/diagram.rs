//! Draws a [`Sim`] as an ASCII/box-drawing picture: the Pod with its name and
//! IP, its containers with their states written in words, the shared volume
//! with its files, and packets travelling over `localhost` or in from outside.
//!
//! Pure: state + animation frame + area in, text lines + meaning-level marks
//! out. No colours here; the UI maps [`MarkKind`]s to styles. The picture
//! adapts to the area (side by side, stacked, one line each) and never
//! exceeds it, whatever its size.

use crate::sim::{Container, Kind, Phase, Pod, Sim, State};

/// Box-drawing characters, or plain `+-|` for `--ascii`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Charset {
    #[default]
    Unicode,
    Ascii,
}

/// A rendered picture.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frame {
    pub lines: Vec<String>,
    pub marks: Vec<Mark>,
}

/// A span of a line that means something (for colouring).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub line: usize,
    /// Display column.
    pub col: usize,
    pub width: usize,
    pub kind: MarkKind,
}

/// What a marked span shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    Up,
    Down,
    Restarting,
    Waiting,
    Packet,
    File,
    Ip,
    Refused,
    Terminating,
}

/// Where a packet travels from or to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Endpoint {
    /// A client outside the Pod (another Pod, a Service).
    Outside,
    Container(String),
}

/// A request drawn travelling across the picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packet {
    pub from: Endpoint,
    pub to: Endpoint,
    /// What is written on the wire, e.g. `localhost:8080`.
    pub label: String,
    /// Nobody listened: the packet stops with "refused".
    pub refused: bool,
}

/// Things drawn on top of the Pod for one moment of a scene.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overlay {
    pub packet: Option<Packet>,
    /// Show the outside client even without a packet.
    pub client: bool,
    /// Show the sandbox (pause container) that holds the shared namespaces.
    pub sandbox: bool,
}

struct Glyphs {
    tl: char,
    tr: char,
    bl: char,
    br: char,
    h: char,
    v: char,
    packet: char,
    arrow: char,
    left: char,
    vol: char,
}

const UNICODE: Glyphs = Glyphs {
    tl: '┌',
    tr: '┐',
    bl: '└',
    br: '┘',
    h: '─',
    v: '│',
    packet: '●',
    arrow: '▶',
    left: '◀',
    vol: '▤',
};
const ASCII: Glyphs = Glyphs {
    tl: '+',
    tr: '+',
    bl: '+',
    br: '+',
    h: '-',
    v: '|',
    packet: 'o',
    arrow: '>',
    left: '<',
    vol: '#',
};

/// A character grid that clips everything to its size.
struct Canvas {
    w: usize,
    h: usize,
    /// Text is cut at this column (inside a box's right border).
    clip: usize,
    cells: Vec<Vec<char>>,
    marks: Vec<Mark>,
}

impl Canvas {
    fn new(w: usize, h: usize) -> Canvas {
        Canvas {
            w,
            h,
            clip: w,
            cells: vec![vec![' '; w]; h],
            marks: Vec::new(),
        }
    }
    /// Writes `s` at (x, y), clipped; returns the width written.
    fn put(&mut self, x: usize, y: usize, s: &str) -> usize {
        if y >= self.h {
            return 0;
        }
        let mut n = 0;
        for (i, c) in s.chars().enumerate() {
            // Only single-column characters are drawn; anything else becomes '?'.
            let c = if unicode_width::UnicodeWidthChar::width(c) == Some(1) {
                c
            } else {
                '?'
            };
            if x + i >= self.w.min(self.clip) {
                break;
            }
            self.cells[y][x + i] = c;
            n += 1;
        }
        n
    }
    fn mark(&mut self, x: usize, y: usize, s: &str, kind: MarkKind) {
        let n = self.put(x, y, s);
        if n > 0 {
            self.marks.push(Mark {
                line: y,
                col: x,
                width: n,
                kind,
            });
        }
    }
    fn rect(&mut self, x: usize, y: usize, w: usize, h: usize, g: &Glyphs) {
        if w < 2 || h < 2 {
            return;
        }
        let clip = std::mem::replace(&mut self.clip, self.w);
        let top: String = std::iter::once(g.tl)
            .chain(std::iter::repeat_n(g.h, w - 2))
            .chain(std::iter::once(g.tr))
            .collect();
        let bottom: String = std::iter::once(g.bl)
            .chain(std::iter::repeat_n(g.h, w - 2))
            .chain(std::iter::once(g.br))
            .collect();
        self.put(x, y, &top);
        self.put(x, y + h - 1, &bottom);
        for yy in y + 1..y + h - 1 {
            self.put(x, yy, &g.v.to_string());
            self.put(x + w - 1, yy, &g.v.to_string());
        }
        self.clip = clip;
    }
    fn finish(self) -> Frame {
        let lines: Vec<String> = self
            .cells
            .into_iter()
            .map(|l| l.into_iter().collect::<String>().trim_end().to_string())
            .collect();
        Frame {
            lines,
            marks: self.marks,
        }
    }
}

/// The mark for a container's state.
pub fn state_mark(c: &Container, phase: Phase) -> MarkKind {
    if matches!(phase, Phase::Terminating | Phase::Gone)
        && !matches!(c.state, State::Terminated { .. })
    {
        return MarkKind::Terminating;
    }
    match &c.state {
        State::Running { .. } if c.ready || c.kind == Kind::Init => MarkKind::Up,
        State::Running { .. } => MarkKind::Waiting,
        State::Waiting { reason } if reason == "CrashLoopBackOff" => MarkKind::Restarting,
        State::Waiting { .. } => MarkKind::Waiting,
        State::Terminated { exit_code: 0, .. } => MarkKind::Terminating,
        State::Terminated { .. } => MarkKind::Down,
    }
}

fn title_of(c: &Container) -> String {
    match c.kind {
        Kind::Init => format!("init {}", c.name),
        Kind::Sidecar => format!("sidecar {}", c.name),
        Kind::App => c.name.clone(),
    }
}

/// Ports and restart count, in words when they fit in `room` columns.
fn detail_of(c: &Container, room: usize, g: &Glyphs) -> String {
    let ports: Vec<String> = c.ports.iter().map(|p| format!(":{p}")).collect();
    let ports = ports.join(" ");
    let long = format!("{ports} restarts {}", c.restarts);
    if long.trim().chars().count() <= room {
        return long.trim().to_string();
    }
    let short = if g.packet == 'o' { "r" } else { "↻" };
    format!("{ports} {short}{}", c.restarts).trim().to_string()
}

fn state_words(c: &Container, pod: &Pod, now: u64) -> String {
    if pod.phase == Phase::Terminating && !matches!(c.state, State::Terminated { .. }) {
        return "SIGTERM: stopping".into();
    }
    c.state_label(now)
}

/// Renders the simulation at animation `frame` of `frames` into `width`×`height`.
pub fn render(
    sim: &Sim,
    overlay: &Overlay,
    frame: u32,
    frames: u32,
    width: u16,
    height: u16,
    charset: Charset,
) -> Frame {
    let (w, h) = (usize::from(width), usize::from(height));
    let g = match charset {
        Charset::Unicode => &UNICODE,
        Charset::Ascii => &ASCII,
    };
    let mut cv = Canvas::new(w, h);
    if w == 0 || h == 0 {
        return cv.finish();
    }
    let pod = &sim.pod;
    let n = pod.containers.len().max(1);
    let progress = if frames == 0 {
        1.0
    } else {
        (f64::from(frame.min(frames)) / f64::from(frames)).min(1.0)
    };
    let mut y = 0;

    // A replaced Pod is listed above the new one.
    if let Some(old) = &sim.old {
        let state = if old.phase == Phase::Gone {
            "gone"
        } else {
            "Terminating"
        };
        let line = format!("old Pod {} ({}) {state}", old.name, old.ip);
        cv.mark(0, y, &line, MarkKind::Terminating);
        y += 1;
    }
    // An outside client sends to the Pod IP.
    // Only traffic coming in needs the client; traffic going out leaves by the wire.
    let outside = overlay.client
        || overlay
            .packet
            .as_ref()
            .is_some_and(|p| p.from == Endpoint::Outside);
    if outside && y < h {
        let target = format!(" {}:{}", pod.ip, first_port(pod));
        let lead = "client ";
        let wire_len = w
            .saturating_sub(lead.len() + target.chars().count() + 1)
            .clamp(0, 24);
        cv.put(0, y, lead);
        let wire: String = std::iter::repeat_n(g.h, wire_len).collect();
        cv.put(lead.len(), y, &wire);
        cv.put(lead.len() + wire_len, y, &g.arrow.to_string());
        cv.mark(lead.len() + wire_len + 1, y, &target, MarkKind::Ip);
        if let Some(p) = &overlay.packet
            && p.from == Endpoint::Outside
            && progress < 0.5
        {
            let x = lead.len() + ((wire_len as f64) * progress * 2.0) as usize;
            cv.mark(
                x.min(lead.len() + wire_len.saturating_sub(1)),
                y,
                &g.packet.to_string(),
                MarkKind::Packet,
            );
        }
        y += 1;
    }

    let rest = h - y;
    let box_w = (w.saturating_sub(4 + (n - 1)) / n).min(24);
    if rest >= 9 && box_w >= 16 {
        side_by_side(&mut cv, sim, overlay, g, y, box_w, progress);
    } else if rest >= n + 3 && w >= 24 {
        stacked(&mut cv, sim, overlay, g, y, progress);
    } else {
        compact(&mut cv, sim, y);
    }
    cv.finish()
}

fn first_port(pod: &Pod) -> u16 {
    pod.containers
        .iter()
        .find(|c| c.kind == Kind::App)
        .and_then(|c| c.ports.first())
        .copied()
        .unwrap_or(80)
}

fn pod_header(cv: &mut Canvas, pod: &Pod, g: &Glyphs, y: usize, w: usize) {
    let name = format!(" Pod {} ", pod.name);
    let ip = format!(" IP {} ", pod.ip);
    cv.rect(0, y, w, 2.max(cv.h - y), g);
    cv.put(2, y, &name);
    if pod.phase == Phase::Terminating {
        let t = " Terminating ";
        let x = 2 + name.chars().count();
        if x + t.len() + ip.chars().count() + 2 < w {
            cv.mark(x, y, t, MarkKind::Terminating);
        }
    }
    let ipx = w.saturating_sub(ip.chars().count() + 2);
    if ipx > 2 + name.chars().count() {
        cv.put(ipx, y, &ip);
        cv.mark(ipx + 4, y, &pod.ip, MarkKind::Ip);
    }
}

fn side_by_side(
    cv: &mut Canvas,
    sim: &Sim,
    ov: &Overlay,
    g: &Glyphs,
    top: usize,
    box_w: usize,
    progress: f64,
) {
    let pod = &sim.pod;
    let n = pod.containers.len();
    let w = (box_w * n + (n.saturating_sub(1)) + 4).min(cv.w);
    let used_h = 9 + usize::from(ov.sandbox);
    let h = used_h.min(cv.h - top);
    // Shrink the canvas height for the outline: draw the Pod box only as tall as needed.
    let saved_h = cv.h;
    cv.h = top + h;
    pod_header(cv, pod, g, top, w);
    let mut y = top + 1;
    let outer_clip = cv.clip;
    cv.clip = w.saturating_sub(1);
    if ov.sandbox {
        let s = format!("pause (sandbox {}): holds network, IPC, UTS", pod.sandbox);
        cv.put(2, y, &s);
        y += 1;
    }
    let mut centers = Vec::new();
    for (i, c) in pod.containers.iter().enumerate() {
        let x = 2 + i * (box_w + 1);
        cv.rect(x, y, box_w, 4, g);
        let t: String = title_of(c).chars().take(box_w - 4).collect();
        cv.put(x + 1, y, &format!(" {t} "));
        let state: String = state_words(c, pod, sim.tick)
            .chars()
            .take(box_w - 3)
            .collect();
        cv.mark(x + 2, y + 1, &state, state_mark(c, pod.phase));
        let detail: String = detail_of(c, box_w - 3, g).chars().take(box_w - 3).collect();
        cv.put(x + 2, y + 2, &detail);
        centers.push((c.name.clone(), x + box_w / 2));
    }
    y += 4;
    // The localhost wire.
    if let Some(p) = &ov.packet {
        wire(cv, p, &centers, g, y, progress);
    }
    y += 1;
    volumes(cv, pod, g, y);
    cv.h = saved_h;
    cv.clip = outer_clip;
}

fn wire(
    cv: &mut Canvas,
    p: &Packet,
    centers: &[(String, usize)],
    g: &Glyphs,
    y: usize,
    progress: f64,
) {
    let find = |e: &Endpoint| match e {
        Endpoint::Container(n) => centers.iter().find(|(c, _)| c == n).map(|(_, x)| *x),
        Endpoint::Outside => None,
    };
    let from = match p.from {
        Endpoint::Outside => Some(2),
        _ => find(&p.from),
    };
    // A refused request ends where nobody listens: a short way off, not at a container.
    let to = if p.refused {
        from.map(|a| (a + 14).min(cv.w.saturating_sub(12)).max(a + 2))
    } else {
        find(&p.to).or(from.map(|a| a + 8))
    };
    let (Some(a), Some(b)) = (from, to) else {
        return;
    };
    let (lo, hi) = (a.min(b), a.max(b));
    if hi <= lo {
        return;
    }
    let line: String = std::iter::repeat_n(g.h, hi - lo).collect();
    cv.put(lo, y, &line);
    let arrived = progress >= 1.0;
    if p.refused && progress >= 0.5 {
        let x = if g.packet == 'o' {
            "x refused"
        } else {
            "✗ refused"
        };
        cv.mark(b, y, x, MarkKind::Refused);
    } else {
        let head = if a <= b { g.arrow } else { g.left };
        cv.put(b, y, &head.to_string());
        let span = (hi - lo) as f64;
        let pos = if a <= b {
            lo as f64 + span * progress
        } else {
            hi as f64 - span * progress
        };
        // The packet travels along the wire and sits on the arrowhead on arrival.
        let px = if arrived {
            b
        } else {
            (pos as usize).clamp(lo, hi)
        };
        cv.mark(px, y, &g.packet.to_string(), MarkKind::Packet);
    }
    // The label sits on the Pod border below the wire when there is room.
    let lab: String = format!(" {} ", p.label)
        .chars()
        .take(cv.w.saturating_sub(lo + 1))
        .collect();
    cv.put(lo + 1, y + 1, &lab);
}

fn volumes(cv: &mut Canvas, pod: &Pod, g: &Glyphs, y: usize) {
    for (i, v) in pod.volumes.iter().enumerate() {
        let yy = y + 1 + i;
        let head = format!("{} emptyDir {}: ", g.vol, v.name);
        let n = cv.put(2, yy, &head);
        if v.files.is_empty() {
            cv.put(2 + n, yy, "(empty)");
        } else {
            cv.mark(2 + n, yy, &v.files.join(", "), MarkKind::File);
        }
    }
}

fn stacked(cv: &mut Canvas, sim: &Sim, ov: &Overlay, g: &Glyphs, top: usize, progress: f64) {
    let pod = &sim.pod;
    let w = cv.w;
    let h = (pod.containers.len() + 3 + pod.volumes.len()).min(cv.h - top);
    let saved_h = cv.h;
    cv.h = top + h;
    pod_header(cv, pod, g, top, w);
    // Everything inside stays within the Pod's right border.
    cv.clip = w.saturating_sub(2);
    let name_w = pod
        .containers
        .iter()
        .map(|c| title_of(c).len())
        .max()
        .unwrap_or(0)
        .min(w / 2);
    for (i, c) in pod.containers.iter().enumerate() {
        let y = top + 1 + i;
        let t: String = title_of(c).chars().take(name_w).collect();
        cv.put(2, y, &t);
        let sx = 3 + name_w;
        let state = state_words(c, pod, sim.tick);
        cv.mark(sx, y, &state, state_mark(c, pod.phase));
        cv.put(
            sx + state.chars().count() + 1,
            y,
            &format!("· {}", detail_of(c, usize::MAX, g)),
        );
    }
    let y = top + 1 + pod.containers.len();
    if let Some(p) = &ov.packet {
        let name = |e: &Endpoint| match e {
            Endpoint::Outside => "client".to_string(),
            Endpoint::Container(n) => n.clone(),
        };
        let s = format!("{} ", name(&p.from));
        let mut x = 2 + cv.put(2, y, &s);
        let len = 8;
        let line: String = std::iter::repeat_n(g.h, len).collect();
        cv.put(x, y, &line);
        let px = x + ((len as f64 - 1.0) * progress) as usize;
        if !(p.refused && progress >= 0.5) {
            cv.mark(px, y, &g.packet.to_string(), MarkKind::Packet);
        }
        x += len;
        cv.put(x, y, &g.arrow.to_string());
        let end = if p.refused && progress >= 0.5 {
            format!(" {} refused", p.label)
        } else {
            format!(" {} ({})", name(&p.to), p.label)
        };
        if p.refused && progress >= 0.5 {
            cv.mark(x + 1, y, &end, MarkKind::Refused);
        } else {
            cv.put(x + 1, y, &end);
        }
    }
    volumes(cv, pod, g, y);
    cv.h = saved_h;
    cv.clip = cv.w;
}

fn compact(cv: &mut Canvas, sim: &Sim, top: usize) {
    let pod = &sim.pod;
    let mut y = top;
    if cv.h - y > pod.containers.len() {
        let head = format!("{} {}", pod.name, pod.ip);
        cv.mark(0, y, &head, MarkKind::Ip);
        y += 1;
    }
    for c in &pod.containers {
        if y >= cv.h {
            break;
        }
        let n = cv.put(0, y, &format!("{}: ", c.name));
        cv.mark(
            n,
            y,
            &state_words(c, pod, sim.tick),
            state_mark(c, pod.phase),
        );
        y += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{ContainerSpec, PodSpec, RestartPolicy};

    fn sim() -> Sim {
        let mut s = Sim::new(PodSpec {
            base_name: "web-7d9f".into(),
            restart_policy: RestartPolicy::Always,
            containers: vec![
                ContainerSpec::new("app", "nginx", Kind::App)
                    .port(8080)
                    .mount("logs"),
                ContainerSpec::new("log-shipper", "fluent-bit", Kind::App).mount("logs"),
            ],
            volumes: vec!["logs".into()],
        });
        s.start();
        s.settle(10);
        s
    }

    #[test]
    fn never_exceeds_the_area() {
        let s = sim();
        let ov = Overlay {
            packet: Some(Packet {
                from: Endpoint::Outside,
                to: Endpoint::Container("app".into()),
                label: "10.1.0.7:8080".into(),
                refused: false,
            }),
            client: true,
            sandbox: true,
        };
        for w in 0..=90u16 {
            for h in 0..=14u16 {
                for charset in [Charset::Unicode, Charset::Ascii] {
                    let f = render(&s, &ov, 3, 6, w, h, charset);
                    assert!(f.lines.len() <= usize::from(h));
                    for l in &f.lines {
                        assert!(crate::text::width(l) <= usize::from(w), "{l:?} at {w}x{h}");
                    }
                    for m in &f.marks {
                        assert!(m.line < usize::from(h) && m.col + m.width <= usize::from(w));
                    }
                }
            }
        }
    }

    #[test]
    fn states_are_written_in_words_not_only_coloured() {
        let mut s = sim();
        s.crash("log-shipper", 1);
        let f = render(&s, &Overlay::default(), 0, 1, 80, 12, Charset::Ascii);
        let all = f.lines.join("\n");
        assert!(all.contains("running"), "{all}");
        assert!(all.contains("CrashLoopBackOff"), "{all}");
        assert!(all.contains(&s.pod.ip));
        assert!(
            !all.contains('─') && !all.contains('┌'),
            "ASCII only: {all}"
        );
        assert!(f.marks.iter().any(|m| m.kind == MarkKind::Restarting));
        assert!(f.marks.iter().any(|m| m.kind == MarkKind::Up));
    }

    #[test]
    fn narrow_areas_stack_the_containers() {
        let s = sim();
        let wide = render(&s, &Overlay::default(), 0, 1, 80, 12, Charset::Unicode);
        let narrow = render(&s, &Overlay::default(), 0, 1, 36, 12, Charset::Unicode);
        let row_with_both = |f: &Frame| {
            f.lines
                .iter()
                .any(|l| l.contains("app") && l.contains("log-shipper"))
        };
        assert!(row_with_both(&wide));
        assert!(!row_with_both(&narrow));
        assert!(
            narrow
                .lines
                .iter()
                .any(|l| l.contains("log-shipper") && l.contains("running"))
        );
    }

    #[test]
    fn a_packet_moves_along_the_wire() {
        let s = sim();
        let ov = Overlay {
            packet: Some(Packet {
                from: Endpoint::Container("log-shipper".into()),
                to: Endpoint::Container("app".into()),
                label: "localhost:8080".into(),
                refused: false,
            }),
            ..Overlay::default()
        };
        let at = |frame| {
            render(&s, &ov, frame, 6, 80, 12, Charset::Unicode)
                .marks
                .iter()
                .find(|m| m.kind == MarkKind::Packet)
                .map(|m| m.col)
        };
        let (a, b) = (at(0).unwrap(), at(5).unwrap());
        assert!(
            b < a,
            "travels from log-shipper (right) to app (left): {a} → {b}"
        );
    }
}

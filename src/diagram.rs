//! Draws the simulation as text: a Pod box with its name and IP, a box per
//! container (name, image, state in words, restarts), the localhost "wire"
//! with moving packets, file accesses, the shared volume strip, and clients
//! outside the Pod.
//!
//! A [`Frame`] is plain lines plus [`Mark`]s saying what a span means; the UI
//! maps marks to colours, so the frame must read well without them. The
//! layout adapts to the area (containers side by side, stacked, or one line
//! each) and never draws outside it, for any size including 0×0.

use crate::sim::{Container, Flow, FlowKind, FlowResult, Kind, Pod, Sim, State, Waiting};
use unicode_width::UnicodeWidthChar;

/// Which characters to draw lines with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Charset {
    /// Box-drawing characters (the default).
    #[default]
    Unicode,
    /// `+-|` for terminals and fonts without box drawing.
    Ascii,
}

/// What a marked span shows; the UI picks a style for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// A container running (and ready) or an init container that succeeded.
    Up,
    /// A container that has exited.
    Down,
    /// A container waiting out a restart back-off.
    Restarting,
    /// A container waiting to start or not ready yet.
    Waiting,
    /// A packet or a file on the move.
    Packet,
    /// A file name.
    File,
    /// The Pod IP.
    Ip,
    /// A failure: connection refused, address in use, not mounted.
    Refused,
    /// A Pod or container shutting down.
    Terminating,
}

/// A span of a frame line with a meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Line index in [`Frame::lines`].
    pub line: usize,
    /// Display column where the span starts.
    pub col: usize,
    /// Display width of the span.
    pub width: usize,
    /// What it means.
    pub kind: MarkKind,
}

/// One rendered picture: every line fits the width, and there are no more lines than the height.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Frame {
    /// The text, without trailing spaces.
    pub lines: Vec<String>,
    /// Meaning of spans, for colouring.
    pub marks: Vec<Mark>,
}

/// Drawing choices beyond the area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Line characters.
    pub charset: Charset,
    /// Draw the sandbox (pause container) strip inside each Pod.
    pub show_sandbox: bool,
    /// Draw only this Pod (index into `Sim::pods`); `None` draws all.
    pub focus: Option<usize>,
    /// Leave volumes and mounts out (an opening frame that must not answer
    /// a question about sharing files).
    pub hide_volumes: bool,
    /// Leave pattern roles out (an opening frame before a question about them).
    pub hide_roles: bool,
}

/// Renders every Pod of `sim` into `width`×`height`; `tick` moves packets.
pub fn render(sim: &Sim, tick: u32, width: u16, height: u16, charset: Charset) -> Frame {
    let opts = Options {
        charset,
        ..Options::default()
    };
    render_with(sim, tick, width, height, &opts)
}

/// Renders with explicit [`Options`].
pub fn render_with(sim: &Sim, tick: u32, width: u16, height: u16, opts: &Options) -> Frame {
    let (w, h) = (usize::from(width), usize::from(height));
    if w == 0 || h == 0 {
        return Frame::default();
    }
    let pods: Vec<&Pod> = match opts.focus {
        Some(i) => sim.pods.get(i).into_iter().collect(),
        None => sim.pods.iter().collect(),
    };
    let g = Glyphs::new(opts.charset);
    let ctx = Ctx {
        sim,
        tick,
        g,
        sandbox: opts.show_sandbox,
        hide_volumes: opts.hide_volumes,
        hide_roles: opts.hide_roles,
    };
    if pods.is_empty() {
        let mut c = Canvas::new(w, h);
        c.put(0, 0, "(no Pod on the node)", Some(MarkKind::Waiting));
        return c.finish(h);
    }
    for layout in LAYOUTS {
        let c = draw(&ctx, &pods, layout, w, h);
        if !c.clipped && !c.overflow {
            return c.finish(h);
        }
    }
    // Nothing fits whole: the compact form, cut to the area.
    draw(&ctx, &pods, Layout::Compact, w, h).finish(h)
}

/// How much of a Pod to draw, from the full picture down to a text list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Container boxes side by side, each with image, state, ports, mounts.
    Wide,
    /// The same boxes one under another.
    Stacked,
    /// Side-by-side boxes with one line each (state), for scene panes a few
    /// rows high; `volumes` false leaves the volume strip out.
    Short { volumes: bool },
    /// A Pod box three rows high split into one compartment per container
    /// (name and state), flows and volumes below when there is room; Pods
    /// one under another with no blank row, so two fit in six rows.
    Cells { volumes: bool, rows: CellRows },
    /// Several Pods side by side, each a three-row box with its state and
    /// IP: two Pods in a pane three rows high (the caption says the rest).
    Side,
    /// The Pod box with one `[name: state]` cell per container, wrapped.
    Inline { volumes: bool },
    /// One text line per container, no boxes: only where no box fits.
    Compact,
}

/// How a compartment box fits its flows in: under a dividing line, right
/// under the compartments, or alone (the compartments left out, the
/// status table and caption say the states) when only three rows are left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CellRows {
    Divided,
    Joined,
    FlowsOnly,
}

/// Tried in order; the first that fits the area whole is drawn.
const LAYOUTS: [Layout; 12] = [
    Layout::Wide,
    Layout::Stacked,
    Layout::Short { volumes: true },
    Layout::Short { volumes: false },
    Layout::Cells {
        volumes: true,
        rows: CellRows::Divided,
    },
    Layout::Cells {
        volumes: false,
        rows: CellRows::Divided,
    },
    Layout::Cells {
        volumes: false,
        rows: CellRows::Joined,
    },
    Layout::Side,
    Layout::Inline { volumes: true },
    Layout::Inline { volumes: false },
    Layout::Cells {
        volumes: false,
        rows: CellRows::FlowsOnly,
    },
    Layout::Compact,
];

/// The widest a Pod box grows, so very wide terminals do not stretch it absurdly.
const MAX_BOX: usize = 96;
/// Length of a flow arrow's shaft.
const SHAFT: usize = 6;

struct Ctx<'a> {
    sim: &'a Sim,
    tick: u32,
    g: Glyphs,
    sandbox: bool,
    hide_volumes: bool,
    hide_roles: bool,
}

#[derive(Clone, Copy)]
struct Glyphs {
    tl: char,
    tr: char,
    bl: char,
    br: char,
    h: char,
    v: char,
    packet: char,
    head: char,
    blocked: char,
    dot: &'static str,
    /// Joints where a compartment wall meets a border: down, up, right, left.
    tee_d: char,
    tee_u: char,
    tee_r: char,
    tee_l: char,
}

impl Glyphs {
    fn new(c: Charset) -> Self {
        match c {
            Charset::Unicode => Glyphs {
                tl: '┌',
                tr: '┐',
                bl: '└',
                br: '┘',
                h: '─',
                v: '│',
                packet: '●',
                head: '▶',
                blocked: '✗',
                dot: " · ",
                tee_d: '┬',
                tee_u: '┴',
                tee_r: '├',
                tee_l: '┤',
            },
            Charset::Ascii => Glyphs {
                tl: '+',
                tr: '+',
                bl: '+',
                br: '+',
                h: '-',
                v: '|',
                packet: 'o',
                head: '>',
                blocked: 'x',
                dot: ", ",
                tee_d: '+',
                tee_u: '+',
                tee_r: '+',
                tee_l: '+',
            },
        }
    }
}

/// A growable grid of single-width cells with a fixed width; writes past the
/// right edge are dropped and remembered in `clipped`, writes below the
/// area in `overflow` (so a layout that cannot fit costs little to try).
struct Canvas {
    w: usize,
    max_h: usize,
    rows: Vec<Vec<char>>,
    marks: Vec<Mark>,
    clipped: bool,
    overflow: bool,
}

impl Canvas {
    fn new(w: usize, max_h: usize) -> Self {
        Canvas {
            w,
            max_h,
            rows: Vec::new(),
            marks: Vec::new(),
            clipped: false,
            overflow: false,
        }
    }
    fn ensure(&mut self, row: usize) {
        while self.rows.len() <= row {
            self.rows.push(vec![' '; self.w]);
        }
    }
    /// Writes `s` at (row, col); returns the column after it.
    fn put(&mut self, row: usize, col: usize, s: &str, mark: Option<MarkKind>) -> usize {
        if row >= self.max_h {
            self.overflow = true;
            return col + s.chars().count();
        }
        self.ensure(row);
        let mut x = col;
        for ch in s.chars() {
            // Only single-width printable characters keep the grid honest.
            let ch = if ch.is_control() || ch.width() != Some(1) {
                '?'
            } else {
                ch
            };
            if x >= self.w {
                self.clipped = true;
                break;
            }
            self.rows[row][x] = ch;
            x += 1;
        }
        if let Some(kind) = mark
            && x > col
        {
            self.marks.push(Mark {
                line: row,
                col,
                width: x - col,
                kind,
            });
        }
        x
    }
    fn put_char(&mut self, row: usize, col: usize, ch: char) {
        let mut b = [0u8; 4];
        self.put(row, col, ch.encode_utf8(&mut b), None);
    }
    fn hline(&mut self, row: usize, from: usize, to: usize, ch: char) {
        for x in from..to {
            self.put_char(row, x, ch);
        }
    }
    /// A box's border from (top, left) to (bottom, right) inclusive.
    fn frame(&mut self, g: &Glyphs, top: usize, left: usize, bottom: usize, right: usize) {
        self.put_char(top, left, g.tl);
        self.hline(top, left + 1, right, g.h);
        self.put_char(top, right, g.tr);
        for r in top + 1..bottom {
            self.put_char(r, left, g.v);
            self.put_char(r, right, g.v);
        }
        self.put_char(bottom, left, g.bl);
        self.hline(bottom, left + 1, right, g.h);
        self.put_char(bottom, right, g.br);
    }
    fn finish(mut self, h: usize) -> Frame {
        self.rows.truncate(h);
        let lines = self
            .rows
            .iter()
            .map(|r| {
                // What `trim_end` would leave, found on the characters: the
                // trailing blanks are neither copied nor copied again.
                let end = r
                    .iter()
                    .rposition(|c| !c.is_whitespace())
                    .map_or(0, |i| i + 1);
                r[..end].iter().collect::<String>()
            })
            .collect();
        self.marks.retain(|m| m.line < h);
        Frame {
            lines,
            marks: self.marks,
        }
    }
}

/// A run of text with an optional meaning, for composing lines.
type Span = (String, Option<MarkKind>);

fn span(s: impl Into<String>, m: Option<MarkKind>) -> Span {
    (s.into(), m)
}

fn spans_width(spans: &[Span]) -> usize {
    spans.iter().map(|(s, _)| s.chars().count()).sum()
}

fn put_spans(c: &mut Canvas, row: usize, col: usize, spans: &[Span]) -> usize {
    let mut x = col;
    for (s, m) in spans {
        x = c.put(row, x, s, *m);
    }
    x
}

/// A container's state in words, and its mark.
fn state_words(c: &Container, pod: &Pod, now: u64) -> Span {
    match &c.state {
        State::Running { .. } if pod.is_terminating() && c.stop_sent_at.is_some() => span(
            format!("stopping ({})", c.spec.stop_signal.name()),
            Some(MarkKind::Terminating),
        ),
        State::Running { .. } if c.spec.kind == Kind::Init => span("running", Some(MarkKind::Up)),
        State::Running { .. } if c.ready => span("running, ready", Some(MarkKind::Up)),
        State::Running { .. } => span("started, not ready", Some(MarkKind::Waiting)),
        State::Waiting(Waiting::CrashLoopBackOff) => {
            let left = c.backoff_left(now).unwrap_or(0);
            span(
                format!("CrashLoopBackOff {left}s"),
                Some(MarkKind::Restarting),
            )
        }
        State::Waiting { .. } if pod.is_terminating() => {
            span("not started", Some(MarkKind::Waiting))
        }
        // Words a learner can read; kubectl's own reasons stay in the status table.
        State::Waiting(Waiting::PodInitializing) => {
            let words = if c.spec.kind == Kind::App {
                "waiting for init"
            } else {
                "waiting its turn"
            };
            span(words, Some(MarkKind::Waiting))
        }
        State::Waiting(Waiting::ContainerCreating) => span("creating", Some(MarkKind::Waiting)),
        State::Terminated { exit_code: 0, .. } if c.spec.kind == Kind::Init => {
            span("completed (exit 0)", Some(MarkKind::Up))
        }
        State::Terminated { exit_code, .. } => span(
            format!("terminated (exit {exit_code})"),
            Some(MarkKind::Down),
        ),
    }
}

/// Lines inside a container box, after its name.
fn box_lines(ctx: &Ctx, pod: &Pod, c: &Container) -> Vec<Vec<Span>> {
    let d = ctx.g.dot;
    let mut out = vec![
        vec![span(c.spec.image.clone(), None)],
        vec![state_words(c, pod, ctx.sim.now)],
    ];
    let mut facts = Vec::new();
    if let Some(p) = c.spec.ports.first() {
        facts.push(format!("port {p}"));
    }
    facts.push(format!("restarts {}", c.restarts));
    out.push(vec![span(facts.join(d), None)]);
    match (c.spec.kind, &c.spec.role) {
        (_, Some(_)) if ctx.hide_roles => {}
        (_, Some(role)) => out.push(vec![span(format!("role: {role}"), None)]),
        (Kind::Sidecar, None) => out.push(vec![span("native sidecar (init)", None)]),
        _ => {}
    }
    if !pod.volumes.is_empty() && !ctx.hide_volumes {
        let m = if c.spec.mounts.is_empty() {
            "mounts no volume".to_string()
        } else {
            // With paths, `logs at /var/log/nginx` says it all, and keeps two
            // boxes side by side in a 60-column pane.
            let at: Vec<String> = c
                .spec
                .mounts
                .iter()
                .map(|v| match c.spec.mount_paths.iter().find(|(n, _)| n == v) {
                    Some((_, path)) => format!("{v} at {path}"),
                    None => v.clone(),
                })
                .collect();
            if c.spec.mount_paths.is_empty() {
                format!("mounts {}", at.join(", "))
            } else {
                at.join(", ")
            }
        };
        out.push(vec![span(m, None)]);
    }
    if !c.files.is_empty() {
        out.push(vec![
            span("own fs: ", None),
            span(c.files.join(", "), Some(MarkKind::File)),
        ]);
    }
    if ctx.sandbox && pod.sandbox.ready && c.started_once {
        out.push(vec![span("in the sandbox's net ns", None)]);
    }
    if let Some(msg) = &c.message {
        out.push(vec![span(short_message(msg), Some(MarkKind::Refused))]);
    }
    out
}

/// `bind 0.0.0.0:8080: address already in use` is too long for a box; keep the point.
fn short_message(msg: &str) -> String {
    if msg.contains("address already in use") {
        "address already in use".to_string()
    } else {
        msg.to_string()
    }
}

fn title(c: &Container) -> String {
    c.name().to_string()
}

/// One line per regular init container, in order.
fn init_lines(ctx: &Ctx, pod: &Pod) -> Vec<Vec<Span>> {
    let n = pod.init_containers.len();
    pod.init_containers
        .iter()
        .enumerate()
        .filter(|(_, c)| c.spec.kind == Kind::Init)
        .map(|(i, c)| {
            vec![
                span(format!("init {}/{n} {}: ", i + 1, c.name()), None),
                state_words(c, pod, ctx.sim.now),
            ]
        })
        .collect()
}

fn sandbox_line(ctx: &Ctx, pod: &Pod) -> Vec<Span> {
    if !pod.sandbox.ready && pod.sandbox.generation > 0 {
        vec![span("pause (sandbox): lost", Some(MarkKind::Down))]
    } else if pod.sandbox.ready {
        vec![span(
            format!("pause holds net{d}ipc{d}uts namespaces", d = ctx.g.dot),
            None,
        )]
    } else {
        vec![span(
            "pause (sandbox): not created yet",
            Some(MarkKind::Waiting),
        )]
    }
}

/// Flow arrows: the packet moves along the shaft with `tick`. A blocked
/// flow's packet never gets past the middle, where a cross stops it, so a
/// refused request does not look delivered even without colour.
fn arrow(ctx: &Ctx, shaft: usize, blocked: bool) -> Vec<Span> {
    let h = ctx.g.h.to_string();
    if blocked {
        let half = (shaft / 2).max(1);
        let pos = (ctx.tick as usize) % half;
        return vec![
            span(format!(" {}", h.repeat(pos)), None),
            span(ctx.g.packet.to_string(), Some(MarkKind::Packet)),
            span(h.repeat(half - 1 - pos), None),
            span(ctx.g.blocked.to_string(), Some(MarkKind::Refused)),
            span(" ", None),
        ];
    }
    let pos = (ctx.tick as usize) % shaft.max(1);
    vec![
        span(format!(" {}", h.repeat(pos)), None),
        span(ctx.g.packet.to_string(), Some(MarkKind::Packet)),
        span(
            format!("{}{} ", h.repeat(shaft - 1 - pos), ctx.g.head),
            None,
        ),
    ]
}

/// How a flow ended, in words; empty when it simply arrived.
fn result_spans(f: &Flow) -> Vec<Span> {
    let words = match f.result {
        FlowResult::Delivered => return vec![],
        FlowResult::Refused => "connection refused",
        FlowResult::NotFound => "no such file",
        FlowResult::NotMounted => "volume not mounted",
    };
    vec![span(words, Some(MarkKind::Refused))]
}

/// A flow as a line, plus how it ended (drawn after it, or below when there is no room).
type FlowLine = (Vec<Span>, Vec<Span>);

/// Flows drawn inside the Pod box (localhost and files).
fn inner_flow(ctx: &Ctx, pod: &Pod, f: &Flow) -> Option<FlowLine> {
    // The path the container itself uses, where its mount has one.
    let at = |who: &str, vol: &Option<String>, file: &str| {
        let mounted = vol.as_ref().and_then(|v| {
            pod.container(who)?
                .spec
                .mount_paths
                .iter()
                .find(|(name, _)| name == v)
                .map(|(_, path)| format!("{}/{file} ({v})", path.trim_end_matches('/')))
        });
        mounted.unwrap_or_else(|| file_path(vol, file))
    };
    let mut out = Vec::new();
    match &f.kind {
        FlowKind::Localhost(port) => {
            out.push(span(f.from.clone(), None));
            out.extend(arrow(ctx, SHAFT, f.result.is_blocked()));
            out.push(span(format!("localhost:{port}"), None));
            if f.result == FlowResult::Delivered {
                out.push(span(format!(" = {}", f.to), None));
            }
        }
        FlowKind::Write(vol) => {
            out.push(span(format!("{} writes", f.from), None));
            out.extend(arrow(ctx, SHAFT, f.result.is_blocked()));
            out.push(span(at(&f.from, vol, &f.to), Some(MarkKind::File)));
        }
        FlowKind::Read(vol) => {
            out.push(span(at(&f.to, vol, &f.from), Some(MarkKind::File)));
            out.extend(arrow(ctx, SHAFT, f.result.is_blocked()));
            out.push(span(f.to.clone(), None));
        }
        FlowKind::Inbound(_) | FlowKind::Outbound => return None,
    }
    Some((out, result_spans(f)))
}

/// The flow on one line when it fits in `room`, else its ending on a second, indented line.
fn flow_rows((main, tail): &FlowLine, room: usize) -> Vec<Vec<Span>> {
    if tail.is_empty() {
        return vec![main.clone()];
    }
    if spans_width(main) + 1 + spans_width(tail) <= room {
        let mut one = main.clone();
        one.push(span(" ", None));
        one.extend(tail.iter().cloned());
        return vec![one];
    }
    let mut second = vec![span("  ", None)];
    second.extend(tail.iter().cloned());
    vec![main.clone(), second]
}

/// Width a flow needs when its ending may go below.
fn flow_need((main, tail): &FlowLine) -> usize {
    spans_width(main).max(spans_width(tail) + 2)
}

fn file_path(vol: &Option<String>, file: &str) -> String {
    match vol {
        Some(v) => format!("{v}/{file}"),
        None => format!("/{file} (own fs)"),
    }
}

/// Flows drawn outside the Pod box: clients above it, outbound calls below.
fn outer_flow(ctx: &Ctx, pod: &Pod, f: &Flow) -> Option<(bool, FlowLine)> {
    match &f.kind {
        FlowKind::Inbound(port) => {
            let ip = pod.ip.clone().unwrap_or_else(|| "<no IP>".to_string());
            let mut out = vec![span(f.from.clone(), None)];
            out.extend(arrow(ctx, SHAFT, f.result.is_blocked()));
            out.push(span(ip, Some(MarkKind::Ip)));
            out.push(span(format!(":{port}"), None));
            let tail = if f.result == FlowResult::Delivered {
                vec![span(format!("= {}", f.to), None)]
            } else {
                result_spans(f)
            };
            Some((true, (out, tail)))
        }
        FlowKind::Outbound => {
            let mut out = vec![span(f.from.clone(), None)];
            out.extend(arrow(ctx, SHAFT, f.result.is_blocked()));
            out.push(span(f.to.clone(), None));
            Some((false, (out, Vec::new())))
        }
        _ => None,
    }
}

/// Draws the flows that sit outside the Pod (above or below it) from `row`; returns the next row.
fn outer_flows(ctx: &Ctx, c: &mut Canvas, pod: &Pod, above: bool, mut row: usize) -> usize {
    for f in pod_flows(ctx, pod) {
        if let Some((a, line)) = outer_flow(ctx, pod, f)
            && a == above
        {
            for l in flow_rows(&line, c.w.saturating_sub(1)) {
                put_spans(c, row, 1, &l);
                row += 1;
            }
        }
    }
    row
}

fn volume_line(v: &crate::sim::Volume) -> Vec<Span> {
    let mut out = vec![span(format!("volume {} (emptyDir): ", v.name), None)];
    if v.files.is_empty() {
        out.push(span("empty", None));
    } else {
        out.push(span(v.files.join(", "), Some(MarkKind::File)));
    }
    out
}

/// The Pod's flows of this moment, each once: a container that dials at
/// every start (a crash loop) makes the same flow again, which a second
/// identical arrow would only repeat.
fn pod_flows<'a>(ctx: &'a Ctx, pod: &'a Pod) -> impl Iterator<Item = &'a Flow> {
    let flows = &ctx.sim.flows;
    flows
        .iter()
        .enumerate()
        .filter(move |&(i, f)| f.pod == pod.name && !flows[..i].contains(f))
        .map(|(_, f)| f)
}

fn pod_state_word(pod: &Pod) -> Span {
    if pod.is_terminating() {
        span("Terminating", Some(MarkKind::Terminating))
    } else {
        span(pod.status(), None)
    }
}

fn draw(ctx: &Ctx, pods: &[&Pod], layout: Layout, w: usize, h: usize) -> Canvas {
    let mut c = Canvas::new(w, h);
    if layout == Layout::Side {
        // One Pod is better told by its compartments or cells.
        if pods.len() < 2 {
            c.clipped = true;
        } else {
            draw_side(ctx, &mut c, pods);
        }
        return c;
    }
    let mut row = 0;
    for (i, pod) in pods.iter().enumerate() {
        // Compartment boxes are for tight panes: no blank row between Pods.
        if i > 0 && !matches!(layout, Layout::Cells { .. }) {
            row += 1;
        }
        row = match layout {
            Layout::Compact => draw_compact(ctx, &mut c, pod, row),
            Layout::Cells { volumes, rows } => draw_cells(ctx, &mut c, pod, row, volumes, rows),
            _ => draw_boxed(ctx, &mut c, pod, row, layout),
        };
    }
    c
}

/// What a compartment says about a container, from the most to the least
/// words: `level` 0 has the port, the state in words and the restarts.
fn compartment(ctx: &Ctx, pod: &Pod, k: &Container, level: usize) -> Vec<Span> {
    let now = ctx.sim.now;
    let label = match level {
        0 => format!(
            "{}{} ",
            compact_label(ctx, k),
            k.spec
                .ports
                .first()
                .map(|p| format!(" :{p}"))
                .unwrap_or_default()
        ),
        1 | 2 => format!("{} ", compact_label(ctx, k)),
        _ => format!("{} ", k.name()),
    };
    let mut out = vec![span(label, None)];
    out.push(match level {
        0..=2 => state_words(k, pod, now),
        3 => short_state(k, pod, now),
        _ => terse_state(k, pod, now),
    });
    let level = level.min(4);
    if level < 2 {
        out.push(span(format!("{}restarts {}", ctx.g.dot, k.restarts), None));
        if let Some(msg) = &k.message {
            out.push(span(", ", None));
            out.push(span(short_message(msg), Some(MarkKind::Refused)));
        }
    }
    out
}

/// A container's state in one short word, for four or more compartments
/// in a 60-column pane.
fn terse_state(c: &Container, pod: &Pod, now: u64) -> Span {
    let (words, mark) = short_state(c, pod, now);
    let terse = match &c.state {
        State::Running { .. } if c.is_stopping() => "stopping".to_string(),
        State::Running { .. } if c.ready || c.spec.kind == Kind::Init => "up".to_string(),
        State::Running { .. } => "start".to_string(),
        State::Waiting(Waiting::CrashLoopBackOff) => "back-off".to_string(),
        State::Waiting(_) => "wait".to_string(),
        _ => words,
    };
    (terse, mark)
}

/// Every compartment of a Pod at one level of detail: the sandbox (when
/// shown), then its containers in start order.
fn compartments(ctx: &Ctx, pod: &Pod, level: usize) -> Vec<Vec<Span>> {
    let mut out = Vec::new();
    if ctx.sandbox {
        let (words, mark) = match (pod.sandbox.ready, pod.sandbox.generation) {
            (true, _) => (format!("net{d}ipc{d}uts", d = ctx.g.dot.trim()), None),
            (false, 0) => ("not yet".to_string(), Some(MarkKind::Waiting)),
            (false, _) => ("lost".to_string(), Some(MarkKind::Down)),
        };
        out.push(vec![span("pause ", None), span(words, mark)]);
    }
    let init = |k: &&Container| k.spec.kind == Kind::Init;
    let done = |k: &&Container| matches!(k.state, State::Terminated { exit_code: 0, .. });
    // The fewest words: init containers that are not running share one
    // compartment that says how many have finished.
    let merge = |k: &&Container| init(k) && !matches!(k.state, State::Running { .. });
    if level >= 5 && pod.all().filter(merge).count() > 1 {
        let total = pod.all().filter(init).count();
        let finished = pod.all().filter(|k| init(k) && done(k)).count();
        out.push(vec![span(
            format!("init {finished}/{total} done"),
            Some(MarkKind::Up),
        )]);
        out.extend(
            pod.all()
                .filter(|k| !merge(k))
                .map(|k| compartment(ctx, pod, k, level)),
        );
    } else {
        out.extend(pod.all().map(|k| compartment(ctx, pod, k, level)));
    }
    out
}

/// A Pod box three rows high: the title (name, state, IP) in its top
/// border, one compartment per container, then flows and volumes under a
/// dividing line when there are any.
fn draw_cells(
    ctx: &Ctx,
    c: &mut Canvas,
    pod: &Pod,
    mut row: usize,
    volumes: bool,
    how: CellRows,
) -> usize {
    let g = &ctx.g;
    let bw = c.w.min(MAX_BOX);
    if bw < 12 {
        c.clipped = true;
        return row;
    }
    // The most words that fit on one row, each compartment padded by a
    // space each side and walled by one column.
    let cells = (0..6)
        .map(|level| compartments(ctx, pod, level))
        .find(|cells| cells.iter().map(|l| spans_width(l) + 3).sum::<usize>() < bw)
        .unwrap_or_else(|| {
            // Left out anyway when the box shows only its flows.
            if how != CellRows::FlowsOnly || pod_flows(ctx, pod).next().is_none() {
                c.clipped = true;
            }
            compartments(ctx, pod, 4)
        });
    // Name, state and IP in the top border, in fewer words where needed;
    // the IP is what several scenes are about: never left out.
    let titles = [" Pod ", " "].map(|pre| {
        vec![
            span(format!("{pre}{}{}", pod.name, g.dot), None),
            pod_state_word(pod),
            span(" ", None),
        ]
    });
    let ips: [Vec<Span>; 2] = [" IP ", " "].map(|pre| match &pod.ip {
        Some(ip) => vec![
            span(pre, None),
            span(ip.clone(), Some(MarkKind::Ip)),
            span(" ", None),
        ],
        None => vec![span(" no IP ", Some(MarkKind::Waiting))],
    });
    let (t, ip) = [(0, 0), (1, 0), (1, 1)]
        .into_iter()
        .map(|(a, b)| (titles[a].clone(), ips[b].clone()))
        .find(|(t, ip)| bw >= 2 + spans_width(t) + spans_width(ip) + 3)
        .unwrap_or_else(|| {
            c.clipped = true;
            (titles[1].clone(), ips[1].clone())
        });
    let iw = spans_width(&ip);
    let flows: Vec<FlowLine> = pod_flows(ctx, pod)
        .filter_map(|f| match how {
            // Three rows leave none outside the box: a client's request goes in it.
            CellRows::FlowsOnly => {
                inner_flow(ctx, pod, f).or_else(|| outer_flow(ctx, pod, f).map(|(_, l)| l))
            }
            _ => inner_flow(ctx, pod, f),
        })
        .collect();
    let mut flows = flows;
    if how == CellRows::FlowsOnly {
        // As many flows as the rows hold; the caption tells the whole moment.
        flows.truncate(c.max_h.saturating_sub(row + 2).max(1));
    }
    let vols: Vec<Vec<Span>> = if ctx.hide_volumes || !volumes {
        Vec::new()
    } else {
        pod.volumes.iter().map(volume_line).collect()
    };
    if flows.iter().any(|f| flow_need(f) + 4 > bw) || vols.iter().any(|l| spans_width(l) + 4 > bw) {
        c.clipped = true;
    }

    if how != CellRows::FlowsOnly {
        row = outer_flows(ctx, c, pod, true, row);
    }
    let top = row;
    // Spread the spare columns over the compartments so they line up evenly.
    let n = cells.len().max(1);
    let used: usize = cells.iter().map(|l| spans_width(l) + 3).sum::<usize>() + 1;
    let spare = bw.saturating_sub(used);
    let mut walls = Vec::new();
    let mut x = 0;
    for (i, cell) in cells.iter().enumerate() {
        put_spans(c, top + 1, x + 2, cell);
        let extra = spare / n + usize::from(i + 1 == n) * (spare % n);
        x += spans_width(cell) + 3 + extra;
        if i + 1 < n {
            walls.push(x);
        }
    }
    let only_flows = how == CellRows::FlowsOnly && !flows.is_empty();
    if only_flows {
        walls.clear();
        c.hline(top + 1, 1, bw - 1, ' ');
        c.marks.retain(|m| m.line != top + 1);
    }
    row = if only_flows { top + 1 } else { top + 2 };
    let below = !flows.is_empty() || !vols.is_empty();
    let divided = below && how == CellRows::Divided;
    if below {
        if how != CellRows::Divided {
            // No dividing line: the flows start right under the compartments.
            row -= 1;
        }
        row += 1;
        for f in &flows {
            for l in flow_rows(f, bw - 4) {
                put_spans(c, row, 2, &l);
                row += 1;
            }
        }
        for l in &vols {
            put_spans(c, row, 2, l);
            row += 1;
        }
    }
    c.frame(g, top, 0, row, bw - 1);
    for &x in &walls {
        c.put_char(top, x, g.tee_d);
        c.put_char(top + 1, x, g.v);
        if !below || divided {
            c.put_char(top + 2, x, g.tee_u);
        }
    }
    if divided {
        c.put_char(top + 2, 0, g.tee_r);
        c.hline(top + 2, 1, bw - 1, g.h);
        c.put_char(top + 2, bw - 1, g.tee_l);
        for &x in &walls {
            c.put_char(top + 2, x, g.tee_u);
        }
    }
    // The title goes over the top border; a wall joint it covers gives way.
    put_spans(c, top, 2, &t);
    put_spans(c, top, bw.saturating_sub(2 + iw), &ip);
    if how == CellRows::FlowsOnly {
        return row + 1;
    }
    outer_flows(ctx, c, pod, false, row + 1)
}

/// Pods side by side, each a box with its name in the top border and its
/// state and IP inside, for a pane too low to stack them.
fn draw_side(ctx: &Ctx, c: &mut Canvas, pods: &[&Pod]) {
    let g = &ctx.g;
    let n = pods.len();
    let gap = 1;
    let bw = (c.w.saturating_sub((n - 1) * gap) / n).min(MAX_BOX);
    if bw < 12 {
        c.clipped = true;
        return;
    }
    // The name's random suffix tells two Pods of one ReplicaSet apart.
    let suffix = |pod: &Pod| -> String {
        let from = pod.name.rfind('-').map_or(0, |b| b + 1);
        pod.name[from..].to_string()
    };
    // One form of state line for every box, so they line up.
    let titles = |pod: &Pod| {
        [
            format!(" Pod {} ", pod.name),
            format!(" {} ", pod.name),
            format!(" Pod {} ", suffix(pod)),
            format!(" {} ", suffix(pod)),
        ]
    };
    let ip_word = |pod: &Pod, prefix: bool| match &pod.ip {
        Some(ip) if prefix => vec![span("IP ", None), span(ip.clone(), Some(MarkKind::Ip))],
        Some(ip) => vec![span(ip.clone(), Some(MarkKind::Ip))],
        None => vec![span("no IP", Some(MarkKind::Waiting))],
    };
    let one_line = |pod: &Pod| {
        let mut l = vec![pod_state_word(pod), span(g.dot, None)];
        l.extend(ip_word(pod, true));
        l
    };
    let inline_ip = pods.iter().all(|p| spans_width(&one_line(p)) + 3 <= bw);
    let prefix = pods
        .iter()
        .all(|p| spans_width(&ip_word(p, true)) + 6 <= bw);
    for (i, pod) in pods.iter().enumerate() {
        let left = i * (bw + gap);
        c.frame(g, 0, left, 2, left + bw - 1);
        // The fullest name that fits: the Pods' names differ in length.
        let title = titles(pod)
            .into_iter()
            .find(|t| t.chars().count() + 4 <= bw)
            .unwrap_or_else(|| {
                c.clipped = true;
                format!(" {} ", suffix(pod))
            });
        c.put(0, left + 2, &title, None);
        let line = if inline_ip {
            one_line(pod)
        } else {
            // The state inside, the IP (or its lack) in the border below.
            let mut b = vec![span(" ", None)];
            b.extend(ip_word(pod, prefix));
            b.push(span(" ", None));
            if spans_width(&b) + 4 > bw {
                c.clipped = true;
            }
            put_spans(c, 2, left + 2, &b);
            vec![pod_state_word(pod)]
        };
        if spans_width(&line) + 3 > bw {
            c.clipped = true;
        }
        put_spans(c, 1, left + 2, &line);
    }
}

/// A container's name with its role, for the one-line form.
fn compact_label(ctx: &Ctx, c: &Container) -> String {
    match (&c.spec.role, c.spec.kind) {
        (Some(_), _) if ctx.hide_roles => c.name().to_string(),
        (Some(role), _) => format!("{} ({role})", c.name()),
        (None, Kind::Sidecar) => format!("{} (sidecar)", c.name()),
        _ => c.name().to_string(),
    }
}

/// One line per container, no boxes: for small areas.
fn draw_compact(ctx: &Ctx, c: &mut Canvas, pod: &Pod, mut row: usize) -> usize {
    row = outer_flows(ctx, c, pod, true, row);
    let d = ctx.g.dot;
    let head = vec![span(format!("Pod {}", pod.name), None)];
    let mut rest = vec![pod_state_word(pod), span(d, None)];
    match &pod.ip {
        Some(ip) => rest.extend([span("IP ", None), span(ip.clone(), Some(MarkKind::Ip))]),
        None => rest.push(span("no IP", None)),
    }
    // Name, state and IP on one line when they fit, else state and IP below the name.
    if spans_width(&head) + d.chars().count() + spans_width(&rest) <= c.w {
        let mut one = head;
        one.push(span(d, None));
        one.extend(rest);
        put_spans(c, row, 0, &one);
        row += 1;
    } else {
        put_spans(c, row, 0, &head);
        put_spans(c, row + 1, 1, &rest);
        row += 2;
    }
    if ctx.sandbox {
        let mut s = vec![span(" ", None)];
        s.extend(sandbox_line(ctx, pod));
        put_spans(c, row, 0, &s);
        row += 1;
    }
    for l in init_lines(ctx, pod) {
        let mut s = vec![span(" ", None)];
        s.extend(l);
        put_spans(c, row, 0, &s);
        row += 1;
    }
    let name_w = pod
        .long_running()
        .map(|c| compact_label(ctx, c).chars().count())
        .max()
        .unwrap_or(0);
    for k in pod.long_running() {
        let name = format!(" {:<name_w$} ", compact_label(ctx, k));
        let mut s = vec![span(name, None), state_words(k, pod, ctx.sim.now)];
        let restarts = format!("{d}restarts {}", k.restarts);
        // The restart count is also in the status table: drop it rather than cut it.
        if spans_width(&s) + restarts.chars().count() <= c.w {
            s.push(span(restarts, None));
        }
        put_spans(c, row, 0, &s);
        row += 1;
        if let Some(msg) = &k.message {
            put_spans(
                c,
                row,
                0,
                &[
                    span(format!(" {:<name_w$} ", ""), None),
                    span(short_message(msg), Some(MarkKind::Refused)),
                ],
            );
            row += 1;
        }
    }
    for f in pod_flows(ctx, pod) {
        if let Some(line) = inner_flow(ctx, pod, f) {
            for l in flow_rows(&line, c.w.saturating_sub(1)) {
                put_spans(c, row, 1, &l);
                row += 1;
            }
        }
    }
    for v in pod.volumes.iter().filter(|_| !ctx.hide_volumes) {
        let mut s = vec![span(" ", None)];
        s.extend(volume_line(v));
        put_spans(c, row, 0, &s);
        row += 1;
    }
    outer_flows(ctx, c, pod, false, row)
}

/// A container's state as one line for a short box: state words and, when
/// there is room, its restarts (the table has the sum; the box says whose).
fn short_lines(ctx: &Ctx, pod: &Pod, c: &Container) -> Vec<Vec<Span>> {
    let mut out = vec![vec![
        state_words(c, pod, ctx.sim.now),
        span(format!("{}restarts {}", ctx.g.dot, c.restarts), None),
    ]];
    if let Some(msg) = &c.message {
        out.push(vec![span(short_message(msg), Some(MarkKind::Refused))]);
    }
    out
}

/// A container's state in one or two words, for `[name: state]` cells.
fn short_state(c: &Container, pod: &Pod, now: u64) -> Span {
    let (words, mark) = state_words(c, pod, now);
    let short = match &c.state {
        State::Running { .. } if c.is_stopping() => format!("{} sent", c.spec.stop_signal.name()),
        State::Running { .. } if c.ready || c.spec.kind == Kind::Init => "running".to_string(),
        State::Running { .. } => "started".to_string(),
        State::Waiting(Waiting::CrashLoopBackOff) => {
            format!("back-off {}s", c.backoff_left(now).unwrap_or(0))
        }
        State::Waiting(Waiting::ContainerCreating) if !pod.is_terminating() => words,
        State::Waiting(_) => "waiting".to_string(),
        State::Terminated { exit_code: 0, .. } if c.spec.kind == Kind::Init => "done".to_string(),
        State::Terminated { exit_code, .. } => format!("exit {exit_code}"),
    };
    (short, mark)
}

/// `[name: state]` cells, wrapped into rows no wider than `room`; a
/// container's last error joins its cell only when that costs no extra row.
fn cell_rows(ctx: &Ctx, pod: &Pod, room: usize) -> Vec<Vec<Span>> {
    let with = cell_rows_with(ctx, pod, room, true);
    let without = cell_rows_with(ctx, pod, room, false);
    if with.len() > without.len() {
        without
    } else {
        with
    }
}

fn cell_rows_with(ctx: &Ctx, pod: &Pod, room: usize, messages: bool) -> Vec<Vec<Span>> {
    let mut cells: Vec<Vec<Span>> = Vec::new();
    if ctx.sandbox {
        let (words, mark) = match (pod.sandbox.ready, pod.sandbox.generation) {
            (true, _) => (format!("net{d}ipc{d}uts", d = ctx.g.dot.trim()), None),
            (false, 0) => ("not yet".to_string(), Some(MarkKind::Waiting)),
            (false, _) => ("lost".to_string(), Some(MarkKind::Down)),
        };
        cells.push(vec![
            span("[pause: ", None),
            span(words, mark),
            span("]", None),
        ]);
    }
    for k in pod.all() {
        let mut cell = vec![span(format!("[{}: ", compact_label(ctx, k)), None)];
        cell.push(short_state(k, pod, ctx.sim.now));
        if let Some(msg) = k.message.as_ref().filter(|_| messages) {
            cell.push(span(", ", None));
            cell.push(span(short_message(msg), Some(MarkKind::Refused)));
        }
        cell.push(span("]", None));
        cells.push(cell);
    }
    let mut rows: Vec<Vec<Span>> = Vec::new();
    for cell in cells {
        match rows.last_mut() {
            Some(r) if spans_width(r) + 1 + spans_width(&cell) <= room => {
                r.push(span(" ", None));
                r.extend(cell);
            }
            _ => rows.push(cell),
        }
    }
    rows
}

/// The Pod as a box of container boxes (full, short or inline cells).
fn draw_boxed(ctx: &Ctx, c: &mut Canvas, pod: &Pod, mut row: usize, layout: Layout) -> usize {
    let wide = matches!(layout, Layout::Wide | Layout::Short { .. });
    let short = matches!(layout, Layout::Short { .. });
    let inline = matches!(layout, Layout::Inline { .. });
    let with_volumes = !matches!(
        layout,
        Layout::Short { volumes: false } | Layout::Inline { volumes: false }
    );
    let g = &ctx.g;
    if c.w < 12 {
        // No room for a box inside a box: let the compact form take over.
        c.clipped = true;
        return row;
    }
    let boxes: Vec<(&Container, Vec<Vec<Span>>)> = if inline {
        Vec::new()
    } else {
        pod.long_running()
            .map(|k| {
                let lines = if short {
                    short_lines(ctx, pod, k)
                } else {
                    box_lines(ctx, pod, k)
                };
                (k, lines)
            })
            .collect()
    };
    let need = |(k, lines): &(&Container, Vec<Vec<Span>>)| {
        // A short box may drop its restarts: only the state must fit.
        let content = lines
            .iter()
            .map(|l| {
                if short {
                    spans_width(&l[..1])
                } else {
                    spans_width(l)
                }
            })
            .max()
            .unwrap_or(0);
        // Borders and one space of padding each side; the title sits in the top border.
        (content + 4).max(title(k).chars().count() + 6)
    };
    let widest = boxes.iter().map(need).max().unwrap_or(12);
    let n = boxes.len().max(1);
    let gap = 2;
    let mut inner_lines: Vec<Vec<Span>> = Vec::new();
    if ctx.sandbox && !inline {
        inner_lines.push(sandbox_line(ctx, pod));
    }
    if !inline {
        inner_lines.extend(init_lines(ctx, pod));
    }
    let flows: Vec<FlowLine> = pod_flows(ctx, pod)
        .filter_map(|f| inner_flow(ctx, pod, f))
        .collect();
    let volumes: Vec<Vec<Span>> = if ctx.hide_volumes || !with_volumes {
        Vec::new()
    } else {
        pod.volumes.iter().map(volume_line).collect()
    };
    let text_need = inner_lines
        .iter()
        .chain(&volumes)
        .map(|l| spans_width(l))
        .chain(flows.iter().map(flow_need))
        .max()
        .unwrap_or(0)
        + 4;
    let mut t = vec![span(format!(" Pod {}{}", pod.name, g.dot), None)];
    t.push(pod_state_word(pod));
    t.push(span(" ", None));
    let title_need = spans_width(&t) + 4;
    // Pod box width: what the content needs, grown toward the area but capped.
    let content_need = if inline {
        // Cells wrap, so the widest single cell is what must fit.
        cell_rows(ctx, pod, 0)
            .iter()
            .map(|r| spans_width(r))
            .max()
            .unwrap_or(0)
            + 4
    } else if wide {
        n * widest + (n - 1) * gap + 4
    } else {
        widest + 4
    };
    let need_w = content_need.max(text_need).max(title_need);
    let bw = c.w.min(MAX_BOX).max(need_w.min(c.w));
    if need_w > c.w {
        c.clipped = true;
    }
    let bw = bw.max(4);

    // Title in the top border: name and state on the left, IP on the right
    // (or on the first line inside when the border is too short).
    let ip: Vec<Span> = match &pod.ip {
        Some(ip) => vec![
            span(" IP ", None),
            span(ip.clone(), Some(MarkKind::Ip)),
            span(" ", None),
        ],
        None => vec![span(" no IP ", Some(MarkKind::Waiting))],
    };
    let (tw, iw) = (spans_width(&t), spans_width(&ip));
    // Decide with the longest status and IP, so the IP does not hop between moments.
    let steady = spans_width(&t[..1]) + "ContainerCreating ".len();
    // Short pictures need the row more than a steady place for the IP.
    let ip_in_title = if short || inline {
        bw >= 2 + tw + iw + 3
    } else {
        bw >= 2 + tw.max(steady) + iw.max(" IP 10.1.255.255 ".len()) + 3
    };
    if !ip_in_title {
        let inside = match &pod.ip {
            Some(ip) => vec![span("IP ", None), span(ip.clone(), Some(MarkKind::Ip))],
            None => vec![span("no IP", Some(MarkKind::Waiting))],
        };
        inner_lines.insert(0, inside);
    }

    row = outer_flows(ctx, c, pod, true, row);
    let top = row;
    row += 1;
    for l in &inner_lines {
        put_spans(c, row, 2, l);
        row += 1;
    }
    if inline {
        for l in cell_rows(ctx, pod, bw.saturating_sub(4)) {
            put_spans(c, row, 2, &l);
            row += 1;
        }
    }
    let box_h = boxes.iter().map(|(_, l)| l.len()).max().unwrap_or(0) + 2;
    if wide {
        let cw = bw.saturating_sub(4 + (n - 1) * gap) / n;
        for (i, (k, lines)) in boxes.iter().enumerate() {
            let left = 2 + i * (cw + gap);
            draw_container(ctx, c, k, lines, row, (left, cw, box_h), short);
        }
        if !boxes.is_empty() {
            row += box_h;
        }
    } else {
        for (k, lines) in &boxes {
            draw_container(ctx, c, k, lines, row, (2, bw - 4, lines.len() + 2), false);
            row += lines.len() + 2;
        }
    }
    for f in &flows {
        for l in flow_rows(f, bw - 4) {
            put_spans(c, row, 2, &l);
            row += 1;
        }
    }
    for l in &volumes {
        put_spans(c, row, 2, l);
        row += 1;
    }
    c.frame(g, top, 0, row, bw - 1);
    put_spans(c, top, 2, &t);
    if ip_in_title {
        put_spans(c, top, bw - 2 - iw, &ip);
    }
    outer_flows(ctx, c, pod, false, row + 1)
}

/// Draws one container box at `top`; `(left, width, height)` place it. In a
/// short box the spans after the first are extras, left out when they do not fit.
fn draw_container(
    ctx: &Ctx,
    c: &mut Canvas,
    k: &Container,
    lines: &[Vec<Span>],
    top: usize,
    (left, w, h): (usize, usize, usize),
    short: bool,
) {
    let w = w.max(4);
    let right = left + w - 1;
    c.frame(&ctx.g, top, left, top + h - 1, right);
    // A short box has no room for image, role or ports inside: the role and
    // the first port go in its title, as far as they fit.
    let name = if short {
        let port = k
            .spec
            .ports
            .first()
            .map(|p| format!(" :{p}"))
            .unwrap_or_default();
        [
            format!(" {}{port} ", compact_label(ctx, k)),
            format!(" {} ", compact_label(ctx, k)),
            format!(" {} ", title(k)),
        ]
        .into_iter()
        .find(|n| n.chars().count() + 4 <= w)
        .unwrap_or_else(|| format!(" {} ", title(k)))
    } else {
        format!(" {} ", title(k))
    };
    c.put(top, left + 2, &name, None);
    for (i, l) in lines.iter().enumerate() {
        // Content past the box edge would overwrite the border: cut it there.
        let mut x = left + 2;
        for (j, (s, m)) in l.iter().enumerate() {
            let room = right.saturating_sub(x + 1);
            if short && j > 0 && s.chars().count() > room {
                break;
            }
            let cut: String = s.chars().take(room).collect();
            if cut.chars().count() < s.chars().count() {
                c.clipped = true;
            }
            x = c.put(top + 1 + i, x, &cut, *m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{ContainerSpec, Event, PodSpec};

    fn sim() -> Sim {
        let mut s = Sim::new();
        s.create(
            PodSpec::new("web-7d9f")
                .with(ContainerSpec::app("app", "nginx:1.27").port(8080))
                .with(ContainerSpec::app("log-shipper", "fluent-bit:3.1")),
        );
        s.advance(3);
        s
    }

    fn text(f: &Frame) -> String {
        f.lines.join("\n")
    }

    #[test]
    fn container_states_are_words_not_only_colours() {
        let mut s = sim();
        s.apply(Event::Crash {
            container: "log-shipper".into(),
            exit_code: 1,
        })
        .unwrap();
        let t = text(&render(&s, 0, 80, 30, Charset::Unicode));
        assert!(t.contains("terminated (exit 1)"), "{t}");
        // The first restart is immediate; the second crash backs off.
        s.step();
        s.apply(Event::Crash {
            container: "log-shipper".into(),
            exit_code: 1,
        })
        .unwrap();
        s.step();
        let t = text(&render(&s, 0, 80, 30, Charset::Unicode));
        assert!(t.contains("CrashLoopBackOff 9s"), "{t}");
        assert!(t.contains("running, ready"), "{t}");
    }

    #[test]
    fn layout_follows_the_area() {
        let s = sim();
        let wide = render(&s, 0, 80, 30, Charset::Unicode);
        let narrow = render(&s, 0, 40, 30, Charset::Unicode);
        let short = render(&s, 0, 60, 5, Charset::Unicode);
        let inline = render(&s, 0, 40, 5, Charset::Unicode);
        let tiny = render(&s, 0, 11, 5, Charset::Unicode);
        // Side by side: both container names on one line.
        assert!(
            wide.lines
                .iter()
                .any(|l| l.contains("┌─ app") && l.contains("┌─ log-shipper"))
        );
        assert!(
            !narrow
                .lines
                .iter()
                .any(|l| l.contains("app ") && l.contains("log-shipper"))
        );
        assert!(narrow.lines.iter().any(|l| l.contains("┌─ log-shipper")));
        // A few rows: one-line boxes, then cells, still inside the Pod's box.
        assert!(
            short.lines.iter().any(|l| l.contains("┌─ app")),
            "{short:?}"
        );
        assert_eq!(short.lines.len(), 5, "{short:?}");
        assert!(
            inline.lines[0].starts_with("┌─ Pod web-7d9f-x2k4q"),
            "{inline:?}"
        );
        assert!(
            inline.lines.iter().any(|l| l.contains("[app: running]")),
            "{inline:?}"
        );
        // Too narrow for any box: the text list.
        assert!(tiny.lines.len() <= 5);
        assert!(tiny.lines[0].starts_with("Pod web-7d9"), "{tiny:?}");
    }

    #[test]
    fn refused_requests_say_so_in_words() {
        let mut s = sim();
        s.apply(Event::Request {
            from: "app".into(),
            port: 9090,
        })
        .unwrap();
        let f = render(&s, 3, 80, 30, Charset::Ascii);
        let t = text(&f);
        assert!(t.contains("localhost:9090 connection refused"), "{t}");
        assert!(t.is_ascii());
        assert!(f.marks.iter().any(|m| m.kind == MarkKind::Refused));
    }

    #[test]
    fn the_same_flow_twice_in_a_moment_is_drawn_once() {
        // A container that dials at every start, crash-looping, sends the
        // same flow again: one arrow says it.
        let mut s = sim();
        for _ in 0..2 {
            s.apply(Event::Outbound {
                from: "app".into(),
                to: "10.1.0.7:6379".into(),
            })
            .unwrap();
        }
        s.apply(Event::Request {
            from: "app".into(),
            port: 9090,
        })
        .unwrap();
        let t = text(&render(&s, 3, 80, 30, Charset::Ascii));
        assert_eq!(t.matches("10.1.0.7:6379").count(), 1, "{t}");
        assert_eq!(t.matches("localhost:9090").count(), 1, "{t}");
    }

    #[test]
    fn zero_area_and_empty_node_do_not_panic() {
        let s = sim();
        assert_eq!(render(&s, 0, 0, 0, Charset::Unicode), Frame::default());
        assert_eq!(render(&s, 0, 1, 0, Charset::Unicode), Frame::default());
        let f = render(&Sim::new(), 0, 10, 1, Charset::Unicode);
        assert_eq!(f.lines, ["(no Pod on"]);
    }
}

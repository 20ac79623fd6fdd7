//! STUB matching the diagram API contract; replaced by the sim work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Charset {
    #[default]
    Unicode,
    Ascii,
}
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frame {
    pub lines: Vec<String>,
    pub marks: Vec<Mark>,
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub line: usize,
    pub col: usize,
    pub width: usize,
    pub kind: MarkKind,
}
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

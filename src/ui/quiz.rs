//! The question modes' page: where the round stands, the question on
//! screen (its choices, or a recall card), its feedback, the wait for a
//! missed review question, and the end screen. One scrolling column; an
//! open question's selected choice never leaves the view.

use super::chrome::{measure, put_lines};
use super::question::Lines;
use super::{Drawn, Theme};
use crate::app::quiz::{Ask, CARD_GRADES, Question, all_items};
use crate::app::{App, Quiz, QuizKind, Stage, TextFacts, ViewFacts};
use crate::item::ItemKind;
use crate::review;
use crate::text::sanitize;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Draws the page and reports how far its text scrolls.
pub fn draw(
    f: &mut Frame<'_>,
    area: Rect,
    app: &App,
    q: &Quiz,
    t: &Theme,
    g: &super::theme::Glyphs,
) -> Drawn {
    let area = measure(area, 100);
    let w = area.width as usize;
    // Where the round stands stays in view; the question scrolls below it.
    let mut head = Lines::new(w, t);
    head.glyphs = *g;
    status(&mut head, app, q);
    let mut b = Lines::new(w, t);
    // Key names as words under --ascii (`Up/Down`, not `^v`).
    b.glyphs = *g;
    let mut keep: Option<std::ops::Range<usize>> = None;
    match &q.current {
        Some(cur) => {
            question(&mut b, app, q);
            // The selected (or rated) choice, and what to do next if it
            // fits, are kept in view.
            if let Ask::Choice(
                Stage::Choosing {
                    selected: Some(s), ..
                }
                | Stage::Rating { choice: s },
            ) = &cur.ask
            {
                keep = b.part.choices.get(*s).cloned();
            }
        }
        None if !q.later.is_empty() => waiting(&mut b, q),
        None => end(&mut b, app, q),
    }
    // A blank line under the status where there is room for it.
    if f.area().height >= 24 {
        head.push(Line::default());
    }
    let head_h = (head.part.lines.len() as u16).min(area.height.saturating_sub(1));
    let body = Rect::new(area.x, area.y + head_h, area.width, area.height - head_h);
    let lines = &b.part.lines;
    let rows = body.height;
    let total = lines.len() as u16;
    let facts = TextFacts {
        rows,
        total,
        anchor: None,
        ..TextFacts::default()
    };
    let mut scroll = q.scroll_for(facts);
    if let Some(r) = keep {
        let (a, mut e) = (r.start as u16, r.end as u16);
        if total - a <= rows {
            e = total;
        }
        if a < scroll {
            scroll = a;
        } else if e > scroll + rows {
            scroll = e.saturating_sub(rows).min(a);
        }
    }
    // How much more there is, on the right of the status line.
    let max = total.saturating_sub(rows);
    if max > 0 {
        let more = if scroll >= max {
            " end".to_string()
        } else {
            format!(" ↓ more · {}%", u32::from(scroll) * 100 / u32::from(max))
        };
        if let Some(first) = head.part.lines.first_mut() {
            let used = first.width();
            let pad = w.saturating_sub(used + crate::text::width(&more));
            first.spans.push(Span::raw(" ".repeat(pad)));
            first.spans.push(Span::styled(more, t.key()));
        }
    }
    put_lines(
        f.buffer_mut(),
        area,
        head.part.lines.iter().take(head_h as usize),
    );
    put_lines(f.buffer_mut(), body, lines.iter().skip(usize::from(scroll)));
    let mut drawn = Drawn {
        facts: ViewFacts {
            too_small: false,
            text: Some(facts),
        },
        ..Drawn::default()
    };
    // Clicks on the open question's choices.
    if let Some(cur) = &q.current
        && matches!(cur.ask, Ask::Choice(Stage::Choosing { .. }))
    {
        for (n, r) in b.part.choices.iter().enumerate() {
            for line in r.clone() {
                if let Some(row) = (line as u16).checked_sub(scroll)
                    && row < rows
                {
                    drawn
                        .choices
                        .push((Rect::new(body.x, body.y + row, body.width, 1), n));
                }
            }
        }
    }
    drawn
}

/// "Review · Question 3 of 12 · 2 right", and what the round is about.
fn status(b: &mut Lines<'_>, app: &App, q: &Quiz) {
    let t = b.t;
    // The end's verdict heads the page in place of the question count.
    let title = end_head(q).unwrap_or_else(|| q.kind.title().to_string());
    let mut line = vec![Span::styled(title, t.heading())];
    if q.total > 0 && !q.is_over() {
        let mut s = format!(" · Question {} of {}", q.asked.max(1), q.total);
        s.push_str(&format!(" · {} right", q.right()));
        line.push(Span::raw(s));
    }
    if q.current.as_ref().is_some_and(|c| c.again) {
        line.push(Span::styled(" · again after a miss", t.warning()));
    }
    b.push(Line::from(line));
    let note = match q.kind {
        QuizKind::Cram => "Cram: answers here do not change your schedule.",
        QuizKind::Placement if !q.is_over() => "Right and sure marks a section known.",
        QuizKind::Review if !q.is_over() => "A miss comes back in a minute.",
        _ => "",
    };
    if !note.is_empty() {
        let style = t.dim();
        b.styled(note, style);
    }
    let _ = app;
}

/// The question on screen: its kind and section, the prompt, then the
/// choices, the card, or the feedback.
fn question(b: &mut Lines<'_>, app: &App, q: &Quiz) {
    let t = b.t;
    let Some(cur) = &q.current else {
        return;
    };
    let lesson = &app.session.lesson;
    let Some(question) = Question::of(lesson, &cur.id) else {
        return;
    };
    let kind = match cur.id.kind() {
        Some(ItemKind::Prediction) => "Predict",
        Some(ItemKind::Myth) => "Fact or myth?",
        _ => "Recall",
    };
    let section = question
        .section(lesson)
        .map(|s| sanitize(&lesson.section_title(s)).into_owned());
    b.blank();
    // A claim's section title says "Fact or myth?" already.
    let line = match (cur.id.kind(), section) {
        (Some(ItemKind::Myth), Some(s)) => vec![Span::styled(s, t.label())],
        (_, s) => vec![
            Span::styled(kind, t.label()),
            Span::styled(s.map(|s| format!(" · {s}")).unwrap_or_default(), t.dim()),
        ],
    };
    b.push(Line::from(line));
    let prompt = sanitize(question.prompt());
    match question {
        Question::Choice(item) => {
            if item.kind == ItemKind::Myth {
                let style = t.heading();
                b.hanging("“", &format!("{prompt}”"), style);
            } else {
                b.styled(&prompt, ratatui::style::Style::new());
            }
            b.blank();
            match (&cur.ask, &cur.answer) {
                (_, Some(a)) => {
                    b.feedback(item.choices, item.answer, std::slice::from_ref(a), 0);
                    after(b, q, a.correct);
                }
                (Ask::Choice(stage), None) => {
                    let again = if q.kind == QuizKind::Placement {
                        " Placement always asks how sure you are."
                    } else {
                        ""
                    };
                    b.open_choices(item.choices, stage, again);
                }
                _ => {}
            }
        }
        Question::Card(card) => {
            b.styled(&prompt, ratatui::style::Style::new());
            b.blank();
            let revealed = matches!(cur.ask, Ask::Card { revealed: true }) || cur.answer.is_some();
            if !revealed {
                let style = t.dim();
                b.styled(
                    "Answer it in your head, then press Enter to see the answer.",
                    style,
                );
                return;
            }
            let style = t.label();
            b.styled("Answer", style);
            b.styled(&sanitize(&card.answer), ratatui::style::Style::new());
            b.blank();
            match &cur.answer {
                None => {
                    let style = t.key();
                    b.styled(
                        "Did you know it? 1 didn't know · 2 knew it, with effort · 3 knew it",
                        style,
                    );
                }
                Some(a) => {
                    let grade = CARD_GRADES
                        .iter()
                        .find(|g| g.0 == a.choice)
                        .map_or("", |g| g.1);
                    let (mark, style) = if a.correct {
                        ("✓ ", t.right())
                    } else {
                        ("✗ ", t.wrong())
                    };
                    b.push(Line::from(vec![
                        Span::styled(mark, style),
                        Span::styled(format!("You {grade}."), style),
                    ]));
                    after(b, q, a.correct);
                }
            }
        }
    }
}

/// What happens next, under the feedback.
fn after(b: &mut Lines<'_>, q: &Quiz, correct: bool) {
    let t = b.t;
    b.blank();
    if q.kind == QuizKind::Review && !correct {
        let style = t.warning();
        b.styled(
            "It comes back in a minute, once the step has passed, then on its schedule.",
            style,
        );
    }
    let last = q.queue.is_empty() && q.later.is_empty();
    let style = t.key();
    b.styled(
        if last {
            "Press Enter to see how the round went."
        } else {
            "Press Enter for the next question."
        },
        style,
    );
}

/// Waiting for a missed review question to come back.
fn waiting(b: &mut Lines<'_>, q: &Quiz) {
    let t = b.t;
    let n = q.later.len();
    let wait = q.next_back().map_or(0, |d| d - q.now).max(0);
    let when = if wait < 100 {
        format!("{wait} s")
    } else {
        review::in_words(wait)
    };
    let what = if n == 1 {
        "1 missed question comes back".to_string()
    } else {
        format!("{n} missed questions come back")
    };
    b.blank();
    let style = t.heading();
    b.styled(&format!("{what} in {when}."), style);
    b.blank();
    let style = t.dim();
    b.styled(
        "Not before its time: answering it again after a short gap is what makes it stick. \
         Stay here and it appears by itself; Esc leaves, and it stays due.",
        style,
    );
}

/// The end of the round: the score and the misses, or what placement found.
fn end(b: &mut Lines<'_>, app: &App, q: &Quiz) {
    let t = b.t;
    let s = &app.session;
    let lesson = &s.lesson;
    b.blank();
    if q.total == 0 {
        let text = match q.kind {
            QuizKind::Review => nothing_due(app, q.now),
            _ => "This lesson has no questions.".to_string(),
        };
        let style = t.heading();
        b.styled(&text, style);
        return;
    }
    match q.kind {
        QuizKind::Cram => {
            let style = t.dim();
            b.styled("Nothing was recorded: your schedule is as it was.", style);
        }
        QuizKind::Review => {
            let style = t.dim();
            b.styled(&next_review(app, q.now), style);
        }
        QuizKind::Quiz => {
            let style = t.dim();
            b.styled(
                "A question answered for the first time here counts for the lesson's score.",
                style,
            );
        }
        QuizKind::Placement => {}
    }
    if q.kind == QuizKind::Placement {
        b.blank();
        let style = t.label();
        b.styled("Known: Learn skips these (they stay in the outline)", style);
        if q.known.is_empty() {
            b.hanging("  ", "none yet", t.dim());
        }
        for sec in &q.known {
            b.hanging("✓ ", &sanitize(&lesson.section_title(*sec)), t.right());
        }
        let start = crate::app::Start::continue_index(s, &app.sections);
        if let Some(sec) = app.sections.get(start) {
            b.blank();
            b.push(Line::from(vec![
                Span::styled("Learn starts at: ", t.label()),
                Span::raw(sanitize(&lesson.section_title(*sec)).into_owned()),
            ]));
        }
    }
    let misses = q.misses();
    b.blank();
    let style = t.label();
    if misses.is_empty() {
        b.styled("No misses.", style);
        return;
    }
    b.styled(&format!("Missed ({})", misses.len()), style);
    for (id, a) in misses {
        let Some(question) = Question::of(lesson, id) else {
            continue;
        };
        b.blank();
        b.hanging("✗ ", &sanitize(question.prompt()), t.wrong());
        b.hanging("  You:    ", &sanitize(&question.said(a)), t.dim());
        b.hanging(
            "  Answer: ",
            &sanitize(question.right_answer()),
            ratatui::style::Style::new(),
        );
    }
}

/// "Quiz done: 9 of 12 right (75%)", once a round with questions is over.
fn end_head(q: &Quiz) -> Option<String> {
    if !q.is_over() || q.total == 0 {
        return None;
    }
    let right = q.right();
    let n = q.answers.len();
    let pct = (right * 100 + n / 2).checked_div(n).unwrap_or(0);
    Some(match q.kind {
        QuizKind::Placement => format!("Placement done: {right} of {n} right"),
        k => format!("{} done: {right} of {n} right ({pct}%)", k.title()),
    })
}

/// "Nothing is due. Next review in 2 days." (or why there is nothing yet).
fn nothing_due(app: &App, now: i64) -> String {
    match next_in(app, now) {
        Some(w) => format!("Nothing is due. Next review in {w}."),
        None => "Nothing to review yet: questions come back here once you have answered them \
                 in Learn or Quiz."
            .to_string(),
    }
}

/// "Next review in 2 days." after a review round (or what fell due
/// meanwhile, answered in another window).
fn next_review(app: &App, now: i64) -> String {
    let due = due_now(app, now);
    if due > 0 {
        return format!("{due} more due now: run the review again for them.");
    }
    match next_in(app, now) {
        Some(w) => format!("Next review in {w}."),
        None => String::new(),
    }
}

/// How long until the next item falls due, in words.
fn next_in(app: &App, now: i64) -> Option<String> {
    let sum = summary(app, now);
    sum.next.map(|n| review::in_words(n - now))
}

/// How many items are due at `now`.
fn due_now(app: &App, now: i64) -> usize {
    summary(app, now).due
}

/// The review summary of the lesson's items at `now`.
fn summary(app: &App, now: i64) -> review::Summary {
    let s = &app.session;
    let histories: Vec<Vec<review::Review>> = all_items(&s.lesson)
        .iter()
        .map(|id| {
            s.record()
                .and_then(|r| r.item(id))
                .map(crate::item::ItemRecord::reviews)
                .unwrap_or_default()
        })
        .collect();
    review::summary(histories.iter().map(|h| ((), h.as_slice())), now)
}

//! `podtutor lint --strict`: rules about teaching quality, on top of the
//! format checks. A lesson can be valid and still be winnable without knowing
//! the topic: every myth false, the right answer the longest one, the
//! explanation opening with "Right." so the text gives the verdict away.
//! These rules catch that, each at the place to fix (`FILE:LINE:COL`).
//!
//! They run only on a lesson that already passed [`super::check`], so the
//! source parses and every path below exists; a path that does not (it
//! cannot, short of a bug) falls back to the start of the file rather than
//! failing.

use super::lint::Diagnostic;
use super::{Lesson, Question};
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Words that give a verdict; an explanation opening with one of them repeats
/// (or contradicts) the tutor's own "✓ Right" / "✗ Not quite".
const VERDICTS: &[&str] = &[
    "right",
    "wrong",
    "correct",
    "incorrect",
    "not quite",
    "exactly",
    "yes",
    "no",
    "nope",
    "true",
    "false",
    "close",
    "almost",
    "tempting",
    "indeed",
    "well done",
    "spot on",
];

/// A position is checked only if at least this many questions offer it: one
/// four-way question among two-way ones cannot be made to vary on its own.
const POSITION_MIN_QUESTIONS: usize = 3;

/// The author's `estimated_minutes` may differ from the derived figure by this
/// many percent before it is reported.
const ESTIMATE_TOLERANCE_PERCENT: u32 = 25;

/// Every strict-rule problem in `lesson`, parsed from `source`, in source order.
pub fn check(source: &str, lesson: &Lesson) -> Vec<Diagnostic> {
    let root = DeTable::parse(source).ok();
    let at = |path: &[Seg]| root.as_ref().and_then(|r| span(r, path)).unwrap_or(0..0);
    let mut diags = Vec::new();
    let qs = questions(lesson);

    true_claims(lesson, &at, &mut diags);
    longest_right_choice(&qs, &at, &mut diags);
    positions(&qs, &at, &mut diags);
    verdict_words(&qs, &at, &mut diags);
    estimate(lesson, &at, &mut diags);
    card_sections(lesson, &at, &mut diags);

    diags.sort_by_key(|d| (d.span.start, d.span.end));
    diags
}

/// One step of a path into the TOML tree: a key or a list index.
#[derive(Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}
use Seg::{Index, Key};

fn span(root: &Spanned<DeTable<'_>>, path: &[Seg]) -> Option<Range<usize>> {
    let (first, rest) = path.split_first()?;
    let Key(k) = first else { return None };
    let mut v: &Spanned<DeValue<'_>> = root.get_ref().get(*k)?;
    for seg in rest {
        v = match seg {
            Key(k) => v.get_ref().get(*k)?,
            Index(i) => v.get_ref().get(*i)?,
        };
    }
    Some(v.span())
}

/// A question with the path of its table in the file and of its prompt.
struct Q<'a> {
    q: Question,
    /// `steps[2].prediction` or `myths[4]`.
    path: Vec<Seg<'a>>,
}

impl Q<'_> {
    fn at<'s>(&'s self, more: &[Seg<'s>]) -> Vec<Seg<'s>> {
        let mut p = self.path.clone();
        p.extend_from_slice(more);
        p
    }
}

fn questions(l: &Lesson) -> Vec<Q<'static>> {
    let mut out = Vec::new();
    for (i, s) in l.steps.iter().enumerate() {
        if let Some(q) = &s.prediction {
            out.push(Q {
                q: q.clone(),
                path: vec![Key("steps"), Index(i), Key("prediction")],
            });
        }
    }
    for (i, m) in l.myths.iter().enumerate() {
        out.push(Q {
            q: m.question(),
            path: vec![Key("myths"), Index(i)],
        });
    }
    out
}

/// Whether a fact-or-myth answer says the claim is true: its id or its text is
/// `true` or `fact`. Claims answered any other way (false, or one of several
/// nuanced choices) do not count as true.
fn says_true(q: &Question) -> bool {
    q.correct().is_some_and(|c| {
        let text = c.text.trim().to_lowercase();
        c.id == "true" || c.id == "fact" || text == "true" || text == "fact"
    })
}

/// At least a third of the fact-or-myth claims must be true, or "it's a myth"
/// wins the quiz without any knowledge.
fn true_claims(l: &Lesson, at: &dyn Fn(&[Seg]) -> Range<usize>, diags: &mut Vec<Diagnostic>) {
    let total = l.myths.len();
    let true_ones = l.myths.iter().filter(|m| says_true(&m.question())).count();
    if total == 0 || true_ones * 3 >= total {
        return;
    }
    let need = total.div_ceil(3);
    diags.push(Diagnostic {
        span: at(&[Key("myths"), Index(0)]),
        message: format!(
            "only {true_ones} of the {total} fact-or-myth claims are true; make at least \
             {need} true (answer `true`), or answering \"myth\" every time wins the quiz"
        ),
    });
}

fn chars(s: &str) -> usize {
    s.trim().chars().count()
}

/// Whether the right choice's text is strictly longer than every other
/// choice's (ties do not count: "Fact" and "Myth" give nothing away).
fn right_is_longest(q: &Question) -> bool {
    let Some(right) = q.correct() else {
        return false;
    };
    q.choices
        .iter()
        .filter(|c| c.id != q.answer)
        .all(|c| chars(&c.text) < chars(&right.text))
}

/// The right choice may be the longest in at most a third of the questions,
/// or "pick the most detailed answer" wins.
fn longest_right_choice(
    qs: &[Q],
    at: &dyn Fn(&[Seg]) -> Range<usize>,
    diags: &mut Vec<Diagnostic>,
) {
    let longest: Vec<&Q> = qs.iter().filter(|q| right_is_longest(&q.q)).collect();
    if longest.len() * 3 <= qs.len() {
        return;
    }
    let allowed = qs.len() / 3;
    for q in &longest {
        let Some(j) = q.q.choices.iter().position(|c| c.id == q.q.answer) else {
            continue;
        };
        diags.push(Diagnostic {
            span: at(&q.at(&[Key("choices"), Index(j), Key("text")])),
            message: format!(
                "the right choice is the longest one here and in {} of the {} questions \
                 (at most {allowed} may be); shorten it or give a wrong choice as much detail",
                longest.len(),
                qs.len()
            ),
        });
    }
}

/// The right choice must sit in every position that at least
/// [`POSITION_MIN_QUESTIONS`] questions offer, or "always pick 2)" wins.
fn positions(qs: &[Q], at: &dyn Fn(&[Seg]) -> Range<usize>, diags: &mut Vec<Diagnostic>) {
    let most = qs.iter().map(|q| q.q.choices.len()).max().unwrap_or(0);
    for p in 0..most {
        let offering: Vec<&Q> = qs.iter().filter(|q| q.q.choices.len() > p).collect();
        if offering.len() < POSITION_MIN_QUESTIONS {
            continue;
        }
        let used = offering
            .iter()
            .any(|q| q.q.choices.iter().position(|c| c.id == q.q.answer) == Some(p));
        if !used {
            diags.push(Diagnostic {
                span: at(&offering[0].at(&[Key("choices")])),
                message: format!(
                    "no question has its right choice in position {}, though {} questions \
                     have that many choices; reorder some choices (ids, not positions, are \
                     saved, so this is safe)",
                    p + 1,
                    offering.len()
                ),
            });
        }
    }
}

/// The verdict word an explanation opens with, if any: the word itself
/// followed by punctuation or the end ("Right.", "No:", "Close, but"), not a
/// sentence that merely starts with it ("No container …").
pub fn verdict_opening(explanation: &str) -> Option<&'static str> {
    let t = explanation.trim_start().to_lowercase();
    VERDICTS.iter().copied().find(|v| {
        t.strip_prefix(v).is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with(['.', '!', ',', ':', ';', '—', '–'])
                || rest.starts_with(" -")
                || rest.starts_with(" —")
        })
    })
}

/// Explanations are shown under the tutor's own verdict; one that opens with
/// "Right." reads "✗ Not quite … Right. …" after a wrong answer.
fn verdict_words(qs: &[Q], at: &dyn Fn(&[Seg]) -> Range<usize>, diags: &mut Vec<Diagnostic>) {
    for q in qs {
        for (j, c) in q.q.choices.iter().enumerate() {
            if let Some(v) = verdict_opening(&c.explanation) {
                diags.push(Diagnostic {
                    span: at(&q.at(&[Key("choices"), Index(j), Key("explanation")])),
                    message: format!(
                        "the explanation opens with the verdict \"{}\"; the tutor already shows \
                         whether the answer was right, so start with the reason",
                        capitalised(v)
                    ),
                });
            }
        }
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// An author's `estimated_minutes` far from the derived figure is stale.
fn estimate(l: &Lesson, at: &dyn Fn(&[Seg]) -> Range<usize>, diags: &mut Vec<Diagnostic>) {
    let Some(given) = l.estimated_minutes else {
        return;
    };
    let e = l.estimate();
    let diff = given.abs_diff(e.minutes);
    if u64::from(diff) * 100 <= u64::from(e.minutes) * u64::from(ESTIMATE_TOLERANCE_PERCENT) {
        return;
    }
    diags.push(Diagnostic {
        span: at(&[Key("estimated_minutes")]),
        message: format!(
            "`estimated_minutes` is {given}, but the content works out at about {} minutes \
             ({} words, {} lines of manifests and diagrams, {} scenes, {} questions; see \
             docs/estimate.md); the tutor shows the derived figure, so remove the field or fix it",
            e.minutes, e.words, e.code_lines, e.scenes, e.questions
        ),
    });
}

/// A card's `section` must name a section of this lesson, or review cannot
/// send the learner back to it.
fn card_sections(l: &Lesson, at: &dyn Fn(&[Seg]) -> Range<usize>, diags: &mut Vec<Diagnostic>) {
    for (i, c) in l.cards.iter().enumerate() {
        let Some(key) = &c.section else { continue };
        if l.section_by_key(key).is_none() {
            let mut keys: Vec<String> =
                l.sections().into_iter().map(|s| l.section_key(s)).collect();
            keys.dedup();
            diags.push(Diagnostic {
                span: at(&[Key("cards"), Index(i), Key("section")]),
                message: format!(
                    "card section `{}` is not a section of this lesson; use one of: {}",
                    super::validate::show(key),
                    keys.join(", ")
                ),
            });
        }
    }
}

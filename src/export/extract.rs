//! Extracts: everything held about one case reference (GDPR art. 15) as Markdown, and an
//! arena's drawn-up records with restricted fields and personal-data-looking text masked, for
//! review before release under the public-records law.

use std::fmt::Write;

use crate::domain::maturity::{Dimension, Occasion};
use crate::domain::privacy;
use crate::domain::purpose::NoteKind;
use crate::domain::review::{Question, ReviewKind};
use crate::messages;
use crate::store::{ArenaRecord, DrawnUpRecord, SubjectArena, SubjectExtract};

/// Times in an extract are UTC, as stored: a legal document states them unambiguously.
fn utc(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// One line of Markdown text: no line breaks, no table-breaking bars.
fn line(text: &str) -> String {
    crate::domain::text::one_line(text)
        .replace('|', "/")
        .trim()
        .to_owned()
}

fn program(out: &mut String, r: &ArenaRecord) {
    let _ = writeln!(out, "- {}: {}", messages::label_title(), line(&r.title));
    let _ = writeln!(out, "- {}: {}", messages::label_need(), line(&r.need));
    let _ = writeln!(out, "- {}: {}", messages::label_stage(), r.stage);
    let _ = writeln!(out, "- {}: {}", messages::label_mandate(), line(&r.mandate));
    let _ = writeln!(
        out,
        "- {}: {}",
        messages::extract_recipient(),
        line(&r.recipient)
    );
    if !r.registration.is_empty() {
        let _ = writeln!(
            out,
            "- {}: {}",
            messages::label_registration(),
            r.registration
        );
    }
    let _ = writeln!(out, "\n#### {}\n", messages::extract_contacts());
    for c in &r.contacts {
        let _ = writeln!(
            out,
            "- {} {} ({}): {}",
            c.on,
            line(&c.channel),
            line(&c.by),
            line(&c.summary)
        );
    }
    let _ = writeln!(out, "\n#### {}\n", messages::extract_criteria());
    for c in &r.criteria {
        let outcome = if !c.result.trim().is_empty() {
            format!(" → {}", line(&c.result))
        } else if !c.no_result_reason.trim().is_empty() {
            format!(" → ({})", line(&c.no_result_reason))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "- {} · {} · {}{outcome}",
            line(&c.text),
            line(&c.measure),
            line(&c.target)
        );
    }
    let _ = writeln!(out, "\n#### {}\n", messages::extract_activities());
    for a in &r.activities {
        let _ = writeln!(
            out,
            "- [{}] {} · {}",
            a.status,
            line(&a.activity.text),
            line(&a.activity.owner)
        );
    }
}

/// The subject-access extract as a document.
pub fn subject_markdown(extract: &SubjectExtract) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n\n{}\n",
        messages::subject_extract_title(&extract.case_reference),
        messages::extract_written(&utc(extract.written_at), &extract.written_by)
    );
    if extract.arenas.is_empty() && extract.purpose_notes.is_empty() {
        let _ = writeln!(out, "{}", messages::extract_nothing_held());
    }
    for arena in &extract.arenas {
        let _ = writeln!(out, "## #{} {}\n", arena.id, line(&arena.record.title));
        if arena.anonymised.any() {
            let _ = writeln!(out, "{}\n", messages::extract_anonymised(&arena.anonymised));
        }
        program(&mut out, &arena.record);
        let _ = writeln!(out, "\n### {}\n", messages::extract_restricted());
        match &arena.restricted {
            Some(r) => {
                let _ = writeln!(out, "- {}: {}", messages::label_name(), line(&r.name));
                let _ = writeln!(out, "- {}: {}", messages::label_contact(), line(&r.contact));
                let _ = writeln!(out, "- {}: {}", messages::note_label(), line(&r.note));
            }
            None => {
                let _ = writeln!(out, "{}", messages::extract_none());
            }
        }
        if !arena.drawn_up.is_empty() {
            let _ = writeln!(out, "\n### {}", messages::extract_drawn_up());
        }
        for version in &arena.drawn_up {
            let closed = messages::public_extract_version(
                version.version,
                &utc(version.closed_at),
                &version.closed_by,
            );
            let _ = writeln!(out, "\n#### {closed}\n");
            program(&mut out, &version.arena);
        }
        meetings(&mut out, arena);
        let _ = writeln!(out, "\n### {}\n", messages::extract_history());
        for row in &arena.audit {
            let _ = writeln!(
                out,
                "- {} {}: {} {}",
                utc(row.at),
                line(&row.who),
                row.action,
                line(&row.detail)
            );
        }
        let _ = writeln!(out, "\n### {}\n", messages::extract_read_log());
        for row in &arena.read_log {
            let _ = writeln!(out, "- {} {}: {}", utc(row.at), line(&row.who), row.what);
        }
        out.push('\n');
    }
    if !extract.purpose_notes.is_empty() {
        let _ = writeln!(out, "## {}\n", messages::extract_purpose_notes());
    }
    for note in &extract.purpose_notes {
        let kind = NoteKind::from_code(&note.kind)
            .map(messages::note_kind)
            .unwrap_or(note.kind.as_str());
        let _ = writeln!(
            out,
            "- {} {} · {kind} · {}: {}",
            note.on,
            line(&note.purpose),
            line(&note.by),
            line(&note.text)
        );
    }
    out
}

/// The arena's meetings with every answer, then its maturity ratings with every note: what
/// the people in them said is held too.
fn meetings(out: &mut String, arena: &SubjectArena) {
    if !arena.meetings.is_empty() {
        let _ = writeln!(out, "\n### {}\n", messages::detail_reviews());
    }
    for meeting in &arena.meetings {
        let kind = ReviewKind::from_code(&meeting.kind)
            .map(messages::review_kind)
            .unwrap_or(meeting.kind.as_str());
        let _ = writeln!(
            out,
            "- {} {kind} · {}: {}",
            meeting.held_on,
            messages::label_led_by(),
            line(&meeting.led_by)
        );
        for (question, answer) in &meeting.answers {
            let label = Question::from_code(question)
                .map(messages::question_label)
                .unwrap_or(question.as_str());
            let _ = writeln!(out, "  - {label}: {}", line(answer));
        }
    }
    if !arena.ratings.is_empty() {
        let _ = writeln!(out, "\n### {}\n", messages::detail_ratings());
    }
    for rating in &arena.ratings {
        let occasion = Occasion::from_code(&rating.occasion)
            .map(messages::occasion)
            .unwrap_or(rating.occasion.as_str());
        let _ = writeln!(out, "- {} {occasion} {}", rating.on, line(&rating.partner));
        for (dimension, level, note) in &rating.scores {
            let name = Dimension::from_code(dimension)
                .map(messages::dimension)
                .unwrap_or(dimension.as_str());
            let _ = writeln!(out, "  - {name}: {level} {}", line(note));
        }
    }
}

/// The drawn-up record with the recipient masked and the personal identity numbers and health
/// terms (of `terms`) masked in every other text it holds, in Markdown and JSON alike. The
/// restricted record is never in it.
pub fn public_record(record: &DrawnUpRecord, terms: &[String]) -> DrawnUpRecord {
    let mark = messages::extract_mask();
    let m = |text: &mut String| *text = privacy::masked(text, terms, mark);
    let mut out = record.clone();
    let a = &mut out.arena;
    if !a.recipient.trim().is_empty() {
        a.recipient = mark.to_owned();
    }
    for text in [
        &mut a.title,
        &mut a.need,
        &mut a.mission,
        &mut a.mandate,
        &mut a.registration,
        &mut a.manager,
    ] {
        m(text);
    }
    for mission in &mut a.participating {
        m(mission);
    }
    if let Some(d) = &mut a.decision {
        for text in [&mut d.body, &mut d.budget, &mut d.may_ask] {
            m(text);
        }
    }
    for text in [
        &mut a.coordinator,
        &mut a.commissioned_by,
        &mut a.communication_lead,
    ]
    .into_iter()
    .flatten()
    {
        m(text);
    }
    for c in &mut a.contacts {
        for text in [&mut c.channel, &mut c.summary, &mut c.by] {
            m(text);
        }
    }
    for n in &mut a.needs {
        m(&mut n.competence);
        m(&mut n.reason);
    }
    for c in &mut a.criteria {
        for text in [
            &mut c.text,
            &mut c.measure,
            &mut c.target,
            &mut c.result,
            &mut c.no_result_reason,
        ] {
            m(text);
        }
    }
    for x in &mut a.activities {
        for text in [
            &mut x.activity.text,
            &mut x.activity.owner,
            &mut x.blocked_reason,
        ] {
            m(text);
        }
    }
    for e in &mut out.entries {
        for text in [&mut e.title, &mut e.body, &mut e.author] {
            m(text);
        }
        e.tags.iter_mut().for_each(m);
    }
    out
}

/// A masked drawn-up record as a document for review.
pub fn public_markdown(record: &DrawnUpRecord) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n\n{}\n\n{}\n",
        messages::public_extract_title(record.arena_id, &line(&record.arena.title)),
        messages::public_extract_version(record.version, &utc(record.closed_at), &record.closed_by),
        messages::public_extract_review()
    );
    program(&mut out, &record.arena);
    let _ = writeln!(out, "\n#### {}\n", messages::extract_entries());
    for e in &record.entries {
        let _ = writeln!(out, "- {} ({}): {}", line(&e.title), e.kind, line(&e.body));
    }
    out
}

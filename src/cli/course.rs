//! `puls course`: the courses colleagues give, their sessions and who signed up.

use crate::store::prelude::*;

use chrono::NaiveDate;
use clap::Subcommand;
use color_eyre::Result;

use crate::cli::parse_day;
use crate::messages;
use crate::output;

#[derive(Debug, Subcommand)]
pub enum CourseCommand {
    /// List the bank's courses: teacher, sessions and seats left.
    List,
    /// Name the colleague who gives a course: puls course teacher 12 "Farid Karimi"
    Teacher { entry: i64, person: String },
    /// Add a session: puls course session 12 --on 2026-12-09 --place "Room 3" --seats 12
    Session {
        entry: i64,
        /// The session's day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        on: NaiveDate,
        /// Where it is held.
        #[arg(long, default_value = "")]
        place: String,
        /// How many can take part.
        #[arg(long)]
        seats: u32,
    },
    /// Sign a colleague up for a session: puls course sign-up 3 "Per Holm"
    SignUp { session: i64, person: String },
    /// Take a colleague off a session: puls course withdraw 3 "Per Holm"
    Withdraw { session: i64, person: String },
}

pub fn run(store: &mut dyn Backend, command: CourseCommand) -> Result<()> {
    match command {
        CourseCommand::List => {
            for course in store.courses()? {
                output::line(messages::course_heading(
                    course.entry,
                    &course.title,
                    course.teacher.as_deref(),
                ))?;
                for s in &course.sessions {
                    output::line(messages::session_line(
                        s.id,
                        s.on,
                        &s.place,
                        s.seats_left(),
                        s.seats,
                    ))?;
                }
            }
            Ok(())
        }
        CourseCommand::Teacher { entry, person } => {
            store.set_teacher(entry, &person)?;
            Ok(output::line(messages::teacher_set(entry, person.trim()))?)
        }
        CourseCommand::Session {
            entry,
            on,
            place,
            seats,
        } => {
            let id = store.add_session(entry, on, &place, seats)?;
            Ok(output::line(messages::session_added(id))?)
        }
        CourseCommand::SignUp { session, person } => {
            store.sign_up(session, &person)?;
            Ok(output::line(messages::signed_up(session, person.trim()))?)
        }
        CourseCommand::Withdraw { session, person } => {
            store.withdraw(session, &person)?;
            Ok(output::line(messages::withdrawn_from_session(
                session,
                person.trim(),
            ))?)
        }
    }
}

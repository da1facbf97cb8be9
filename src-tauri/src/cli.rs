//! The command line, parsed in `main()` before the Tauri builder starts, so it needs no display
//! and a running instance (single-instance plugin) never swallows it.
//!
//! This file parses and prints; the work happens in the core. Exit codes: 0 done (an import that
//! skipped rows too), 1 bad input or nothing could be done, 2 usage. Without a terminal nothing is
//! asked: a needed choice missing from the arguments is a usage error naming its flag.

use clap::{Parser, Subcommand};
use homegroup_core::export::script::ScriptPerson;
use homegroup_core::import::{FeedFormat, ImportOptions, ImportReport};
use homegroup_core::notices::MyChangeKind;
use homegroup_core::people::PeopleOf;
use homegroup_core::{Error, Store, SystemClock};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(name = "homegroup", version, about = "Peer support groups, your meeting schedule and reminders, offline.")]
pub struct Cli {
    /// Use this data folder instead of the platform's app-data folder (also: HOMEGROUP_DATA_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Start in the system tray without showing the window (used when starting at login).
    #[arg(long)]
    pub hidden: bool,

    /// When the app lock is on: read the PIN or passphrase from the first line of standard input
    /// (typed without echo on a terminal). A wrong one counts as a wrong try.
    #[arg(long, global = true)]
    pub pin_stdin: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a meeting list (Meeting Guide JSON or BMLT results) from a file.
    Import {
        file: PathBuf,
        /// The file's format; recognised from the file when left out.
        #[arg(long, value_parser = ["meeting-guide", "bmlt"])]
        format: Option<String>,
        /// The time zone of meetings that name none, such as America/New_York.
        #[arg(long, value_name = "ZONE")]
        time_zone: Option<String>,
        /// The fellowship whose type codes the list uses (aa, na, al-anon, ...; "none" for none).
        #[arg(long, value_name = "ID")]
        fellowship: Option<String>,
        /// Print "read N of TOTAL" lines on standard error as rows are read, and "committed" once
        /// the import is saved (for scripts; a terminal shows a counter anyway).
        #[arg(long)]
        progress: bool,
        /// Import even when more than a third of the list's meetings would be no longer listed
        /// (without it such a list is refused, as it is often a mistake at its source).
        #[arg(long)]
        allow_shrink: bool,
        /// Print the report as JSON for scripts (see the README for its shape).
        #[arg(long)]
        json: bool,
    },
    /// List every meeting.
    Meetings {
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// List my people (sponsors first).
    People {
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Meetings in your schedule in the coming 7 days.
    Next {
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Add a meeting to your schedule or remove it.
    Schedule {
        #[command(subcommand)]
        action: ScheduleAction,
    },
    /// Save your schedule as an iCalendar (.ics) file.
    ExportIcs { file: PathBuf },
    /// Save everything to one backup file.
    Backup {
        file: PathBuf,
        /// Protect the file with a passphrase, read from the next line of standard input.
        #[arg(long)]
        passphrase_stdin: bool,
    },
    /// Bring back a backup file, merging it with what is here.
    Restore {
        file: PathBuf,
        /// The file is protected: read its passphrase from the next line of standard input.
        #[arg(long)]
        passphrase_stdin: bool,
    },
    /// The app lock.
    Lock {
        #[command(subcommand)]
        action: LockAction,
    },
}

#[derive(Debug, Subcommand)]
pub enum LockAction {
    /// Say whether the app lock is on.
    Status,
}

#[derive(Debug, Subcommand)]
pub enum ScheduleAction {
    /// Add a meeting to your schedule.
    Add {
        #[command(flatten)]
        meeting: MeetingName,
        /// Minutes before the meeting its reminder comes (the default from settings when left out).
        #[arg(long, value_name = "N")]
        lead_minutes: Option<u32>,
    },
    /// Remove a meeting from your schedule.
    Remove {
        #[command(flatten)]
        meeting: MeetingName,
    },
}

/// How a command names a meeting: its slug from a list (a number too, as many lists use), or the
/// app's id with `--id`.
#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct MeetingName {
    /// The meeting's slug from its list; the app's id only when no slug matches
    #[arg(value_name = "SLUG")]
    slug: Option<String>,
    /// The meeting's id in this app (as `homegroup meetings` lists it)
    #[arg(long = "id", value_name = "ID")]
    id: Option<i64>,
}

impl MeetingName {
    fn find(&self, store: &Store) -> Result<homegroup_core::meetings::Meeting, Error> {
        match (self.id, &self.slug) {
            (Some(id), _) => store.meeting(id),
            (None, Some(slug)) => store.find_meeting(slug),
            (None, None) => Err(Error::invalid("meeting", "Name a meeting: its slug, or --id and its id.")),
        }
    }
}

/// Why a subcommand stopped.
enum Failure {
    /// Bad input, or nothing could be done (exit 1).
    Input(String),
    /// The command line was not usable (exit 2).
    Usage(String),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Input(e.to_string())
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Input(e.to_string())
    }
}

/// Runs a subcommand, if one was given, and returns its exit code; `None` starts the app.
pub fn run_subcommand(cli: &Cli) -> Option<i32> {
    let command = cli.command.as_ref()?;
    let mut input = StandardInput;
    let result = homegroup_core::data_folder::from_environment(cli.data_dir.clone())
        .ok_or_else(|| Failure::Input("There is no data folder: set HOMEGROUP_DATA_DIR or --data-dir.".into()))
        .and_then(|dir| match command {
            Command::Lock { action: LockAction::Status } => lock_status(&dir),
            _ => open(&dir, cli.pin_stdin, &mut input).and_then(|mut store| run(command, &mut store, &mut input)),
        });
    Some(match result {
        Ok(()) => 0,
        Err(Failure::Input(message)) => {
            eprintln!("homegroup: {message}");
            1
        }
        Err(Failure::Usage(message)) => {
            eprintln!("homegroup: {message}\nRun `homegroup --help` for how to use it.");
            2
        }
    })
}

/// Reads the lines a command asks for on standard input: the PIN, then a backup's passphrase.
struct StandardInput;

impl StandardInput {
    /// The next line; typed without echo when standard input is a terminal.
    fn secret(&mut self, prompt: &str) -> Result<String, Failure> {
        if std::io::stdin().is_terminal() {
            return Ok(rpassword::prompt_password(prompt)?);
        }
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        if line.is_empty() {
            return Err(Failure::Input(format!("Standard input ended before the {}", prompt.trim_end_matches(": "))));
        }
        Ok(line)
    }
}

/// Opens the data folder's store; a locked one needs its PIN on standard input, and a wrong PIN
/// counts (and waits) as it does in the app.
fn open(dir: &Path, pin_stdin: bool, input: &mut StandardInput) -> Result<Store, Failure> {
    let now = homegroup_core::Clock::now(&SystemClock);
    let key = if homegroup_core::lock::status(dir, now)?.enabled {
        if !pin_stdin {
            return Err(Failure::Input("Homegroup is locked: give the PIN on standard input with --pin-stdin".into()));
        }
        Some(homegroup_core::lock::unlock(dir, &input.secret("PIN: ")?, now)?)
    } else {
        None
    };
    Ok(homegroup_core::lock::open_store(dir, key.as_ref(), now)?.0)
}

fn lock_status(dir: &Path) -> Result<(), Failure> {
    let status = homegroup_core::lock::status(dir, homegroup_core::Clock::now(&SystemClock))?;
    match status.kind {
        Some(homegroup_core::lock::SecretKind::Pin) => println!("The app lock is on, with a PIN."),
        Some(homegroup_core::lock::SecretKind::Passphrase) => println!("The app lock is on, with a passphrase."),
        None => println!("The app lock is off."),
    }
    Ok(())
}

fn run(command: &Command, store: &mut Store, input: &mut StandardInput) -> Result<(), Failure> {
    let clock = SystemClock;
    match command {
        Command::Import { file, format, time_zone, fellowship, progress, allow_shrink, json } => {
            let choices = ImportChoices {
                format: format.as_deref(),
                time_zone: time_zone.as_deref(),
                fellowship: fellowship.as_deref(),
                progress_lines: *progress,
                allow_shrink: *allow_shrink,
                json: *json,
            };
            import(store, file, &choices)
        }
        Command::People { json } => {
            let people: Vec<ScriptPerson> =
                store.people(PeopleOf::Everyone)?.into_iter().map(ScriptPerson::from).collect();
            if *json {
                return print_json(&people);
            }
            for p in &people {
                let role =
                    serde_json::to_value(p.role).ok().and_then(|r| r.as_str().map(str::to_owned)).unwrap_or_default();
                println!("{:>6}  {}  {}  ({role})", p.id, p.name, p.phone);
            }
            if people.is_empty() {
                println!("No one on your list yet.");
            }
            Ok(())
        }
        Command::Meetings { json } => {
            let meetings = store.script_meetings()?;
            if *json {
                print_json(&meetings)
            } else {
                for m in &meetings {
                    let when = match &m.details.start_time {
                        Some(time) => format!("{} {time} {}", days(&m.details.weekdays), m.details.time_zone),
                        None => "by appointment".into(),
                    };
                    let mark = if m.in_schedule { "*" } else { " " };
                    let slug = m.slug.as_deref().map(|s| format!("  [{s}]")).unwrap_or_default();
                    println!("{mark}{:>6}  {}  ({when}){slug}", m.id, m.details.name);
                }
                if meetings.is_empty() {
                    println!("No meetings yet. Import a list with `homegroup import FILE`.");
                }
                Ok(())
            }
        }
        Command::Next { json } => {
            let next = store.script_next(homegroup_core::Clock::now(&clock), 7)?;
            if *json {
                print_json(&next)
            } else {
                for o in &next {
                    println!("{}  {}  (meeting {})", o.starts_at, o.name, o.meeting_id);
                }
                if next.is_empty() {
                    println!("Nothing in your schedule in the next 7 days.");
                }
                Ok(())
            }
        }
        Command::Schedule { action: ScheduleAction::Add { meeting, lead_minutes } } => {
            let m = meeting.find(store)?;
            let m = store.add_to_schedule(m.id, *lead_minutes, true, &clock)?;
            println!("Added to your schedule: {} (meeting {}).", m.details.name, m.id);
            Ok(())
        }
        Command::Schedule { action: ScheduleAction::Remove { meeting } } => {
            let m = meeting.find(store)?;
            let m = store.remove_from_schedule(m.id)?;
            println!("Removed from your schedule: {} (meeting {}).", m.details.name, m.id);
            Ok(())
        }
        Command::ExportIcs { file } => {
            // The command line stays English, the calendar it writes too.
            let events = store.export_ics_file(file, &clock, homegroup_core::i18n::Locale::En)?;
            println!("Saved {events} meeting(s) to {}.", file.display());
            Ok(())
        }
        Command::Backup { file, passphrase_stdin } => {
            let passphrase = passphrase_stdin.then(|| input.secret("Passphrase: ")).transpose()?;
            let summary = store.backup_to_file(file, &clock, passphrase.as_deref())?;
            println!(
                "Backed up {} meeting(s) and {} group(s) to {}.",
                summary.meetings,
                summary.groups,
                file.display()
            );
            Ok(())
        }
        Command::Lock { action: LockAction::Status } => {
            lock_status(store.path().and_then(Path::parent).unwrap_or(Path::new(".")))
        }
        Command::Restore { file, passphrase_stdin } => {
            let passphrase = passphrase_stdin.then(|| input.secret("Passphrase: ")).transpose()?;
            let report = store.restore_from_file(file, &clock, passphrase.as_deref(), &mut |_, _| {})?;
            println!("{}", report.summary());
            Ok(())
        }
    }
}

/// What `homegroup import` was told.
struct ImportChoices<'a> {
    format: Option<&'a str>,
    time_zone: Option<&'a str>,
    fellowship: Option<&'a str>,
    progress_lines: bool,
    allow_shrink: bool,
    json: bool,
}

fn import(store: &mut Store, file: &Path, choices: &ImportChoices) -> Result<(), Failure> {
    let ImportChoices { fellowship, progress_lines, .. } = *choices;
    let bytes = std::fs::read(file).map_err(|e| Failure::Input(format!("{}: {e}", file.display())))?;
    let source = homegroup_core::import::source_name_for(file);
    let mut options = ImportOptions {
        format: choices.format.and_then(FeedFormat::parse),
        time_zone: choices.time_zone.map(str::to_owned),
        fellowship: fellowship.filter(|f| *f != "none").map(str::to_owned),
        source: Some(source),
        allow_shrink: choices.allow_shrink,
    };
    let preview = store.preview_import(&bytes, &options)?;
    if options.time_zone.is_none() && preview.rows_without_time_zone > 0 {
        let device = homegroup_core::time_zone::device().name().to_owned();
        options.time_zone = Some(ask(
            "--time-zone",
            &format!("{} meeting(s) do not say their time zone. Time zone", preview.rows_without_time_zone),
            &device,
        )?);
    }
    if fellowship.is_none() {
        let guess = preview.guessed_fellowship.clone().unwrap_or_else(|| "none".into());
        let chosen = ask("--fellowship", "Fellowship whose meeting types this list uses", &guess)?;
        options.fellowship = Some(chosen).filter(|f| f != "none");
    }
    let total = preview.rows;
    let show_progress = !progress_lines && std::io::stderr().is_terminal() && total > 500;
    let imported = store.import_feed(&bytes, &options, &SystemClock, &mut |done| {
        if progress_lines {
            eprintln!("read {done} of {total}");
        } else if show_progress {
            eprint!("\rImporting… {done} of {total}");
        }
    });
    if show_progress {
        eprintln!();
    }
    let report = imported.map_err(|e| match e.payload().field.as_deref() {
        Some("allow_shrink") => {
            Failure::Input(format!("{e} If the list is right, import it again with --allow-shrink."))
        }
        _ => e.into(),
    })?;
    if progress_lines {
        eprintln!("committed");
    }
    if choices.json {
        return print_json(&homegroup_core::export::script::ScriptImportReport::from(report));
    }
    print_report(&report);
    Ok(())
}

/// Asks for a choice on a terminal (Enter keeps `default`); without one, it is a usage error
/// naming the flag.
fn ask(flag: &str, question: &str, default: &str) -> Result<String, Failure> {
    if !std::io::stdin().is_terminal() {
        return Err(Failure::Usage(format!("Please choose with {flag} (for example {flag} {default}).")));
    }
    eprint!("{question} [{default}]: ");
    std::io::stderr().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let answer = line.trim();
    Ok(if answer.is_empty() { default.to_owned() } else { answer.to_owned() })
}

fn print_report(report: &ImportReport) {
    println!(
        "Imported {} from {}: {} added, {} updated, {} unchanged, {} no longer listed.",
        report.rows.saturating_sub(report.skipped_count),
        report.source,
        report.added,
        report.updated,
        report.unchanged,
        report.delisted
    );
    for change in &report.my_changes {
        let what = match change.kind {
            MyChangeKind::Changed => {
                let fields: Vec<&str> = change.changes.iter().map(|c| c.field.as_str()).collect();
                format!("changed ({})", fields.join(", "))
            }
            MyChangeKind::TemporarilyClosed => "has stopped meeting for now".into(),
            MyChangeKind::NoLongerListed => "is no longer listed; its reminders are paused".into(),
        };
        println!("Your meeting {} (meeting {}) {what}.", change.name, change.meeting_id);
    }
    for p in &report.skipped {
        eprintln!("skipped row {} ({}), {}: {}", p.index, p.slug.as_deref().unwrap_or("no slug"), p.field, p.message);
    }
    for p in &report.warnings {
        eprintln!("warning, row {} ({}), {}: {}", p.index, p.slug.as_deref().unwrap_or("no slug"), p.field, p.message);
    }
    let unlisted = (report.skipped_count as usize + report.warning_count as usize)
        .saturating_sub(report.skipped.len() + report.warnings.len());
    if unlisted > 0 {
        eprintln!("… and {unlisted} more.");
    }
}

fn days(weekdays: &[u8]) -> String {
    const NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    if weekdays.is_empty() {
        return "once".into();
    }
    weekdays.iter().filter_map(|d| NAMES.get(usize::from(*d))).copied().collect::<Vec<_>>().join(",")
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::Input(e.to_string()))?;
    println!("{text}");
    Ok(())
}

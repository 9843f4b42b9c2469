//! The printer: data goes to stdout as a table, JSON or JSON lines; notes, warnings and
//! progress bars go to stderr (bars only on a terminal, never with JSON, `-q` or `-v`).

use std::fmt::Display;
use std::io::{self, BufWriter, Stdout, Write};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use comfy_table::{Table, presets};
use indicatif::{HumanCount, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use serde::Serialize;

use crate::settings::OutputFormat;
use crate::settings::Settings;

/// ANSI styles used on terminals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Headers.
    Bold,
    /// Secondary information.
    Dim,
    /// Good news, INSERT.
    Green,
    /// Attention, MODIFY.
    Yellow,
    /// Bad news, REMOVE.
    Red,
    /// Identifiers.
    Cyan,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Bold => "1",
            Style::Dim => "2",
            Style::Green => "32",
            Style::Yellow => "33",
            Style::Red => "31",
            Style::Cyan => "36",
        }
    }
}

/// Owns stdout and stderr for a command. Clones share the same buffered stdout (a writer
/// thread may print while the main thread reads).
#[derive(Clone)]
pub struct Printer {
    format: OutputFormat,
    quiet: bool,
    verbose: u8,
    color: bool,
    color_err: bool,
    stderr_tty: bool,
    stdout_tty: bool,
    out: Arc<Mutex<BufWriter<Stdout>>>,
}

impl std::fmt::Debug for Printer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Printer")
            .field("format", &self.format)
            .finish()
    }
}

impl Printer {
    /// A printer for the resolved settings.
    pub fn new(settings: &Settings) -> Printer {
        Printer {
            format: settings.output,
            quiet: settings.quiet,
            verbose: settings.verbose,
            color: settings.color_stdout,
            color_err: settings.color_stderr,
            stderr_tty: settings.stderr_tty,
            stdout_tty: settings.stdout_tty,
            out: Arc::new(Mutex::new(BufWriter::with_capacity(
                64 * 1024,
                io::stdout(),
            ))),
        }
    }

    /// The chosen output format.
    pub fn format(&self) -> OutputFormat {
        self.format
    }

    /// Whether stdout is a terminal, where a screen may be cleared and redrawn.
    pub fn stdout_is_terminal(&self) -> bool {
        self.stdout_tty
    }

    /// Whether `-q` was given.
    pub fn is_quiet(&self) -> bool {
        self.quiet
    }

    /// Run `f` with the buffered stdout.
    pub fn with_out<R>(
        &self,
        f: impl FnOnce(&mut BufWriter<Stdout>) -> io::Result<R>,
    ) -> io::Result<R> {
        let mut guard = self.out.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }

    /// Flush stdout (call after each batch when following a stream).
    pub fn flush(&self) -> io::Result<()> {
        self.with_out(|w| w.flush())
    }

    /// One line of data on stdout.
    pub fn line(&self, text: impl Display) -> io::Result<()> {
        self.with_out(|w| writeln!(w, "{text}"))
    }

    /// A pretty JSON document on stdout.
    pub fn json<T: Serialize + ?Sized>(&self, value: &T) -> io::Result<()> {
        self.with_out(|w| {
            serde_json::to_writer_pretty(&mut *w, value)?;
            writeln!(w)
        })
    }

    /// One compact JSON line on stdout.
    pub fn jsonl<T: Serialize + ?Sized>(&self, value: &T) -> io::Result<()> {
        self.with_out(|w| {
            serde_json::to_writer(&mut *w, value)?;
            writeln!(w)
        })
    }

    /// A single result: a JSON object, one JSON line, or the human rendering.
    pub fn one<T: Serialize>(
        &self,
        value: &T,
        human: impl FnOnce(&Printer, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        match self.format {
            OutputFormat::Json => self.json(value),
            OutputFormat::Jsonl => self.jsonl(value),
            OutputFormat::Table => human(self, value),
        }?;
        self.flush()
    }

    /// A list: a JSON array, one JSON line per element, or the human rendering.
    pub fn list<T: Serialize>(
        &self,
        items: &[T],
        human: impl FnOnce(&Printer, &[T]) -> io::Result<()>,
    ) -> io::Result<()> {
        match self.format {
            OutputFormat::Json => self.json(items),
            OutputFormat::Jsonl => items.iter().try_for_each(|i| self.jsonl(i)),
            OutputFormat::Table => human(self, items),
        }?;
        self.flush()
    }

    /// A list printed as its pages arrive; see [`ListStream`].
    pub fn list_stream(&self, headers: &[&str]) -> ListStream<'_> {
        ListStream {
            out: self,
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            widths: None,
            emitted: 0,
        }
    }

    /// An aligned table on stdout; headers are bold on a terminal.
    pub fn table(&self, headers: &[&str], rows: Vec<Vec<String>>) -> io::Result<()> {
        let mut table = Table::new();
        table.load_style(presets::NOTHING);
        table.set_header(headers.iter().map(|h| self.paint(h, Style::Bold)));
        for row in rows {
            table.add_row(row);
        }
        for column in table.column_iter_mut() {
            column.set_padding((0, 2));
        }
        self.with_out(|w| {
            for line in table.lines() {
                writeln!(w, "{}", line.trim_end())?;
            }
            Ok(())
        })
    }

    /// Key/value lines (`name: value`) for one record, aligned.
    pub fn fields(&self, pairs: &[(&str, String)]) -> io::Result<()> {
        let width = pairs.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        self.with_out(|w| {
            for (k, v) in pairs {
                let label = self.paint(&format!("{k:>width$}"), Style::Bold);
                writeln!(w, "{label}  {v}")?;
            }
            Ok(())
        })
    }

    /// Colour `text` for stdout when colours are on.
    pub fn paint(&self, text: &str, style: Style) -> String {
        paint(self.color, text, style)
    }

    /// Colour `text` for stderr when colours are on.
    pub fn paint_err(&self, text: &str, style: Style) -> String {
        paint(self.color_err, text, style)
    }

    /// Information for the human on stderr; silenced by `-q`.
    pub fn note(&self, text: impl Display) {
        if !self.quiet {
            let _ = self.flush();
            eprintln!("{text}");
        }
    }

    /// A warning on stderr; printed even with `-q`.
    pub fn warn(&self, text: impl Display) {
        let _ = self.flush();
        eprintln!("{} {text}", self.paint_err("warning:", Style::Yellow));
    }

    /// Whether progress bars are drawn.
    pub fn shows_progress(&self) -> bool {
        self.stderr_tty && self.format == OutputFormat::Table && !self.quiet && self.verbose == 0
    }

    /// A progress bar on stderr, hidden unless [`Printer::shows_progress`].
    pub fn progress(&self, len: u64, message: &str) -> ProgressBar {
        let target = if self.shows_progress() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(len), target);
        if let Ok(style) = ProgressStyle::with_template(
            "{msg} {bar:30.cyan/blue} {human_pos}/{human_len} ({rate}, eta {eta})",
        ) {
            // A whole number per second: indicatif's `{per_sec}` shows four decimals.
            let style = style.with_key("rate", |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{}/s", HumanCount(s.per_sec().round() as u64));
            });
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(message.to_owned());
        bar.enable_steady_tick(Duration::from_millis(200));
        bar
    }
}

/// A list printed a page at a time (`orders list --all` on 500k orders): JSON lines and table
/// rows as each page is read, the JSON array one element at a time, so the first rows show at
/// once and memory stays bounded. The output is the same as [`Printer::list`]'s, except that a
/// table's column widths come from the first page (a longer cell later shifts only its row).
pub struct ListStream<'p> {
    out: &'p Printer,
    headers: Vec<String>,
    /// Set once the header is printed.
    widths: Option<Vec<usize>>,
    emitted: u64,
}

impl ListStream<'_> {
    /// Print one page; `rows` renders it for the table (it is not called for JSON).
    pub fn page<T: Serialize>(
        &mut self,
        items: &[T],
        rows: impl FnOnce(&Printer, &[T]) -> Vec<Vec<String>>,
    ) -> io::Result<()> {
        match self.out.format {
            OutputFormat::Json => {
                for item in items {
                    let text = serde_json::to_string_pretty(item)?;
                    let sep = if self.emitted == 0 { "[\n" } else { ",\n" };
                    self.out.with_out(|w| {
                        w.write_all(sep.as_bytes())?;
                        for (i, line) in text.lines().enumerate() {
                            let nl = if i == 0 { "" } else { "\n" };
                            write!(w, "{nl}  {line}")?;
                        }
                        Ok(())
                    })?;
                    self.emitted += 1;
                }
            }
            OutputFormat::Jsonl => {
                for item in items {
                    self.out.jsonl(item)?;
                    self.emitted += 1;
                }
            }
            OutputFormat::Table => {
                let rows = rows(self.out, items);
                self.rows(&rows)?;
                self.emitted += items.len() as u64;
            }
        }
        self.out.flush()
    }

    /// Close the JSON array, or print the header of a table that got no rows.
    pub fn finish(mut self) -> io::Result<()> {
        match self.out.format {
            OutputFormat::Json if self.emitted == 0 => self.out.line("[]")?,
            OutputFormat::Json => self.out.line("\n]")?,
            OutputFormat::Jsonl => {}
            OutputFormat::Table => self.rows(&[])?,
        }
        self.out.flush()
    }

    /// Table rows aligned like [`Printer::table`]'s: each cell padded to its column's width,
    /// two spaces between columns, no trailing blanks.
    fn rows(&mut self, rows: &[Vec<String>]) -> io::Result<()> {
        let out = self.out;
        let widths = match &self.widths {
            Some(w) => w.clone(),
            None => {
                let mut widths: Vec<usize> =
                    self.headers.iter().map(|h| visible_width(h)).collect();
                for row in rows {
                    for (i, cell) in row.iter().enumerate() {
                        if let Some(w) = widths.get_mut(i) {
                            *w = (*w).max(visible_width(cell));
                        }
                    }
                }
                let header: Vec<String> = self
                    .headers
                    .iter()
                    .map(|h| out.paint(h, Style::Bold))
                    .collect();
                out.with_out(|w| writeln!(w, "{}", aligned(&header, &widths)))?;
                self.widths = Some(widths.clone());
                widths
            }
        };
        out.with_out(|w| {
            for row in rows {
                writeln!(w, "{}", aligned(row, &widths))?;
            }
            Ok(())
        })
    }
}

/// Cells padded to `widths` (by their visible width), two spaces apart, trailing blanks trimmed.
fn aligned(cells: &[String], widths: &[usize]) -> String {
    let mut line = String::new();
    for (i, cell) in cells.iter().enumerate() {
        let pad = widths
            .get(i)
            .copied()
            .unwrap_or(0)
            .saturating_sub(visible_width(cell));
        line.push_str(cell);
        line.extend(std::iter::repeat_n(' ', pad + 2));
    }
    line.trim_end().to_owned()
}

/// Characters shown, not counting ANSI colour sequences (`\x1b[…m`).
fn visible_width(text: &str) -> usize {
    let mut width = 0;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            width += 1;
        }
    }
    width
}

fn paint(on: bool, text: &str, style: Style) -> String {
    if on {
        format!("\x1b[{}m{text}\x1b[0m", style.code())
    } else {
        text.to_owned()
    }
}

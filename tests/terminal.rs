//! Issue 17, item 3: what only a terminal shows, on a real pseudo-terminal (support::term):
//! progress bars on a terminal and never in a pipe; `lag --watch` and `status --watch`
//! redrawing in place and exiting 130 on Ctrl-C; `tail --follow` stopped by Ctrl-C with its
//! checkpoint saved; `dlq purge` asking and declining; colours off under NO_COLOR and
//! `--color never`. All on the local target, with the debug binary the other tests use.

use crate::support::Env;
use crate::support::term::Session;

/// What `--watch` writes before each report on a terminal: clear the screen, cursor home.
const CLEAR: &str = "\x1b[2J\x1b[H";
/// Any ANSI colour or style sequence (Select Graphic Rendition).
const SGR: &str = "\x1b[";

fn initialised() -> Env {
    let env = Env::new();
    env.run(&["init"]).success();
    env
}

#[test]
fn a_progress_bar_shows_on_a_terminal_and_never_in_a_pipe() {
    let env = initialised();
    // Long enough to be stopped once the bar is seen, however fast the machine.
    let mut tty = Session::terminal(&env, &["create", "--count", "1000000"], &[], false);
    tty.wait_until("the progress bar", |s| {
        s.contains("creating orders") && s.contains("/1,000,000")
    });
    tty.ctrl_c();
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen:?}");
    // In a pipe, a run lasting many of the bar's 200 ms ticks draws none.
    let (code, seen) = Session::pipes(&env, &["create", "--count", "20000"]).finish();
    assert_eq!(code, 0, "{seen:?}");
    assert!(seen.contains("created 20000 orders"), "{seen:?}");
    assert!(
        !seen.contains("creating orders") && !seen.contains('\r'),
        "a progress bar in a pipe: {seen:?}"
    );
}

/// Each report follows a clear-screen, and the screen holds one report at a time: after the
/// last clear there is exactly one.
fn assert_redrawn_in_place(seen: &str, header: &str) {
    let reports = seen.matches(header).count();
    assert!(reports >= 2, "fewer than two reports: {seen:?}");
    assert_eq!(seen.matches(CLEAR).count(), reports, "{seen:?}");
    let last = &seen[seen.rfind(CLEAR).unwrap()..];
    assert_eq!(last.matches(header).count(), 1, "{last:?}");
}

/// `args` (a `--watch` command printing `header` once per report) redraws in place on a
/// terminal until Ctrl-C, then exits 130; in a pipe the reports follow each other, no clears.
fn watches(args: &[&str], header: &str) {
    let env = initialised();
    env.run(&["create", "--count", "3", "--seed", "1", "-q"])
        .success();
    let mut tty = Session::terminal(&env, args, &[], false);
    tty.wait_until("two reports", |s| s.matches(header).count() >= 2);
    tty.ctrl_c();
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen:?}");
    assert_redrawn_in_place(&seen, header);

    let mut pipe = Session::pipes(&env, args);
    pipe.wait_until("two reports", |s| s.matches(header).count() >= 2);
    pipe.ctrl_c();
    let (code, seen) = pipe.finish();
    assert_eq!(code, 130, "{seen:?}");
    assert!(!seen.contains(CLEAR), "a clear-screen in a pipe: {seen:?}");
}

#[test]
fn lag_watch_redraws_in_place_and_exits_130_on_ctrl_c() {
    watches(&["lag", "--watch", "--period", "1s"], "FUNCTION");
}

#[test]
fn status_watch_redraws_in_place_and_exits_130_on_ctrl_c() {
    watches(&["status", "--watch", "--interval", "1s"], "SUBSCRIPTION");
}

#[test]
fn tail_follow_stops_on_ctrl_c_with_its_checkpoint_saved() {
    let env = initialised();
    env.run(&["create", "--count", "3", "--seed", "1", "-q"])
        .success();
    let args = [
        "tail",
        "--follow",
        "--from",
        "trim-horizon",
        "--checkpoint",
        "tail.ckpt",
    ];
    let mut tty = Session::terminal(&env, &args, &[], false);
    tty.wait_until("the three records", |s| s.matches("INSERT").count() >= 3);
    tty.ctrl_c();
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen:?}");
    // Resumed from the checkpoint, only what came after the Ctrl-C is read.
    env.run(&["create", "--count", "1", "--seed", "2", "-q"])
        .success();
    let resumed = env
        .run(&[
            "tail",
            "--checkpoint",
            "tail.ckpt",
            "--until-idle",
            "--idle",
            "300ms",
            "-o",
            "jsonl",
        ])
        .success();
    assert_eq!(resumed.stdout.lines().count(), 1, "{}", resumed.stdout);
}

#[test]
fn dlq_purge_asks_and_declines_on_n() {
    let env = initialised();
    env.run(&["dlq", "send", "--body", "one"]).success();
    env.run(&["dlq", "send", "--body", "two"]).success();
    let depth = || {
        env.run(&["dlq", "stats", "-o", "json"]).success().json()["depth"]
            .as_u64()
            .unwrap()
    };
    let mut tty = Session::terminal(&env, &["dlq", "purge"], &[], false);
    tty.wait_until("the question", |s| s.contains("[y/N]"));
    tty.type_text("n\n");
    let (code, seen) = tty.finish();
    assert_eq!(code, 2, "{seen:?}");
    assert!(seen.contains("Delete all 2 message(s)"), "{seen:?}");
    assert!(
        seen.contains("not confirmed; nothing was purged"),
        "{seen:?}"
    );
    assert_eq!(depth(), 2);

    let mut tty = Session::terminal(&env, &["dlq", "purge"], &[], false);
    tty.wait_until("the question", |s| s.contains("[y/N]"));
    tty.type_text("y\n");
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen:?}");
    assert!(seen.contains("purged 2 messages"), "{seen:?}");
    assert_eq!(depth(), 0);
}

#[test]
fn colours_show_on_a_terminal_unless_no_color_or_color_never() {
    let env = initialised();
    env.run(&["create", "--count", "2", "--seed", "1", "-q"])
        .success();
    let run = |args: &[&str], vars: &[(&str, &str)]| {
        let (code, seen) = Session::terminal(&env, args, vars, true).finish();
        assert_eq!(code, 0, "{seen:?}");
        assert!(seen.contains("PENDING"), "{seen:?}");
        seen
    };
    let coloured = run(&["orders", "list"], &[]);
    assert!(
        coloured.contains(SGR),
        "no colour on a terminal: {coloured:?}"
    );
    let no_color = run(&["orders", "list"], &[("NO_COLOR", "1")]);
    assert!(
        !no_color.contains(SGR),
        "colour despite NO_COLOR: {no_color:?}"
    );
    let never = run(&["orders", "list", "--color", "never"], &[]);
    assert!(
        !never.contains(SGR),
        "colour despite --color never: {never:?}"
    );
    let always = Session::pipes(&env, &["orders", "list", "--color", "always"]);
    let (_, piped) = always.finish();
    // NO_COLOR=1 is set for piped test commands, and --color always still wins over it.
    assert!(piped.contains(SGR), "--color always in a pipe: {piped:?}");
}

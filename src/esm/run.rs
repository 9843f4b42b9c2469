//! Running consumers until they are done: steps grouped in scopes — one local transaction for
//! many invocations, checkpoints committed with their effects — a stop request honoured between
//! scopes (a second one abandons the scope in flight, rolled back whole), a deadline, and the
//! idle rule that ends `consume` and `consume --until-idle`.

use std::time::Duration;

use orders_core::caps::DeadLetters;
use tokio::time::Instant;

use super::engine::{BatchScope, Consumer, Step};
use super::handler::Handler;
use super::stats::FunctionStats;
use super::telemetry::Telemetry;
use crate::backend::ChangeFeed;
use crate::interrupt::Interrupt;

/// When a run ends.
#[derive(Debug, Clone, Default)]
pub struct RunUntil {
    /// Once every consumer has been idle this long (`None`: follow for ever).
    pub idle: Option<Duration>,
    /// At the latest after this long.
    pub timeout: Option<Duration>,
    /// Ctrl-C or SIGTERM (or nothing, by default).
    pub stop: Interrupt,
}

/// How long one scope of steps may hold the local write lock.
const SCOPE: Duration = Duration::from_millis(50);

/// Run `consumers` until `until` says stop or a stop is requested; `progress` sees the stats
/// after every scope. Returns whether a stop request ended it. Telemetry is flushed at the end,
/// unless a second request abandoned the run.
pub async fn run_consumers<F, H, Q, S>(
    consumers: &mut [Consumer<'_, F, H, Q>],
    scope: &S,
    telemetry: &Telemetry<'_>,
    until: &RunUntil,
    mut progress: impl FnMut(&[&FunctionStats]),
) -> anyhow::Result<bool>
where
    F: ChangeFeed,
    H: Handler,
    Q: DeadLetters,
    S: BatchScope,
{
    let deadline = until.timeout.map(|t| Instant::now() + t);
    let stop = &until.stop;
    let mut interrupted = false;
    loop {
        if stop.checkpoint().await {
            interrupted = true;
            break;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            break;
        }
        // Steps run in scopes of up to SCOPE: one local transaction for many invocations.
        scope.begin()?;
        let ran = tokio::select! {
            r = run_scope(consumers, telemetry) => Some(r),
            _ = stop.wait_forced() => None,
        };
        let (worked, wake) = match ran {
            Some(Ok(r)) => {
                scope.end(true)?;
                r
            }
            Some(Err(e)) => {
                let _ = scope.end(false);
                return Err(e);
            }
            // Abandoned mid-scope: nothing of it is kept (the local transaction rolls back; on
            // AWS no checkpoint moved past an unfinished batch, whose effects are idempotent).
            None => {
                let _ = scope.end(false);
                return Ok(true);
            }
        };
        progress(&consumers.iter().map(|c| &c.stats).collect::<Vec<_>>());
        if let Some(d) = until.idle
            && consumers
                .iter()
                .all(|c| c.idle_since().is_some_and(|t| t.elapsed() >= d))
        {
            break;
        }
        if !worked {
            tokio::select! {
                _ = tokio::time::sleep_until(wake) => {}
                _ = stop.wait_requested() => { interrupted = true; break; }
            }
        }
    }
    telemetry.flush(true).await?;
    Ok(interrupted)
}

/// Step every consumer, again and again while there is work, for up to [`SCOPE`]. Returns
/// whether anything happened and when to look again.
///
/// Each subscription steps as a future of its own, all joined on this thread (issue 16 item 2),
/// as each event source mapping is its own poller on AWS: there, one function's reads and
/// invocations wait on the network while another's proceed. The scope ends when every one has
/// finished its step in flight, so the slowest step sets its length. They share the scope, so on
/// the local target every effect and checkpoint of all of them still commits in the scope's one
/// transaction (a crash loses or repeats nothing), and SQLite's one writer serialises the writes.
async fn run_scope<F: ChangeFeed, H: Handler, Q: DeadLetters>(
    consumers: &mut [Consumer<'_, F, H, Q>],
    telemetry: &Telemetry<'_>,
) -> anyhow::Result<(bool, Instant)> {
    let started = Instant::now();
    let tasks = consumers.iter_mut().map(|c| run_one(c, started));
    let mut any = false;
    let mut wake = Instant::now() + Duration::from_millis(250);
    // The first error ends the scope at once, as the sequential loop's `?` did: the other
    // subscriptions take no further step into a scope that will be rolled back.
    for (worked, at) in futures_util::future::try_join_all(tasks).await? {
        any |= worked;
        if let Some(at) = at {
            wake = wake.min(at);
        }
    }
    telemetry.flush(false).await?;
    Ok((any, wake))
}

/// One subscription's share of a scope: step while it has work and the scope lasts. Returns
/// whether it worked, and when it wants to look again if it ran out of work.
async fn run_one<F: ChangeFeed, H: Handler, Q: DeadLetters>(
    consumer: &mut Consumer<'_, F, H, Q>,
    started: Instant,
) -> anyhow::Result<(bool, Option<Instant>)> {
    let mut worked = false;
    loop {
        match consumer.step().await? {
            Step::Worked => worked = true,
            Step::Wait(t) => return Ok((worked, Some(t))),
        }
        if started.elapsed() >= SCOPE {
            return Ok((worked, None));
        }
        // Local effects never wait, so without this one future would hold the scope to itself;
        // yielding after each step takes the subscriptions in turn, as before.
        tokio::task::yield_now().await;
    }
}

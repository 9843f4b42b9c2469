//! Guard items in `ProcessedEvents` (aws-semantics §7.3): one per function and stream record,
//! key `eventId` = the effect key. Stock writes a plain guard inside its transaction; email and
//! metrics, whose effects cannot join a transaction, write an *intent* guard first
//! (`state = sending`) and settle it to `sent` or `failed` afterwards.
//!
//! An intent carries a random claim token, so an attempt can tell its own claim from another's
//! when a retried PutItem fails its own condition after a lost response (§7.4).

use std::collections::HashMap;

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::operation::put_item::PutItemError;
use aws_sdk_dynamodb::types::{AttributeValue as Av, ReturnValuesOnConditionCheckFailure};
use orders_core::caps::{CapError, CapResult};
use orders_core::clock;
use orders_core::fact::{Effect, Mark};

use crate::AwsEffects;
use crate::errors::{Op, classify};
use crate::facts::fact_attrs;

/// How long a guard outlives its record: ≥ 24 h stream retention + replay window + TTL
/// deletion lag, so 7 days (§7.3).
pub(crate) const GUARD_TTL_S: i64 = 7 * 24 * 60 * 60;

/// An intent older than this is taken to be a crashed attempt, or one whose effect's outcome was
/// unknown, and may be claimed again: the effect may then happen twice, but is never lost (email
/// and metrics are at least once; see mail.rs and metrics.rs).
pub(crate) const STALE_MS: i64 = 5 * 60 * 1000;

/// `state` of an intent guard whose effect is under way.
pub(crate) const SENDING: &str = "sending";
/// `state` once the effect happened.
pub(crate) const SENT: &str = "sent";
/// `state` once the effect surely did not happen (refused, never sent): a retry may claim it
/// again at once. An effect whose outcome is unknown is never settled `failed` (§7.4).
pub(crate) const FAILED: &str = "failed";

/// A guard item: `eventId`, `processedAt` (RFC 3339) and `expiresAt` (epoch seconds, for TTL).
pub(crate) fn guard_item(key: &str, now_ms: i64) -> HashMap<String, Av> {
    HashMap::from([
        ("eventId".to_owned(), Av::S(key.to_owned())),
        ("processedAt".to_owned(), Av::S(clock::rfc3339_ms(now_ms))),
        (
            "expiresAt".to_owned(),
            Av::N((now_ms.div_euclid(1000) + GUARD_TTL_S).to_string()),
        ),
    ])
}

/// Our claim on a key: its `startedAt` and its random `claimToken`, both of which settling
/// checks, so a later attempt's claim is never settled by ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ticket {
    /// `startedAt` of the claim, epoch ms.
    pub(crate) started_at: i64,
    /// `claimToken` of the claim: 128 random bits, written as 32 hex digits.
    pub(crate) token: u128,
}

impl Ticket {
    /// A new claim starting at `now_ms`, with a fresh random token.
    fn new(now_ms: i64) -> Ticket {
        Ticket {
            started_at: now_ms,
            token: fastrand::u128(..),
        }
    }

    /// The token as stored in the item.
    fn token_attr(&self) -> Av {
        Av::S(format!("{:032x}", self.token))
    }
}

/// What claiming an intent guard found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Claim {
    /// Ours now; settling checks the ticket.
    Claimed(Ticket),
    /// The effect already happened for this key.
    Done,
    /// Another attempt started it less than five minutes ago (at this epoch ms) and has not
    /// settled: retry later, neither skip nor repeat it now.
    InFlight(i64),
}

impl AwsEffects {
    /// Claim `mark`'s key in this adapter's `ProcessedEvents` table; see [`claim`].
    pub(crate) async fn claim(&self, mark: &Mark, effect: &Effect) -> CapResult<Claim> {
        claim(&self.ddb, &self.names.processed_events_table, mark, effect).await
    }

    /// Settle our claim on `key`; see [`settle`].
    pub(crate) async fn settle(&self, key: &str, ticket: Ticket, state: &str) -> CapResult<()> {
        settle(
            &self.ddb,
            &self.names.processed_events_table,
            key,
            ticket,
            state,
        )
        .await
    }

    /// The guard item for `key`, read consistently.
    pub(crate) async fn read_guard(&self, key: &str) -> CapResult<Option<HashMap<String, Av>>> {
        read_item(&self.ddb, &self.names.processed_events_table, key).await
    }
}

/// Claim `mark`'s key in `table` for an effect that cannot join a transaction (§7.3: record
/// intent before acting); the claim holds the effect's fact for `trace` (see facts.rs). Succeeds when no guard exists, the last attempt failed, or an attempt has
/// been `sending` for over five minutes (a crash between the effect and its confirmation).
///
/// The claim holds a random token. If our PutItem was applied but its response lost, the SDK
/// retries it and the retry fails its own condition; the old item then holds our token and the
/// claim is ours (§7.3 intent guard, §7.4 lost responses), not another attempt in flight.
pub(crate) async fn claim(
    ddb: &Client,
    table: &str,
    mark: &Mark,
    effect: &Effect,
) -> CapResult<Claim> {
    let key = &mark.key();
    let now = clock::now_ms();
    let ticket = Ticket::new(now);
    let mut item = guard_item(key, now);
    item.extend(fact_attrs(mark, effect)?);
    item.insert("state".into(), Av::S(SENDING.into()));
    item.insert("startedAt".into(), Av::N(now.to_string()));
    item.insert("claimToken".into(), ticket.token_attr());
    let put = ddb
        .put_item()
        .table_name(table)
        .set_item(Some(item))
        .condition_expression(
            "attribute_not_exists(eventId) OR #state = :failed \
             OR (#state = :sending AND startedAt < :stale)",
        )
        .expression_attribute_names("#state", "state")
        .expression_attribute_values(":failed", Av::S(FAILED.into()))
        .expression_attribute_values(":sending", Av::S(SENDING.into()))
        .expression_attribute_values(":stale", Av::N((now - STALE_MS).to_string()))
        .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
        .send()
        .await;
    match put {
        Ok(_) => Ok(Claim::Claimed(ticket)),
        Err(err) => match err.as_service_error() {
            Some(PutItemError::ConditionalCheckFailedException(failed)) => {
                let existing = match failed.item() {
                    Some(item) if !item.is_empty() => Some(item.clone()),
                    // An endpoint that does not return the old item: read it.
                    _ => read_item(ddb, table, key).await?,
                };
                Ok(existing_claim(existing.as_ref(), &ticket))
            }
            _ => Err(classify(&err, Op::new("dynamodb:PutItem", "table", table))),
        },
    }
}

/// Settle our claim on `key` as `sent` or `failed`. Only our own claim is settled (same
/// `startedAt` and `claimToken`, §7.3): if a later attempt took over a stale claim, even within
/// the same millisecond, this is a no-op.
pub(crate) async fn settle(
    ddb: &Client,
    table: &str,
    key: &str,
    ticket: Ticket,
    state: &str,
) -> CapResult<()> {
    let result = ddb
        .update_item()
        .table_name(table)
        .key("eventId", Av::S(key.to_owned()))
        .update_expression("SET #state = :state, settledAt = :now")
        .condition_expression("#state = :sending AND startedAt = :mine AND claimToken = :token")
        .expression_attribute_names("#state", "state")
        .expression_attribute_values(":state", Av::S(state.to_owned()))
        .expression_attribute_values(":now", Av::S(clock::rfc3339_ms(clock::now_ms())))
        .expression_attribute_values(":sending", Av::S(SENDING.into()))
        .expression_attribute_values(":mine", Av::N(ticket.started_at.to_string()))
        .expression_attribute_values(":token", ticket.token_attr())
        .send()
        .await;
    match result {
        Ok(_) => Ok(()),
        Err(err)
            if err
                .as_service_error()
                .is_some_and(|e| e.is_conditional_check_failed_exception()) =>
        {
            Ok(())
        }
        Err(err) => Err(classify(
            &err,
            Op::new("dynamodb:UpdateItem", "table", table),
        )),
    }
}

/// The item `eventId = key` of `table`, read consistently.
pub(crate) async fn read_item(
    ddb: &Client,
    table: &str,
    key: &str,
) -> CapResult<Option<HashMap<String, Av>>> {
    let out = ddb
        .get_item()
        .table_name(table)
        .key("eventId", Av::S(key.to_owned()))
        .consistent_read(true)
        .send()
        .await
        .map_err(|e| classify(&e, Op::new("dynamodb:GetItem", "table", table)))?;
    Ok(out.item)
}

impl orders_core::caps::Idempotency for AwsEffects {
    async fn processed(&self, key: &str) -> CapResult<bool> {
        let item = self.read_guard(key).await?;
        Ok(item.as_ref().is_some_and(is_done))
    }
}

/// What an existing guard (that failed the condition of the claim `mine`) means.
fn existing_claim(item: Option<&HashMap<String, Av>>, mine: &Ticket) -> Claim {
    let Some(item) = item else {
        // Gone between our put and our read (TTL, or a settle racing us): try again later.
        return Claim::InFlight(clock::now_ms());
    };
    let started = item
        .get("startedAt")
        .and_then(|v| v.as_n().ok())
        .and_then(|n| n.parse::<i64>().ok())
        .unwrap_or_else(clock::now_ms);
    let ours = item.get("claimToken") == Some(&mine.token_attr());
    if is_done(item) {
        Claim::Done
    } else if ours && state(item) == Some(SENDING) {
        // Our own claim, applied by an attempt whose response was lost (§7.3, §7.4).
        Claim::Claimed(Ticket {
            started_at: started,
            token: mine.token,
        })
    } else {
        // Another attempt's claim, not yet stale (that one is fresh or has a different token;
        // `failed` cannot fail the condition unless it changed under us): retry.
        Claim::InFlight(started)
    }
}

/// The guard's `state`, if it has one.
fn state(item: &HashMap<String, Av>) -> Option<&str> {
    item.get("state")
        .and_then(|v| v.as_s().ok())
        .map(String::as_str)
}

/// Whether a guard says the effect happened: `sent`, or a plain guard (no intent).
fn is_done(item: &HashMap<String, Av>) -> bool {
    matches!(state(item), Some(SENT) | None)
}

/// The transient error for a key another attempt is working on.
pub(crate) fn in_flight(key: &str, since_ms: i64) -> CapError {
    CapError::transient(format!(
        "{key}: another attempt has been sending since {}; retry once it settles or is 5 minutes old",
        clock::rfc3339_ms(since_ms)
    ))
}

/// The transient error for an effect call that failed after it may have been applied: the claim
/// stays `sending` and its key is not tried again until the claim is stale (§7.4).
pub(crate) fn unknown_outcome(error: CapError, claimed_at_ms: i64) -> CapError {
    CapError::transient(format!(
        "{}; it may have been applied all the same, so it is not tried again before {}",
        error.message,
        clock::rfc3339_ms(claimed_at_ms + STALE_MS)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_expires_after_seven_days() {
        let item = guard_item("k", 1_000_500);
        assert_eq!(item["expiresAt"], Av::N((1_000 + 604_800).to_string()));
        assert_eq!(item["eventId"], Av::S("k".into()));
    }

    #[test]
    fn existing_guards_mean_done_or_in_flight() {
        let mine = Ticket::new(42);
        let sent = HashMap::from([("state".to_owned(), Av::S(SENT.into()))]);
        assert_eq!(existing_claim(Some(&sent), &mine), Claim::Done);
        let plain = HashMap::from([("eventId".to_owned(), Av::S("k".into()))]);
        assert_eq!(existing_claim(Some(&plain), &mine), Claim::Done);
        let sending = HashMap::from([
            ("state".to_owned(), Av::S(SENDING.into())),
            ("startedAt".to_owned(), Av::N("42".into())),
        ]);
        assert_eq!(existing_claim(Some(&sending), &mine), Claim::InFlight(42));
    }

    #[test]
    fn a_claim_holding_my_token_is_mine_and_another_token_is_in_flight() {
        let mine = Ticket::new(42);
        let claim = |token: &Ticket, state: &str| {
            HashMap::from([
                ("state".to_owned(), Av::S(state.into())),
                ("startedAt".to_owned(), Av::N("42".into())),
                ("claimToken".to_owned(), token.token_attr()),
            ])
        };
        assert_eq!(
            existing_claim(Some(&claim(&mine, SENDING)), &mine),
            Claim::Claimed(mine)
        );
        let other = Ticket {
            started_at: 42,
            token: mine.token ^ 1,
        };
        assert_eq!(
            existing_claim(Some(&claim(&other, SENDING)), &mine),
            Claim::InFlight(42)
        );
        assert_eq!(
            existing_claim(Some(&claim(&mine, SENT)), &mine),
            Claim::Done
        );
        assert_eq!(mine.token_attr().as_s().map(String::len), Ok(32));
    }
}

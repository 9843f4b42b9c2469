//! The order id to trace, when it comes from something at hand rather than the command line: a
//! stream record or Lambda event (`trace --event FILE`, e.g. a `tail --save` fixture or a
//! dead letter's `record`), or a dead letter in the queue (`trace --dlq ID`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use anyhow::{Context as _, anyhow, bail};
use orders_core::dlq::DlqBody;
use serde_json::Value;

use crate::backend::Target;
use crate::backend::queue::Queue;
use crate::dlq::resolve::{Resolved, resolve};
use crate::functions::Subscriptions;

/// The order ids of the records in an event file (`-` for stdin): a Lambda event, records,
/// or a dead-letter envelope (its `record`).
pub fn from_event(path: &Path) -> anyhow::Result<String> {
    let name = crate::input::source_name(path);
    let text = crate::input::read_source(path)?;
    let records = crate::input::event_records(&name, &text)?;
    let ids: BTreeSet<String> = records
        .iter()
        .map(|r| order_id_of(r.get("record").unwrap_or(r)))
        .collect::<Option<_>>()
        .ok_or_else(|| anyhow!("{name}: a record without dynamodb.Keys.orderId.S"))?;
    one(ids, &name)
}

/// The order id a dead letter is about: its envelope's record, or the records Lambda's
/// on-failure record names, re-read from the stream. Looks at up to `max` messages.
pub async fn from_dlq(
    target: &Target,
    subs: &Subscriptions,
    id: &str,
    max: usize,
) -> anyhow::Result<String> {
    let message = target
        .find(id, max)
        .await?
        .ok_or_else(|| anyhow!("no dead letter {id} among the first {max} messages"))?;
    let body = DlqBody::parse(&message.body);
    let records = match resolve(&body, target, subs, &BTreeMap::new(), None).await? {
        Resolved::Records { records, .. } => records,
        Resolved::Unrecoverable(why)
        | Resolved::NoMatch(why)
        | Resolved::Unreadable(why)
        | Resolved::NoFunction(why) => {
            bail!("dead letter {}: {why}", message.message_id)
        }
    };
    let ids: BTreeSet<String> = records
        .iter()
        .filter_map(|r| {
            r.dynamodb
                .keys
                .get("orderId")
                .and_then(|v| v.as_s())
                .map(str::to_owned)
        })
        .collect();
    one(ids, &format!("dead letter {}", message.message_id))
}

/// The one order id, or an error naming them all.
fn one(ids: BTreeSet<String>, name: &str) -> anyhow::Result<String> {
    match ids.len() {
        1 => ids
            .into_iter()
            .next()
            .with_context(|| format!("{name}: no order id")),
        0 => bail!("{name}: no record with an orderId key"),
        _ => bail!(
            "{name}: records of {} orders ({}); trace them one at a time",
            ids.len(),
            ids.into_iter().collect::<Vec<_>>().join(", ")
        ),
    }
}

fn order_id_of(record: &Value) -> Option<String> {
    record
        .get("dynamodb")?
        .get("Keys")?
        .get("orderId")?
        .get("S")?
        .as_str()
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_of_one_order_names_it_and_of_two_refuses() {
        let record = |id: &str| {
            serde_json::json!({"eventID": "e", "eventName": "INSERT",
                "dynamodb": {"Keys": {"orderId": {"S": id}}, "SequenceNumber": "1"}})
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("event.json");
        std::fs::write(
            &path,
            serde_json::json!({"Records": [record("o-1"), record("o-1")]}).to_string(),
        )
        .unwrap();
        assert_eq!(from_event(&path).unwrap(), "o-1");
        std::fs::write(
            &path,
            serde_json::json!({"Records": [record("o-1"), record("o-2")]}).to_string(),
        )
        .unwrap();
        let err = from_event(&path).unwrap_err().to_string();
        assert!(err.contains("o-1, o-2"), "{err}");
        // A dead-letter envelope names the order through its record.
        std::fs::write(
            &path,
            serde_json::json!({"record": record("o-9")}).to_string(),
        )
        .unwrap();
        assert_eq!(from_event(&path).unwrap(), "o-9");
    }
}

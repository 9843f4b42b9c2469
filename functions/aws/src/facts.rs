//! The per-order facts on AWS (`orders_core::fact`): each guard item in ProcessedEvents also
//! holds `orderId`, `function`, `eventName`, `sequenceNumber` and `effect` (JSON), and the
//! sparse global secondary index `OrderIndex` (hash key `orderId`, projection ALL) lets one
//! Query read every fact of an order. `orderctl init` creates the index; an item written
//! without the attributes (by an older function) is simply not in it.

use std::collections::HashMap;

use aws_sdk_dynamodb::error::BuildError;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue as Av, GlobalSecondaryIndex, KeySchemaElement, KeyType,
    Projection, ProjectionType, ProvisionedThroughput, ScalarAttributeType,
};
use orders_core::caps::{CapError, CapResult};
use orders_core::fact::{Effect, Fact, FactState, Mark};
use orders_core::{EventName, SequenceNumber};

use crate::guard::{FAILED, SENDING, SENT};

/// The index on ProcessedEvents that holds every fact under its order id.
pub const ORDER_INDEX: &str = "OrderIndex";

/// The definition of `OrderIndex` (hash key `orderId`, projection ALL), for `init` and the
/// tests' tables alike; `throughput` on a provisioned table.
pub fn order_index(
    throughput: Option<ProvisionedThroughput>,
) -> Result<(GlobalSecondaryIndex, AttributeDefinition), BuildError> {
    let index = GlobalSecondaryIndex::builder()
        .index_name(ORDER_INDEX)
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("orderId")
                .key_type(KeyType::Hash)
                .build()?,
        )
        .projection(
            Projection::builder()
                .projection_type(ProjectionType::All)
                .build(),
        )
        .set_provisioned_throughput(throughput)
        .build()?;
    let attr = AttributeDefinition::builder()
        .attribute_name("orderId")
        .attribute_type(ScalarAttributeType::S)
        .build()?;
    Ok((index, attr))
}

/// The attributes a guard item carries for `trace`: who, which record of which order, what.
pub(crate) fn fact_attrs(mark: &Mark, effect: &Effect) -> CapResult<HashMap<String, Av>> {
    let effect = serde_json::to_string(effect)
        .map_err(|e| CapError::permanent(format!("cannot encode an effect: {e}")))?;
    Ok(HashMap::from([
        ("orderId".to_owned(), Av::S(mark.order_id.clone())),
        ("function".to_owned(), Av::S(mark.function.clone())),
        (
            "eventName".to_owned(),
            Av::S(mark.event_name.as_str().to_owned()),
        ),
        (
            "sequenceNumber".to_owned(),
            Av::S(mark.sequence_number.as_str().to_owned()),
        ),
        ("effect".to_owned(), Av::S(effect)),
    ])
    .into_iter()
    .chain(
        mark.old_status
            .map(|s| ("oldStatus".to_owned(), Av::S(s.as_str().to_owned()))),
    )
    .chain(
        mark.new_status
            .map(|s| ("newStatus".to_owned(), Av::S(s.as_str().to_owned()))),
    )
    .collect())
}

/// The fact a guard item holds, if it holds one (the reservation ledger, also under the order
/// id, and guards written before facts hold none). The event id is the key's part after the
/// function; the state is the intent's (`sending`, `failed`) or done.
pub fn fact_of(item: &HashMap<String, Av>) -> Option<Fact> {
    let text = |name: &str| item.get(name).and_then(|v| v.as_s().ok()).cloned();
    let function = text("function")?;
    let key = text("eventId")?;
    let event_id = key.strip_prefix(&format!("{function}#"))?.to_owned();
    let event_name = match text("eventName")?.as_str() {
        "INSERT" => EventName::Insert,
        "MODIFY" => EventName::Modify,
        "REMOVE" => EventName::Remove,
        _ => return None,
    };
    let state = match text("state").as_deref() {
        None | Some(SENT) => FactState::Done,
        Some(SENDING) => FactState::Sending,
        Some(FAILED) => FactState::Failed,
        Some(_) => return None,
    };
    Some(Fact {
        order_id: text("orderId")?,
        function,
        event_id,
        event_name,
        sequence_number: SequenceNumber::parse(&text("sequenceNumber")?).ok()?,
        old_status: text("oldStatus").and_then(|s| s.parse().ok()),
        new_status: text("newStatus").and_then(|s| s.parse().ok()),
        effect: serde_json::from_str(&text("effect")?).ok()?,
        state,
        at: text("settledAt").or_else(|| text("processedAt"))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guard_with_facts_reads_back_as_the_fact() {
        let mark = Mark {
            function: "notification".into(),
            event_id: "e1".into(),
            order_id: "o-1".into(),
            event_name: EventName::Modify,
            sequence_number: SequenceNumber::from_u128(42),
            old_status: Some(orders_core::Status::Confirmed),
            new_status: Some(orders_core::Status::Shipped),
        };
        let effect = Effect::Email {
            subject: "Order o-1 is now SHIPPED".into(),
        };
        let mut item = fact_attrs(&mark, &effect).unwrap();
        item.insert("eventId".into(), Av::S(mark.key()));
        item.insert(
            "processedAt".into(),
            Av::S("2026-01-01T00:00:00.000Z".into()),
        );
        item.insert("state".into(), Av::S(SENDING.into()));
        let fact = fact_of(&item).unwrap();
        assert_eq!(fact.event_id, "e1");
        assert_eq!(fact.effect, effect);
        assert_eq!(fact.state, FactState::Sending);
        assert_eq!(fact.new_status, Some(orders_core::Status::Shipped));
        // The reservation ledger shares the order id but is no fact.
        let ledger = HashMap::from([
            (
                "eventId".to_owned(),
                Av::S("inventory#reservation#o-1".into()),
            ),
            ("orderId".to_owned(), Av::S("o-1".into())),
        ]);
        assert_eq!(fact_of(&ledger), None);
    }
}

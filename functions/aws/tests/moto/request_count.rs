//! Issue 16, item 3: a stock write costs one request. A reservation sends one
//! `TransactWriteItems` and no read, whatever its outcome: the transaction's conditions decide,
//! and a cancellation's `ALL_OLD` items explain it (the stored ledger, the product's stock, no
//! product). An interceptor records the operation of every request the client sends.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use aws_sdk_dynamodb::types::AttributeValue as Av;
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextRef;
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use orders_aws::{AwsEffects, Clients};
use orders_core::caps::{CapError, Stock, StockOutcome};

use super::support::{World, stock_mark};
use super::{ledger, line, moved, seq};

/// Records the operation of every request sent (each attempt, retries included).
#[derive(Debug, Clone, Default)]
struct Requests(Arc<Mutex<Vec<String>>>);

impl Requests {
    /// The operations sent since the last call, in order.
    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.lock().unwrap())
    }
}

impl Intercept for Requests {
    fn name(&self) -> &'static str {
        "Requests"
    }

    fn read_before_transmit(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        if let Some(m) = cfg.load::<Metadata>() {
            self.0.lock().unwrap().push(m.name().to_owned());
        }
        Ok(())
    }
}

/// The world's adapters, with the DynamoDB client behind `requests`.
fn effects_counting(world: &World, requests: &Requests) -> AwsEffects {
    let mut clients = Clients::new(&world.sdk);
    let config = aws_sdk_dynamodb::config::Builder::from(&world.sdk)
        .interceptor(requests.clone())
        .build();
    clients.ddb = aws_sdk_dynamodb::Client::from_conf(config);
    AwsEffects::with_clients(&clients, world.names.clone())
}

const TX: &str = "TransactWriteItems";

#[tokio::test]
async fn issue_16_a_reservation_is_one_transaction_and_no_read() {
    let world = World::new().await;
    world.set_stock("SKU-MUG", 10).await;
    world.set_stock("SKU-PAD", 1).await;
    let requests = Requests::default();
    let effects = effects_counting(&world, &requests);

    // A fresh order: one request, the levels unknown rather than read.
    assert_eq!(
        effects
            .reserve(
                &stock_mark("inventory#e1", "o-1", &seq(10), true),
                &[line("SKU-MUG", 3)]
            )
            .await,
        Ok(StockOutcome::Done(vec![moved("SKU-MUG")]))
    );
    assert_eq!(requests.take(), [TX]);
    assert_eq!(world.stock("SKU-MUG").await, Some(7));

    // Short stock: told by the product's old item, as before, with no read.
    assert_eq!(
        effects
            .reserve(
                &stock_mark("inventory#e2", "o-2", &seq(11), true),
                &[line("SKU-MUG", 1), line("SKU-PAD", 2)]
            )
            .await,
        Err(CapError::permanent(
            "insufficient stock for SKU-PAD: 1 left, 2 needed"
        ))
    );
    assert_eq!(requests.take(), [TX]);

    // No such product: the refusal carries no old item.
    assert_eq!(
        effects
            .reserve(
                &stock_mark("inventory#e3", "o-3", &seq(12), true),
                &[line("SKU-MUG", 1), line("SKU-NONE", 1)]
            )
            .await,
        Err(CapError::permanent("unknown product SKU-NONE"))
    );
    assert_eq!(requests.take(), [TX]);

    // A redelivery: the guard refuses it, still one request.
    assert_eq!(
        effects
            .reserve(
                &stock_mark("inventory#e1", "o-1", &seq(10), true),
                &[line("SKU-MUG", 3)]
            )
            .await,
        Ok(StockOutcome::Duplicate)
    );
    assert_eq!(requests.take(), [TX]);
    assert_eq!(
        (world.stock("SKU-MUG").await, world.stock("SKU-PAD").await),
        (Some(7), Some(1))
    );
    for key in [
        "inventory#e2",
        "inventory#e3",
        "inventory#reservation#o-2",
        "inventory#reservation#o-3",
    ] {
        assert!(world.event_item(key).await.is_none(), "{key} was written");
    }
}

/// The ledger put assumes no ledger; when one is stored, its refusal carries it and the
/// reservation is decided again against it: a stale INSERT is superseded, a reused id reserves
/// anew at the stored version. Without that retry these records would fail.
#[tokio::test]
async fn issue_16_a_stored_ledger_is_learnt_from_the_refusal_not_read() {
    let world = World::new().await;
    world.set_stock("SKU-MUG", 10).await;
    let requests = Requests::default();
    let effects = effects_counting(&world, &requests);
    let lines = [line("SKU-MUG", 2)];

    assert!(matches!(
        effects
            .reserve(&stock_mark("inventory#e1", "o-1", &seq(10), true), &lines)
            .await,
        Ok(StockOutcome::Done(_))
    ));
    requests.take();
    // An end reads the ledger (it nearly always exists) and sends one transaction; the stock
    // limit needs no read either.
    assert_eq!(
        effects
            .release(&stock_mark("inventory#e2", "o-1", &seq(20), false), true)
            .await,
        Ok(StockOutcome::Done(vec![moved("SKU-MUG")]))
    );
    assert_eq!(requests.take(), ["GetItem", TX]);
    assert_eq!(world.stock("SKU-MUG").await, Some(10));

    // The order's INSERT replayed after its cancel: refused by the ledger, then only its
    // guard is written.
    assert_eq!(
        effects
            .reserve(&stock_mark("inventory#e0", "o-1", &seq(15), true), &lines)
            .await,
        Ok(StockOutcome::Superseded)
    );
    assert_eq!(requests.take(), [TX, "PutItem"]);
    assert_eq!(world.stock("SKU-MUG").await, Some(10), "nothing reserved");

    // The id used again by a newer order: refused by the ledger, retried at its version.
    assert_eq!(
        effects
            .reserve(&stock_mark("inventory#e3", "o-1", &seq(30), true), &lines)
            .await,
        Ok(StockOutcome::Done(vec![moved("SKU-MUG")]))
    );
    assert_eq!(requests.take(), [TX, TX]);
    assert_eq!(world.stock("SKU-MUG").await, Some(8));
    let stored = ledger(&world.event_item("inventory#reservation#o-1").await.unwrap());
    assert_eq!(stored.held().len(), 1);
    assert_eq!(stored.newest, Some(seq(30)));

    // A reservation written before the ledger (a `lines` list, no version) is learnt the same
    // way, and the put then requires it still has no version.
    world
        .put_event_item(HashMap::from([
            (
                "eventId".to_owned(),
                Av::S("inventory#reservation#o-9".into()),
            ),
            ("orderId".to_owned(), Av::S("o-9".into())),
            (
                "lines".to_owned(),
                Av::L(vec![Av::M(HashMap::from([
                    ("productId".to_owned(), Av::S("SKU-MUG".into())),
                    ("quantity".to_owned(), Av::N("1".into())),
                ]))]),
            ),
        ]))
        .await;
    assert_eq!(
        effects
            .reserve(&stock_mark("inventory#e4", "o-9", &seq(40), true), &lines)
            .await,
        Ok(StockOutcome::Done(vec![moved("SKU-MUG")]))
    );
    assert_eq!(requests.take(), [TX, TX]);
    assert_eq!(world.stock("SKU-MUG").await, Some(6));
    let stored = ledger(&world.event_item("inventory#reservation#o-9").await.unwrap());
    assert_eq!(stored.held().len(), 2, "the legacy reservation is kept");
}

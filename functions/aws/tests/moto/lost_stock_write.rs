//! Issue 18, item 9: a stock write applied but whose response was lost. The SDK retries the
//! identical request, which then fails its own guard condition; the guard it finds is this
//! write's own, so the record was handled now — `Nothing` for an end with nothing to restock,
//! `Done` for a reservation — not a duplicate of an earlier delivery (aws-semantics §7.4). An
//! interceptor turns the first response of one operation into a 500 after moto applied it.
//! (Real DynamoDB also answers a retried TransactWriteItems by its ClientRequestToken; moto
//! does not, and the guard's token does not depend on it.)

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::BeforeDeserializationInterceptorContextMut;
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::ConfigBag;
use orders_aws::{AwsEffects, Clients};
use orders_core::caps::{Stock, StockOutcome};

use super::support::{World, stock_mark};
use super::{line, moved, seq};

/// Replaces the response of the first call of `operation` with a 500, after the write was
/// applied: what a reset or a gateway error looks like to the client.
#[derive(Debug, Clone)]
struct LoseFirst {
    operation: &'static str,
    seen: Arc<AtomicUsize>,
}

impl LoseFirst {
    fn new(operation: &'static str) -> LoseFirst {
        LoseFirst {
            operation,
            seen: Arc::default(),
        }
    }

    /// Whether a response was lost.
    fn lost(&self) -> bool {
        self.seen.load(Ordering::SeqCst) > 0
    }
}

impl Intercept for LoseFirst {
    fn name(&self) -> &'static str {
        "LoseFirst"
    }

    fn modify_before_deserialization(
        &self,
        context: &mut BeforeDeserializationInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let matches = cfg
            .load::<Metadata>()
            .is_some_and(|m| m.name() == self.operation);
        if matches && self.seen.fetch_add(1, Ordering::SeqCst) == 0 {
            let response = context.response_mut();
            *response.status_mut() = StatusCode::try_from(500).unwrap();
            response.headers_mut().remove("x-amz-crc32");
            *response.body_mut() = SdkBody::from(
                r#"{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"response lost"}"#,
            );
        }
        Ok(())
    }
}

/// The world's adapters, with the DynamoDB client behind `interceptor`.
fn effects_losing(world: &World, interceptor: &LoseFirst) -> AwsEffects {
    let mut clients = Clients::new(&world.sdk);
    let config = aws_sdk_dynamodb::config::Builder::from(&world.sdk)
        .interceptor(interceptor.clone())
        .build();
    clients.ddb = aws_sdk_dynamodb::Client::from_conf(config);
    AwsEffects::with_clients(&clients, world.names.clone())
}

#[tokio::test]
async fn issue_18_a_cancel_with_nothing_to_restock_whose_response_was_lost_is_not_a_duplicate() {
    let world = World::new().await;
    let lose = LoseFirst::new("TransactWriteItems");
    let effects = effects_losing(&world, &lose);
    // Never reserved: the end leaves a tombstone, in one transaction with the guard.
    assert_eq!(
        effects
            .release(&stock_mark("inventory#c1", "o-never", &seq(5), false), true)
            .await,
        Ok(StockOutcome::Nothing)
    );
    assert!(lose.lost(), "the transaction's response was lost");
    // A real redelivery is still a duplicate.
    assert_eq!(
        world
            .effects
            .release(&stock_mark("inventory#c1", "o-never", &seq(5), false), true)
            .await,
        Ok(StockOutcome::Duplicate)
    );
}

#[tokio::test]
async fn issue_18_an_end_of_an_ended_order_whose_response_was_lost_is_not_a_duplicate() {
    let world = World::new().await;
    world.set_stock("SKU-MUG", 10).await;
    let lines = [line("SKU-MUG", 3)];
    let reserved = world
        .effects
        .reserve(&stock_mark("inventory#e1", "o-1", &seq(10), true), &lines)
        .await;
    assert!(
        matches!(reserved, Ok(StockOutcome::Done(_))),
        "{reserved:?}"
    );
    let cancelled = world
        .effects
        .release(&stock_mark("inventory#e2", "o-1", &seq(20), false), true)
        .await;
    assert!(
        matches!(cancelled, Ok(StockOutcome::Done(_))),
        "{cancelled:?}"
    );
    // An older end of the order replayed after that one (§7.4): nothing to restock, only its
    // guard is written (PutItem).
    let lose = LoseFirst::new("PutItem");
    let effects = effects_losing(&world, &lose);
    assert_eq!(
        effects
            .release(&stock_mark("inventory#e3", "o-1", &seq(15), false), true)
            .await,
        Ok(StockOutcome::Nothing)
    );
    assert!(lose.lost(), "the guard's response was lost");
    assert_eq!(world.stock("SKU-MUG").await, Some(10), "restocked once");
    assert_eq!(
        world
            .effects
            .release(&stock_mark("inventory#e3", "o-1", &seq(15), false), true)
            .await,
        Ok(StockOutcome::Duplicate)
    );
}

#[tokio::test]
async fn issue_18_a_reservation_whose_response_was_lost_is_done_once() {
    let world = World::new().await;
    world.set_stock("SKU-MUG", 10).await;
    let lose = LoseFirst::new("TransactWriteItems");
    let effects = effects_losing(&world, &lose);
    assert_eq!(
        effects
            .reserve(
                &stock_mark("inventory#e1", "o-1", &seq(10), true),
                &[line("SKU-MUG", 3)]
            )
            .await,
        Ok(StockOutcome::Done(vec![moved("SKU-MUG")]))
    );
    assert!(lose.lost(), "the transaction's response was lost");
    assert_eq!(world.stock("SKU-MUG").await, Some(7), "taken once");
}

//! The AWS adapters against moto (a server speaking the real AWS protocols): SES v2 mail,
//! CloudWatch metrics, DynamoDB stock transactions and the SQS dead-letter queue, each
//! idempotent per key. Needs `ORDERCTL_TEST_ENDPOINT` (set by `scripts/test`); fails without it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "moto/support.rs"]
mod support;

#[path = "moto/lost_response.rs"]
mod lost_response;

#[path = "moto/unknown_outcome.rs"]
mod unknown_outcome;

#[path = "moto/lost_stock_write.rs"]
mod lost_stock_write;

#[path = "moto/oversized_dead_letter.rs"]
mod oversized_dead_letter;

#[path = "moto/request_count.rs"]
mod request_count;

use std::collections::HashMap;

use aws_sdk_cloudwatch::types::Statistic;
use aws_sdk_dynamodb::types::AttributeValue as Av;
use aws_smithy_types::DateTime;
use orders_aws::{AwsEffects, Names};
use orders_core::caps::{
    Applied, CapError, Datum, DeadLetters, Email, Mailer, Metrics, Severity, Stock, StockChange,
    StockLine, StockOutcome, Unit,
};
use orders_core::clock;
use orders_core::money::Decimal;
use support::{World, mail_to, mark, marks, stock_mark};

/// The stock ledger an item holds.
fn ledger(item: &HashMap<String, Av>) -> orders_core::ledger::OrderLedger {
    serde_json::from_str(item["ledger"].as_s().unwrap()).unwrap()
}

fn seq(n: u128) -> orders_core::SequenceNumber {
    orders_core::SequenceNumber::from_u128(n)
}

fn line(product: &str, quantity: u32) -> StockLine {
    StockLine {
        product_id: product.into(),
        quantity,
    }
}

/// A change the AWS adapter applied: the product, at levels it does not know (a transaction
/// returns no values, and it reads none just to report them).
fn moved(product: &str) -> StockChange {
    StockChange {
        product_id: product.into(),
        before: None,
        after: None,
    }
}

fn permanent(message: &str) -> CapError {
    CapError::permanent(message)
}

async fn verified_sender(world: &World) -> String {
    let sender = format!("orders-{}@example.com", world.id);
    let ses = aws_sdk_sesv2::Client::new(&world.sdk);
    ses.create_email_identity()
        .email_identity(&sender)
        .send()
        .await
        .unwrap();
    sender
}

fn email(from: &str, to: &str, id: &str) -> Email {
    Email {
        from: from.into(),
        to: to.into(),
        subject: format!("Order o-{id} confirmed"),
        body: format!(
            "Thank you for your order.\n\nOrder o-{id}\n  2 x SKU-MUG at 12.50 = 25.00\nTotal: 25.40\n"
        ),
    }
}

#[tokio::test]
async fn an_email_is_sent_once_per_key() {
    let world = World::new().await;
    let sender = verified_sender(&world).await;
    let to = format!("ann-{}@example.com", world.id);
    let mail = email(&sender, &to, &world.id);

    assert_eq!(
        world
            .effects
            .send_once(&mark("notification#e1"), &mail)
            .await,
        Ok(Applied::Done)
    );
    assert_eq!(
        world
            .effects
            .send_once(&mark("notification#e1"), &mail)
            .await,
        Ok(Applied::Duplicate)
    );

    let sent = mail_to(&to);
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0]["source"], sender.as_str());
    assert_eq!(
        sent[0]["subject"],
        format!("Order o-{} confirmed", world.id).as_str()
    );
    assert!(
        sent[0]["body"].as_str().unwrap().contains("Total: 25.40"),
        "{}",
        sent[0]["body"]
    );

    let guard = world.event_item("notification#e1").await.unwrap();
    assert_eq!(guard["state"], Av::S("sent".into()));
    let expires: i64 = guard["expiresAt"].as_n().unwrap().parse().unwrap();
    let week = clock::now_ms() / 1000 + 7 * 24 * 3600;
    assert!(
        (week - 60..=week).contains(&expires),
        "expiresAt {expires}, a week from now is {week}"
    );
    assert!(guard["processedAt"].as_s().unwrap().ends_with('Z'));
}

#[tokio::test]
async fn an_unsettled_email_is_retried_only_once_stale_and_a_failed_one_at_once() {
    let world = World::new().await;
    let sender = verified_sender(&world).await;
    let to = format!("bob-{}@example.com", world.id);
    let mail = email(&sender, &to, &world.id);
    let sending = |started: i64| {
        HashMap::from([
            ("eventId".to_owned(), Av::S("notification#e2".into())),
            ("state".to_owned(), Av::S("sending".into())),
            ("startedAt".to_owned(), Av::N(started.to_string())),
        ])
    };

    // Another attempt is sending right now: neither skipped nor sent twice — retried later.
    world.put_event_item(sending(clock::now_ms() - 1_000)).await;
    let busy = world
        .effects
        .send_once(&mark("notification#e2"), &mail)
        .await
        .unwrap_err();
    assert_eq!(busy.severity, Severity::Transient, "{busy}");
    assert!(mail_to(&to).is_empty());

    // That attempt crashed 6 minutes ago: the mail is sent (at least once, never lost).
    world
        .put_event_item(sending(clock::now_ms() - 6 * 60 * 1000))
        .await;
    assert_eq!(
        world
            .effects
            .send_once(&mark("notification#e2"), &mail)
            .await,
        Ok(Applied::Done)
    );
    assert_eq!(mail_to(&to).len(), 1);

    // An unverified sender is a permanent failure; the guard says `failed`, so once the sender
    // is fixed a retry sends at once.
    let unverified = Email {
        from: format!("nobody-{}@example.com", world.id),
        ..mail.clone()
    };
    let rejected = world
        .effects
        .send_once(&mark("notification#e3"), &unverified)
        .await
        .unwrap_err();
    assert_eq!(rejected.severity, Severity::Permanent, "{rejected}");
    assert!(
        rejected
            .message
            .starts_with("ses:SendEmail on identity nobody-"),
        "{rejected}"
    );
    assert!(!rejected.message.contains('\n'));
    assert_eq!(
        world.event_item("notification#e3").await.unwrap()["state"],
        Av::S("failed".into())
    );
    assert_eq!(
        world
            .effects
            .send_once(&mark("notification#e3"), &mail)
            .await,
        Ok(Applied::Done)
    );
    assert_eq!(mail_to(&to).len(), 2);
}

fn order_share(revenue: &str) -> Vec<Datum> {
    vec![
        Datum {
            name: "OrderCount".into(),
            value: Decimal::ONE,
            unit: Unit::Count,
        },
        Datum {
            name: "Revenue".into(),
            value: revenue.parse().unwrap(),
            unit: Unit::None,
        },
    ]
}

/// (Sum, SampleCount, Minimum, Maximum) of a metric over the last hour, all datapoints.
async fn statistics(world: &World, namespace: &str, metric: &str) -> (f64, f64, f64, f64) {
    let cloudwatch = aws_sdk_cloudwatch::Client::new(&world.sdk);
    let now = clock::now_ms() / 1000;
    let out = cloudwatch
        .get_metric_statistics()
        .namespace(namespace)
        .metric_name(metric)
        .start_time(DateTime::from_secs(now - 3600))
        .end_time(DateTime::from_secs(now + 3600))
        .period(60)
        .statistics(Statistic::Sum)
        .statistics(Statistic::SampleCount)
        .statistics(Statistic::Minimum)
        .statistics(Statistic::Maximum)
        .send()
        .await
        .unwrap();
    let points = out.datapoints();
    (
        points.iter().filter_map(|p| p.sum()).sum(),
        points.iter().filter_map(|p| p.sample_count()).sum(),
        points
            .iter()
            .filter_map(|p| p.minimum())
            .fold(f64::INFINITY, f64::min),
        points
            .iter()
            .filter_map(|p| p.maximum())
            .fold(f64::NEG_INFINITY, f64::max),
    )
}

#[tokio::test]
async fn metrics_count_each_key_once_with_exact_sums() {
    let world = World::new().await;
    let namespace = format!("OrderService-{}", world.id);
    let keys = |k: &[&str]| {
        k.iter()
            .map(|k| format!("analytics#{k}"))
            .collect::<Vec<_>>()
    };

    let put = async |k: &[&str], revenue: &[&str]| {
        let shares: Vec<Vec<Datum>> = revenue.iter().map(|r| order_share(r)).collect();
        world
            .effects
            .put_once(&namespace, &marks(&keys(k)), &shares)
            .await
    };
    // 0.10 + 0.20 is summed exactly (0.3), not in doubles (0.30000000000000004).
    assert_eq!(
        put(&["e1", "e2"], &["0.10", "0.20"]).await,
        Ok(vec![Applied::Done, Applied::Done])
    );
    assert_eq!(
        put(&["e2", "e3"], &["0.20", "1.00"]).await,
        Ok(vec![Applied::Duplicate, Applied::Done])
    );
    // Nothing new: no PutMetricData at all.
    assert_eq!(
        put(&["e1", "e3"], &["0.10", "1.00"]).await,
        Ok(vec![Applied::Duplicate, Applied::Duplicate])
    );

    let (count, count_samples, _, _) = statistics(&world, &namespace, "OrderCount").await;
    assert_eq!((count, count_samples), (3.0, 2.0));
    let (revenue, samples, min, max) = statistics(&world, &namespace, "Revenue").await;
    assert_eq!((revenue, samples, min, max), (1.3, 2.0, 0.3, 1.0));
    for key in keys(&["e1", "e2", "e3"]) {
        assert_eq!(
            world.event_item(&key).await.unwrap()["state"],
            Av::S("sent".into()),
            "{key}"
        );
    }
}

#[tokio::test]
async fn a_reservation_takes_stock_once() {
    let world = World::new().await;
    world.set_stock("SKU-MUG", 10).await;
    world.set_stock("SKU-PAD", 5).await;
    let lines = [line("SKU-MUG", 3), line("SKU-PAD", 2)];

    let done = world
        .effects
        .reserve(&stock_mark("inventory#e1", "o-1", &seq(11), true), &lines)
        .await;
    assert_eq!(
        done,
        Ok(StockOutcome::Done(vec![moved("SKU-MUG"), moved("SKU-PAD")]))
    );
    assert_eq!(
        (world.stock("SKU-MUG").await, world.stock("SKU-PAD").await),
        (Some(7), Some(3))
    );

    // The ledger remembers the lines and never expires; the guard does.
    let marker = world.event_item("inventory#reservation#o-1").await.unwrap();
    assert!(!marker.contains_key("expiresAt"));
    let held = ledger(&marker);
    assert_eq!(held.held().len(), 1);
    assert_eq!(held.held()[0].lines, lines.to_vec());
    assert!(
        world
            .event_item("inventory#e1")
            .await
            .unwrap()
            .contains_key("expiresAt")
    );

    // The same record again, or an older INSERT of the same order id: nothing moves.
    assert_eq!(
        world
            .effects
            .reserve(&stock_mark("inventory#e1", "o-1", &seq(11), true), &lines)
            .await,
        Ok(StockOutcome::Duplicate)
    );
    assert_eq!(
        world
            .effects
            .reserve(&stock_mark("inventory#e9", "o-1", &seq(5), true), &lines)
            .await,
        Ok(StockOutcome::Superseded)
    );
    assert_eq!(
        (world.stock("SKU-MUG").await, world.stock("SKU-PAD").await),
        (Some(7), Some(3))
    );
}

#[tokio::test]
async fn a_failed_reservation_changes_nothing() {
    let world = World::new().await;
    world.set_stock("SKU-MUG", 10).await;
    world.set_stock("SKU-PAD", 1).await;

    let short = world
        .effects
        .reserve(
            &stock_mark("inventory#e1", "o-1", &seq(14), true),
            &[line("SKU-MUG", 3), line("SKU-PAD", 2)],
        )
        .await;
    assert_eq!(
        short,
        Err(permanent(
            "insufficient stock for SKU-PAD: 1 left, 2 needed"
        ))
    );
    let unknown = world
        .effects
        .reserve(
            &stock_mark("inventory#e2", "o-2", &seq(15), true),
            &[line("SKU-MUG", 1), line("SKU-NONE", 1)],
        )
        .await;
    assert_eq!(unknown, Err(permanent("unknown product SKU-NONE")));
    let many: Vec<StockLine> = (0..99).map(|i| line(&format!("SKU-{i}"), 1)).collect();
    let too_many = world
        .effects
        .reserve(&stock_mark("inventory#e3", "o-3", &seq(16), true), &many)
        .await
        .unwrap_err();
    assert_eq!(too_many.severity, Severity::Permanent, "{too_many}");

    assert_eq!(
        (world.stock("SKU-MUG").await, world.stock("SKU-PAD").await),
        (Some(10), Some(1))
    );
    for key in [
        "inventory#e1",
        "inventory#e2",
        "inventory#reservation#o-1",
        "inventory#reservation#o-2",
    ] {
        assert!(world.event_item(key).await.is_none(), "{key} was written");
    }
    // Stock arrives: the same record now succeeds (a permanent failure was not recorded as done).
    world.set_stock("SKU-PAD", 4).await;
    let retried = world
        .effects
        .reserve(
            &stock_mark("inventory#e1", "o-1", &seq(17), true),
            &[line("SKU-MUG", 3), line("SKU-PAD", 2)],
        )
        .await;
    assert_eq!(
        retried,
        Ok(StockOutcome::Done(vec![moved("SKU-MUG"), moved("SKU-PAD")]))
    );
}

#[tokio::test]
async fn a_restock_puts_back_what_was_reserved_once() {
    let world = World::new().await;
    world.set_stock("SKU-MUG", 10).await;
    world.set_stock("SKU-PAD", 5).await;
    let reserved = world
        .effects
        .reserve(
            &stock_mark("inventory#e1", "o-1", &seq(18), true),
            &[line("SKU-MUG", 3), line("SKU-PAD", 2)],
        )
        .await;
    assert!(matches!(reserved, Ok(StockOutcome::Done(_))));
    world.set_stock("SKU-PAD", 1).await; // sold elsewhere meanwhile

    let back = world
        .effects
        .release(&stock_mark("inventory#e2", "o-1", &seq(100), false), true)
        .await;
    assert_eq!(
        back,
        Ok(StockOutcome::Done(vec![moved("SKU-MUG"), moved("SKU-PAD")]))
    );
    assert_eq!(
        (world.stock("SKU-MUG").await, world.stock("SKU-PAD").await),
        (Some(10), Some(3))
    );
    let after = ledger(&world.event_item("inventory#reservation#o-1").await.unwrap());
    assert!(after.held().is_empty());
    assert_eq!(after.newest, Some(seq(100)));

    assert_eq!(
        world
            .effects
            .release(&stock_mark("inventory#e2", "o-1", &seq(100), false), true)
            .await,
        Ok(StockOutcome::Duplicate)
    );
    // Another record cancelling the same order finds nothing left to put back.
    assert_eq!(
        world
            .effects
            .release(&stock_mark("inventory#e3", "o-1", &seq(101), false), true)
            .await,
        Ok(StockOutcome::Nothing)
    );
    assert_eq!(
        (world.stock("SKU-MUG").await, world.stock("SKU-PAD").await),
        (Some(10), Some(3))
    );

    // An order that was never reserved: nothing, and its record is then a duplicate.
    assert_eq!(
        world
            .effects
            .release(
                &stock_mark("inventory#e4", "o-never", &seq(200), false),
                true
            )
            .await,
        Ok(StockOutcome::Nothing)
    );
    assert_eq!(
        world
            .effects
            .release(
                &stock_mark("inventory#e4", "o-never", &seq(200), false),
                true
            )
            .await,
        Ok(StockOutcome::Duplicate)
    );
}

/// Issue 11, finding 3 on DynamoDB: a cancel that found nothing leaves a tombstone, so the
/// order's INSERT replayed later reserves nothing; the id used again later reserves anew.
#[tokio::test]
async fn a_stale_insert_after_a_cancel_reserves_nothing() {
    let world = World::new().await;
    world.set_stock("SKU-MUG", 10).await;
    let lines = [line("SKU-MUG", 2)];
    assert_eq!(
        world
            .effects
            .release(
                &stock_mark("inventory#cancel", "o-1", &seq(20), false),
                true
            )
            .await,
        Ok(StockOutcome::Nothing)
    );
    let tombstone = ledger(&world.event_item("inventory#reservation#o-1").await.unwrap());
    assert!(tombstone.held().is_empty());
    assert_eq!(tombstone.newest, Some(seq(20)));
    assert_eq!(
        world
            .effects
            .reserve(
                &stock_mark("inventory#insert", "o-1", &seq(10), true),
                &lines
            )
            .await,
        Ok(StockOutcome::Superseded)
    );
    assert_eq!(world.stock("SKU-MUG").await, Some(10), "nothing reserved");
    assert_eq!(
        world
            .effects
            .reserve(
                &stock_mark("inventory#insert", "o-1", &seq(10), true),
                &lines
            )
            .await,
        Ok(StockOutcome::Duplicate),
        "the guard was recorded"
    );
    // The same id, created again after the cancel: a new order, reserved once.
    assert!(matches!(
        world
            .effects
            .reserve(
                &stock_mark("inventory#again", "o-1", &seq(30), true),
                &lines
            )
            .await,
        Ok(StockOutcome::Done(_))
    ));
    assert_eq!(world.stock("SKU-MUG").await, Some(8));
    // A delete after shipping moves no stock, only the mark.
    assert_eq!(
        world
            .effects
            .release(
                &stock_mark("inventory#shipped", "o-1", &seq(40), false),
                false
            )
            .await,
        Ok(StockOutcome::Nothing)
    );
    assert_eq!(world.stock("SKU-MUG").await, Some(8));
}

#[tokio::test]
async fn dead_letters_reach_the_queue() {
    let world = World::new().await;
    let sqs = aws_sdk_sqs::Client::new(&world.sdk);
    let url = sqs
        .create_queue()
        .queue_name(&world.names.dlq_queue)
        .send()
        .await
        .unwrap()
        .queue_url
        .unwrap();

    world
        .effects
        .send(r#"{"error":"unknown product SKU-NONE"}"#)
        .await
        .unwrap();
    world.effects.send("second").await.unwrap();

    let mut bodies = Vec::new();
    for _ in 0..5 {
        let out = sqs
            .receive_message()
            .queue_url(&url)
            .max_number_of_messages(10)
            .send()
            .await
            .unwrap();
        bodies.extend(
            out.messages()
                .iter()
                .filter_map(|m| m.body().map(str::to_owned)),
        );
        if bodies.len() >= 2 {
            break;
        }
    }
    bodies.sort();
    assert_eq!(
        bodies,
        ["second", r#"{"error":"unknown product SKU-NONE"}"#]
    );
}

#[tokio::test]
async fn missing_resources_are_transient_not_dead_letters() {
    let sdk = support::sdk().await;
    let id = support::unique();
    let names = Names {
        inventory_table: format!("NoSuchInventory-{id}"),
        processed_events_table: format!("NoSuchEvents-{id}"),
        dlq_queue: format!("no-such-dlq-{id}"),
    };
    let effects = AwsEffects::new(&sdk, names);

    let stock = effects
        .reserve(
            &stock_mark("inventory#e1", "o-1", &seq(19), true),
            &[line("SKU-MUG", 1)],
        )
        .await
        .unwrap_err();
    assert_eq!(stock.severity, Severity::Transient, "{stock}");
    // Its one request is the transaction, which names both tables.
    assert!(
        stock.message.contains(&format!("NoSuchEvents-{id}")),
        "{stock}"
    );
    let dlq = effects.send("body").await.unwrap_err();
    assert_eq!(dlq.severity, Severity::Transient, "{dlq}");
    assert!(
        dlq.message
            .starts_with(&format!("sqs:GetQueueUrl on queue no-such-dlq-{id}")),
        "{dlq}"
    );
    let claim = effects
        .put_once(
            "OrderService",
            &marks(&["analytics#e1".into()]),
            &[order_share("1.00")],
        )
        .await
        .unwrap_err();
    assert_eq!(claim.severity, Severity::Transient, "{claim}");
}

/// Issue 13, Found 1: a restock that would take stock past the documented limit is refused
/// (permanently, with the reason) and changes nothing: neither the stock nor the ledger.
#[tokio::test]
async fn issue_13_a_restock_past_the_limit_is_refused_and_changes_nothing() {
    let world = World::new().await;
    world.set_stock("SKU-MUG", 10).await;
    let reserved = world
        .effects
        .reserve(
            &stock_mark("inventory#e1", "o-1", &seq(18), true),
            &[line("SKU-MUG", 2)],
        )
        .await;
    assert!(matches!(reserved, Ok(StockOutcome::Done(_))));
    let limit = orders_core::limits::MAX_STOCK;
    world.set_stock("SKU-MUG", limit).await;
    let back = world
        .effects
        .release(&stock_mark("inventory#e2", "o-1", &seq(100), false), true)
        .await;
    let err = back.unwrap_err();
    assert!(!err.is_transient());
    assert_eq!(
        err.message,
        format!(
            "cannot give back 2 of SKU-MUG: its stock of {limit} would pass the limit of {limit}; stock left unchanged"
        )
    );
    assert_eq!(world.stock("SKU-MUG").await, Some(limit));
    let after = ledger(&world.event_item("inventory#reservation#o-1").await.unwrap());
    assert_eq!(after.held().len(), 1, "the reservation is still held");
}

//! The moto the AWS-target tests run against keeps every write it acknowledged, as DynamoDB
//! does. `moto_server` alone does not: a cancelled TransactWriteItems restores the tables it
//! names from a copy taken before it ran, undoing writes other threads applied and acknowledged
//! in between. With the subscriptions stepping side by side, an inventory transaction cancelled
//! as a duplicate undid a notification claim in `ProcessedEvents`, and `aws_kill` saw an email
//! sent twice with no claim ever left `sending`. scripts/moto-server.py answers DynamoDB one
//! request at a time, so the tests judge orderctl, not moto's thread safety.
//!
//! The race needs timing, so this test can miss it: against plain `moto_server` it lost 1 to 9
//! increments in each of seven runs here (four of 400 increments, three of 150).

use std::sync::atomic::{AtomicBool, Ordering};

use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue as Av, BillingMode, ConditionCheck, KeySchemaElement,
    KeyType, Put, ScalarAttributeType, TransactWriteItem,
};

use crate::support::aws::{AwsEnv, block, endpoint};

/// Increments written while the cancelled transactions run.
const WRITES: usize = 400;

#[test]
fn moto_keeps_every_acknowledged_write_beside_cancelled_transactions() {
    // A moto of its own (scripts/test starts it like the others): moto keeps every copy of a
    // table a transaction made, which would slow the main server's data.json.
    let aws = AwsEnv::on(&endpoint("ORDERCTL_TEST_RACE_ENDPOINT"));
    let ddb = aws.ddb();
    let table = format!("MotoRace-{:08x}", fastrand::u32(..));
    let key = |k: &str| std::collections::HashMap::from([("k".to_owned(), Av::S(k.to_owned()))]);
    block(async {
        ddb.create_table()
            .table_name(&table)
            .key_schema(
                KeySchemaElement::builder()
                    .attribute_name("k")
                    .key_type(KeyType::Hash)
                    .build()
                    .unwrap(),
            )
            .attribute_definitions(
                AttributeDefinition::builder()
                    .attribute_name("k")
                    .attribute_type(ScalarAttributeType::S)
                    .build()
                    .unwrap(),
            )
            .billing_mode(BillingMode::PayPerRequest)
            .send()
            .await
            .unwrap();
        ddb.put_item()
            .table_name(&table)
            .set_item(Some(key("guard")))
            .send()
            .await
            .unwrap();
    });
    // 99 puts and a condition that fails: each transaction is cancelled after applying the
    // puts in moto, a long window for a concurrent write to land in before the restore.
    let mut actions: Vec<TransactWriteItem> = (0..99)
        .map(|j| {
            let put = Put::builder()
                .table_name(&table)
                .set_item(Some(key(&format!("tx{j}"))))
                .build()
                .unwrap();
            TransactWriteItem::builder().put(put).build()
        })
        .collect();
    let check = ConditionCheck::builder()
        .table_name(&table)
        .set_key(Some(key("guard")))
        .condition_expression("attribute_not_exists(k)")
        .build()
        .unwrap();
    actions.push(TransactWriteItem::builder().condition_check(check).build());

    // Two threads with clients of their own, so the requests overlap in moto.
    let done = AtomicBool::new(false);
    let (acknowledged, cancelled) = std::thread::scope(|s| {
        let transactions = s.spawn(|| {
            let ddb = aws.ddb();
            let mut cancelled = 0;
            while !done.load(Ordering::Relaxed) {
                let tx = ddb
                    .transact_write_items()
                    .set_transact_items(Some(actions.clone()))
                    .send();
                let refused = block(tx).err();
                cancelled += usize::from(refused.is_some_and(|e| {
                    e.as_service_error()
                        .is_some_and(|e| e.is_transaction_canceled_exception())
                }));
            }
            cancelled
        });
        let mut acknowledged = 0;
        for _ in 0..WRITES {
            let add = ddb
                .update_item()
                .table_name(&table)
                .set_key(Some(key("counter")))
                .update_expression("ADD n :one")
                .expression_attribute_values(":one", Av::N("1".into()));
            acknowledged += u64::from(block(add.send()).is_ok());
        }
        done.store(true, Ordering::Relaxed);
        (acknowledged, transactions.join().unwrap())
    });
    let counted: u64 = block(
        ddb.get_item()
            .table_name(&table)
            .set_key(Some(key("counter")))
            .consistent_read(true)
            .send(),
    )
    .unwrap()
    .item
    .and_then(|item| item.get("n")?.as_n().ok()?.parse().ok())
    .unwrap_or(0);
    assert!(
        cancelled >= 5,
        "only {cancelled} transactions were cancelled beside the writes"
    );
    assert_eq!(
        acknowledged, WRITES as u64,
        "every increment was acknowledged"
    );
    assert_eq!(
        counted,
        acknowledged,
        "moto lost {} of {acknowledged} acknowledged increments beside {cancelled} cancelled \
         transactions: start it with scripts/moto-server.py, as scripts/test does",
        acknowledged - counted.min(acknowledged)
    );
}

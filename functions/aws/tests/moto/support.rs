//! Test support: an SDK configuration for the moto server of `scripts/test`, randomly named
//! tables per test, and reading moto's recorded state (sent mail) over plain HTTP.

use std::collections::HashMap;

use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_sdk_dynamodb::config::Credentials;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue as Av, BillingMode, KeySchemaElement, KeyType,
    ScalarAttributeType,
};
use orders_aws::{AwsEffects, Names};
use orders_core::fact::Mark;
use orders_core::{EventName, SequenceNumber};

/// The moto endpoint; the tests fail (never skip) without one.
pub fn endpoint() -> String {
    match std::env::var("ORDERCTL_TEST_ENDPOINT") {
        Ok(e) if !e.trim().is_empty() => e.trim().trim_end_matches('/').to_owned(),
        _ => panic!(
            "ORDERCTL_TEST_ENDPOINT is not set: run these tests through scripts/test, which starts the moto server they need"
        ),
    }
}

/// SDK configuration for moto: credentials test/test, region us-east-1.
pub async fn sdk() -> SdkConfig {
    aws_config::defaults(BehaviorVersion::latest())
        .endpoint_url(endpoint())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("test", "test", None, None, "moto-tests"))
        .load()
        .await
}

/// A unique suffix for resource names.
pub fn unique() -> String {
    format!("{}-{:08x}", std::process::id(), fastrand::u32(..))
}

/// One test's world: its own tables (and queue name), the adapters over them.
pub struct World {
    pub sdk: SdkConfig,
    pub ddb: aws_sdk_dynamodb::Client,
    pub names: Names,
    pub effects: AwsEffects,
    pub id: String,
}

impl World {
    /// Fresh tables `Inventory-<id>` (key productId) and `ProcessedEvents-<id>` (key eventId,
    /// with `OrderIndex`).
    pub async fn new() -> World {
        let sdk = sdk().await;
        let ddb = aws_sdk_dynamodb::Client::new(&sdk);
        let id = unique();
        let names = Names {
            inventory_table: format!("Inventory-{id}"),
            processed_events_table: format!("ProcessedEvents-{id}"),
            dlq_queue: format!("orders-dlq-{id}"),
        };
        create_table(&ddb, &names.inventory_table, "productId", false).await;
        create_table(&ddb, &names.processed_events_table, "eventId", true).await;

        let effects = AwsEffects::new(&sdk, names.clone());
        World {
            sdk,
            ddb,
            names,
            effects,
            id,
        }
    }

    /// Set a product's stock.
    pub async fn set_stock(&self, product: &str, stock: i64) {
        self.ddb
            .put_item()
            .table_name(&self.names.inventory_table)
            .item("productId", Av::S(product.into()))
            .item("stock", Av::N(stock.to_string()))
            .send()
            .await
            .unwrap();
    }

    /// A product's stock, if it exists.
    pub async fn stock(&self, product: &str) -> Option<i64> {
        let item = get(&self.ddb, &self.names.inventory_table, "productId", product).await?;
        Some(item["stock"].as_n().unwrap().parse().unwrap())
    }

    /// An item of ProcessedEvents.
    pub async fn event_item(&self, key: &str) -> Option<HashMap<String, Av>> {
        get(
            &self.ddb,
            &self.names.processed_events_table,
            "eventId",
            key,
        )
        .await
    }

    /// Write an item into ProcessedEvents as is.
    pub async fn put_event_item(&self, item: HashMap<String, Av>) {
        self.ddb
            .put_item()
            .table_name(&self.names.processed_events_table)
            .set_item(Some(item))
            .send()
            .await
            .unwrap();
    }
}

/// A table keyed `key`; with the facts' `OrderIndex` when `order_index`.
async fn create_table(ddb: &aws_sdk_dynamodb::Client, name: &str, key: &str, order_index: bool) {
    let mut request = ddb.create_table();
    if order_index {
        let (index, attr) = orders_aws::facts::order_index(None).unwrap();
        request = request
            .global_secondary_indexes(index)
            .attribute_definitions(attr);
    }
    request
        .table_name(name)
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name(key)
                .attribute_type(ScalarAttributeType::S)
                .build()
                .unwrap(),
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name(key)
                .key_type(KeyType::Hash)
                .build()
                .unwrap(),
        )
        .billing_mode(BillingMode::PayPerRequest)
        .send()
        .await
        .unwrap();
}

async fn get(
    ddb: &aws_sdk_dynamodb::Client,
    table: &str,
    attr: &str,
    key: &str,
) -> Option<HashMap<String, Av>> {
    ddb.get_item()
        .table_name(table)
        .key(attr, Av::S(key.into()))
        .consistent_read(true)
        .send()
        .await
        .unwrap()
        .item
}

/// The mark of the effect keyed `key` (`function#eventID`) for record `seq` of `order_id`:
/// an INSERT when `insert`, else a MODIFY.
pub fn stock_mark(key: &str, order_id: &str, seq: &SequenceNumber, insert: bool) -> Mark {
    let (function, event_id) = key.split_once('#').unwrap();
    Mark {
        function: function.into(),
        event_id: event_id.into(),
        order_id: order_id.into(),
        event_name: if insert {
            EventName::Insert
        } else {
            EventName::Modify
        },
        sequence_number: seq.clone(),
        old_status: None,
        new_status: None,
    }
}

/// The mark of the effect keyed `key` for order `o-test`'s INSERT.
pub fn mark(key: &str) -> Mark {
    stock_mark(key, "o-test", &SequenceNumber::from_u128(1), true)
}

/// The marks of `keys`.
pub fn marks(keys: &[String]) -> Vec<Mark> {
    keys.iter().map(|k| mark(k)).collect()
}

/// Mail moto recorded as sent to `to`.
pub fn mail_to(to: &str) -> Vec<serde_json::Value> {
    orders_aws::moto_api::mail_to(&endpoint(), to).unwrap()
}

//! AWS-target test support: every test gets its own randomly named tables and queue on the
//! moto server `scripts/test` starts. Without `ORDERCTL_TEST_ENDPOINT` the tests fail — they
//! never skip, so a green run always means they ran.

use aws_sdk_dynamodb::config::{BehaviorVersion, Credentials, Region};

use super::{Env, Output};

/// The moto endpoint, or a failed test saying how to get one.
pub fn endpoint(var: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| {
        panic!("{var} is not set: the AWS-target tests need the moto server that scripts/test starts (run scripts/test)")
    })
}

/// A fresh set of resources on moto.
pub struct AwsEnv {
    pub env: Env,
    pub endpoint: String,
    pub orders: String,
    pub inventory: String,
    pub processed: String,
    pub dlq: String,
}

impl AwsEnv {
    pub fn new() -> AwsEnv {
        Self::on(&endpoint("ORDERCTL_TEST_ENDPOINT"))
    }

    pub fn on(endpoint: &str) -> AwsEnv {
        let suffix = format!("{:08x}", fastrand::u32(..));
        let orders = format!("Orders-{suffix}");
        let inventory = format!("Inventory-{suffix}");
        let processed = format!("ProcessedEvents-{suffix}");
        let dlq = format!("orders-dlq-{suffix}");
        let env = Env::new()
            .env("ORDERCTL_TARGET", "aws")
            .env("ORDERCTL_ENDPOINT_URL", endpoint)
            .env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .env("AWS_REGION", "us-east-1")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("ORDERCTL_ORDERS_TABLE", &orders)
            .env("ORDERCTL_INVENTORY_TABLE", &inventory)
            .env("ORDERCTL_PROCESSED_EVENTS_TABLE", &processed)
            .env("ORDERCTL_DLQ", &dlq);
        AwsEnv {
            env,
            endpoint: endpoint.to_owned(),
            orders,
            inventory,
            processed,
            dlq,
        }
    }

    /// The same resources, with orderctl's calls going through `proxy` (the test's own SDK
    /// clients, from [`AwsEnv::sdk_config`], still talk to moto directly).
    pub fn via(mut self, proxy: &super::proxy::Proxy) -> AwsEnv {
        self.env = self.env.env("ORDERCTL_ENDPOINT_URL", &proxy.url());
        self
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.env.run(args)
    }

    /// Run `init` and expect success.
    pub fn init(&self) -> Output {
        self.run(&["init"]).success()
    }

    pub fn sdk_config(&self) -> aws_config::SdkConfig {
        aws_config::SdkConfig::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new("us-east-1"))
            .endpoint_url(&self.endpoint)
            .credentials_provider(aws_sdk_dynamodb::config::SharedCredentialsProvider::new(
                Credentials::new("test", "test", None, None, "tests"),
            ))
            .build()
    }

    pub fn ddb(&self) -> aws_sdk_dynamodb::Client {
        aws_sdk_dynamodb::Client::new(&self.sdk_config())
    }

    pub fn streams(&self) -> aws_sdk_dynamodbstreams::Client {
        aws_sdk_dynamodbstreams::Client::new(&self.sdk_config())
    }

    pub fn ses(&self) -> aws_sdk_sesv2::Client {
        aws_sdk_sesv2::Client::new(&self.sdk_config())
    }

    /// Let SES send from `sender` (moto refuses unverified senders).
    pub fn verify_sender(&self, sender: &str) {
        block(
            self.ses()
                .create_email_identity()
                .email_identity(sender)
                .send(),
        )
        .unwrap();
    }

    /// Mail moto recorded as sent to `to`.
    pub fn mail_to(&self, to: &str) -> Vec<serde_json::Value> {
        orders_aws::moto_api::mail_to(&self.endpoint, to).unwrap()
    }

    /// Every message in this test's dead-letter queue (received, then left to reappear).
    pub fn dlq_bodies(&self) -> Vec<String> {
        let sqs = self.sqs();
        let url = block(sqs.get_queue_url().queue_name(&self.dlq).send())
            .unwrap()
            .queue_url
            .unwrap();
        let out = block(
            sqs.receive_message()
                .queue_url(url)
                .max_number_of_messages(10)
                .visibility_timeout(0)
                .send(),
        )
        .unwrap();
        out.messages
            .unwrap_or_default()
            .into_iter()
            .filter_map(|m| m.body)
            .collect()
    }

    /// Make moto's Invoke run no code (echo, or queued canned responses); before any function.
    pub fn lambda_without_docker(&self) {
        orders_aws::moto_api::request(
            &self.endpoint,
            "POST",
            "/moto-api/config",
            Some(&serde_json::json!({"lambda": {"use_docker": false}})),
        )
        .unwrap();
    }

    /// A Lambda function on moto, with an IAM role of its own; returns its ARN. Moto runs no
    /// code, so an empty zip archive is enough.
    pub fn create_function(&self, name: &str) -> String {
        let role =
            orders_aws::moto_api::create_role(&self.endpoint, &format!("role-{name}")).unwrap();
        let zip = [0x50u8, 0x4b, 0x05, 0x06]
            .into_iter()
            .chain([0u8; 18])
            .collect::<Vec<u8>>();
        let out = block(
            self.lambda()
                .create_function()
                .function_name(name)
                .runtime(aws_sdk_lambda::types::Runtime::Providedal2023)
                .role(role)
                .handler("bootstrap")
                .code(
                    aws_sdk_lambda::types::FunctionCode::builder()
                        .zip_file(aws_smithy_types::Blob::new(zip))
                        .build(),
                )
                .send(),
        )
        .unwrap();
        out.function_arn.unwrap()
    }

    pub fn lambda(&self) -> aws_sdk_lambda::Client {
        aws_sdk_lambda::Client::new(&self.sdk_config())
    }

    pub fn sqs(&self) -> aws_sdk_sqs::Client {
        aws_sdk_sqs::Client::new(&self.sdk_config())
    }

    /// The dead-letter queue's messages, `[visible, in flight]`, from its attributes.
    pub fn dlq_counts(&self) -> [u64; 2] {
        use aws_sdk_sqs::types::QueueAttributeName as A;
        let sqs = self.sqs();
        let attrs = block(async {
            let url = sqs
                .get_queue_url()
                .queue_name(&self.dlq)
                .send()
                .await
                .unwrap()
                .queue_url
                .unwrap();
            sqs.get_queue_attributes()
                .queue_url(url)
                .attribute_names(A::All)
                .send()
                .await
                .unwrap()
                .attributes
                .unwrap()
        });
        [
            A::ApproximateNumberOfMessages,
            A::ApproximateNumberOfMessagesNotVisible,
        ]
        .map(|k| attrs[&k].parse::<u64>().unwrap())
    }

    /// Wait (up to a minute) until no dead letter is in flight; how many are queued.
    pub fn dlq_settled(&self) -> u64 {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let [visible, in_flight] = self.dlq_counts();
            if in_flight == 0 {
                return visible;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "dead letters stayed in flight"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    /// Run the inventory function over the stream until it is idle, where every record fails
    /// for good (too little stock): each becomes a dead letter, and the run exits 1.
    pub fn dead_letter_inventory(&self) {
        self.run(&[
            "consume",
            "--function",
            "inventory",
            "--until-idle",
            "--idle",
            "500ms",
            "-q",
        ])
        .code(1);
    }

    /// `sku`'s stock, read from moto.
    pub fn stock(&self, sku: &str) -> u64 {
        let item = block(
            self.ddb()
                .get_item()
                .table_name(&self.inventory)
                .key(
                    "productId",
                    aws_sdk_dynamodb::types::AttributeValue::S(sku.into()),
                )
                .consistent_read(true)
                .send(),
        )
        .unwrap()
        .item
        .unwrap();
        item["stock"].as_n().unwrap().parse().unwrap()
    }
}

/// Run a future to completion on a fresh runtime.
pub fn block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}


use builtin;
use str;

set edit:completion:arg-completer[orderctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'orderctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'orderctl'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create what the pipeline needs on the target (tables, stream, index, queue); idempotent'
            cand create 'Create orders from flags, a file, or synthetic load'
            cand orders 'Read, change and delete orders'
            cand inventory 'Stock levels'
            cand tail 'Read the stream: all shards in lineage order, from any position, with filters'
            cand filter 'Lambda event filter patterns: test them against records, offline'
            cand functions 'The bundled consumer functions and their subscriptions'
            cand invoke 'Run a bundled function in-process on a Lambda event; show outcomes, response, next step, effects'
            cand consume 'Run the consumer functions on the stream with Lambda''s event-source-mapping semantics'
            cand dlq 'Inspect and replay the dead-letter queue'
            cand outbox 'Emails the local notification adapter sent'
            cand metrics 'Metrics the consumers published (local table, or CloudWatch)'
            cand faults 'Inject transient faults into the local adapters (mailer, metrics, inventory)'
            cand demo 'An end-to-end walkthrough on a fresh local data dir'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;init'= {
            cand --seed-inventory 'Fill Inventory from a JSON array or JSON lines of {productId, stock}'
            cand --provisioned 'AWS target: provisioned capacity READ,WRITE instead of on-demand billing'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand --demo-stock 'Fill Inventory with the demo catalogue''s stock'
            cand --dry-run 'AWS target: print what would be created, create nothing'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;create'= {
            cand --customer 'Customer id'
            cand --email 'Customer email'
            cand --item 'An order line as SKU:QTY:PRICE (repeatable)'
            cand --file 'Orders from a file (`-` for stdin): a JSON object, a JSON array, or JSON lines of {customerId, customerEmail, items: [{productId, quantity, price}]}'
            cand --count 'Create N synthetic, realistic orders (load); prints a summary, not the orders'
            cand --concurrency 'With --count: orders in flight at once (aws target)'
            cand --seed 'With --count: seed the generator for repeatable data'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;orders'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand get 'Show one order'
            cand list 'List orders, by customer (newest first) or all'
            cand set-status 'Change an order''s status (PENDING → CONFIRMED → SHIPPED → DELIVERED; CANCELLED before SHIPPED)'
            cand cancel 'Cancel an order (PENDING or CONFIRMED)'
            cand delete 'Delete an order (the stream gets a REMOVE record)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;orders;get'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;orders;list'= {
            cand --customer 'Only this customer''s orders, newest first (uses the CustomerIndex)'
            cand --status 'Only orders in this status'
            cand --limit 'At most N orders'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand --all 'Every matching order (no limit)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;orders;set-status'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;orders;cancel'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;orders;delete'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;orders;help'= {
            cand get 'Show one order'
            cand list 'List orders, by customer (newest first) or all'
            cand set-status 'Change an order''s status (PENDING → CONFIRMED → SHIPPED → DELIVERED; CANCELLED before SHIPPED)'
            cand cancel 'Cancel an order (PENDING or CONFIRMED)'
            cand delete 'Delete an order (the stream gets a REMOVE record)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;orders;help;get'= {
        }
        &'orderctl;orders;help;list'= {
        }
        &'orderctl;orders;help;set-status'= {
        }
        &'orderctl;orders;help;cancel'= {
        }
        &'orderctl;orders;help;delete'= {
        }
        &'orderctl;orders;help;help'= {
        }
        &'orderctl;inventory'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Every product''s stock'
            cand get 'One product''s stock'
            cand set 'Set a product''s stock'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;inventory;list'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;inventory;get'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;inventory;set'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;inventory;help'= {
            cand list 'Every product''s stock'
            cand get 'One product''s stock'
            cand set 'Set a product''s stock'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;inventory;help;list'= {
        }
        &'orderctl;inventory;help;get'= {
        }
        &'orderctl;inventory;help;set'= {
        }
        &'orderctl;inventory;help;help'= {
        }
        &'orderctl;tail'= {
            cand --from 'Where to start: latest, trim-horizon, a sequence number (AT it), or an RFC 3339 time'
            cand --after 'Start just after this sequence number'
            cand --idle 'With --until-idle: how long every shard must stay empty'
            cand --max 'Stop after N records (after filtering)'
            cand --timeout 'Stop after this long'
            cand --checkpoint 'Resume from, and keep, the last sequence number per shard in FILE (written atomically)'
            cand --save 'Also write the records seen as a Lambda event {"Records":[…]}, ready for `orderctl invoke`'
            cand --filter 'Keep only records matching a Lambda filter pattern (JSON, or @FILE holding a pattern or a FilterCriteria document); repeat to OR several, as FilterCriteria does'
            cand --filter-profile 'Operators allowed in patterns'
            cand --concurrency 'Shards read at once'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand --follow 'Keep polling for new records (Ctrl-C to stop)'
            cand --until-idle 'Exit once every open shard has returned nothing for --idle (for scripts and CI)'
            cand --redact 'Mask customer email addresses in the output and the saved event'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;filter'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand test 'Test patterns against records: which match, and why the others do not'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;filter;test'= {
            cand --pattern 'A Lambda filter pattern (JSON) or @FILE; repeat to OR several'
            cand --event 'Records to test: a Lambda event {"Records":[…]}, a JSON array, one object, or JSON lines; `-` for stdin. Each object is matched as it is'
            cand --filter-profile 'Operators allowed in patterns'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;filter;help'= {
            cand test 'Test patterns against records: which match, and why the others do not'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;filter;help;test'= {
        }
        &'orderctl;filter;help;help'= {
        }
        &'orderctl;functions'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Each function with its subscription (orderctl.toml [functions.NAME], else defaults)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;functions;list'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;functions;help'= {
            cand list 'Each function with its subscription (orderctl.toml [functions.NAME], else defaults)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;functions;help;list'= {
        }
        &'orderctl;functions;help;help'= {
        }
        &'orderctl;invoke'= {
            cand --event 'The event: {"Records":[…]}, a JSON array of records, one record, or JSON lines; `-` for stdin'
            cand --effects 'Record effects (default) or apply them on the current target'
            cand --attempt 'The attempt number written into dead-letter envelopes'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand --apply-filters 'Drop the records the function''s subscription filters would drop (as Lambda does)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;consume'= {
            cand --function 'Only these functions (repeatable) [default: every enabled function]'
            cand --idle 'With --until-idle: how long every function must be idle'
            cand --from 'Start position for shards a function has no checkpoint for [default: the subscription''s]'
            cand --timeout 'Stop after this long'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand --follow 'Keep consuming new records (Ctrl-C finishes the batch in flight, saves, exits 130)'
            cand --until-idle 'Exit once every function has been idle for --idle (for scripts and CI)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;dlq'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'The messages: id, receive count, sent time, format, function, order or sequence range, error. SQS has no peek: on AWS each message is received with a short visibility timeout and released at once, which bumps its receive count; the local queue is peeked for real'
            cand show 'One message''s whole body, decoded (same note on receive counts as `list`)'
            cand stats 'Depth, oldest message''s age, counts by function and format'
            cand send 'Put a message in (to re-inject one, or to test)'
            cand purge 'Delete every message (refuses without --yes)'
            cand replay 'Replay messages into their function; delete each only after its replay succeeded'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;dlq;list'= {
            cand --max 'At most N messages'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;dlq;show'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;dlq;stats'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;dlq;send'= {
            cand --body 'The body: text, or @FILE (`@-` for stdin)'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;dlq;purge'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand --yes 'Really delete every message'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;dlq;replay'= {
            cand --max 'At most N messages'
            cand --concurrency 'Messages replayed at once (the records of one message stay in order)'
            cand --filter 'Keep only records matching a Lambda filter pattern (JSON, or @FILE holding a pattern or a FilterCriteria document); repeat to OR several, as FilterCriteria does'
            cand --filter-profile 'Operators allowed in patterns'
            cand --function 'Replay into this function, whatever the message names'
            cand --via 'In-process (default) or the deployed Lambda'
            cand --lambda-name 'With --via lambda: the function''s name [default: lambda_name of its subscription]'
            cand --visibility-timeout 'How long a message being replayed stays hidden (extended while its replay runs)'
            cand --journal 'Append one JSON line per message outcome to FILE'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand --dry-run 'Decode, resolve records and target; change nothing'
            cand --yes 'Skip the confirmation (required on AWS without a terminal)'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;dlq;help'= {
            cand list 'The messages: id, receive count, sent time, format, function, order or sequence range, error. SQS has no peek: on AWS each message is received with a short visibility timeout and released at once, which bumps its receive count; the local queue is peeked for real'
            cand show 'One message''s whole body, decoded (same note on receive counts as `list`)'
            cand stats 'Depth, oldest message''s age, counts by function and format'
            cand send 'Put a message in (to re-inject one, or to test)'
            cand purge 'Delete every message (refuses without --yes)'
            cand replay 'Replay messages into their function; delete each only after its replay succeeded'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;dlq;help;list'= {
        }
        &'orderctl;dlq;help;show'= {
        }
        &'orderctl;dlq;help;stats'= {
        }
        &'orderctl;dlq;help;send'= {
        }
        &'orderctl;dlq;help;purge'= {
        }
        &'orderctl;dlq;help;replay'= {
        }
        &'orderctl;dlq;help;help'= {
        }
        &'orderctl;outbox'= {
            cand --limit 'At most N emails, newest first'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;metrics'= {
            cand --namespace 'Only this namespace (e.g. OrderService, orderctl/Consumers)'
            cand --name 'Only this metric'
            cand --since 'How far back'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;faults'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Make a component fail transiently'
            cand clear 'Remove every injected fault'
            cand list 'The faults in force'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;faults;set'= {
            cand --fail-next 'Fail the next N calls, then work again'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand --always 'Fail every call until `orderctl faults clear`'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;faults;clear'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;faults;list'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;faults;help'= {
            cand set 'Make a component fail transiently'
            cand clear 'Remove every injected fault'
            cand list 'The faults in force'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;faults;help;set'= {
        }
        &'orderctl;faults;help;clear'= {
        }
        &'orderctl;faults;help;list'= {
        }
        &'orderctl;faults;help;help'= {
        }
        &'orderctl;demo'= {
            cand --in 'Keep the demo''s data here instead of a new temporary directory (must be empty or new)'
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;completions'= {
            cand --target 'Where the pipeline lives'
            cand --data-dir 'Local target: the data directory holding the SQLite database [default: the platform data dir]'
            cand --config 'Configuration file [default: ./orderctl.toml when present]'
            cand --profile 'AWS target: the named profile (else AWS_PROFILE, else default)'
            cand --region 'AWS target: the region (else AWS_REGION / the profile''s region)'
            cand --endpoint-url 'AWS target: send every request to this endpoint (moto, LocalStack, DynamoDB Local); AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> are honoured too'
            cand -o 'Output format; json and jsonl field names are stable'
            cand --output 'Output format; json and jsonl field names are stable'
            cand --color 'When to use colours (NO_COLOR is honoured)'
            cand --orders-table 'Name of the orders table'
            cand --inventory-table 'Name of the inventory table'
            cand --processed-events-table 'Name of the idempotency table'
            cand --dlq-queue 'Name of the dead-letter queue'
            cand -q 'Print only data and errors'
            cand --quiet 'Print only data and errors'
            cand -v 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand --verbose 'More logging on stderr (-v debug, -vv trace); RUST_LOG overrides'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'orderctl;help'= {
            cand init 'Create what the pipeline needs on the target (tables, stream, index, queue); idempotent'
            cand create 'Create orders from flags, a file, or synthetic load'
            cand orders 'Read, change and delete orders'
            cand inventory 'Stock levels'
            cand tail 'Read the stream: all shards in lineage order, from any position, with filters'
            cand filter 'Lambda event filter patterns: test them against records, offline'
            cand functions 'The bundled consumer functions and their subscriptions'
            cand invoke 'Run a bundled function in-process on a Lambda event; show outcomes, response, next step, effects'
            cand consume 'Run the consumer functions on the stream with Lambda''s event-source-mapping semantics'
            cand dlq 'Inspect and replay the dead-letter queue'
            cand outbox 'Emails the local notification adapter sent'
            cand metrics 'Metrics the consumers published (local table, or CloudWatch)'
            cand faults 'Inject transient faults into the local adapters (mailer, metrics, inventory)'
            cand demo 'An end-to-end walkthrough on a fresh local data dir'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'orderctl;help;init'= {
        }
        &'orderctl;help;create'= {
        }
        &'orderctl;help;orders'= {
            cand get 'Show one order'
            cand list 'List orders, by customer (newest first) or all'
            cand set-status 'Change an order''s status (PENDING → CONFIRMED → SHIPPED → DELIVERED; CANCELLED before SHIPPED)'
            cand cancel 'Cancel an order (PENDING or CONFIRMED)'
            cand delete 'Delete an order (the stream gets a REMOVE record)'
        }
        &'orderctl;help;orders;get'= {
        }
        &'orderctl;help;orders;list'= {
        }
        &'orderctl;help;orders;set-status'= {
        }
        &'orderctl;help;orders;cancel'= {
        }
        &'orderctl;help;orders;delete'= {
        }
        &'orderctl;help;inventory'= {
            cand list 'Every product''s stock'
            cand get 'One product''s stock'
            cand set 'Set a product''s stock'
        }
        &'orderctl;help;inventory;list'= {
        }
        &'orderctl;help;inventory;get'= {
        }
        &'orderctl;help;inventory;set'= {
        }
        &'orderctl;help;tail'= {
        }
        &'orderctl;help;filter'= {
            cand test 'Test patterns against records: which match, and why the others do not'
        }
        &'orderctl;help;filter;test'= {
        }
        &'orderctl;help;functions'= {
            cand list 'Each function with its subscription (orderctl.toml [functions.NAME], else defaults)'
        }
        &'orderctl;help;functions;list'= {
        }
        &'orderctl;help;invoke'= {
        }
        &'orderctl;help;consume'= {
        }
        &'orderctl;help;dlq'= {
            cand list 'The messages: id, receive count, sent time, format, function, order or sequence range, error. SQS has no peek: on AWS each message is received with a short visibility timeout and released at once, which bumps its receive count; the local queue is peeked for real'
            cand show 'One message''s whole body, decoded (same note on receive counts as `list`)'
            cand stats 'Depth, oldest message''s age, counts by function and format'
            cand send 'Put a message in (to re-inject one, or to test)'
            cand purge 'Delete every message (refuses without --yes)'
            cand replay 'Replay messages into their function; delete each only after its replay succeeded'
        }
        &'orderctl;help;dlq;list'= {
        }
        &'orderctl;help;dlq;show'= {
        }
        &'orderctl;help;dlq;stats'= {
        }
        &'orderctl;help;dlq;send'= {
        }
        &'orderctl;help;dlq;purge'= {
        }
        &'orderctl;help;dlq;replay'= {
        }
        &'orderctl;help;outbox'= {
        }
        &'orderctl;help;metrics'= {
        }
        &'orderctl;help;faults'= {
            cand set 'Make a component fail transiently'
            cand clear 'Remove every injected fault'
            cand list 'The faults in force'
        }
        &'orderctl;help;faults;set'= {
        }
        &'orderctl;help;faults;clear'= {
        }
        &'orderctl;help;faults;list'= {
        }
        &'orderctl;help;demo'= {
        }
        &'orderctl;help;completions'= {
        }
        &'orderctl;help;help'= {
        }
    ]
    $completions[$command]
}

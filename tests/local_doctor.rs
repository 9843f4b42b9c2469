//! `doctor` on the local target and where settings come from: an invalid filter in
//! orderctl.toml is an error finding with exit 1 (README: doctor), and the precedence the README
//! promises — flag over environment over file over default — seen through `--target`.

use crate::support::Env;

#[test]
fn doctor_names_a_filter_lambda_would_refuse() {
    let env = Env::new();
    env.config("[functions.inventory]\nfilters = ['{\"eventName\":[{\"wildcard\":\"I*\"}]}']\n");
    let doctor = env.run(&["doctor", "-o", "json"]).code(1).json();
    let finding = doctor["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "invalid_filter")
        .unwrap_or_else(|| panic!("no invalid_filter finding: {doctor}"));
    assert_eq!(finding["function"], "inventory");
    assert_eq!(finding["severity"], "error");
    let message = finding["message"].as_str().unwrap();
    assert!(message.contains("wildcard"), "{message}");
    // The same configuration with a valid pattern has no such finding and no error.
    env.config("[functions.inventory]\nfilters = ['{\"eventName\":[\"INSERT\"]}']\n");
    let fixed = env.run(&["doctor", "-o", "json"]).success().json();
    assert!(!fixed.to_string().contains("invalid_filter"), "{fixed}");
}

#[test]
fn target_comes_from_the_flag_then_the_environment_then_the_file() {
    let env = Env::new()
        .env("AWS_ACCESS_KEY_ID", "test")
        .env("AWS_SECRET_ACCESS_KEY", "test")
        .env("AWS_EC2_METADATA_DISABLED", "true");
    // The file says AWS, at an endpoint where nothing listens.
    env.config(
        "target = \"aws\"\n[aws]\nendpoint_url = \"http://127.0.0.1:9\"\nregion = \"us-east-1\"\n",
    );
    let from_file = env
        .run(&["orders", "list"])
        .input_error("cannot reach http://127.0.0.1:9");
    assert!(from_file.stdout.is_empty());
    // The environment overrides the file: local, which needs nothing.
    let env = env.env("ORDERCTL_TARGET", "local");
    env.run(&["orders", "list", "-o", "json"]).success();
    // The flag overrides the environment.
    env.run(&["--target", "aws", "orders", "list"])
        .input_error("cannot reach http://127.0.0.1:9");
}

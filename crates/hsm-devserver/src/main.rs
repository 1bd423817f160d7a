//! `hsm-devserver`: see `hsm_devserver::Config` for the flags.

use clap::Parser;

#[tokio::main]
async fn main() {
    let config = hsm_devserver::Config::parse();
    hsm_devserver::logging::init(config.log_level);
    if let Err(e) = hsm_devserver::run(config).await {
        eprintln!("hsm-devserver: {e}");
        std::process::exit(1);
    }
}

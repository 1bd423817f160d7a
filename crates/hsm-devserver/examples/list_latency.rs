//! Benchmark (not a test): seeds 6000 templates and measures `GET /templates` latency over real
//! HTTP on loopback, per filter, printing p50/p99/max.
//!
//! `cargo run --profile server -p hsm-devserver --example list_latency [-- ROUNDS]`

use std::time::{Duration, Instant};

use hsm_devserver::{Config, Server};

const QUERIES: &[&str] = &[
    "",
    "q=promocao",
    "q=pedido&status=APPROVED",
    "status=APPROVED,REJECTED&sort=name&page=3",
    "status=PENDING&status=PAUSED&language=pt_BR,es&sort=-name",
    "category=MARKETING&sort=updated_at&page=20&per_page=100",
    "q=rastreio&category=UTILITY&language=en_US&page=2",
    "q=nada_encontrado_xyz",
];

fn pct(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = Config::for_tests(dir.path());
    config.seed = 6000;
    let t0 = Instant::now();
    let server = Server::start(config).await.expect("server starts");
    println!("seeded 6000 templates and started in {}", ms(t0.elapsed()));
    let base = format!("http://{}/api/v1/whatsapp/templates", server.addr());
    let http = reqwest::Client::new();

    // Warm up connections and SQLite's page cache.
    for q in QUERIES {
        http.get(format!("{base}?{q}"))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
    }
    let mut overall = Vec::new();
    println!("{:<62} {:>10} {:>10} {:>10}", "query", "p50", "p99", "max");
    for q in QUERIES {
        let mut times = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let t = Instant::now();
            let r = http.get(format!("{base}?{q}")).send().await.unwrap();
            assert!(r.status().is_success());
            r.bytes().await.unwrap();
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "{:<62} {:>10} {:>10} {:>10}",
            if q.is_empty() { "(none)" } else { q },
            ms(pct(&times, 0.5)),
            ms(pct(&times, 0.99)),
            ms(*times.last().unwrap())
        );
        overall.extend(times);
    }
    overall.sort();
    println!(
        "all {} requests: p50 {}, p99 {}, max {} (budget: p99 <= 20 ms)",
        overall.len(),
        ms(pct(&overall, 0.5)),
        ms(pct(&overall, 0.99)),
        ms(*overall.last().unwrap())
    );
    server.shutdown().await;
}

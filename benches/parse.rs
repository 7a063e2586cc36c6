//! Throughput benches for `gongwen::parse` (issue #5).
//!
//! `cargo bench --bench parse` runs the criterion groups, then prints two
//! tables measured in the same process: gongwen against a regex baseline
//! (interleaved timings, so machine noise hits both alike) and the heap
//! a document owns relative to its input.
//!
//! Extra modes, handled before criterion sees the arguments:
//! - `--tables`: only the two tables (fast);
//! - `--callgrind-read INPUT`: build INPUT, exit (startup and input);
//! - `--callgrind-warm INPUT`: the same, then parse a tiny report (which
//!   initialises the lazily built lexicon automata);
//! - `--callgrind-once INPUT [--structure-only]`: the same, then parse
//!   INPUT once (with `Options::structure_only()` if asked).
//!
//! `benches/callgrind.sh` takes the differences.
//!
//! INPUT is `seeds` (the five seed reports repeated to 1 MiB), `corpus`
//! (every corpus document, concatenated) or a file path.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};
use gongwen::{__bench, Options};
use regex::Regex;

/// A pass entry point: text in, a count out (kept alive by `black_box`).
type Pass = fn(&str) -> usize;

struct Doc {
    name: String,
    text: String,
}

fn corpus() -> Vec<Doc> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut docs: Vec<Doc> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| Doc {
            name: p.file_stem().unwrap().to_string_lossy().into_owned(),
            text: std::fs::read_to_string(&p).unwrap(),
        })
        .collect();
    docs.sort_by(|a, b| a.name.cmp(&b.name));
    docs
}

/// Every corpus document, one after the other (≈1.3 MB).
fn corpus_concat(docs: &[Doc]) -> String {
    let mut s = String::new();
    for d in docs {
        s.push_str(&d.text);
        s.push('\n');
    }
    s
}

/// The five seed reports (`00*.txt`), repeated until at least 1 MiB.
fn seeds_concat(docs: &[Doc]) -> String {
    let mut s = String::new();
    while s.len() < 1 << 20 {
        for d in docs.iter().filter(|d| d.name.starts_with("00")) {
            s.push_str(&d.text);
            s.push('\n');
        }
    }
    s
}

fn input(arg: &str) -> String {
    match arg {
        "seeds" => seeds_concat(&corpus()),
        "corpus" => corpus_concat(&corpus()),
        path => std::fs::read_to_string(path).unwrap(),
    }
}

/// What a user would write in an afternoon: heading lines by three
/// regexes, digit-unit quantities by one, line by line.
struct Baseline {
    headings: [Regex; 3],
    quantity: Regex,
}

impl Baseline {
    fn new() -> Self {
        Baseline {
            headings: [
                Regex::new(r"^\s*[一二三四五六七八九十]+、").unwrap(),
                Regex::new(r"^\s*[（(][一二三四五六七八九十]+[）)]").unwrap(),
                Regex::new(r"^\s*\d+[.、．]").unwrap(),
            ],
            quantity: Regex::new(
                r"\d+(\.\d+)?(万|亿)?(元|人|个|项|件|家|户|所|座|辆|台|套|次|吨|亩|公里|千米|平方米|千瓦|%|％)",
            )
            .unwrap(),
        }
    }

    /// (heading lines, quantities)
    fn run(&self, text: &str) -> (usize, usize) {
        let mut heads = 0;
        let mut qty = 0;
        for line in text.lines() {
            if self.headings.iter().any(|r| r.is_match(line)) {
                heads += 1;
            }
            qty += self.quantity.find_iter(line).count();
        }
        (heads, qty)
    }
}

/// A tiny report parsed first in the callgrind modes: it builds the lazily
/// compiled lexicons, so the measured parse is the steady state.
const WARM_UP: &str = "关于2023年工作的报告\n一、总体情况\n今年完成投资12亿元。\n";

/// The parse `benches/callgrind.sh` profiles (`--toggle-collect` on it):
/// default options, or `Options::structure_only()` when `structure`.
#[inline(never)]
fn measured(text: &str, structure: bool) -> usize {
    if structure {
        self::structure(text)
    } else {
        full(text)
    }
}

fn full(text: &str) -> usize {
    let doc = gongwen::parse(text);
    doc.zones.len() + doc.sections.len()
}

fn structure(text: &str) -> usize {
    let doc = gongwen::parse_with(text, &Options::structure_only()).unwrap();
    doc.zones.len() + doc.sections.len()
}

fn configure() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args()
}

fn bench_documents(c: &mut Criterion, docs: &[Doc], base: &Baseline) {
    let mut g = c.benchmark_group("document");
    for d in docs {
        g.throughput(Throughput::Bytes(d.text.len() as u64));
        g.bench_with_input(BenchmarkId::new("gongwen", &d.name), &d.text, |b, t| {
            b.iter(|| full(black_box(t)))
        });
        g.bench_with_input(BenchmarkId::new("regex", &d.name), &d.text, |b, t| {
            b.iter(|| base.run(black_box(t)))
        });
    }
    g.finish();
}

fn bench_concat(c: &mut Criterion, docs: &[Doc], base: &Baseline) {
    let mut g = c.benchmark_group("concat");
    for (name, text) in [
        ("corpus", corpus_concat(docs)),
        ("seeds_1mib", seeds_concat(docs)),
    ] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("gongwen", name), &text, |b, t| {
            b.iter(|| full(black_box(t)))
        });
        g.bench_with_input(BenchmarkId::new("structure_only", name), &text, |b, t| {
            b.iter(|| structure(black_box(t)))
        });
        g.bench_with_input(BenchmarkId::new("regex", name), &text, |b, t| {
            b.iter(|| base.run(black_box(t)))
        });
    }
    g.finish();
}

fn bench_passes(c: &mut Criterion, docs: &[Doc]) {
    let text = seeds_concat(docs);
    let mut g = c.benchmark_group("pass");
    g.throughput(Throughput::Bytes(text.len() as u64));
    let passes: [(&str, Pass); 5] = [
        ("lines", __bench::lines),
        ("artefacts", __bench::artefacts),
        ("headings", __bench::headings),
        ("sentences_items", __bench::blocks),
        ("inline", __bench::inline),
    ];
    for (name, f) in passes {
        g.bench_with_input(BenchmarkId::new(name, "seeds_1mib"), &text, |b, t| {
            b.iter(|| f(black_box(t)))
        });
    }
    let doc = gongwen::parse(&text);
    g.bench_function(BenchmarkId::new("serde_json", "seeds_1mib"), |b| {
        b.iter(|| serde_json::to_vec(black_box(&doc)).unwrap().len())
    });
    g.finish();
}

/// Best of 9 interleaved samples of `f` and `g` on `text`, in MB/s.
fn race(text: &str, f: &dyn Fn(&str) -> usize, g: &dyn Fn(&str) -> usize) -> (f64, f64) {
    let reps = ((2 << 20) / text.len().max(1)).max(2);
    let sample = |h: &dyn Fn(&str) -> usize| {
        let t = Instant::now();
        for _ in 0..reps {
            black_box(h(black_box(text)));
        }
        t.elapsed()
    };
    let (mut bf, mut bg) = (Duration::MAX, Duration::MAX);
    for _ in 0..9 {
        bf = bf.min(sample(f));
        bg = bg.min(sample(g));
    }
    let mbs = |d: Duration| (text.len() * reps) as f64 / d.as_secs_f64() / 1e6;
    (mbs(bf), mbs(bg))
}

fn tables(docs: &[Doc], base: &Baseline) {
    let mut rows: Vec<(String, String)> = docs
        .iter()
        .map(|d| (d.name.clone(), d.text.clone()))
        .collect();
    rows.push(("CONCAT corpus".into(), corpus_concat(docs)));
    rows.push(("CONCAT seeds 1 MiB".into(), seeds_concat(docs)));
    let regex = |t: &str| {
        let (a, b) = base.run(t);
        a + b
    };
    println!();
    println!(
        "{:<40} {:>8} {:>9} {:>7} {:>7} {:>7} {:>9} {:>7} {:>7}",
        "input", "bytes", "full MB/s", "struct", "regex", "full/rx", "heap B", "heap/in", "struct"
    );
    let mut worst: f64 = 0.0;
    let mut worst_struct: f64 = 0.0;
    for (name, text) in &rows {
        let (g, r) = race(text, &full, &regex);
        let (s, _) = race(text, &structure, &regex);
        let heap = gongwen::parse(text).heap_bytes();
        let ratio = heap as f64 / text.len().max(1) as f64;
        worst = worst.max(ratio);
        let heap_struct = gongwen::parse_with(text, &Options::structure_only())
            .unwrap()
            .heap_bytes();
        let ratio_struct = heap_struct as f64 / text.len().max(1) as f64;
        worst_struct = worst_struct.max(ratio_struct);
        println!(
            "{:<40} {:>8} {:>9.1} {:>7.1} {:>7.1} {:>6.2}x {:>9} {:>7.3} {:>7.3}",
            name.get(..40).unwrap_or(name),
            text.len(),
            g,
            s,
            r,
            g / r,
            heap,
            ratio,
            ratio_struct
        );
    }
    println!(
        "full/rx: gongwen (default options) speed relative to the regex baseline, same process, best of 9 interleaved samples of >= 2 MiB each"
    );
    println!("struct:  Options::structure_only() (no entities, no sentences), MB/s and heap/in");
    println!(
        "heap/in: Document::heap_bytes() / input bytes; worst {worst:.3} (structure only {worst_struct:.3}; target <= 0.6)"
    );
    println!(
        "sizes:   Entity {} B, Paragraph {} B, Section {} B, Diagnostic {} B (+ message)",
        std::mem::size_of::<gongwen::Entity>(),
        std::mem::size_of::<gongwen::Paragraph>(),
        std::mem::size_of::<gongwen::Section>(),
        std::mem::size_of::<gongwen::Diagnostic>()
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg_after = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .map(|i| args.get(i + 1).cloned().unwrap_or_else(|| "seeds".into()))
    };
    if let Some(what) = arg_after("--callgrind-once") {
        let text = input(&what);
        println!("bytes={}", text.len());
        black_box(full(black_box(WARM_UP)));
        let structure = args.iter().any(|a| a == "--structure-only");
        black_box(measured(black_box(&text), structure));
        return;
    }
    if let Some(what) = arg_after("--callgrind-warm") {
        let text = input(&what);
        println!("bytes={}", text.len());
        black_box(full(black_box(WARM_UP)));
        black_box(&text);
        return;
    }
    if let Some(what) = arg_after("--callgrind-read") {
        let text = input(&what);
        println!("bytes={}", text.len());
        black_box(&text);
        return;
    }
    let docs = corpus();
    let base = Baseline::new();
    if args.iter().any(|a| a == "--tables") {
        tables(&docs, &base);
        return;
    }
    let mut c = configure();
    bench_documents(&mut c, &docs, &base);
    bench_concat(&mut c, &docs, &base);
    bench_passes(&mut c, &docs);
    c.final_summary();
    // `cargo bench` passes `--bench`; `cargo test --benches` does not.
    if args.iter().any(|a| a == "--bench") {
        tables(&docs, &base);
    }
}

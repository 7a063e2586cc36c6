//! Hostile input shapes at 1× and 10× size (issue #4): catches quadratic
//! behaviour. Criterion measures throughput per shape and size; then the
//! bench times each shape itself (`Instant`, min of a few runs) and prints
//!
//! ```text
//! shape                      1x bytes   t1 (ms)  10x bytes  t10 (ms)  ratio
//! ```
//!
//! `ratio` = t(10×) / t(1×) must stay under 12 (linear is 10). A ratio over
//! 12 (with t10 over 5 ms, below which it is timer noise) is flagged with
//! `!!` and makes the run exit non-zero.
//!
//! ```text
//! cargo bench --bench hostile                       # criterion + ratio table
//! cargo bench --bench hostile -- --quick            # criterion quick mode + table
//! HOSTILE_RATIOS_ONLY=1 cargo bench --bench hostile # the table only (fastest)
//! HOSTILE_SHAPES=single_line,unclosed_refs …        # a subset of shapes
//! HOSTILE_SWEEP=1 cargo bench --bench hostile       # ns/byte at 1x…16x
//! benches/hostile_instr.sh                          # instruction ratios (callgrind)
//! ```
//!
//! Wall-clock ratios include the memory hierarchy: a shape whose 1x
//! working set fits in cache and whose 10x does not pays for the misses.
//! `benches/hostile_instr.sh` counts instructions instead (exact, no
//! noise) and is the check that the work itself is linear.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};

/// The ratio t(10×)/t(1×) a shape must stay under.
const MAX_RATIO: f64 = 12.0;

const MB: usize = 1 << 20;

/// `s` repeated until the result is at least `bytes` long.
fn fill(s: &str, bytes: usize) -> String {
    s.repeat(bytes.div_ceil(s.len()))
}

/// A hostile shape: a name and a generator taking the scale (1 or 10).
struct Shape {
    name: &'static str,
    make: fn(usize) -> String,
}

fn heading_lines(n: usize) -> String {
    let mut s = String::with_capacity(n * 20);
    for i in 1..=n {
        s.push_str(&i.to_string());
        s.push_str(".加强工作\n");
    }
    s
}

const SHAPES: &[Shape] = &[
    // 5 MB and 50 MB on one line, with quantities and no sentence end.
    Shape {
        name: "single_line",
        make: |k| fill("加强法治政府建设完成投资3.5亿元同比增长12%，", 5 * MB * k),
    },
    // 100,000 and 1,000,000 numbered heading lines.
    Shape {
        name: "heading_lines",
        make: |k| heading_lines(100_000 * k),
    },
    // The same top-level heading repeated (ordinal-repeat every line).
    Shape {
        name: "repeated_headings",
        make: |k| "一、总体情况\n".repeat(100_000 * k),
    },
    // 100,000 and 1,000,000 unclosed 《.
    Shape {
        name: "unclosed_refs",
        make: |k| "《".repeat(100_000 * k),
    },
    Shape {
        name: "unclosed_refs_text",
        make: |k| "《关于".repeat(100_000 * k),
    },
    Shape {
        name: "unclosed_quotes",
        make: |k| "“".repeat(100_000 * k),
    },
    Shape {
        name: "unbalanced_brackets",
        make: |k| format!("{}。", "（".repeat(100_000 * k)),
    },
    // 100,000 and 1,000,000 nested-looking markers, one per line. (At
    // 10,000 markers the 1x tree fits in a 4 MB L2 cache and the ratio
    // measured the cache, not the parser: callgrind counts 9.9x the
    // instructions for 10x the markers.)
    Shape {
        name: "nested_markers",
        make: |k| "（一）工作\n1.工作\n（1）工作\n①工作\n".repeat(25_000 * k),
    },
    // The same markers run together on one line.
    Shape {
        name: "nested_markers_inline",
        make: |k| "（一）1.（1）①".repeat(10_000 * k),
    },
    // Enumeration items in one paragraph.
    Shape {
        name: "enum_items",
        make: |k| "一是加强领导，二是完善制度；三是".repeat(20_000 * k),
    },
    // One number of 1 MB and 10 MB of digits.
    Shape {
        name: "long_number",
        make: |k| format!("共完成投资{}万元。", "9".repeat(MB * k)),
    },
    Shape {
        name: "cjk_numerals",
        make: |k| fill("一二三四五六七八九十百千万亿", MB * k),
    },
    Shape {
        name: "control_chars",
        make: |k| {
            fill(
                "\0\u{1}工作\u{7}\u{1b}[0m\u{7f}\u{85}\u{8}完成3项\0。\n",
                MB * k,
            )
        },
    },
    Shape {
        name: "nul_bytes",
        make: |k| "\0".repeat(MB * k),
    },
    Shape {
        name: "whitespace",
        make: |k| fill(" \u{3000}\t\n\r\n\u{a0}\u{200b}\u{feff}\r", MB * k),
    },
    Shape {
        name: "blank_lines",
        make: |k| "\n".repeat(MB * k),
    },
    Shape {
        name: "punctuation",
        make: |k| fill("。，、；：“”《》〈〉〔〕—～！？（）()|:;.,-%％‰", MB * k),
    },
    Shape {
        name: "short_lines",
        make: |k| "一\n".repeat(MB / 4 * k),
    },
];

fn selected() -> Vec<&'static Shape> {
    let only = std::env::var("HOSTILE_SHAPES").ok();
    SHAPES
        .iter()
        .filter(|s| {
            only.as_deref()
                .is_none_or(|o| o.split(',').any(|n| n.trim() == s.name))
        })
        .collect()
}

fn parse_once(src: &str) -> usize {
    let doc = gongwen::parse(black_box(src));
    black_box(doc.sections.len() + doc.diagnostics.len())
}

fn criterion_benches(shapes: &[&Shape]) {
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    for shape in shapes {
        let mut g = c.benchmark_group(format!("hostile/{}", shape.name));
        g.sampling_mode(SamplingMode::Flat);
        for k in [1, 10] {
            let src = (shape.make)(k);
            g.throughput(Throughput::Bytes(src.len() as u64));
            g.bench_with_input(
                BenchmarkId::from_parameter(format!("{k}x")),
                &src,
                |b, s| b.iter(|| parse_once(s)),
            );
        }
        g.finish();
    }
    c.final_summary();
}

/// Min of `reps` timed parses (one warm-up run first).
fn time(src: &str, reps: usize) -> Duration {
    parse_once(src);
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            parse_once(src);
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn ratios(shapes: &[&Shape]) -> bool {
    let reps: usize = std::env::var("HOSTILE_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let mut ok = true;
    let mut rows = Vec::new();
    for shape in shapes {
        let s1 = (shape.make)(1);
        let s10 = (shape.make)(10);
        let t1 = time(&s1, reps);
        let t10 = time(&s10, reps);
        // Guard against timer resolution on tiny times.
        let ratio = t10.as_secs_f64() / t1.as_secs_f64().max(1e-6);
        // Under 5 ms at 10× the ratio is timer noise, not a trend.
        let bad = ratio >= MAX_RATIO && t10 >= Duration::from_millis(5);
        let flag = if bad { "  !!" } else { "" };
        ok &= !bad;
        rows.push(format!(
            "{:<24} {:>10} {:>9.2} {:>10} {:>9.2} {:>6.2}{flag}",
            shape.name,
            s1.len(),
            t1.as_secs_f64() * 1e3,
            s10.len(),
            t10.as_secs_f64() * 1e3,
            ratio
        ));
        eprintln!("{}", rows.last().map_or("", |r| r.as_str()));
    }
    println!();
    println!(
        "{:<24} {:>10} {:>9} {:>10} {:>9} {:>6}",
        "shape", "1x bytes", "t1 (ms)", "10x bytes", "t10 (ms)", "ratio"
    );
    for r in &rows {
        println!("{r}");
    }
    println!(
        "(min of {reps} runs each; ratio = t10/t1, must stay under {MAX_RATIO}{})",
        if ok { "" } else { "; !! marks shapes over it" }
    );
    ok
}

/// `HOSTILE_SWEEP=1`: time each shape at 1×, 2×, 4×, 8×, 16× (min of
/// `HOSTILE_REPS`) and print ns per byte: flat is linear, growing is not.
fn sweep(shapes: &[&Shape]) {
    let reps: usize = std::env::var("HOSTILE_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    for shape in shapes {
        let mut row = format!("{:<24}", shape.name);
        for k in [1, 2, 4, 8, 16] {
            let src = (shape.make)(k);
            let t = time(&src, reps);
            row.push_str(&format!(
                " {k:>2}x {:>8.1}ms {:>6.1}ns/B",
                t.as_secs_f64() * 1e3,
                t.as_secs_f64() * 1e9 / src.len().max(1) as f64
            ));
        }
        println!("{row}");
    }
}

fn main() {
    let shapes = selected();
    // `cargo bench` passes `--bench`; `cargo test --benches` does not: then
    // parse each shape once at 1× so the shapes are exercised, time nothing.
    if !std::env::args().any(|a| a == "--bench") {
        for shape in &shapes {
            parse_once(&(shape.make)(1));
        }
        return;
    }
    // `HOSTILE_INSTR=shape:k:build|parse`: build one shape at scale k and
    // (for `parse`) parse it once, nothing else: for
    // `benches/hostile_instr.sh`, which counts instructions with callgrind.
    if let Ok(spec) = std::env::var("HOSTILE_INSTR") {
        let mut it = spec.split(':');
        let (name, k, what) = (it.next(), it.next(), it.next());
        let k: usize = k.and_then(|k| k.parse().ok()).unwrap_or(1);
        if let Some(shape) = SHAPES.iter().find(|s| Some(s.name) == name) {
            let src = (shape.make)(k);
            if what == Some("parse") {
                parse_once(&src);
            }
            println!("bytes={}", src.len());
        }
        return;
    }
    if std::env::var_os("HOSTILE_SWEEP").is_some() {
        sweep(&shapes);
        return;
    }
    if std::env::var_os("HOSTILE_RATIOS_ONLY").is_none() {
        criterion_benches(&shapes);
    }
    if !ratios(&shapes) {
        std::process::exit(1);
    }
}

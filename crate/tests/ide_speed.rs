//! IntelliSense runs on keystrokes: one call on a large document must stay linear. A document
//! of 20,000 members is completed and hovered at its end, middle and start within a generous
//! bound (debug build, shared machine), and a doubled document must not take four times longer.

use devcontainer_doctor::ide::complete::complete;
use devcontainer_doctor::ide::hover::hover;
use std::time::{Duration, Instant};

fn document(members: usize) -> String {
    let mut text = String::from("{\n  \"image\": \"golang:1\",\n  \"containerEnv\": {\n");
    for i in 0..members {
        text.push_str(&format!(
            "    \"VAR_{i}\": \"value ${{localEnv:HOME}} {i}\",\n"
        ));
    }
    text.push_str("    \"LAST\": \"x\"\n  },\n  \n}\n");
    text
}

fn time_calls(text: &str) -> Duration {
    let end = text.len() - 4;
    let middle = text.len() / 2;
    let started = Instant::now();
    for offset in [end, middle, 3] {
        let _ = complete(text, offset);
        let _ = hover(text, offset);
    }
    started.elapsed()
}

#[test]
fn large_documents_stay_linear() {
    let small = document(10_000);
    let large = document(20_000);
    let _ = time_calls(&small);
    let t_small = time_calls(&small);
    let t_large = time_calls(&large);
    eprintln!("10k members: {t_small:?}, 20k members: {t_large:?}");
    assert!(t_large < Duration::from_secs(5), "too slow: {t_large:?}");
    assert!(
        t_large < t_small * 4 + Duration::from_millis(200),
        "looks quadratic: {t_small:?} -> {t_large:?}"
    );
    let items = complete(&large, large.len() - 4);
    assert!(items.iter().any(|i| i.label == "features"));
}
